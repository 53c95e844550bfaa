import type { ReactNode } from 'react';
import { formatMoney } from '../format';
import type { FieldErrors } from '../hooks/use-form-errors';
import {
  emptyLine,
  emptyTax,
  previewTotals,
  type DocumentDraft,
  type LineDraft,
} from '../invoice-draft';
import { PlusIcon } from './icons';
import { DraftInput, LineRows, TaxRows } from './invoice/draft-rows';
import { InvoiceTotalsList } from './invoice-totals';
import './invoice-lines-editor.css';

const MAX_TAXES = 5;

export interface InvoiceLinesEditorProps {
  draft: DocumentDraft;
  onChange: (next: DocumentDraft) => void;
  currency: string;
  errors: FieldErrors;
  /** One line with quantity 1 is shown as a plain amount until the user itemizes. */
  itemized: boolean;
  onItemize: () => void;
  /** Under the amount: how it compares with the deal's fee. */
  amountHint?: ReactNode;
}

/** Line items (or one amount), taxes, discount and the totals they come to, worked out as typed. */
export function InvoiceLinesEditor({
  draft,
  onChange,
  currency,
  errors,
  itemized,
  onItemize,
  amountHint,
}: InvoiceLinesEditorProps) {
  const totals = previewTotals(draft, currency);
  const money = (cents: number) => formatMoney(cents, currency);
  const addLine = () => {
    onItemize();
    onChange({ ...draft, lines: [...draft.lines, emptyLine()] });
  };
  const first = draft.lines[0];
  const setFirst = (patch: Partial<LineDraft>) =>
    onChange({ ...draft, lines: draft.lines.map((l, i) => (i === 0 ? { ...l, ...patch } : l)) });
  const rows = { draft, onChange, errors };

  return (
    <div className="lines-editor span-2">
      {!itemized && first ? (
        <div className="form-grid">
          <DraftInput
            label="Amount"
            error={errors['lines.0.unitCents']}
            hint={amountHint}
            unit={currency}
            value={first.unit}
            onChange={(unit) => setFirst({ unit })}
            placeholder="0.00"
            autoFocus
          />
          <DraftInput
            label="Description"
            error={errors['lines.0.description']}
            hint="What the invoice is for, as printed."
            value={first.description}
            onChange={(description) => setFirst({ description })}
            maxLength={2000}
          />
        </div>
      ) : (
        <LineRows
          {...rows}
          currency={currency}
          amounts={draft.lines.map((_, i) => money(totals.lineCents[i] ?? 0))}
        />
      )}

      {draft.taxes.length > 0 && (
        <TaxRows
          {...rows}
          amounts={draft.taxes.map((_, i) => money(totals.taxes[i]?.cents ?? 0))}
        />
      )}

      <div className="lines-editor__adders">
        <button type="button" className="button button--small" onClick={addLine}>
          <PlusIcon /> Add line
        </button>
        {draft.taxes.length < MAX_TAXES && (
          <button
            type="button"
            className="button button--small"
            onClick={() => onChange({ ...draft, taxes: [...draft.taxes, emptyTax()] })}
          >
            <PlusIcon /> Add tax
          </button>
        )}
      </div>

      <div className="form-grid">
        <DraftInput
          label="Discount"
          error={errors['discountCents']}
          hint="Off the subtotal, before tax."
          unit={currency}
          value={draft.discount}
          onChange={(discount) => onChange({ ...draft, discount })}
          placeholder="0.00"
        />
        <DraftInput
          label="PO number"
          error={errors['poNumber']}
          hint="The payer’s purchase order."
          value={draft.poNumber}
          onChange={(poNumber) => onChange({ ...draft, poNumber })}
          maxLength={100}
          autoComplete="off"
        />
      </div>

      <InvoiceTotalsList currency={currency} {...totals} testId="invoice-totals" />
      {itemized && amountHint && <p className="field__hint">{amountHint}</p>}
    </div>
  );
}
