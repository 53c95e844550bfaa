import { useId, type FormEvent } from 'react';
import { noteCreateSchema, type NoteCreate } from '../../../../shared/schemas/timeline';
import { TextAreaField, TextField } from '../../forms/fields';
import { SubmitButton } from '../../forms/submit-button';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useAddNote } from '../../resources/timeline';
import { FormBanner } from '../field';
import { PitchChannelField } from '../pitch-log-section';
import { useToast } from '../toast';

export interface BrandNoteFormProps {
  brandId: string;
  /** Today in the user's zone: the day a new note starts with. */
  today: string;
}

/** Adds a note to a brand's timeline: a day, a channel and what happened. */
export function BrandNoteForm({ brandId, today }: BrandNoteFormProps) {
  const formId = useId();
  const toast = useToast();
  const form = useSchemaForm<Required<NoteCreate>>(() => ({
    happenedOn: today,
    channel: 'call',
    text: '',
  }));
  const add = useAddNote(brandId, {
    onSuccess: () => {
      toast.success('Note added');
      form.set('text', '');
    },
    onError: form.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(noteCreateSchema, form.values)) add.mutate(form.values);
  };

  return (
    <form
      id={formId}
      className="timeline__form"
      onSubmit={submit}
      noValidate
      aria-label="Add a note"
    >
      <FormBanner message={form.formError} />
      <div className="timeline__form-fields">
        <TextField form={form} name="happenedOn" label="Day" type="date" />
        <PitchChannelField form={form} />
      </div>
      <TextAreaField
        form={form}
        name="text"
        label="What happened"
        rows={2}
        maxLength={5000}
        placeholder="e.g. Call with Dana: they want two reels in May"
      />
      <SubmitButton
        label="Add note"
        busy={add.isPending}
        busyLabel="Adding…"
        className="button button--small timeline__submit"
      />
    </form>
  );
}
