import type { Contact } from '../../../../shared/schemas/brand';
import type { Invoice } from '../../../../shared/schemas/invoice';
import type { Settings } from '../../../../shared/schemas/settings';
import type { ReactNode } from 'react';
import { INVOICE_STATUS_LABELS, formatDay, formatMoney } from '../../format';
import { TableHead } from '../../components/lists/table-head';

/** One term and its value in the sheet's lists. */
function Fact({
  term,
  className,
  testId,
  children,
}: {
  term: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** A section of the sheet under a small label, its text kept as typed (line breaks). */
function SheetText({ label, text }: { label: string; text: string }) {
  return (
    <section className="sheet__section">
      <h2 className="sheet__label">{label}</h2>
      <p className="prewrap">{text}</p>
    </section>
  );
}

/** The invoice as a printed document: from, to, the fee, the totals, how to pay. */
export function InvoiceSheet({
  inv,
  settings,
  contact,
}: {
  inv: Invoice;
  settings: Settings;
  contact: Contact | null;
}) {
  const { creator } = settings;
  const money = (cents: number) => formatMoney(cents, inv.currency);
  const from = creator.legalName.trim() || settings.name;
  const stamp = inv.status === 'paid' || inv.status === 'void' || inv.status === 'draft';
  return (
    <article className="sheet" aria-label={`Invoice ${inv.number}`}>
      <header className="sheet__header">
        <div className="sheet__from">
          <p className="sheet__from-name">{from}</p>
          {creator.address && <p className="prewrap">{creator.address}</p>}
          {creator.email && <p>{creator.email}</p>}
          {creator.taxId && <p>Tax ID: {creator.taxId}</p>}
        </div>
        <div className="sheet__title-block">
          <h1 className="sheet__title">Invoice</h1>
          {stamp && (
            <p className={`sheet__stamp sheet__stamp--${inv.status}`}>
              {INVOICE_STATUS_LABELS[inv.status]}
            </p>
          )}
          <dl className="sheet__meta">
            <Fact term="Invoice no.">{inv.number}</Fact>
            <Fact term="Issued">{formatDay(inv.issuedOn)}</Fact>
            <Fact term="Due">{formatDay(inv.dueOn)}</Fact>
            <Fact term="Terms">
              {inv.paymentTermsDays === 0 ? 'Due on receipt' : `Net ${inv.paymentTermsDays} days`}
            </Fact>
          </dl>
        </div>
      </header>

      <section className="sheet__bill-to" aria-label="Bill to">
        <h2 className="sheet__label">Bill to</h2>
        <p className="sheet__brand">{inv.brandName}</p>
        {contact && (
          <p>
            {contact.name}
            {contact.role ? `, ${contact.role}` : ''}
          </p>
        )}
        {contact?.email && <p>{contact.email}</p>}
      </section>

      <table className="sheet__items">
        <TableHead columns={['Description', { label: 'Amount', num: true }]} />
        <tbody>
          <tr>
            <td>
              <span className="sheet__item-title">{inv.dealTitle}</span>
              <span className="sheet__item-sub">Sponsored content · {inv.brandName}</span>
            </td>
            <td className="num">{money(inv.amountCents)}</td>
          </tr>
        </tbody>
      </table>

      <dl className="sheet__totals">
        <Fact term="Total">{money(inv.amountCents)}</Fact>
        <Fact term="Paid">{inv.paidCents > 0 ? `−${money(inv.paidCents)}` : money(0)}</Fact>
        <Fact term={`Balance due (${inv.currency})`} className="sheet__due" testId="print-balance">
          {money(inv.balanceCents)}
        </Fact>
      </dl>

      {creator.paymentInstructions && (
        <SheetText label="Payment instructions" text={creator.paymentInstructions} />
      )}
      {inv.notes && <SheetText label="Notes" text={inv.notes} />}
      <footer className="sheet__footer">
        Please quote {inv.number} with your payment. Thank you!
      </footer>
    </article>
  );
}
