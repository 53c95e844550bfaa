import './invoice-print-page.css';
import { useEffect } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { errorMessage, isApiError } from '../api';
import { Spinner } from '../components/badges';
import { Link } from '../components/link';
import { INVOICE_STATUS_LABELS, formatDay, formatMoney } from '../format';
import { useBrand } from '../resources/brands';
import { useInvoice } from '../resources/invoices';
import { useSettings } from '../resources/settings';

/**
 * An invoice laid out as a document for the browser's print dialog ("Save as PDF"):
 * on screen a sheet with a toolbar; in print only the sheet (the app's chrome is hidden).
 */
export default function InvoicePrintPage({ user, id }: { user: User; id: string }) {
  const invoice = useInvoice(id);
  const settings = useSettings();
  const brand = useBrand(invoice.data?.brandId ?? null);
  const number = invoice.data?.number;

  // "Save as PDF" names the file after the page title: make it the invoice's.
  useEffect(() => {
    if (!number) return;
    const previous = document.title;
    document.title = `Invoice ${number}`;
    return () => {
      document.title = previous;
    };
  }, [number]);

  if (invoice.isPending || settings.isPending) {
    return (
      <div className="page">
        <Spinner label="Loading invoice…" />
      </div>
    );
  }
  if (invoice.error || !invoice.data || settings.error || !settings.data) {
    const missing = isApiError(invoice.error, 404);
    return (
      <div className="page">
        <Link href="/money" className="back-link">
          ← Money
        </Link>
        <div className="card empty-inline">
          <p className="empty-inline__title">
            {missing ? 'Invoice not found' : 'Could not load this invoice'}
          </p>
          <p className="muted">
            {missing ? 'It may have been deleted.' : errorMessage(invoice.error ?? settings.error)}
          </p>
        </div>
      </div>
    );
  }

  const inv = invoice.data;
  const { creator } = settings.data;
  const contact = brand.data?.contacts[0] ?? null;
  const money = (cents: number) => formatMoney(cents, inv.currency);
  const from = creator.legalName.trim() || settings.data.name;
  const missingDetails = !creator.legalName.trim() || !creator.address.trim();
  const stamp = inv.status === 'paid' || inv.status === 'void' || inv.status === 'draft';

  return (
    <div className="print-page">
      <div className="print-toolbar">
        <Link href={`/deals/${inv.dealId}#invoice-${inv.id}`} className="back-link">
          ← {inv.dealTitle}
        </Link>
        <div className="print-toolbar__actions">
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            Print / Save as PDF
          </button>
        </div>
      </div>
      {missingDetails && (
        <p className="banner banner--info print-toolbar__notice">
          <span>
            Your legal name and address are not filled in yet, so the invoice shows the workspace
            name.{' '}
            {user.role === 'owner' ? (
              <Link href="/settings#invoice-details">Add them in Settings</Link>
            ) : (
              'The workspace owner can add them in Settings.'
            )}
          </span>
        </p>
      )}

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
              <div>
                <dt>Invoice no.</dt>
                <dd>{inv.number}</dd>
              </div>
              <div>
                <dt>Issued</dt>
                <dd>{formatDay(inv.issuedOn)}</dd>
              </div>
              <div>
                <dt>Due</dt>
                <dd>{formatDay(inv.dueOn)}</dd>
              </div>
              <div>
                <dt>Terms</dt>
                <dd>
                  {inv.paymentTermsDays === 0
                    ? 'Due on receipt'
                    : `Net ${inv.paymentTermsDays} days`}
                </dd>
              </div>
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
          <thead>
            <tr>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
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
          <div>
            <dt>Total</dt>
            <dd>{money(inv.amountCents)}</dd>
          </div>
          <div>
            <dt>Paid</dt>
            <dd>{inv.paidCents > 0 ? `−${money(inv.paidCents)}` : money(0)}</dd>
          </div>
          <div className="sheet__due">
            <dt>Balance due ({inv.currency})</dt>
            <dd data-testid="print-balance">{money(inv.balanceCents)}</dd>
          </div>
        </dl>

        {creator.paymentInstructions && (
          <section className="sheet__section">
            <h2 className="sheet__label">Payment instructions</h2>
            <p className="prewrap">{creator.paymentInstructions}</p>
          </section>
        )}
        {inv.notes && (
          <section className="sheet__section">
            <h2 className="sheet__label">Notes</h2>
            <p className="prewrap">{inv.notes}</p>
          </section>
        )}
        <footer className="sheet__footer">
          Please quote {inv.number} with your payment. Thank you!
        </footer>
      </article>
    </div>
  );
}
