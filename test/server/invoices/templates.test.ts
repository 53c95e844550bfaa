import { describe, expect, it } from 'vitest';
import { unknownPlaceholder, type TemplatePlaceholder } from '../../../shared/schemas/billing';
import {
  fillTemplate,
  oneLine,
  renderEmail,
  type TemplateValues,
} from '../../../server/invoices/templates';

const VALUES: TemplateValues = {
  invoiceNumber: 'INV-2026-0001',
  payerName: 'Evil\r\nBcc: victim@example.com',
  brandName: '<script>alert(1)</script>',
  dealTitle: 'Launch & "more"',
  total: '$1,200.00',
  balance: '$1,200.00',
  dueOn: '2026-03-20',
  daysOverdue: '0',
  daysUntilDue: '3',
  invoiceUrl: 'http://localhost:8787/pay/abc_DEF-123',
  paymentLink: 'https://pay.example/mia?x=1&y=2',
  creatorName: 'Mia',
  poNumber: 'PO-7',
};

describe('invoice e-mail templates', () => {
  it('fills every placeholder, with or without spaces inside the braces, and leaves unknown ones as written', () => {
    const all = Object.keys(VALUES)
      .map((name) => `{{${name}}}`)
      .join('|');
    expect(fillTemplate(all, VALUES)).toBe(Object.values(VALUES).join('|'));
    expect(fillTemplate('{{ invoiceNumber }} {{nope}}', VALUES)).toBe('INV-2026-0001 {{nope}}');
  });

  it('keeps the subject on one line whatever the values hold: no header can be injected', () => {
    const email = renderEmail({ subject: 'Invoice for {{payerName}}', body: 'x' }, VALUES);
    expect(email.subject).toBe('Invoice for Evil Bcc: victim@example.com');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(oneLine('a\u2028b\u0000c\td')).toBe('a b c d');
  });

  it('escapes user text in the HTML, keeps it as written in the text, and links web addresses', () => {
    const email = renderEmail(
      {
        subject: 's',
        body: 'Hi {{brandName}}, {{dealTitle}}\n\nPay: {{paymentLink}}\nPage: {{invoiceUrl}}',
      },
      VALUES,
    );
    expect(email.text).toContain('Hi <script>alert(1)</script>, Launch & "more"');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('Launch &amp; &quot;more&quot;');
    expect(email.html).toContain(
      '<a href="https://pay.example/mia?x=1&amp;y=2">https://pay.example/mia?x=1&amp;y=2</a>',
    );
    expect(email.html).toContain('<a href="http://localhost:8787/pay/abc_DEF-123">');
    expect(email.html).toContain('<p>Pay: <a');
  });

  it('names an unknown placeholder', () => {
    expect(unknownPlaceholder('Hi {{payerName}} {{amount}}')).toBe('{{amount}}');
    expect(unknownPlaceholder('Hi {{ payerName }}')).toBeUndefined();
    expect(unknownPlaceholder('{{constructor}}')).toBe('{{constructor}}');
    const known: TemplatePlaceholder = 'invoiceUrl';
    expect(unknownPlaceholder(`{{${known}}}`)).toBeUndefined();
  });
});
