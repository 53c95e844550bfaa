import { useState } from 'react';
import type { BrandRequestDetail } from '../../../../shared/schemas/request';
import { errorMessage } from '../../api';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { useToast } from '../../components/toast';
import { FormDialog } from '../../forms/form-dialog';
import { navigate } from '../../hooks/use-router';
import { useBrands } from '../../resources/brands';
import { useMediaKit } from '../../resources/kit';
import { useAcceptRequest, useDeclineRequest, useMarkRequestSpam } from '../../resources/requests';
import { RowTextAreaField } from '../../forms/row-fields';

export interface DialogProps {
  request: BrandRequestDetail;
  onClose: () => void;
}

const NEW_BRAND = '';

/** Accept: file it under the suggested (or any) brand, or a new one; then open the new deal. */
export function AcceptDialog({ request, onClose }: DialogProps) {
  const toast = useToast();
  const brands = useBrands();
  const [brandId, setBrandId] = useState(request.suggestedBrand?.id ?? NEW_BRAND);
  const accept = useAcceptRequest(request.id, {
    onSuccess: ({ dealId }) => {
      toast.show('success', 'Accepted: the deal is in negotiation');
      onClose();
      navigate(`/deals/${encodeURIComponent(dealId)}`);
    },
  });
  return (
    <FormDialog
      title="Accept request"
      description="Makes a deal in negotiation with the requested items as planned deliverables."
      submitLabel="Accept and open the deal"
      busyLabel="Accepting…"
      busy={accept.isPending}
      formError={accept.error ? errorMessage(accept.error) : null}
      onSubmit={() => accept.mutate(brandId === NEW_BRAND ? {} : { brandId })}
      onClose={onClose}
    >
      <Field
        label="Brand"
        hint={
          request.suggestedBrand
            ? `Suggested: ${request.suggestedBrand.name} (matched by ${request.suggestedBrand.matchedBy === 'name' ? 'name' : 'e-mail domain'}).`
            : 'No known brand matches; a new one is made.'
        }
      >
        {(control) => (
          <select {...control} value={brandId} onChange={(e) => setBrandId(e.target.value)}>
            <option value={NEW_BRAND}>New brand “{request.company}”</option>
            {(brands.data ?? []).map((brand) => (
              <option key={brand.id} value={brand.id}>
                {brand.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormDialog>
  );
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(
    /\{\{\s*(name|company|creator)\s*\}\}/g,
    (_, key: string) => values[key] ?? '',
  );
}

/** Decline: keep the request; optionally send the polite reply (from the kit's template, editable here). */
export function DeclineDialog({ request, onClose }: DialogProps) {
  const toast = useToast();
  const kit = useMediaKit();
  const [sendReply, setSendReply] = useState(true);
  const [edited, setEdited] = useState<string | null>(null);
  const template = kit.data
    ? fill(kit.data.requestForm.declineTemplate, {
        name: request.name,
        company: request.company,
        creator: kit.data.displayName,
      })
    : '';
  const message = edited ?? template;
  const decline = useDeclineRequest(request.id, {
    onSuccess: () => {
      toast.show('success', 'Request declined');
      onClose();
    },
  });
  return (
    <FormDialog
      title="Decline request"
      submitLabel={sendReply ? 'Decline and send reply' : 'Decline'}
      busyLabel="Declining…"
      busy={decline.isPending}
      formError={decline.error ? errorMessage(decline.error) : null}
      onSubmit={() =>
        decline.mutate(
          sendReply ? { sendReply, message: message.trim() || undefined } : { sendReply },
        )
      }
      onClose={onClose}
    >
      <label className="checkbox">
        <input
          type="checkbox"
          checked={sendReply}
          onChange={(e) => setSendReply(e.target.checked)}
        />
        Send {request.name} a polite reply
      </label>
      {sendReply && (
        <RowTextAreaField
          label="Reply"
          hint="Your decline template, filled in. Edit it for this brand if you like."
          rows={8}
          value={message}
          onChange={setEdited}
        />
      )}
    </FormDialog>
  );
}

/** Spam: hidden from the inbox, and the sender can no longer use the form. */
export function SpamDialog({ request, onClose }: DialogProps) {
  const toast = useToast();
  const spam = useMarkRequestSpam(request.id, {
    onSuccess: () => {
      toast.show('success', 'Marked as spam; the sender is blocked');
      onClose();
    },
    onError: (error) => toast.show('error', 'Not marked', errorMessage(error)),
  });
  return (
    <Dialog
      title="Mark as spam?"
      onClose={onClose}
      size="small"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={spam.isPending}
            onClick={() => spam.mutate()}
          >
            Mark as spam
          </button>
        </>
      }
    >
      <p>
        The request is hidden and {request.email} can no longer send requests through your form.
      </p>
    </Dialog>
  );
}
