import { useState } from 'react';
import type { Invoice } from '../../../shared/schemas/invoice';
import { errorMessage } from '../api';
import { useRevokeInvoiceLink } from '../resources/invoice-sending';
import { ConfirmDialog } from './dialog';
import { useToast } from './toast';
import { DangerButton } from './row-actions';

export interface InvoicePayerLinkProps {
  /** An invoice with a live payer link (`publicUrl` set). */
  invoice: Invoice & { publicUrl: string };
  canEdit: boolean;
}

/** "Copy payer link" for everyone; "Revoke link" (confirmed) for editors. */
export function InvoicePayerLink({ invoice, canEdit }: InvoicePayerLinkProps) {
  const toast = useToast();
  const revoke = useRevokeInvoiceLink(invoice.id);
  const [confirming, setConfirming] = useState(false);
  const hidden = (text: string) => <span className="visually-hidden">{text}</span>;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invoice.publicUrl);
      toast.success('Payer link copied', invoice.publicUrl);
    } catch {
      // No clipboard (plain http, or permission refused): show it to copy by hand.
      toast.warning('Copy the payer link by hand', invoice.publicUrl);
    }
  };

  return (
    <>
      <button type="button" className="button button--small" onClick={() => void copy()}>
        Copy payer link{hidden(` of ${invoice.number}`)}
      </button>
      {canEdit && (
        <DangerButton
          onClick={() => {
            revoke.reset();
            setConfirming(true);
          }}
        >
          Revoke link{hidden(` of ${invoice.number}`)}
        </DangerButton>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Revoke the payer link of ${invoice.number}?`}
          message={
            <p>
              The payer’s page for this invoice stops working at once: the link in the e-mails
              already sent will say it is not active. Sending the invoice again makes a new link.
            </p>
          }
          confirmLabel="Revoke link"
          busy={revoke.isPending}
          error={revoke.error ? errorMessage(revoke.error) : null}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            revoke.mutate(undefined, {
              onSuccess: () => {
                setConfirming(false);
                toast.success(`Payer link of ${invoice.number} revoked`);
              },
            })
          }
        />
      )}
    </>
  );
}
