import type { ReactNode } from 'react';

interface EmptyInlineProps {
  title: ReactNode;
  /** A muted hint at what to do. */
  children: ReactNode;
  /** A button to make the first one; nothing when absent or false. */
  action?: ReactNode;
}

/** A list's empty state inside its card: a bold line, a hint, and maybe a button. */
export function EmptyInline({ title, children, action }: EmptyInlineProps) {
  return (
    <div className="empty-inline">
      <p className="empty-inline__title">{title}</p>
      <p className="muted">{children}</p>
      {action}
    </div>
  );
}
