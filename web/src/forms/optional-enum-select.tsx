import type { SelectHTMLAttributes } from 'react';

export interface OptionalEnumSelectProps<T extends string> extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange'
> {
  /** null: the first choice, "none" (a filter that is off). */
  value: T | null;
  options: readonly T[];
  /** Each option's words; the value itself when absent. */
  labels?: Readonly<Record<T, string>>;
  /** The words of the empty first choice ("Everything", "Any"). */
  noneLabel: string;
  onChange: (value: T | null) => void;
}

/** An `EnumSelect` with an empty first choice that answers null: a filter's select, no casts. */
export function OptionalEnumSelect<T extends string>({
  value,
  options,
  labels,
  noneLabel,
  onChange,
  ...rest
}: OptionalEnumSelectProps<T>) {
  return (
    <select
      {...rest}
      value={value ?? ''}
      onChange={(event) => {
        const chosen = event.target.value;
        onChange(options.find((option) => option === chosen) ?? null);
      }}
    >
      <option value="">{noneLabel}</option>
      {options.map((option) => (
        <option key={option} value={option}>
          {labels?.[option] ?? option}
        </option>
      ))}
    </select>
  );
}
