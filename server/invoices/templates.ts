import type { TemplatePlaceholder } from '../../shared/schemas/billing';
import type { Invoice } from '../../shared/schemas/invoice';
import type { WorkspaceSettings } from '../../shared/schemas/settings';
import { formatMoney } from '../../shared/currency';
import { daysBetween } from '../../shared/days';

export type TemplateValues = Record<TemplatePlaceholder, string>;

/** What each placeholder stands for, for this invoice today. */
export function templateValues(
  invoice: Invoice,
  settings: Pick<WorkspaceSettings, 'name' | 'creator'>,
  { invoiceUrl, today }: { invoiceUrl: string; today: string },
): TemplateValues {
  return {
    invoiceNumber: invoice.number,
    payerName: invoice.payer.name,
    brandName: invoice.brandName,
    dealTitle: invoice.dealTitle,
    total: formatMoney(invoice.totalCents, invoice.currency),
    balance: formatMoney(invoice.balanceCents, invoice.currency),
    dueOn: invoice.dueOn,
    daysOverdue: String(Math.max(daysBetween(invoice.dueOn, today), 0)),
    daysUntilDue: String(Math.max(daysBetween(today, invoice.dueOn), 0)),
    invoiceUrl,
    paymentLink: settings.creator.paymentLink,
    creatorName: settings.creator.legalName.trim() || settings.name,
    poNumber: invoice.poNumber,
  };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Puts the values in; a placeholder the template does not know is left as written. */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as TemplatePlaceholder] : whole,
  );
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** Plain text as HTML: everything escaped, web addresses made links, line breaks kept. */
export function textToHtml(text: string): string {
  const escaped = escapeHtml(text).replace(
    /https?:\/\/[^\s<>"']+/g,
    (url) => `<a href="${url}">${url}</a>`,
  );
  const paragraphs = escaped
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">\n${paragraphs}\n</body></html>`;
}

/** A header value stays on one line: line breaks (and other controls) become spaces. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

export function oneLine(text: string): string {
  return text.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** A template filled for one invoice: the subject on one line, the body as text and escaped HTML. */
export function renderEmail(
  template: { subject: string; body: string },
  values: TemplateValues,
): RenderedEmail {
  const text = fillTemplate(template.body, values);
  return { subject: oneLine(fillTemplate(template.subject, values)), text, html: textToHtml(text) };
}
