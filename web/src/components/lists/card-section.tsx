import { useId, type ReactNode } from 'react';

interface CardSectionProps {
  title: string;
  /** A muted paragraph under the title saying what the section is for. */
  intro?: ReactNode;
  children: ReactNode;
}

/** A card that is a section of its page, named by its own heading. */
export function CardSection({ title, intro, children }: CardSectionProps) {
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {title}
      </h2>
      {intro !== undefined && <p className="section-intro muted">{intro}</p>}
      {children}
    </section>
  );
}
