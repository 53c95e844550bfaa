import type { ReactNode } from 'react';
import { formatMoney } from '../format';
import type { FieldErrors } from '../hooks/use-form-errors';
import {
  emptyLine,
  emptyTax,
  previewTotals,
  type DocumentDraft,
  type LineDraft,
  type TaxDraft,
} from '../invoice-draft';
import { Field } from './field';
import { PlusIcon } from './icons';
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
  const setLine = (index: number, patch: Partial<LineDraft>) =>
    onChange({
      ...draft,
      lines: draft.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)),
    });
  const setTax = (index: number, patch: Partial<TaxDraft>) =>
    onChange({
      ...draft,
      taxes: draft.taxes.map((t, i) => (i === index ? { ...t, ...patch } : t)),
    });
  const addLine = () => {
    onItemize();
    onChange({ ...draft, lines: [...draft.lines, emptyLine()] });
  };
  const first = draft.lines[0];
  const unitSuffix = (
    <span className="input-unit__unit" aria-hidden="true">
      {currency}
    </span>
  );

  return (
    <div className="lines-editor span-2">
      {!itemized && first ? (
        <div className="form-grid">
          <Field label="Amount" error={errors['lines.0.unitCents']} hint={amountHint}>
            {(p) => (
              <div className="input-unit">
                <input
                  {...p}
                  type="text"
                  inputMode="decimal"
                  value={first.unit}
                  onChange={(e) => setLine(0, { unit: e.target.value })}
                  placeholder="0.00"
                  autoFocus
                />
                {unitSuffix}
              </div>
            )}
          </Field>
          <Field
            label="Description"
            error={errors['lines.0.description']}
            hint="What the invoice is for, as printed."
          >
            {(p) => (
              <input
                {...p}
                type="text"
                value={first.description}
                onChange={(e) => setLine(0, { description: e.target.value })}
                maxLength={2000}
              />
            )}
          </Field>
        </div>
      ) : (
        <fieldset className="lines-editor__lines">
          <legend className="field__label">Line items</legend>
          <ol className="lines-editor__list">
            {draft.lines.map((line, i) => (
              <li key={line.key} className="lines-editor__row" data-testid="invoice-line">
                <Field
                  label="Description"
                  srPrefix={`Line ${i + 1}`}
                  error={errors[`lines.${i}.description`]}
                  className="lines-editor__desc"
                >
                  {(p) => (
                    <input
                      {...p}
                      type="text"
                      value={line.description}
                      onChange={(e) => setLine(i, { description: e.target.value })}
                      maxLength={2000}
                    />
                  )}
                </Field>
                <Field
                  label="Qty"
                  srPrefix={`Line ${i + 1}`}
                  error={errors[`lines.${i}.quantity`]}
                  className="lines-editor__qty"
                >
                  {(p) => (
                    <input
                      {...p}
                      type="text"
                      inputMode="decimal"
                      value={line.quantity}
                      onChange={(e) => setLine(i, { quantity: e.target.value })}
                    />
                  )}
                </Field>
                <Field
                  label="Unit price"
                  srPrefix={`Line ${i + 1}`}
                  error={errors[`lines.${i}.unitCents`]}
                  className="lines-editor__unit"
                >
                  {(p) => (
                    <div className="input-unit">
                      <input
                        {...p}
                        type="text"
                        inputMode="decimal"
                        value={line.unit}
                        onChange={(e) => setLine(i, { unit: e.target.value })}
                        placeholder="0.00"
                      />
                      {unitSuffix}
                    </div>
                  )}
                </Field>
                <p className="lines-editor__amount" aria-label={`Line ${i + 1} amount`}>
                  {money(totals.lineCents[i] ?? 0)}
                </p>
                <button
                  type="button"
                  className="button button--small button--ghost-danger lines-editor__remove"
                  disabled={draft.lines.length === 1}
                  onClick={() =>
                    onChange({ ...draft, lines: draft.lines.filter((_, j) => j !== i) })
                  }
                >
                  Remove<span className="visually-hidden"> line {i + 1}</span>
                </button>
              </li>
            ))}
          </ol>
          {errors['lines'] && <p className="field__error">{errors['lines']}</p>}
        </fieldset>
      )}

      {draft.taxes.length > 0 && (
        <fieldset className="lines-editor__lines">
          <legend className="field__label">Taxes</legend>
          <ol className="lines-editor__list">
            {draft.taxes.map((tax, i) => (
              <li key={tax.key} className="lines-editor__row lines-editor__row--tax">
                <Field
                  label="Tax"
                  srPrefix={`Tax ${i + 1}`}
                  error={errors[`taxes.${i}.label`]}
                  className="lines-editor__desc"
                >
                  {(p) => (
                    <input
                      {...p}
                      type="text"
                      value={tax.label}
                      onChange={(e) => setTax(i, { label: e.target.value })}
                      maxLength={40}
                    />
                  )}
                </Field>
                <Field
                  label="Rate"
                  srPrefix={`Tax ${i + 1}`}
                  error={errors[`taxes.${i}.rateBasisPoints`]}
                  className="lines-editor__qty"
                >
                  {(p) => (
                    <div className="input-unit">
                      <input
                        {...p}
                        type="text"
                        inputMode="decimal"
                        value={tax.rate}
                        onChange={(e) => setTax(i, { rate: e.target.value })}
                      />
                      <span className="input-unit__unit" aria-hidden="true">
                        %
                      </span>
                    </div>
                  )}
                </Field>
                <p className="lines-editor__amount" aria-label={`Tax ${i + 1} amount`}>
                  {money(totals.taxes[i]?.cents ?? 0)}
                </p>
                <button
                  type="button"
                  className="button button--small button--ghost-danger lines-editor__remove"
                  onClick={() =>
                    onChange({ ...draft, taxes: draft.taxes.filter((_, j) => j !== i) })
                  }
                >
                  Remove<span className="visually-hidden"> tax {i + 1}</span>
                </button>
              </li>
            ))}
          </ol>
        </fieldset>
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
        <Field
          label="Discount"
          error={errors['discountCents']}
          hint="Off the subtotal, before tax."
        >
          {(p) => (
            <div className="input-unit">
              <input
                {...p}
                type="text"
                inputMode="decimal"
                value={draft.discount}
                onChange={(e) => onChange({ ...draft, discount: e.target.value })}
                placeholder="0.00"
              />
              {unitSuffix}
            </div>
          )}
        </Field>
        <Field label="PO number" error={errors['poNumber']} hint="The payer’s purchase order.">
          {(p) => (
            <input
              {...p}
              type="text"
              value={draft.poNumber}
              onChange={(e) => onChange({ ...draft, poNumber: e.target.value })}
              maxLength={100}
              autoComplete="off"
            />
          )}
        </Field>
      </div>

      <InvoiceTotalsList currency={currency} {...totals} testId="invoice-totals" />
      {itemized && amountHint && <p className="field__hint">{amountHint}</p>}
    </div>
  );
}
