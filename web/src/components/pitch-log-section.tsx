import './pitch-log-section.css';
import { useId, useState, type FormEvent } from 'react';
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
import { useFormErrors } from '../hooks/use-form-errors';
import { PITCH_CHANNEL_LABELS } from '../pipeline-format';
import { todayIn } from '../time';
import { Spinner } from './badges';
import { Field, FormBanner } from './field';
import { useToast } from './toast';

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
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const today = todayIn(me.data?.effectiveTimeZone ?? 'UTC');
  const [pitchedOn, setPitchedOn] = useState(today);
  const [channel, setChannel] = useState<PitchChannel>('email');
  const [note, setNote] = useState('');

  const log = useLogPitch(brand.id, {
    onSuccess: () => {
      toast.success('Pitch logged');
      setNote('');
      onLogged?.();
    },
    onError: fromError,
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
    clear();
    const payload: PitchCreate = { pitchedOn, channel, note };
    const parsed = pitchCreateSchema.safeParse(payload);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    log.mutate(payload);
  };

  const items = pitches.data ?? [];
  return (
    <section className="pitch-log" aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`} className="section-title">
        Pitch log
      </h3>
      {canEdit && (
        <form id={formId} className="pitch-log__form" onSubmit={submit} noValidate>
          <FormBanner message={formError} />
          <div className="pitch-log__fields">
            <Field label="Date" error={errors['pitchedOn']}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={pitchedOn}
                  onChange={(e) => setPitchedOn(e.target.value)}
                />
              )}
            </Field>
            <Field label="Channel" error={errors['channel']}>
              {(p) => (
                <select
                  {...p}
                  value={channel}
                  onChange={(e) => setChannel(e.target.value as PitchChannel)}
                >
                  {PITCH_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {PITCH_CHANNEL_LABELS[c]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Note" error={errors['note']} className="pitch-log__note">
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={note}
                  maxLength={5000}
                  placeholder="e.g. Sent the media kit and Q2 rates"
                  onChange={(e) => setNote(e.target.value)}
                />
              )}
            </Field>
            <button
              type="submit"
              className="button button--small pitch-log__submit"
              disabled={log.isPending}
            >
              {log.isPending ? 'Logging…' : 'Log pitch'}
            </button>
          </div>
          {brand.stage === 'prospect' && (
            <p className="muted small">Logging a pitch moves {brand.name} to Pitched.</p>
          )}
        </form>
      )}
      {pitches.isPending ? (
        <Spinner label="Loading the pitch log…" />
      ) : pitches.error ? (
        <p className="banner banner--error" role="alert">
          {errorMessage(pitches.error)}
        </p>
      ) : items.length === 0 ? (
        <p className="muted small">No pitches logged yet.</p>
      ) : (
        <ol className="pitch-log__list" aria-label={`Pitches to ${brand.name}`}>
          {items.map((pitch) => (
            <li key={pitch.id} className="pitch-log__item">
              <span className="pitch-log__day">{formatDay(pitch.pitchedOn)}</span>
              <span className="pitch-log__channel">{PITCH_CHANNEL_LABELS[pitch.channel]}</span>
              <span className="pitch-log__text">
                {pitch.note || <span className="muted">No note</span>}
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="button button--small button--ghost-danger"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(pitch.id)}
                >
                  Delete
                  <span className="visually-hidden"> pitch of {formatDay(pitch.pitchedOn)}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
