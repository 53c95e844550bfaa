import type { SelectHTMLAttributes } from 'react';

export interface EnumSelectProps<T extends string> extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange'
> {
  value: T;
  options: readonly T[];
  /** Each option's words; the value itself when absent. */
  labels?: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
}

/** A `<select>` over a closed list whose change handler gets the list's type, no cast needed. */
export function EnumSelect<T extends string>({
  value,
  options,
  labels,
  onChange,
  ...rest
}: EnumSelectProps<T>) {
  return (
    <select
      {...rest}
      value={value}
      onChange={(event) => {
        const chosen = options.find((option) => option === event.target.value);
        if (chosen !== undefined) onChange(chosen);
      }}
    >
      {options.map((option) => (
        <option key={option} value={option}>
          {labels?.[option] ?? option}
        </option>
      ))}
    </select>
  );
}
