import { brandAuditSource, notesSource, pitchesSource } from './brand';
import {
  dealAuditSource,
  proposalAnswersSource,
  proposalsSentSource,
  requestDecisionsSource,
  requestsSource,
} from './deals';
import { reportsSharedSource, testimonialsSource } from './results';
import type { TimelineSource } from './source';
import {
  invoiceEventsSource,
  paymentsSource,
  reviewLinksSource,
  reviewDecisionsSource,
} from './work';

export type { TimelineSource } from './source';

/**
 * Every record a brand's timeline is read from. A new kind of touch (reports
 * shared, testimonials) is one more source here: a name that is never reused
 * and a `read` that answers that brand's entries newest first.
 */
export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  notesSource,
  pitchesSource,
  brandAuditSource,
  requestsSource,
  requestDecisionsSource,
  dealAuditSource,
  proposalsSentSource,
  proposalAnswersSource,
  reviewLinksSource,
  reviewDecisionsSource,
  invoiceEventsSource,
  paymentsSource,
  reportsSharedSource,
  testimonialsSource,
];
