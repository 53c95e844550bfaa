import { z } from 'zod';

/** The deal statuses whose fee is contracted and still to be invoiced: signed, work open or just done. */
export const FORECAST_DEAL_STATUSES = ['contracted', 'in_progress', 'delivered'] as const;

const forecastSums = {
  currency: z.string(),
  /** Contracted (the deal's fee) but not yet on a sent invoice. */
  uninvoicedCents: z.number().int(),
  /** On a sent invoice, unpaid, and its due day has not passed. */
  notDueCents: z.number().int(),
  /** On a sent invoice, unpaid, past its due day. */
  overdueCents: z.number().int(),
};

/**
 * What is still to come in, per currency (never mixed) and per month: the
 * month money is expected (uninvoiced: the payment clock's day; invoiced: the
 * due day), or, when overdue, the month it fell due. `month` is null for
 * contracted money with no day to expect it yet.
 */
export const moneyForecastSchema = z.object({
  /** Today in the workspace's zone. */
  asOf: z.string(),
  timeZone: z.string(),
  totals: z.array(z.object(forecastSums)),
  months: z.array(z.object({ month: z.string().nullable(), ...forecastSums })),
});
export type MoneyForecast = z.infer<typeof moneyForecastSchema>;
