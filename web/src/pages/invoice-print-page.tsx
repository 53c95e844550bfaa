import './invoice-print-page.css';
import { useEffect } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { Link } from '../components/link';
import { BackLink, DetailLoading, DetailMissing } from '../components/ui/detail-states';
import { useBrand } from '../resources/brands';
import { useInvoice } from '../resources/invoices';
import { useSettings } from '../resources/settings';
import { InvoiceSheet } from './invoice-print/invoice-sheet';

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

  if (invoice.isPending || settings.isPending) return <DetailLoading label="Loading invoice…" />;
  if (invoice.error || !invoice.data || settings.error || !settings.data) {
    return (
      <DetailMissing
        error={invoice.error ?? settings.error}
        noun="invoice"
        backHref="/money"
        backLabel="Money"
      />
    );
  }

  const inv = invoice.data;
  const { creator } = settings.data;
  const missingDetails = !creator.legalName.trim() || !creator.address.trim();

  return (
    <div className="print-page">
      <div className="print-toolbar">
        <BackLink href={`/deals/${inv.dealId}#invoice-${inv.id}`}>{inv.dealTitle}</BackLink>
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

      <InvoiceSheet inv={inv} settings={settings.data} contact={brand.data?.contacts[0] ?? null} />
    </div>
  );
}
