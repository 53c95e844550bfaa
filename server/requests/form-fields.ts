import type { ApiErrorIssue } from '../../shared/schemas/common';
import { currencyExponent } from '../../shared/currency';
import { requestSubmissionSchema, type RequestSubmissionInput } from '../../shared/schemas/request';
import { zodIssues } from '../validate';

/** The form's text fields as sent; a repeated or file field reads as its first text value. */
export function formValues(body: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[name] = first;
  }
  return values;
}

/** `2500`, `2,500.50`, `2500,50` → minor units of the currency; null when it is not an amount. */
export function parseAmount(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s_']/g, '').replace(/^[^\d]+/, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:[.,](\d+))?$/.exec(cleaned);
  if (!match) return null;
  const exponent = currencyExponent(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  const whole = match[1]!.replace(/,/g, '');
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Where an API field's message shows on the form. */
function formFieldOf(path: string): string {
  if (path === 'budgetCents') return 'budget';
  if (path === 'budgetMaxCents') return 'budgetMax';
  if (path.startsWith('items')) return 'items';
  return path.split('.')[0]!;
}

export type FormReading =
  | { ok: true; input: RequestSubmissionInput }
  | { ok: false; issues: ApiErrorIssue[]; errors: Record<string, string> };

/**
 * The HTML form's fields as a submission: amounts as typed (`budget`,
 * `budgetMax`, or `budgetCents` for scripts), one `qty_<n>` per rate-card
 * line. Errors come back by form field, the first message of each.
 */
export function readRequestForm(
  values: Record<string, string>,
  rateCardLength: number,
): FormReading {
  const text = (name: string) => {
    const value = values[name]?.trim() ?? '';
    return value === '' ? undefined : value;
  };
  const issues: ApiErrorIssue[] = [];
  const currency = text('currency');
  const amount = (field: string, centsField: string): number | undefined => {
    const typed = text(field);
    if (typed === undefined) {
      const cents = text(centsField);
      if (cents === undefined) return undefined;
      if (!/^\d{1,15}$/.test(cents)) {
        issues.push({ path: centsField, message: 'Expected an integer amount in minor units' });
        return undefined;
      }
      return Number(cents);
    }
    const minor = parseAmount(typed, currency ?? 'USD');
    if (minor === null)
      issues.push({ path: centsField, message: 'Expected an amount such as 2500' });
    return minor ?? undefined;
  };
  const items: Array<{ rateCardIndex: number; quantity: number }> = [];
  for (let index = 0; index < Math.min(rateCardLength, 50); index++) {
    const typed = text(`qty_${index}`);
    if (typed === undefined || typed === '0') continue;
    const quantity = /^\d{1,3}$/.test(typed) ? Number(typed) : NaN;
    if (!(quantity >= 1 && quantity <= 100)) {
      issues.push({ path: `items.${index}`, message: 'Expected a number from 0 to 100' });
      continue;
    }
    items.push({ rateCardIndex: index, quantity });
  }
  const candidate = {
    company: values.company ?? '',
    name: values.name ?? '',
    email: values.email ?? '',
    website: text('website'),
    items,
    want: values.want ?? '',
    budgetCents: amount('budget', 'budgetCents'),
    budgetMaxCents: amount('budgetMax', 'budgetMaxCents'),
    currency: currency,
    datesFrom: text('datesFrom'),
    datesTo: text('datesTo'),
    usageRights: values.usageRights ?? '',
    exclusivity: values.exclusivity ?? '',
    message: values.message ?? '',
    token: values.token ?? '',
    homepage: values.homepage ?? '',
  };
  const parsed = requestSubmissionSchema.safeParse(candidate);
  if (!parsed.success) issues.push(...zodIssues(parsed.error));
  if (issues.length > 0 || !parsed.success)
    return { ok: false, issues, errors: formErrors(issues) };
  return { ok: true, input: parsed.data };
}

/** The first message for each form field. */
export function formErrors(issues: readonly ApiErrorIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[formFieldOf(issue.path)] ??= issue.message;
  return errors;
}
