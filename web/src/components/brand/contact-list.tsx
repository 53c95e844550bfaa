import type { Contact } from '../../../../shared/schemas/brand';

/** A brand's contacts: name, role and a mail link each. */
export function ContactList({ contacts }: { contacts: Contact[] }) {
  return (
    <ul className="contact-list">
      {contacts.map((c, i) => (
        <li key={i}>
          <span className="contact-list__name">{c.name}</span>
          {c.role && <span className="muted small"> · {c.role}</span>}
          {c.email && (
            <a className="contact-list__email small" href={`mailto:${c.email}`}>
              {c.email}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
