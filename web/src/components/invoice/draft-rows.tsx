import type { InputHTMLAttributes, ReactNode } from 'react';
import type { FieldErrors } from '../../hooks/use-form-errors';
import type { DocumentDraft, LineDraft, TaxDraft } from '../../invoice-draft';
import { bindRow } from '../../forms/row-fields';
import { UnitInput } from '../../forms/unit-field';
import { Field } from '../field';

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

/** One labelled input of a draft row (or of the document), with its unit when it has one. */
export function DraftInput({
  label,
  srPrefix,
  error,
  hint,
  className,
  unit,
  value,
  onChange,
  ...input
}: InputRest & {
  label: string;
  srPrefix?: string;
  error: string | undefined;
  hint?: ReactNode;
  className?: string;
  unit?: ReactNode;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} srPrefix={srPrefix} error={error} hint={hint} className={className}>
      {(p) =>
        unit === undefined ? (
          <input
            {...p}
            type="text"
            {...input}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <UnitInput {...p} {...input} unit={unit} value={value} onChange={onChange} />
        )
      }
    </Field>
  );
}

function RemoveButton({
  what,
  disabled,
  onClick,
}: {
  what: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="button button--small button--ghost-danger lines-editor__remove"
      disabled={disabled}
      onClick={onClick}
    >
      Remove<span className="visually-hidden"> {what}</span>
    </button>
  );
}

interface RowsProps {
  draft: DocumentDraft;
  onChange: (next: DocumentDraft) => void;
  currency: string;
  errors: FieldErrors;
  /** Each row's amount, formatted. */
  amounts: string[];
}

/** The itemized lines: description, quantity, unit price and what the line comes to. */
export function LineRows({ draft, onChange, currency, errors, amounts }: RowsProps) {
  const setLine = (index: number, patch: Partial<LineDraft>) =>
    onChange({
      ...draft,
      lines: draft.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)),
    });
  return (
    <fieldset className="lines-editor__lines">
      <legend className="field__label">Line items</legend>
      <ol className="lines-editor__list">
        {draft.lines.map((line, i) => {
          const field = bindRow({
            row: line,
            srPrefix: `Line ${i + 1}`,
            path: `lines.${i}`,
            errors,
            onChange: (patch) => setLine(i, patch),
          });
          return (
            <li key={line.key} className="lines-editor__row" data-testid="invoice-line">
              <DraftInput
                label="Description"
                {...field('description')}
                className="lines-editor__desc"
                maxLength={2000}
              />
              <DraftInput
                label="Qty"
                {...field('quantity')}
                className="lines-editor__qty"
                inputMode="decimal"
              />
              <DraftInput
                label="Unit price"
                {...field('unit', 'unitCents')}
                className="lines-editor__unit"
                unit={currency}
                placeholder="0.00"
              />
              <p className="lines-editor__amount" aria-label={`Line ${i + 1} amount`}>
                {amounts[i]}
              </p>
              <RemoveButton
                what={`line ${i + 1}`}
                disabled={draft.lines.length === 1}
                onClick={() => onChange({ ...draft, lines: draft.lines.filter((_, j) => j !== i) })}
              />
            </li>
          );
        })}
      </ol>
      {errors['lines'] && <p className="field__error">{errors['lines']}</p>}
    </fieldset>
  );
}

/** The taxes on the subtotal: label, rate and what each comes to. */
export function TaxRows({ draft, onChange, errors, amounts }: Omit<RowsProps, 'currency'>) {
  const setTax = (index: number, patch: Partial<TaxDraft>) =>
    onChange({
      ...draft,
      taxes: draft.taxes.map((t, i) => (i === index ? { ...t, ...patch } : t)),
    });
  return (
    <fieldset className="lines-editor__lines">
      <legend className="field__label">Taxes</legend>
      <ol className="lines-editor__list">
        {draft.taxes.map((tax, i) => {
          const field = bindRow({
            row: tax,
            srPrefix: `Tax ${i + 1}`,
            path: `taxes.${i}`,
            errors,
            onChange: (patch) => setTax(i, patch),
          });
          return (
            <li key={tax.key} className="lines-editor__row lines-editor__row--tax">
              <DraftInput
                label="Tax"
                {...field('label')}
                className="lines-editor__desc"
                maxLength={40}
              />
              <DraftInput
                label="Rate"
                {...field('rate', 'rateBasisPoints')}
                className="lines-editor__qty"
                unit="%"
              />
              <p className="lines-editor__amount" aria-label={`Tax ${i + 1} amount`}>
                {amounts[i]}
              </p>
              <RemoveButton
                what={`tax ${i + 1}`}
                onClick={() => onChange({ ...draft, taxes: draft.taxes.filter((_, j) => j !== i) })}
              />
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
