import type { ReactNode } from 'react';

export interface DescriptionItemProps {
  term: string;
  /** The `<dd>`'s class, e.g. to mark a late day. */
  className?: string;
  children: ReactNode;
}

/** One term and its description in a `<dl>`, grouped in a `<div>` so the pair lays out as one. */
export function DescriptionItem({ term, className, children }: DescriptionItemProps) {
  return (
    <div>
      <dt>{term}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}
