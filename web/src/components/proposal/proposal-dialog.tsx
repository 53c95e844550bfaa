import './proposal.css';
import { useState } from 'react';
import { PAYMENT_TRIGGERS } from '../../../../shared/schemas/billing';
import type { Deal } from '../../../../shared/schemas/deal';
import {
  PROPOSAL_NOTE_MAX,
  proposalCreateSchema,
  type ProposalCreated,
  type ProposalTerms,
} from '../../../../shared/schemas/proposal';
import { EnumField, TextAreaField, TextField } from '../../forms/fields';
import { FormDialog } from '../../forms/form-dialog';
import { useSchemaForm } from '../../forms/use-schema-form';
import { writeDialogProps } from '../../forms/write-dialog';
import { useMediaKit } from '../../resources/kit';
import { useCreateProposal } from '../../resources/proposals';
import { PAYMENT_TRIGGER_LABELS } from '../deal-payment-fields';
import {
  initialDraft,
  toProposalInput,
  type ItemDraft,
  type ProposalDraft,
} from './proposal-draft';
import { ProposalItems } from './proposal-items';

/**
 * "Send proposal" (or "Revise", from the last version's terms): items and
 * prices, payment terms, usage rights, exclusivity, revision rounds, a note
 * and an expiry. Sending answers the brand's link, shown once to copy.
 */
export function ProposalDialog({
  deal,
  timeZone,
  previous,
  planned,
  onSent,
  onClose,
}: {
  deal: Deal;
  timeZone: string;
  previous: ProposalTerms | null;
  /** What a first proposal starts from: the deal's deliverables, priced from the rate card. */
  planned: Parameters<typeof initialDraft>[3];
  onSent: (created: ProposalCreated) => void;
  onClose: () => void;
}) {
  const [start] = useState(() => initialDraft(deal, timeZone, previous, planned));
  const form = useSchemaForm<ProposalDraft>(start.draft);
  const [items, setItems] = useState<ItemDraft[]>(start.items);
  const kit = useMediaKit();
  const send = useCreateProposal(deal.id, { onSuccess: onSent, onError: form.fail });
  const currency = form.values.currency.trim().toUpperCase();

  const submit = () => {
    const { input, issues } = toProposalInput(form.values, items);
    if (form.check(proposalCreateSchema, input, issues)) send.mutate(input);
  };

  return (
    <FormDialog
      {...writeDialogProps(form, send, submit)}
      title={previous ? 'Revise proposal' : 'Send proposal'}
      description={`The brand (${deal.brandName}) gets a link to exactly these terms, to accept with one click or answer with changes.${previous ? ' The open version is replaced.' : ''}`}
      submitLabel={previous ? 'Send revision' : 'Send proposal'}
      busyLabel="Sending…"
      onClose={onClose}
      size="large"
    >
      <ProposalItems
        items={items}
        onChange={setItems}
        errors={form.errors}
        currency={currency}
        rateCard={kit.data?.rateCard ?? []}
      />
      <div className="form-grid">
        <TextField form={form} name="currency" label="Currency" maxLength={3} />
        <TextField
          form={form}
          name="paymentTermsDays"
          label="Payment terms (days)"
          inputMode="numeric"
        />
        <EnumField
          form={form}
          name="paymentTrigger"
          label="Counted from when"
          options={PAYMENT_TRIGGERS}
          labels={PAYMENT_TRIGGER_LABELS}
        />
        <TextField form={form} name="usageRightsUntil" label="Usage rights until" type="date" />
        <TextField
          form={form}
          name="exclusivityCategory"
          label="Exclusivity category"
          placeholder="e.g. Energy drinks"
          maxLength={100}
        />
        <TextField form={form} name="exclusivityUntil" label="Exclusive until" type="date" />
        <TextField
          form={form}
          name="revisionRounds"
          label="Revision rounds"
          inputMode="numeric"
          hint="Optional"
        />
        <TextField form={form} name="expiresOn" label="Open until" type="date" required />
      </div>
      <TextAreaField
        form={form}
        name="note"
        label="Note to the brand"
        rows={3}
        maxLength={PROPOSAL_NOTE_MAX}
      />
    </FormDialog>
  );
}
