import { useId, type FormEvent, type ReactNode } from 'react';
import { FormBanner } from '../field';

export interface OwnerSettingsFormProps {
  /** The section's anchor (`/settings#invoice-details`). */
  id: string;
  title: string;
  intro: ReactNode;
  isOwner: boolean;
  /** Shown to everyone else, above the read-only fields. */
  ownerOnly: string;
  formError: string | null;
  onSubmit: () => void;
  /** The fields, disabled for all but the owner. */
  children: ReactNode;
  /** Below the fields, for everyone (e.g. the placeholders' help). */
  after?: ReactNode;
  /** The owner's buttons. */
  actions: ReactNode;
}

/** A settings card holding one form that only the workspace owner may change. */
export function OwnerSettingsForm({
  id,
  title,
  intro,
  isOwner,
  ownerOnly,
  formError,
  onSubmit,
  children,
  after,
  actions,
}: OwnerSettingsFormProps) {
  const titleId = `${useId()}-title`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <section id={id} className="card card--anchor" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {title}
      </h2>
      <p className="section-intro muted">{intro}</p>
      {!isOwner && <p className="banner banner--info">{ownerOnly}</p>}
      <FormBanner message={formError} />
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="form__fieldset" disabled={!isOwner}>
          {children}
        </fieldset>
        {after}
        {isOwner && <div className="form__actions">{actions}</div>}
      </form>
    </section>
  );
}
