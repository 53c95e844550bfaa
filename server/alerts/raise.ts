import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { preparedInsert } from '../db/prepared';
import type { AlertRule, AlertSeverity, AlertSubjectType, Database, UserRow } from '../db/schema';
import { yieldToEventLoop } from '../event-loop';
import { loadSubjectContexts, renderAlertMessage } from './messages';
import type { DueAlert } from './rules/rule';

export interface RaiseOptions {
  now: Date;
  /** Workspace zone, for the in-app message. */
  timeZone: string;
  /** Whether e-mail deliveries should be queued (an SMTP server is configured). */
  emailEnabled: boolean;
  /** Collects the ids of the alerts this call wrote. */
  raisedIds?: Set<string>;
}

/**
 * Alerts written per transaction: a short block of the event loop the scan
 * shares with the API (100 with their deliveries take 10–25 ms here), and
 * few commits for a week of catch-up.
 */
const CHUNK = 100;
/** Most deliveries per insert statement: 9 parameters a row, well under either engine's limit. */
const DELIVERY_ROWS = 256;

/**
 * `[from, to)` slices of `count` rows, each a power of two rows long, at most
 * `DELIVERY_ROWS`. Each new number of rows is a statement `preparedInsert`
 * builds and compiles anew, and a chunk's deliveries vary in number: a first
 * scan over a million deliverables compiled 21 inserts of ~200 rows, a quarter
 * of all the scan thread allocated (its GC runs on the cores the API's thread
 * needs). In powers of two, nine statements at most serve every chunk.
 */
export function insertBatches(count: number): Array<[number, number]> {
  const batches: Array<[number, number]> = [];
  for (let from = 0; from < count;) {
    let size = DELIVERY_ROWS;
    while (size > count - from) size /= 2;
    batches.push([from, from + size]);
    from += size;
  }
  return batches;
}

const byAlertKey = (a: DueAlert, b: DueAlert) =>
  a.rule !== b.rule
    ? a.rule < b.rule
      ? -1
      : 1
    : a.subjectId < b.subjectId
      ? -1
      : a.subjectId > b.subjectId
        ? 1
        : 0;

/**
 * Ids for one run's alerts and deliveries that sort in the order they are
 * made — UUID version 7's layout: the run's time, a counter, random bits —
 * so they are appended to the primary-key indexes.
 */
function sortableIds(now: Date): () => string {
  const time = now.getTime().toString(16).padStart(12, '0').slice(-12);
  const run = randomBytes(5).toString('hex');
  let counter = 0;
  // xxxxxxxx-xxxx-7ccc-8ccc-ccrrrrrrrrrr: t = time (12 hex), c = counter (8), r = run (10).
  const head = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
  return () => {
    const n = (counter++).toString(16).padStart(8, '0');
    return `${head}${n.slice(0, 3)}-8${n.slice(3, 6)}-${n.slice(6)}${run}`;
  };
}

type AlertRow = {
  id: string;
  rule: AlertRule;
  subjectType: AlertSubjectType;
  subjectId: string;
  dueAt: string;
  severity: AlertSeverity;
  message: string;
  createdAt: string;
};

type DeliveryRow = {
  id: string;
  alertId: string;
  channelType: 'email' | 'webhook';
  channelId: string | null;
  recipientUserId: string | null;
  recipient: string;
  status: 'pending';
  nextAttemptAt: string;
  createdAt: string;
};

/** New alerts; one already raised (same rule, subject, due moment) is skipped, not an error. */
const insertAlerts = preparedInsert<
  AlertRow,
  { id: string; rule: string; subjectId: string; dueAt: string }
>((db, rows) =>
  db
    .insertInto('alerts')
    .values(rows)
    .onConflict((oc) => oc.columns(['rule', 'subjectType', 'subjectId', 'dueAt']).doNothing())
    .returning(['id', 'rule', 'subjectId', 'dueAt']),
);

const insertDeliveries = preparedInsert<DeliveryRow>((db, rows) =>
  db.insertInto('deliveries').values(rows),
);

/** Who is e-mailed about an alert: its assignee, or else every editor and owner; opt-outs respected. */
export function emailRecipients(users: UserRow[], assigneeId: string | null): UserRow[] {
  const active = users.filter((u) => !u.disabled);
  const assignee = assigneeId ? active.find((u) => u.id === assigneeId) : undefined;
  const chosen = assignee
    ? [assignee]
    : active.filter((u) => u.role === 'owner' || u.role === 'editor');
  return chosen.filter((u) => Boolean(u.emailAlerts));
}

/**
 * Writes each due alert once, with its pending deliveries (the outbox) in the
 * same transaction: a crash leaves either both or neither. The unique key
 * (rule, subject, due moment) makes a second raise of the same alert a no-op,
 * in this process or any other. Returns how many alerts were new.
 */
export async function raiseAlerts(
  db: Kysely<Database>,
  due: DueAlert[],
  options: RaiseOptions,
): Promise<number> {
  if (due.length === 0) return 0;
  const { knows, write } = await alertWriter(db, due, options);
  // In key order, with ids that grow: each transaction then adds to a few pages of each index
  // instead of a random page per alert (8,000 alerts rewrote ~160 MB of pages in the WAL).
  // Alerts whose subject is gone (deleted since the rules read it) are left out.
  const ordered = due.filter(knows).sort(byAlertKey);
  let raised = 0;
  for (let i = 0; i < ordered.length; i += CHUNK) {
    // Between chunks the event loop serves requests: better-sqlite3 calls block while they run.
    await yieldToEventLoop();
    const chunk = ordered.slice(i, i + CHUNK);
    raised += await db.transaction().execute((trx) => write(trx, chunk));
  }
  return raised;
}

/**
 * `raiseAlerts` inside the caller's transaction, for alerts that must commit
 * or roll back with the change that raised them (a brand's decision on a
 * review link): a crash after the change can then never lose its alert. For
 * a handful of alerts: one transaction, no pauses.
 */
export async function raiseAlertsInTransaction(
  trx: Kysely<Database>,
  due: DueAlert[],
  options: RaiseOptions,
): Promise<number> {
  if (due.length === 0) return 0;
  const { knows, write } = await alertWriter(trx, due, options);
  return write(trx, due.filter(knows).sort(byAlertKey));
}

/**
 * Reads what the alerts' messages and deliveries need (their subjects, the
 * team, the webhook channels) once; answers which alerts still have a
 * subject, and a function that writes a batch of those with their deliveries
 * inside a transaction.
 */
async function alertWriter(
  db: Kysely<Database>,
  due: DueAlert[],
  options: RaiseOptions,
): Promise<{
  knows: (alert: DueAlert) => boolean;
  write: (trx: Kysely<Database>, batch: DueAlert[]) => Promise<number>;
}> {
  const { now, timeZone, emailEnabled } = options;
  const nowIso = now.toISOString();
  const contexts = await loadSubjectContexts(db, due);
  const users = emailEnabled ? await db.selectFrom('users').selectAll().execute() : [];
  const channels = await db
    .selectFrom('channels')
    .select(['id', 'url'])
    .where('enabled', '=', true)
    .execute();
  const nextId = sortableIds(now);
  // Who is e-mailed depends only on the assignee: worked out once per assignee.
  const recipients = new Map<string | null, UserRow[]>();
  const recipientsOf = (assigneeId: string | null) => {
    let list = recipients.get(assigneeId);
    if (!list) recipients.set(assigneeId, (list = emailRecipients(users, assigneeId)));
    return list;
  };

  const knows = (alert: DueAlert) => contexts.has(alert.subjectId);
  const write = async (trx: Kysely<Database>, batch: DueAlert[]): Promise<number> => {
    if (batch.length === 0) return 0;
    const inserted = await insertAlerts(
      trx,
      batch.map((d) => ({
        id: nextId(),
        rule: d.rule,
        subjectType: d.subjectType,
        subjectId: d.subjectId,
        dueAt: d.dueAt,
        severity: d.severity,
        message: renderAlertMessage(d, contexts.get(d.subjectId)!, now, timeZone),
        createdAt: nowIso,
      })),
    );
    if (inserted.length === 0) return 0;
    for (const alert of inserted) options.raisedIds?.add(alert.id);

    const byKey = new Map(batch.map((d) => [`${d.rule}|${d.subjectId}|${d.dueAt}`, d]));
    const deliveries: DeliveryRow[] = [];
    for (const alert of inserted) {
      const d = byKey.get(`${alert.rule}|${alert.subjectId}|${alert.dueAt}`);
      for (const user of recipientsOf(d?.assigneeId ?? null)) {
        deliveries.push({
          id: nextId(),
          alertId: alert.id,
          channelType: 'email',
          channelId: null,
          recipientUserId: user.id,
          recipient: user.email,
          status: 'pending',
          nextAttemptAt: nowIso,
          createdAt: nowIso,
        });
      }
      for (const channel of channels) {
        deliveries.push({
          id: nextId(),
          alertId: alert.id,
          channelType: 'webhook',
          channelId: channel.id,
          recipientUserId: null,
          recipient: channel.url,
          status: 'pending',
          nextAttemptAt: nowIso,
          createdAt: nowIso,
        });
      }
    }
    for (const [from, to] of insertBatches(deliveries.length)) {
      await insertDeliveries(trx, deliveries.slice(from, to));
    }
    return inserted.length;
  };
  return { knows, write };
}
