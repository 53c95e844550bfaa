import './brand-contacts-editor.css';
import type { Contact } from '../../../shared/schemas/brand';
import { bindRow, RowTextField } from '../forms/row-fields';
import type { FieldErrors } from '../hooks/use-form-errors';
import { CloseIcon } from './icons';

export interface ContactDraft {
  key: number;
  name: string;
  email: string;
  role: string;
  billing: boolean;
}

let contactKey = 1;

function blankContact(): ContactDraft {
  return { key: contactKey++, name: '', email: '', role: '', billing: false };
}

export function toContactDrafts(
  contacts: ReadonlyArray<{
    name: string;
    email: string | null;
    role: string | null;
    billing: boolean;
  }>,
): ContactDraft[] {
  return contacts.map((c) => ({
    key: contactKey++,
    name: c.name,
    email: c.email ?? '',
    role: c.role ?? '',
    billing: c.billing,
  }));
}

/** The contacts the API takes: rows left wholly empty are dropped. */
export function fromContactDrafts(drafts: ContactDraft[]): Contact[] {
  return drafts
    .filter((c) => c.name.trim() || c.email.trim() || c.role.trim())
    .map((c) => ({
      name: c.name,
      email: c.email.trim() || null,
      role: c.role.trim() || null,
      billing: c.billing,
    }));
}

export interface BrandContactsEditorProps {
  contacts: ContactDraft[];
  onChange: (contacts: ContactDraft[]) => void;
  errors: FieldErrors;
  headingId: string;
}

/** A brand's contacts: name, e-mail, role, and whether invoices and reminders go to them. */
export function BrandContactsEditor({
  contacts,
  onChange,
  errors,
  headingId,
}: BrandContactsEditorProps) {
  const set = (index: number, patch: Partial<ContactDraft>) =>
    onChange(contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const remove = (index: number) => onChange(contacts.filter((_, i) => i !== index));

  return (
    <section className="contacts-editor" aria-labelledby={headingId}>
      <div className="contacts-editor__header">
        <h3 id={headingId} className="section-title">
          Contacts
        </h3>
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange([...contacts, blankContact()])}
        >
          Add contact
        </button>
      </div>
      {errors['contacts'] && <p className="field__error">{errors['contacts']}</p>}
      {contacts.length === 0 ? (
        <p className="muted small">No contacts yet. Add the people you talk to at this brand.</p>
      ) : (
        <ol className="contacts-editor__list">
          {contacts.map((contact, index) => {
            const field = bindRow({
              row: contact,
              srPrefix: `Contact ${index + 1}`,
              path: `contacts.${index}`,
              errors,
              onChange: (patch: Partial<ContactDraft>) => set(index, patch),
            });
            return (
              <li key={contact.key} className="contact-row">
                <RowTextField label="Name" {...field('name')} />
                <RowTextField label="Email" {...field('email')} type="email" />
                <RowTextField label="Role" {...field('role')} placeholder="e.g. PR manager" />
                <button
                  type="button"
                  className="icon-button contact-row__remove"
                  onClick={() => remove(index)}
                  aria-label={`Remove contact ${index + 1}`}
                  title="Remove contact"
                >
                  <CloseIcon />
                </button>
                <label className="checkbox contact-row__billing">
                  <input
                    type="checkbox"
                    checked={contact.billing}
                    onChange={(e) => set(index, { billing: e.target.checked })}
                  />
                  <span>
                    Billing contact<span className="visually-hidden"> {index + 1}</span>
                    <span className="muted small"> · invoices and reminders go here</span>
                  </span>
                </label>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
