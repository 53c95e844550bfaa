import { useId, useState, type FormEvent } from 'react';
import {
  BRAND_STAGES,
  brandCreateSchema,
  brandPatchSchema,
  type Brand,
  type BrandCreate,
  type BrandStage,
} from '../../../shared/schemas/brand';
import { BRAND_STAGE_LABELS } from '../format';
import { fetchBrand, useSaveBrand } from '../resources/brands';
import { useFormErrors } from '../hooks/use-form-errors';
import { BrandColourPicker } from './brand-colour-picker';
import {
  BrandContactsEditor,
  fromContactDrafts,
  toContactDrafts,
  type ContactDraft,
} from './brand-contacts-editor';
import { BrandRemindersFields } from './brand-reminders-fields';
import { Dialog } from './dialog';
import { Field, FormBanner } from './field';
import './brand-dialog.css';
import {
  fromLadderState,
  ladderStateIssues,
  toLadderState,
  type LadderOverrideState,
} from './ladder-override-fields';
import { PitchLogSection } from './pitch-log-section';
import { useToast } from './toast';

interface FormState {
  name: string;
  website: string;
  category: string;
  stage: BrandStage;
  nextFollowUpOn: string;
  notes: string;
  /** '' lets the server pick the next palette colour. */
  color: string;
  contacts: ContactDraft[];
  reminders: LadderOverrideState;
}

export interface BrandDialogProps {
  brand: Brand | null;
  onClose: () => void;
  onSaved?: (brand: Brand, created: boolean) => void;
}

export function BrandDialog({ brand, onClose, onSaved }: BrandDialogProps) {
  const formId = useId();
  const toast = useToast();
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [state, setState] = useState<FormState>(() => ({
    name: brand?.name ?? '',
    website: brand?.website ?? '',
    category: brand?.category ?? '',
    stage: brand?.stage ?? 'prospect',
    nextFollowUpOn: brand?.nextFollowUpOn ?? '',
    notes: brand?.notes ?? '',
    color: brand?.color ?? '',
    contacts: toContactDrafts(brand?.contacts ?? []),
    reminders: toLadderState(brand?.invoiceReminders ?? null),
  }));
  // Logging a pitch can move a prospect to `pitched` (a new version): save on top of that,
  // keeping the new stage unless the form's stage was changed by hand.
  const [current, setCurrent] = useState(brand);
  const version = current?.version ?? 1;
  const adoptLoggedPitch = async () => {
    if (!current) return;
    try {
      const fresh = await fetchBrand(current.id);
      setCurrent(fresh);
      setState((s) => (s.stage === current.stage ? { ...s, stage: fresh.stage } : s));
    } catch {
      // Saving with the old version then answers 409 and says to reload: nothing is lost.
    }
  };
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const save = useSaveBrand(brand, version);

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
      contacts: fromContactDrafts(state.contacts),
      invoiceReminders: fromLadderState(state.reminders),
    };
    const parsed = brand
      ? brandPatchSchema.safeParse({ ...payload, version })
      : brandCreateSchema.safeParse(payload);
    const issues = [
      ...(parsed.success ? [] : parsed.error.issues),
      ...ladderStateIssues(state.reminders),
    ];
    if (issues.length > 0) {
      fromZod(issues);
      return;
    }
    save.mutate(payload, {
      onSuccess: (saved) => {
        toast.success(brand ? 'Brand saved' : 'Brand added');
        onSaved?.(saved, !brand);
        onClose();
      },
      onError: fromError,
    });
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
          <BrandColourPicker
            value={state.color}
            onChange={(color) => set('color', color)}
            allowAuto={!brand}
            error={errors['color']}
          />
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

        <BrandContactsEditor
          contacts={state.contacts}
          onChange={(contacts) => set('contacts', contacts)}
          errors={errors}
          headingId={`${formId}-contacts`}
        />
        <BrandRemindersFields
          state={state.reminders}
          onChange={(reminders) => set('reminders', reminders)}
          errors={errors}
        />
      </form>
      {current && (
        <PitchLogSection brand={current} canEdit onLogged={() => void adoptLoggedPitch()} />
      )}
    </Dialog>
  );
}
