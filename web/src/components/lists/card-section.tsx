import { useId, type ReactNode } from 'react';

interface CardSectionProps {
  title: ReactNode;
  /** The heading's id, which names the section; a fresh one when absent. */
  id?: string;
  /** A muted paragraph under the title saying what the section is for. */
  intro?: ReactNode;
  /** Buttons beside the title (a "New …"); none when absent or false. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A card that is a section of its page, named by its own heading. */
export function CardSection({ title, id, intro, actions, children }: CardSectionProps) {
  const freshId = useId();
  const titleId = id ?? freshId;
  const heading = (
    <h2 id={titleId} className="section-title">
      {title}
    </h2>
  );
  return (
    <section className="card" aria-labelledby={titleId}>
      {actions ? (
        <div className="section-header">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {intro !== undefined && <p className="section-intro muted">{intro}</p>}
      {children}
    </section>
  );
}

/** The primary button beside a card's title that starts something new: "Send proposal". */
export function CardAction({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="button button--small button--primary" onClick={onClick}>
      {children}
    </button>
  );
}
