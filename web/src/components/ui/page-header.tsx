import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  subtitle: ReactNode;
  /** A line above the title, such as the brand a deal belongs to. */
  eyebrow?: ReactNode;
  /** The page's buttons and menus beside the title; none when empty or false. */
  actions?: ReactNode;
}

/** The top of a page: its title, a line saying what it holds, and its actions. */
export function PageHeader({ title, subtitle, eyebrow, actions }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div>
        {eyebrow}
        <h1 className="page-title">{title}</h1>
        <p className="page-subtitle">{subtitle}</p>
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
