import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Alert, alertListQuerySchema } from '../../../shared/schemas/alert';
import { loadSubjectContexts, renderAlertMessage } from '../../alerts/messages';
import { invalidField, notFound } from '../../errors';
import type { AlertRow, Database } from '../schema';

export type AlertListFilter = z.output<typeof alertListQuerySchema>;

/** Who is reading: messages are worded for their zone and their "now". */
export interface AlertView {
  now: Date;
  timeZone: string;
}

/** The inbox: open (default), snoozed, acknowledged or all; newest first. */
export async function listAlerts(
  db: Kysely<Database>,
  filter: AlertListFilter,
  view: AlertView,
): Promise<Alert[]> {
  const nowIso = view.now.toISOString();
  let query = db.selectFrom('alerts').selectAll();
  switch (filter.state ?? 'open') {
    case 'open':
      query = query
        .where('acknowledgedAt', 'is', null)
        .where('resolvedAt', 'is', null)
        .where((eb) => eb.or([eb('snoozedUntil', 'is', null), eb('snoozedUntil', '<=', nowIso)]));
      break;
    case 'snoozed':
      query = query
        .where('acknowledgedAt', 'is', null)
        .where('resolvedAt', 'is', null)
        .where('snoozedUntil', '>', nowIso);
      break;
    case 'acknowledged':
      query = query.where('acknowledgedAt', 'is not', null);
      break;
    case 'all':
      break;
  }
  if (filter.rule?.length) query = query.where('rule', 'in', filter.rule);
  if (filter.subjectId) query = query.where('subjectId', '=', filter.subjectId);
  const rows = await query
    .orderBy('createdAt', 'desc')
    .orderBy('dueAt', 'desc')
    .orderBy('id')
    .limit(filter.limit ?? 100)
    .execute();
  return hydrateAlerts(db, rows, view);
}

/** How many alerts are open: the number on the bell. */
export async function countOpenAlerts(db: Kysely<Database>, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const row = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('acknowledgedAt', 'is', null)
    .where('resolvedAt', 'is', null)
    .where((eb) => eb.or([eb('snoozedUntil', 'is', null), eb('snoozedUntil', '<=', nowIso)]))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function hydrateAlerts(
  db: Kysely<Database>,
  rows: AlertRow[],
  view: AlertView,
): Promise<Alert[]> {
  if (rows.length === 0) return [];
  const contexts = await loadSubjectContexts(db, rows);
  const deliveries = await db
    .selectFrom('deliveries')
    .leftJoin('channels', 'channels.id', 'deliveries.channelId')
    .select([
      'deliveries.id',
      'deliveries.alertId',
      'deliveries.channelType',
      'deliveries.recipient',
      'deliveries.status',
      'deliveries.attempts',
      'deliveries.lastError',
      'deliveries.sentAt',
      'channels.name as channelName',
    ])
    .where(
      'deliveries.alertId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('deliveries.createdAt')
    .execute();
  const ackUserIds = [
    ...new Set(rows.map((r) => r.acknowledgedBy).filter((id): id is string => id !== null)),
  ];
  const ackNames = new Map(
    ackUserIds.length
      ? (
          await db
            .selectFrom('users')
            .select(['id', 'name'])
            .where('id', 'in', ackUserIds)
            .execute()
        ).map((u) => [u.id, u.name])
      : [],
  );
  return rows.map((row) => {
    const subject = contexts.get(row.subjectId);
    return {
      id: row.id,
      rule: row.rule,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      subject: subject
        ? {
            title: subject.title,
            brandName: subject.brandName,
            calendarAt: subject.calendarAt ?? null,
            href: subject.href,
          }
        : null,
      dueAt: row.dueAt,
      // Worded for the reader: their zone, and "today"/"tomorrow" as of now.
      message: subject ? renderAlertMessage(row, subject, view.now, view.timeZone) : row.message,
      severity: row.severity,
      createdAt: row.createdAt,
      acknowledgedAt: row.acknowledgedAt,
      acknowledgedBy: row.acknowledgedBy,
      acknowledgedByName: row.acknowledgedBy ? (ackNames.get(row.acknowledgedBy) ?? null) : null,
      snoozedUntil: row.snoozedUntil,
      resolvedAt: row.resolvedAt,
      deliveries: deliveries
        .filter((d) => d.alertId === row.id)
        .map((d) => ({
          id: d.id,
          channelType: d.channelType,
          // A webhook URL is a credential (owner-only); the inbox names the channel instead.
          recipient:
            d.channelType === 'webhook' ? (d.channelName ?? 'a removed channel') : d.recipient,
          status: d.status,
          attempts: d.attempts,
          lastError: d.lastError,
          sentAt: d.sentAt,
        })),
    };
  });
}

export async function getAlert(db: Kysely<Database>, id: string, view: AlertView): Promise<Alert> {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Alert');
  const [alert] = await hydrateAlerts(db, [row], view);
  return alert!;
}

/** Hydrates the row an UPDATE … RETURNING answered (404 when it matched nothing). */
async function updatedAlert(
  db: Kysely<Database>,
  row: AlertRow | undefined,
  view: AlertView,
): Promise<Alert> {
  if (!row) throw notFound('Alert');
  const [alert] = await hydrateAlerts(db, [row], view);
  return alert!;
}

/**
 * Acknowledges an alert for the whole team; acknowledging twice keeps the first.
 * `before` is the alert as read before (the audited route has it): not read again.
 */
export async function acknowledgeAlert(
  db: Kysely<Database>,
  id: string,
  userId: string,
  view: AlertView,
  before?: Alert,
): Promise<Alert> {
  const current = before ?? (await getAlert(db, id, view));
  if (current.acknowledgedAt !== null) return current;
  const row = await db
    .updateTable('alerts')
    .set({ acknowledgedAt: view.now.toISOString(), acknowledgedBy: userId })
    .where('id', '=', id)
    .where('acknowledgedAt', 'is', null)
    .returningAll()
    .executeTakeFirst();
  // Acknowledged by someone else meanwhile: theirs is kept, so it is read as it now is.
  return row ? updatedAlert(db, row, view) : getAlert(db, id, view);
}

/**
 * Puts an acknowledged or snoozed alert back in the open inbox (and the bell): the
 * acknowledgement and the snooze go. Nothing is raised or sent again: the alert is the
 * same one, its deliveries stay as they were. Open already: unchanged. A resolved alert
 * stays resolved. `before` as for {@link acknowledgeAlert}.
 */
export async function reopenAlert(
  db: Kysely<Database>,
  id: string,
  view: AlertView,
  before?: Alert,
): Promise<Alert> {
  const current = before ?? (await getAlert(db, id, view));
  if (current.acknowledgedAt === null && current.snoozedUntil === null) return current;
  const row = await db
    .updateTable('alerts')
    .set({ acknowledgedAt: null, acknowledgedBy: null, snoozedUntil: null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return updatedAlert(db, row, view);
}

/** Snoozes an alert until a future moment; `before` as for {@link acknowledgeAlert}. */
export async function snoozeAlert(
  db: Kysely<Database>,
  id: string,
  until: string,
  view: AlertView,
  before?: Alert,
): Promise<Alert> {
  if (!before) await getAlert(db, id, view);
  if (Date.parse(until) <= view.now.getTime()) throw invalidField('until', 'Must be in the future');
  const row = await db
    .updateTable('alerts')
    .set({ snoozedUntil: until })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return updatedAlert(db, row, view);
}
