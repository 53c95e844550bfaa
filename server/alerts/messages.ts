import type { Kysely } from 'kysely';
import { PLATFORM_LABELS, type Platform } from '../../shared/schemas/deliverable';
import type { AlertRule, AlertSubjectType, Database } from '../db/schema';
import { describeWhen } from './time';

/** What an alert is about, as people name it. */
export interface SubjectContext {
  subjectType: AlertSubjectType;
  id: string;
  title: string;
  brandName: string;
  platform?: string;
  /** The day the calendar should open on when the alert is followed. */
  calendarAt?: string | null;
}

/** "on YouTube", but "on the blog", and "on its platform" for `other`. */
export function platformName(platform: string | undefined): string {
  if (!platform || !(platform in PLATFORM_LABELS) || platform === 'other') return 'its platform';
  const label = PLATFORM_LABELS[platform as Platform];
  return ['blog', 'newsletter', 'podcast'].includes(platform) ? `the ${label.toLowerCase()}` : label;
}

/** Loads the context of deliverable subjects in one query. */
export async function loadDeliverableContexts(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, SubjectContext>> {
  const contexts = new Map<string, SubjectContext>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('deliverables')
      .innerJoin('brands', 'brands.id', 'deliverables.brandId')
      .select([
        'deliverables.id',
        'deliverables.title',
        'deliverables.platform',
        'deliverables.publishAt',
        'deliverables.draftDueAt',
        'brands.name as brandName',
      ])
      .where('deliverables.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      contexts.set(row.id, {
        subjectType: 'deliverable',
        id: row.id,
        title: row.title,
        brandName: row.brandName,
        platform: row.platform,
        calendarAt: row.publishAt ?? row.draftDueAt,
      });
    }
  }
  return contexts;
}

export interface RenderableAlert {
  rule: AlertRule;
  dueAt: string;
}

/** One line saying what is due and when, in the reader's time zone. */
export function renderAlertMessage(
  alert: RenderableAlert,
  subject: SubjectContext,
  now: Date,
  timeZone: string,
): string {
  const when = describeWhen(alert.dueAt, now, timeZone);
  const what = `“${subject.title}” for ${subject.brandName}`;
  switch (alert.rule) {
    case 'draft_due_soon':
      return `Draft due ${when}: ${what}`;
    case 'draft_overdue':
      return `Draft overdue: ${what} was due ${when}`;
    case 'publish_due_soon':
      return `Goes live on ${platformName(subject.platform)} ${when}: ${what}`;
    case 'publish_overdue':
      return `Not published yet: ${what} was due to go live on ${platformName(subject.platform)} ${when}`;
    case 'invoice_due_soon':
      return `Invoice due ${when}: ${what}`;
    case 'invoice_overdue':
      return `Invoice overdue: ${what} was due ${when}`;
    case 'follow_up_due':
      return `Follow up with ${subject.brandName} ${when}`;
  }
}

/** A short headline for e-mail subjects and chat messages. */
export function alertHeadline(rule: AlertRule): string {
  switch (rule) {
    case 'draft_due_soon':
      return 'Draft due soon';
    case 'draft_overdue':
      return 'Draft overdue';
    case 'publish_due_soon':
      return 'Go-live coming up';
    case 'publish_overdue':
      return 'Go-live missed';
    case 'invoice_due_soon':
      return 'Invoice due soon';
    case 'invoice_overdue':
      return 'Invoice overdue';
    case 'follow_up_due':
      return 'Follow-up due';
  }
}
