import { z } from 'zod';

/** How many deliverables of the whole workspace are at risk now (see shared/risk.ts). */
export const riskCountSchema = z.object({
  /** Deliverables with a pending moment already past (the draft or the go-live). */
  overdue: z.number().int(),
  /** Deliverables not overdue with a pending moment inside its lead time. */
  dueSoon: z.number().int(),
  /** overdue + dueSoon: the header's "At risk" count. */
  atRisk: z.number().int(),
});
export type RiskCount = z.infer<typeof riskCountSchema>;
