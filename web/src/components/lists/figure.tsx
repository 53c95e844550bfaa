import type { ReactNode } from 'react';

interface FigureProps {
  /** The class of the figure's box inside its `<dl>`. */
  className: string;
  label: ReactNode;
  value: string;
  valueClassName?: string;
  testId: string;
  note: ReactNode;
  noteClassName: string;
}

/** One figure of a `<dl>` of money figures: what it is, the amount, and what that amount means. */
export function Figure(props: FigureProps) {
  return (
    <div className={props.className}>
      <dt>{props.label}</dt>
      <dd className={props.valueClassName} data-testid={props.testId}>
        {props.value}
      </dd>
      <dd className={props.noteClassName}>{props.note}</dd>
    </div>
  );
}
