// The workspace's invoice e-mail and reminder ladder until it sets its own. Plain values in a
// module that imports no zod (only its types): the alert scan's process reads the settings
// with them and so loads no zod at all; shared/schemas/billing.ts re-exports them.
import type { InvoiceEmailTemplate, InvoiceReminders } from './schemas/billing';

export const DEFAULT_INVOICE_EMAIL: InvoiceEmailTemplate = {
  subject: 'Invoice {{invoiceNumber}} from {{creatorName}}',
  body: [
    'Hi {{payerName}},',
    '',
    'Please find attached invoice {{invoiceNumber}} for {{dealTitle}}: {{total}}, due on {{dueOn}}.',
    '',
    'You can view and download it, see how to pay, and tell us once you have paid here:',
    '{{invoiceUrl}}',
    '',
    'Thank you!',
    '{{creatorName}}',
  ].join('\n'),
};

/** Polite, then firm: 3 days before, on the day, then 3, 7, 14 and 30 days late. */
export const DEFAULT_REMINDERS: InvoiceReminders = {
  enabled: true,
  businessHours: { from: '09:00', to: '17:00', weekdays: [1, 2, 3, 4, 5] },
  steps: [
    {
      offsetDays: -3,
      subject: 'Invoice {{invoiceNumber}} is due on {{dueOn}}',
      body: 'Hi {{payerName}},\n\nA friendly note that invoice {{invoiceNumber}} ({{balance}}) is due on {{dueOn}}.\n\n{{invoiceUrl}}\n\nThank you,\n{{creatorName}}',
    },
    {
      offsetDays: 0,
      subject: 'Invoice {{invoiceNumber}} is due today',
      body: 'Hi {{payerName}},\n\nInvoice {{invoiceNumber}} ({{balance}}) is due today. If it is already on its way, thank you, and please ignore this note.\n\n{{invoiceUrl}}\n\n{{creatorName}}',
    },
    {
      offsetDays: 3,
      subject: 'Invoice {{invoiceNumber}} is 3 days overdue',
      body: 'Hi {{payerName}},\n\nInvoice {{invoiceNumber}} ({{balance}}) was due on {{dueOn}}. Could you let me know when it will be paid?\n\n{{invoiceUrl}}\n\nThanks,\n{{creatorName}}',
    },
    {
      offsetDays: 7,
      subject: 'Overdue: invoice {{invoiceNumber}} ({{daysOverdue}} days)',
      body: 'Hi {{payerName}},\n\nInvoice {{invoiceNumber}} ({{balance}}) is now {{daysOverdue}} days overdue. Please arrange payment, or tell me if anything is holding it up.\n\n{{invoiceUrl}}\n\n{{creatorName}}',
    },
    {
      offsetDays: 14,
      subject: 'Second notice: invoice {{invoiceNumber}} is {{daysOverdue}} days overdue',
      body: 'Hi {{payerName}},\n\nInvoice {{invoiceNumber}} ({{balance}}) is {{daysOverdue}} days overdue. Please pay it this week.\n\n{{invoiceUrl}}\n\n{{creatorName}}',
    },
    {
      offsetDays: 30,
      subject: 'Final notice: invoice {{invoiceNumber}} is {{daysOverdue}} days overdue',
      body: 'Hi {{payerName}},\n\nInvoice {{invoiceNumber}} ({{balance}}) is {{daysOverdue}} days overdue. Please pay it now, or reply to settle a date; otherwise I will have to take further steps.\n\n{{invoiceUrl}}\n\n{{creatorName}}',
    },
  ],
};
