import { useId } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import { mediaKitPatchSchema, type CaseStudy, type MediaKit } from '../../../../shared/schemas/kit';
import { FormBanner } from '../../components/field';
import { useToast } from '../../components/toast';
import { TextAreaField, TextField } from '../../forms/fields';
import { SubmitButton } from '../../forms/submit-button';
import { TitledForm } from '../../forms/titled-form';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useSaveKit } from '../../resources/kit';
import { KitAudience } from './kit-audience';
import { KitPublishing } from './kit-publishing';
import { KitRates } from './kit-rates';
import { KitRequestForm } from './kit-request-form';
import { initialState, toPatch, type KitState } from './kit-state';
import { KitStudies } from './kit-studies';
import { CardSection } from '../../components/lists/card-section';

export interface KitEditorProps {
  kit: MediaKit;
  candidates: CaseStudy[];
  defaultCurrency: string;
  user: User;
}

/** The whole media kit as one form: profile, audience, rates, case studies, publishing. */
export function KitEditor({ kit, candidates, defaultCurrency, user }: KitEditorProps) {
  const isOwner = user.role === 'owner';
  const formId = useId();
  const toast = useToast();
  // What may be picked: the candidates, and earlier picks still published (even without numbers).
  const studies = [
    ...candidates,
    ...kit.caseStudies.filter((s) => !candidates.some((c) => c.id === s.id)),
  ];
  const form = useSchemaForm<KitState>(() => initialState(kit, new Set(studies.map((s) => s.id))), {
    conflictMessage:
      'Someone else changed the media kit. It has been reloaded; make your change again.',
  });

  const save = useSaveKit({
    onSuccess: (saved) => {
      toast.success(saved.published ? 'Media kit saved and published' : 'Media kit saved');
    },
    onError: form.fail,
  });

  const submit = () => {
    const { patch, issues } = toPatch(form.values, kit.version);
    if (form.check(mediaKitPatchSchema, patch, issues)) save.mutate(patch);
  };

  return (
    <TitledForm
      className="form kit-editor"
      title="Edit the media kit"
      heading="h2"
      titleClassName="visually-hidden"
      id={formId}
      onSubmit={submit}
    >
      {!isOwner && (
        <p className="banner banner--info">Only the workspace owner can change the media kit.</p>
      )}
      <FormBanner message={form.formError} />
      <fieldset className="form__fieldset" disabled={!isOwner}>
        <CardSection id={`${formId}-profile`} title="Profile">
          <div className="form-grid">
            <TextField
              form={form}
              name="displayName"
              label="Display name"
              placeholder="The name brands know you by"
            />
            <TextField
              form={form}
              name="contactEmail"
              label="Contact e-mail"
              hint="Shown on the public page."
              type="email"
              placeholder="partnerships@example.com"
            />
            <TextField
              form={form}
              name="headline"
              label="Headline"
              className="span-2"
              placeholder="e.g. Honest tech reviews for busy people"
            />
            <TextAreaField form={form} name="bio" label="Bio" className="span-2" rows={5} />
          </div>
        </CardSection>
        <KitAudience form={form} formId={formId} />
        <KitRates form={form} formId={formId} defaultCurrency={defaultCurrency} />
        <KitStudies form={form} formId={formId} studies={studies} />
        <KitPublishing form={form} formId={formId} kit={kit} />
        <KitRequestForm form={form} formId={formId} kit={kit} />
      </fieldset>
      {isOwner && (
        <div className="form__actions kit-editor__actions">
          <SubmitButton label="Save media kit" busy={save.isPending} />
        </div>
      )}
    </TitledForm>
  );
}
