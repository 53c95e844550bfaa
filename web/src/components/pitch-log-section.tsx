import './pitch-log-section.css';
import { useId, type FormEvent } from 'react';
import {
  PITCH_CHANNELS,
  pitchCreateSchema,
  type Brand,
  type PitchChannel,
  type PitchCreate,
} from '../../../shared/schemas/brand';
import { errorMessage } from '../api';
import { formatDay } from '../format';
import { useMe } from '../resources/auth';
import { useDeletePitch, useLogPitch, usePitches } from '../resources/pitches';
import { TextField } from '../forms/fields';
import { RowEnumField } from '../forms/row-fields';
import { useSchemaForm, type SchemaForm } from '../forms/use-schema-form';
import { PITCH_CHANNEL_LABELS } from '../pipeline-format';
import { todayIn } from '../time';
import { FormBanner } from './field';
import { QueryList } from './query-state';
import { useToast } from './toast';
import { SubmitButton } from '../forms/submit-button';
import { DangerButton } from './row-actions';

export interface PitchLogSectionProps {
  brand: Brand;
  canEdit: boolean;
  /** Called after an entry is logged (it may have moved a prospect to `pitched`). */
  onLogged?: () => void;
}

/** A brand's pitch log: every contact (day, channel, note), newest first, and a form to add one. */
export function PitchLogSection({ brand, canEdit, onLogged }: PitchLogSectionProps) {
  const formId = useId();
  const toast = useToast();
  const me = useMe();
  const pitches = usePitches(brand.id);
  const form = useSchemaForm<Required<PitchCreate>>(() => ({
    pitchedOn: todayIn(me.data?.effectiveTimeZone ?? 'UTC'),
    channel: 'email',
    note: '',
  }));

  const log = useLogPitch(brand.id, {
    onSuccess: () => {
      toast.success('Pitch logged');
      form.set('note', '');
      onLogged?.();
    },
    onError: form.fail,
  });

  const remove = useDeletePitch(brand.id, {
    onSuccess: () => {
      toast.success('Pitch removed from the log');
    },
    onError: (error) => {
      toast.error('Could not remove the pitch', errorMessage(error));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The brand dialog's own form must not see this submit.
    event.stopPropagation();
    if (form.check(pitchCreateSchema, form.values)) log.mutate(form.values);
  };

  return (
    <section className="pitch-log" aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`} className="section-title">
        Pitch log
      </h3>
      {canEdit && (
        <form id={formId} className="pitch-log__form" onSubmit={submit} noValidate>
          <FormBanner message={form.formError} />
          <div className="pitch-log__fields">
            <TextField form={form} name="pitchedOn" label="Date" type="date" />
            <PitchChannelField form={form} />
            <TextField
              form={form}
              name="note"
              label="Note"
              className="pitch-log__note"
              maxLength={5000}
              placeholder="e.g. Sent the media kit and Q2 rates"
            />
            <SubmitButton
              label="Log pitch"
              busy={log.isPending}
              busyLabel="Logging…"
              className="button button--small pitch-log__submit"
            />
          </div>
          {brand.stage === 'prospect' && (
            <p className="muted small">Logging a pitch moves {brand.name} to Pitched.</p>
          )}
        </form>
      )}
      <QueryList
        query={pitches}
        loadingLabel="Loading the pitch log…"
        as="ol"
        className="pitch-log__list"
        aria-label={`Pitches to ${brand.name}`}
        empty={<p className="muted small">No pitches logged yet.</p>}
      >
        {(pitch) => (
          <li key={pitch.id} className="pitch-log__item">
            <span className="pitch-log__day">{formatDay(pitch.pitchedOn)}</span>
            <span className="pitch-log__channel">{PITCH_CHANNEL_LABELS[pitch.channel]}</span>
            <span className="pitch-log__text">
              {pitch.note || <span className="muted">No note</span>}
            </span>
            {canEdit && (
              <DangerButton disabled={remove.isPending} onClick={() => remove.mutate(pitch.id)}>
                Delete
                <span className="visually-hidden"> pitch of {formatDay(pitch.pitchedOn)}</span>
              </DangerButton>
            )}
          </li>
        )}
      </QueryList>
    </section>
  );
}

/** Where a touch with a brand happened (e-mail, a call…), for a pitch or a timeline note. */
export function PitchChannelField<V extends { channel: PitchChannel }>({
  form,
}: {
  form: SchemaForm<V>;
}) {
  return (
    <RowEnumField
      label="Channel"
      options={PITCH_CHANNELS}
      labels={PITCH_CHANNEL_LABELS}
      value={form.values.channel}
      error={form.errors['channel']}
      onChange={(channel) => form.set('channel', channel as V['channel'])}
    />
  );
}
