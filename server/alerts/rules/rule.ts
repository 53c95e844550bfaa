import type { Kysely } from 'kysely';
import type { WorkspaceSettings } from '../../../shared/schemas/settings';
import type { AlertRule, AlertSeverity, AlertSubjectType, Database } from '../../db/schema';
import type { OpenAlertOf } from '../subjects';

/**
 * One alert rule, whole: which subjects are due, when an open alert no longer
 * matters, and how it is worded. A new rule is one new file in this folder and
 * one line in `index.ts`.
 */
export interface AlertRuleModule<S extends AlertSubjectType = AlertSubjectType> {
  rule: AlertRule;
  subjectType: S;
  /** A short headline for e-mail subjects and chat messages. */
  headline: string;
  /** Alerts due in the window (pure: reads, writes nothing). Event rules have none: raised where it happens. */
  findDue?: (db: Kysely<Database>, window: RuleWindow) => Promise<DueAlert[]>;
  /**
   * For a rule that writes more than the alert when it raises: finds what is due and
   * raises it with `raise` (the scan's, inside the rule's transaction); returns how many are new.
   */
  raiseDue?: (
    db: Kysely<Database>,
    window: RuleWindow,
    raise: RaiseInTransaction,
  ) => Promise<number>;
  /** The ids of this rule's open alerts (one batch) that no longer matter. */
  stale: (
    db: Kysely<Database>,
    open: ReadonlyArray<OpenAlertOf[S]>,
    now: Date,
    timeZone: string,
  ) => Promise<string[]>;
  /** One line saying what is due and when, in the reader's time zone. */
  message: (alert: RenderableAlert, subject: SubjectContext, now: Date, timeZone: string) => string;
}

/** Writes due alerts (once each, with their deliveries) in the caller's transaction; how many were new. */
export type RaiseInTransaction = (trx: Kysely<Database>, due: DueAlert[]) => Promise<number>;

/** `stale` for a rule that decides each open alert on its own row. */
export function staleWhen<S extends AlertSubjectType>(
  isStale: (alert: OpenAlertOf[S], now: Date, timeZone: string) => boolean,
): AlertRuleModule<S>['stale'] {
  return async (_db, open, now, timeZone) =>
    open.filter((a) => isStale(a, now, timeZone)).map((a) => a.id);
}

/** An alert a rule says is due now; raising it is idempotent on (rule, subject, dueAt). */
export interface DueAlert {
  rule: AlertRule;
  subjectType: AlertSubjectType;
  subjectId: string;
  dueAt: string;
  severity: AlertSeverity;
  /** The team member the subject is assigned to, who gets the e-mail; null: every editor. */
  assigneeId: string | null;
  /** What the message names, when the rule's own query read it (from its covering index). */
  deliverable?: DeliverableFacts;
}

/** A deliverable as its alert message names it. */
export interface DeliverableFacts {
  title: string;
  platform: string;
  publishAt: string | null;
  draftDueAt: string | null;
  brandId: string;
}

export const HOUR_MS = 60 * 60 * 1000;

export interface RuleWindow {
  now: Date;
  /**
   * Overdue rules look at due moments after this instant, plus anything
   * edited since: what fell due while the server was down is still found.
   */
  since: Date;
  /**
   * The latest `now` any scan has seen (the watermark, or now if later). Due-soon
   * looks only beyond it, so after a clock rewind a moment already reported
   * overdue is never announced as "due soon".
   */
  highWater?: Date;
  settings: WorkspaceSettings;
}

/** The later of now and the high-water mark: due-soon rules look only beyond it. */
export const soonAfter = ({ now, highWater }: RuleWindow): Date =>
  highWater && highWater > now ? highWater : now;

/** What an alert is about, as people name it. */
export interface SubjectContext {
  subjectType: AlertSubjectType;
  id: string;
  title: string;
  brandName: string;
  platform?: string;
  /** The day the calendar should open on when the alert is followed. */
  calendarAt?: string | null;
  /** Where the web app shows the subject, e.g. `/?deliverable=…` or `/deals/…`. */
  href: string;
  /** Invoices: the due day and what is still owed, e.g. `$4,500.00`. */
  dueOn?: string;
  balanceText?: string;
  /** Invoices: the workspace's zone, where "overdue" and its day count are decided. */
  zone?: string;
}

export interface RenderableAlert {
  rule: AlertRule;
  dueAt: string;
}
