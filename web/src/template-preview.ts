import { TEMPLATE_PLACEHOLDERS, type TemplatePlaceholder } from '../../shared/schemas/billing';
import type { Settings } from '../../shared/schemas/settings';

/** What each placeholder stands for, for the list beside the template editors. */
export const PLACEHOLDER_HELP: Record<TemplatePlaceholder, string> = {
  invoiceNumber: 'the invoice number',
  payerName: 'who pays (the payer’s name)',
  brandName: 'the brand',
  dealTitle: 'the deal’s title',
  total: 'the invoice total',
  balance: 'what is still owed',
  dueOn: 'the due day',
  daysOverdue: 'days past the due day',
  daysUntilDue: 'days left until the due day',
  invoiceUrl: 'the payer’s page for the invoice',
  paymentLink: 'your payment link',
  creatorName: 'your name (from invoice details)',
  poNumber: 'the payer’s PO number',
};

export { TEMPLATE_PLACEHOLDERS };

/** The workspace's own values in a preview: its name on invoices, and its payment link. */
export function templateSample(settings: Settings | undefined) {
  return {
    creatorName: settings ? settings.creator.legalName || settings.name : '',
    paymentLink: settings?.creator.paymentLink ?? '',
  };
}

/**
 * Fills a template with example values, as an invoice `offsetDays` from its due
 * day would: a preview of unsaved text (the server fills the real ones on sending).
 */
export function fillTemplate(
  text: string,
  sample: { creatorName: string; paymentLink: string; offsetDays: number },
): string {
  const values: Record<TemplatePlaceholder, string> = {
    invoiceNumber: 'INV-2026-0007',
    payerName: 'Mia Park',
    brandName: 'Glow Skincare',
    dealTitle: 'Spring serum launch',
    total: '€1,200.00',
    balance: '€1,200.00',
    dueOn: 'Mar 31, 2026',
    daysOverdue: String(Math.max(sample.offsetDays, 0)),
    daysUntilDue: String(Math.max(-sample.offsetDays, 0)),
    invoiceUrl: `${window.location.origin}/pay/…`,
    paymentLink: sample.paymentLink || '(no payment link set)',
    creatorName: sample.creatorName || 'Your name',
    poNumber: 'PO-4471',
  };
  return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (match, name: string) =>
    name in values ? values[name as TemplatePlaceholder] : match,
  );
}
