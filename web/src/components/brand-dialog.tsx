import './brand-dialog.css';
import { useId, useState } from 'react';
import {
  BRAND_STAGES,
  brandCreateSchema,
  brandPatchSchema,
  type Brand,
} from '../../../shared/schemas/brand';
import { BRAND_STAGE_LABELS } from '../format';
import { EnumField, TextAreaField, TextField } from '../forms/fields';
import { FormDialog } from '../forms/form-dialog';
import { useSchemaForm } from '../forms/use-schema-form';
import { fetchBrand, useSaveBrand } from '../resources/brands';
import { BrandColourPicker } from './brand-colour-picker';
import { BrandContactsEditor } from './brand-contacts-editor';
import { BrandRemindersFields } from './brand-reminders-fields';
import { brandFormState, brandPayload } from './brand/brand-form-state';
import { ladderStateIssues } from './ladder-override-fields';
import { PitchLogSection } from './pitch-log-section';
import { useToast } from './toast';
import { writeDialogProps } from '../forms/write-dialog';

export interface BrandDialogProps {
  brand: Brand | null;
  onClose: () => void;
  onSaved?: (brand: Brand, created: boolean) => void;
}

export function BrandDialog({ brand, onClose, onSaved }: BrandDialogProps) {
  const contactsHeadingId = useId();
  const toast = useToast();
  const form = useSchemaForm(() => brandFormState(brand));
  const { values, errors } = form;
  // Logging a pitch can move a prospect to `pitched` (a new version): save on top of that,
  // keeping the new stage unless the form's stage was changed by hand.
  const [current, setCurrent] = useState(brand);
  const version = current?.version ?? 1;
  const adoptLoggedPitch = async () => {
    if (!current) return;
    try {
      const fresh = await fetchBrand(current.id);
      setCurrent(fresh);
      form.setValues((s) => (s.stage === current.stage ? { ...s, stage: fresh.stage } : s));
    } catch {
      // Saving with the old version then answers 409 and says to reload: nothing is lost.
    }
  };
  const save = useSaveBrand(brand, version);

  const submit = () => {
    const payload = brandPayload(values);
    const reminderIssues = ladderStateIssues(values.reminders);
    const parsed = brand
      ? form.check(brandPatchSchema, { ...payload, version }, reminderIssues)
      : form.check(brandCreateSchema, payload, reminderIssues);
    if (!parsed) return;
    save.mutate(payload, {
      onSuccess: (saved) => {
        toast.success(brand ? 'Brand saved' : 'Brand added');
        onSaved?.(saved, !brand);
        onClose();
      },
      onError: form.fail,
    });
  };

  return (
    <FormDialog
      {...writeDialogProps(form, save, submit)}
      title={brand ? 'Edit brand' : 'New brand'}
      onClose={onClose}
      size="large"
      submitLabel="Save brand"
      after={
        current && (
          <PitchLogSection brand={current} canEdit onLogged={() => void adoptLoggedPitch()} />
        )
      }
    >
      <div className="form-grid">
        <TextField
          form={form}
          name="name"
          label="Brand name"
          className="span-2"
          placeholder="e.g. Glow Skincare"
          autoFocus={!brand}
          maxLength={200}
        />
        <TextField
          form={form}
          name="website"
          label="Website"
          type="url"
          inputMode="url"
          placeholder="https://"
        />
        <TextField
          form={form}
          name="category"
          label="Category"
          hint="Used to spot exclusivity clashes"
          placeholder="e.g. beauty"
        />
        <EnumField
          form={form}
          name="stage"
          label="Stage"
          options={BRAND_STAGES}
          labels={BRAND_STAGE_LABELS}
        />
        <TextField form={form} name="nextFollowUpOn" label="Next follow-up" type="date" />
        <BrandColourPicker
          value={values.color}
          onChange={(color) => form.set('color', color)}
          allowAuto={!brand}
          error={errors['color']}
        />
        <TextAreaField
          form={form}
          name="notes"
          label="Notes"
          className="span-2"
          rows={3}
          placeholder="Preferences, tone, tagging rules…"
        />
      </div>

      <BrandContactsEditor
        contacts={values.contacts}
        onChange={(contacts) => form.set('contacts', contacts)}
        errors={errors}
        headingId={contactsHeadingId}
      />
      <BrandRemindersFields
        state={values.reminders}
        onChange={(reminders) => form.set('reminders', reminders)}
        errors={errors}
      />
    </FormDialog>
  );
}
