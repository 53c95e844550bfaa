import type { SelectHTMLAttributes } from 'react';

export interface ActionChoice<T extends string> {
  value: T;
  label: string;
}

export interface ActionSelectProps<T extends string> extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange'
> {
  /** What the closed menu says ("Move to…", "Set status…"); picking it does nothing. */
  prompt: string;
  choices: ReadonlyArray<ActionChoice<T>>;
  onPick: (value: T) => void;
}

/**
 * A menu that does something when a choice is picked and then shows its prompt
 * again: the keyboard's way to move a card or act on a selection.
 */
export function ActionSelect<T extends string>({
  prompt,
  choices,
  onPick,
  ...rest
}: ActionSelectProps<T>) {
  const pick = (value: string) => {
    const choice = choices.find((c) => c.value === value);
    if (choice) onPick(choice.value);
  };
  return (
    <select {...rest} value="" onChange={(event) => pick(event.target.value)}>
      <option value="">{prompt}</option>
      {choices.map(({ value, label }) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}
