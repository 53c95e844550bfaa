import { useState, type ReactNode } from 'react';
import type { PublicInvoice } from '../../../shared/schemas/getting-paid';
import { isApiError } from '../api';
import { LogoMark } from '../components/app-shell';
import { Spinner } from '../components/badges';
import { PublicInvoiceDocument } from '../components/public-invoice-document';
import { PublicPaidForm } from '../components/public-paid-form';
import { LoadFailed } from '../components/ui/load-failed';
import { PdfActions } from '../components/ui/public-link-view';
import { publicInvoicePdfPath, usePublicInvoice } from '../resources/invoice-links';
import './pay-page.css';

/** A page for someone who has never seen the app: no navigation, nothing of the workspace. */
function PayLayout({ children }: { children: ReactNode }) {
  return (
    <div className="pay">
      <main className="pay__card">{children}</main>
      <p className="pay__footer">
        <LogoMark size={18} /> Sent with Sponsorcal
      </p>
    </div>
  );
}

/**
 * `/pay/:token`, opened signed out by the payer from the invoice e-mail: the
 * invoice, its PDF, how to pay, and "we've paid". A link that opens nothing
 * says so, and nothing more.
 */
export function PayPage({ token }: { token: string }) {
  const invoice = usePublicInvoice(token);
  const [gone, setGone] = useState(false);
  if (invoice.isPending) {
    return (
      <PayLayout>
        <Spinner label="Opening the invoice…" />
      </PayLayout>
    );
  }
  if (invoice.data === null || gone) {
    return (
      <PayLayout>
        <h1 className="pay__inactive">This invoice link is not active</h1>
      </PayLayout>
    );
  }
  if (invoice.error || !invoice.data) {
    return (
      <PayLayout>
        <h1 className="pay__inactive">Could not open this invoice</h1>
        <LoadFailed
          error={invoice.error}
          onRetry={() => void invoice.refetch()}
          message={
            isApiError(invoice.error, 429)
              ? 'This page was opened too often just now. Please try again in a little while.'
              : undefined
          }
        />
      </PayLayout>
    );
  }
  return <PayInvoice token={token} invoice={invoice.data} onGone={() => setGone(true)} />;
}

function PayInvoice({
  token,
  invoice,
  onGone,
}: {
  token: string;
  invoice: PublicInvoice;
  onGone: () => void;
}) {
  const open = invoice.status === 'open' && invoice.balanceCents > 0;
  return (
    <PayLayout>
      <PublicInvoiceDocument invoice={invoice} />
      <PdfActions className="pay__actions" href={publicInvoicePdfPath(token)} />

      {open && (invoice.paymentInstructions.trim() || invoice.paymentLink) && (
        <section className="pay-section" aria-labelledby="pay-how">
          <h2 id="pay-how" className="pay-section__title">
            How to pay
          </h2>
          {invoice.paymentLink && (
            <a
              className="button button--primary pay__link"
              href={invoice.paymentLink}
              target="_blank"
              rel="noopener noreferrer"
            >
              Pay online
            </a>
          )}
          {invoice.paymentInstructions.trim() && (
            <p className="prewrap pay__instructions">{invoice.paymentInstructions}</p>
          )}
        </section>
      )}

      {open &&
        (invoice.remittancePending ? (
          <p className="pay__notice" role="status" data-testid="pay-notice">
            Thanks — we’ll confirm once it arrives.
          </p>
        ) : (
          <PublicPaidForm token={token} invoice={invoice} onGone={onGone} />
        ))}
      {invoice.status === 'paid' && (
        <p className="pay__notice pay__notice--paid" role="status">
          This invoice is paid in full. Thank you!
        </p>
      )}
    </PayLayout>
  );
}
