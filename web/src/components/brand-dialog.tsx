import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import {
  BRAND_STAGES,
  brandCreateSchema,
  brandPatchSchema,
  type Brand,
  type BrandCreate,
  type BrandStage,
} from '../../../shared/schemas/brand';
import { api, unwrap } from '../api';
import { BRAND_STAGE_LABELS } from '../format';
import { keys } from '../hooks/queries';
import { useFormErrors } from '../hooks/use-form-errors';
import { Dialog } from './dialog';
import { Field, FormBanner } from './field';
import './brand-dialog.css';
import { PitchLogSection } from './pitch-log-section';
import { useToast } from './toast';

/** The server's palette, offered as swatches; a custom colour is one click away. */
const SWATCHES = [
  '#2563eb',
  '#db2777',
  '#059669',
  '#d97706',
  '#7c3aed',
  '#dc2626',
  '#0891b2',
  '#65a30d',
  '#c026d3',
  '#ea580c',
];

interface ContactState {
  key: number;
  name: string;
  email: string;
  role: string;
  billing: boolean;
}

interface FormState {
  name: string;
  website: string;
  category: string;
  stage: BrandStage;
  nextFollowUpOn: string;
  notes: string;
  /** '' lets the server pick the next palette colour. */
  color: string;
  contacts: ContactState[];
}

export interface BrandDialogProps {
  brand: Brand | null;
  onClose: () => void;
  onSaved?: (brand: Brand, created: boolean) => void;
}

let contactKey = 1;

export function BrandDialog({ brand, onClose, onSaved }: BrandDialogProps) {
  const formId = useId();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [state, setState] = useState<FormState>(() => ({
    name: brand?.name ?? '',
    website: brand?.website ?? '',
    category: brand?.category ?? '',
    stage: brand?.stage ?? 'prospect',
    nextFollowUpOn: brand?.nextFollowUpOn ?? '',
    notes: brand?.notes ?? '',
    color: brand?.color ?? '',
    contacts: (brand?.contacts ?? []).map((c) => ({
      key: contactKey++,
      name: c.name,
      email: c.email ?? '',
      role: c.role ?? '',
      billing: c.billing,
    })),
  }));
  // Logging a pitch can move a prospect to `pitched` (a new version): save on top of that,
  // keeping the new stage unless the form's stage was changed by hand.
  const [current, setCurrent] = useState(brand);
  const version = current?.version ?? 1;
  const adoptLoggedPitch = async () => {
    if (!current) return;
    try {
      const fresh = await unwrap(api.brands[':id'].$get({ param: { id: current.id } }));
      setCurrent(fresh);
      setState((s) => (s.stage === current.stage ? { ...s, stage: fresh.stage } : s));
    } catch {
      // Saving with the old version then answers 409 and says to reload: nothing is lost.
    }
  };
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const setContact = (index: number, patch: Partial<ContactState>) =>
    setState((s) => ({
      ...s,
      contacts: s.contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    }));
  const addContact = () =>
    setState((s) => ({
      ...s,
      contacts: [
        ...s.contacts,
        { key: contactKey++, name: '', email: '', role: '', billing: false },
      ],
    }));
  const removeContact = (index: number) =>
    setState((s) => ({ ...s, contacts: s.contacts.filter((_, i) => i !== index) }));

  const save = useMutation({
    mutationFn: async (payload: BrandCreate) =>
      brand
        ? unwrap(
            api.brands[':id'].$patch({
              param: { id: brand.id },
              json: { ...payload, version },
            }),
          )
        : unwrap(api.brands.$post({ json: payload })),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: keys.brands });
      void queryClient.invalidateQueries({ queryKey: keys.deals });
      toast.success(brand ? 'Brand saved' : 'Brand added');
      onSaved?.(saved, !brand);
      onClose();
    },
    onError: (error) => {
      void queryClient.invalidateQueries({ queryKey: keys.brands });
      fromError(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const payload: BrandCreate = {
      name: state.name,
      website: state.website.trim() || null,
      category: state.category.trim() || null,
      stage: state.stage,
      nextFollowUpOn: state.nextFollowUpOn || null,
      notes: state.notes,
      ...(state.color ? { color: state.color } : {}),
      contacts: state.contacts
        .filter((c) => c.name.trim() || c.email.trim() || c.role.trim())
        .map((c) => ({
          name: c.name,
          email: c.email.trim() || null,
          role: c.role.trim() || null,
          billing: c.billing,
        })),
    };
    const parsed = brand
      ? brandPatchSchema.safeParse({ ...payload, version })
      : brandCreateSchema.safeParse(payload);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    save.mutate(payload);
  };

  return (
    <Dialog
      title={brand ? 'Edit brand' : 'New brand'}
      onClose={onClose}
      size="large"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            disabled={save.isPending}
          >
            {save.isPending ? 'Saving…' : 'Save brand'}
          </button>
        </>
      }
    >
      <FormBanner message={formError} />
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field label="Brand name" error={errors['name']} className="span-2">
            {(p) => (
              <input
                {...p}
                type="text"
                value={state.name}
                onChange={(e) => set('name', e.target.value)}
                placeholder="e.g. Glow Skincare"
                autoFocus={!brand}
                maxLength={200}
              />
            )}
          </Field>
          <Field label="Website" error={errors['website']}>
            {(p) => (
              <input
                {...p}
                type="url"
                inputMode="url"
                value={state.website}
                onChange={(e) => set('website', e.target.value)}
                placeholder="https://"
              />
            )}
          </Field>
          <Field
            label="Category"
            error={errors['category']}
            hint="Used to spot exclusivity clashes"
          >
            {(p) => (
              <input
                {...p}
                type="text"
                value={state.category}
                onChange={(e) => set('category', e.target.value)}
                placeholder="e.g. beauty"
              />
            )}
          </Field>
          <Field label="Stage" error={errors['stage']}>
            {(p) => (
              <select
                {...p}
                value={state.stage}
                onChange={(e) => set('stage', e.target.value as BrandStage)}
              >
                {BRAND_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {BRAND_STAGE_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Next follow-up" error={errors['nextFollowUpOn']}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={state.nextFollowUpOn}
                onChange={(e) => set('nextFollowUpOn', e.target.value)}
              />
            )}
          </Field>
          <div className={`field span-2${errors['color'] ? ' field--invalid' : ''}`}>
            <span className="field__label" id={`${formId}-colour`}>
              Calendar colour
            </span>
            <div className="swatches" role="radiogroup" aria-labelledby={`${formId}-colour`}>
              {!brand && (
                <button
                  type="button"
                  role="radio"
                  aria-checked={state.color === ''}
                  className={`swatch swatch--auto${state.color === '' ? ' swatch--on' : ''}`}
                  onClick={() => set('color', '')}
                >
                  Auto
                </button>
              )}
              {SWATCHES.map((c) => (
                <button
                  key={c}
                  type="button"
                  role="radio"
                  aria-checked={state.color.toLowerCase() === c}
                  aria-label={`Colour ${c}`}
                  className={`swatch${state.color.toLowerCase() === c ? ' swatch--on' : ''}`}
                  style={{ backgroundColor: c }}
                  onClick={() => set('color', c)}
                />
              ))}
              <label className="swatch-custom">
                <input
                  type="color"
                  value={state.color || '#64748b'}
                  onChange={(e) => set('color', e.target.value)}
                  aria-label="Custom colour"
                />
                <span>Custom</span>
              </label>
            </div>
            {errors['color'] && <p className="field__error">{errors['color']}</p>}
          </div>
          <Field label="Notes" error={errors['notes']} className="span-2">
            {(p) => (
              <textarea
                {...p}
                rows={3}
                value={state.notes}
                onChange={(e) => set('notes', e.target.value)}
                placeholder="Preferences, tone, tagging rules…"
              />
            )}
          </Field>
        </div>

        <section className="contacts-editor" aria-labelledby={`${formId}-contacts`}>
          <div className="contacts-editor__header">
            <h3 id={`${formId}-contacts`} className="section-title">
              Contacts
            </h3>
            <button type="button" className="button button--small" onClick={addContact}>
              Add contact
            </button>
          </div>
          {errors['contacts'] && <p className="field__error">{errors['contacts']}</p>}
          {state.contacts.length === 0 ? (
            <p className="muted small">
              No contacts yet. Add the people you talk to at this brand.
            </p>
          ) : (
            <ol className="contacts-editor__list">
              {state.contacts.map((contact, index) => {
                const prefix = `Contact ${index + 1}`;
                return (
                  <li key={contact.key} className="contact-row">
                    <Field label="Name" srPrefix={prefix} error={errors[`contacts.${index}.name`]}>
                      {(p) => (
                        <input
                          {...p}
                          type="text"
                          value={contact.name}
                          onChange={(e) => setContact(index, { name: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      label="Email"
                      srPrefix={prefix}
                      error={errors[`contacts.${index}.email`]}
                    >
                      {(p) => (
                        <input
                          {...p}
                          type="email"
                          value={contact.email}
                          onChange={(e) => setContact(index, { email: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field label="Role" srPrefix={prefix} error={errors[`contacts.${index}.role`]}>
                      {(p) => (
                        <input
                          {...p}
                          type="text"
                          value={contact.role}
                          onChange={(e) => setContact(index, { role: e.target.value })}
                          placeholder="e.g. PR manager"
                        />
                      )}
                    </Field>
                    <button
                      type="button"
                      className="icon-button contact-row__remove"
                      onClick={() => removeContact(index)}
                      aria-label={`Remove contact ${index + 1}`}
                      title="Remove contact"
                    >
                      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
                        <path
                          d="M5 5l10 10M15 5L5 15"
                          stroke="currentColor"
                          strokeWidth="1.8"
                          strokeLinecap="round"
                        />
                      </svg>
                    </button>
                    <label className="checkbox contact-row__billing">
                      <input
                        type="checkbox"
                        checked={contact.billing}
                        onChange={(e) => setContact(index, { billing: e.target.checked })}
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
      </form>
      {current && (
        <PitchLogSection brand={current} canEdit onLogged={() => void adoptLoggedPitch()} />
      )}
    </Dialog>
  );
}
