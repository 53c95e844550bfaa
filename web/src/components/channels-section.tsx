import './channels-section.css';
import { useId, useRef, useState, type FormEvent } from 'react';
import {
  CHANNEL_TYPES,
  channelCreateSchema,
  type Channel,
  type ChannelCreate,
} from '../../../shared/schemas/channel';
import { errorMessage, isApiError } from '../api';
import {
  useChannels,
  useCreateChannel,
  useDeleteChannel,
  useTestChannel,
  useUpdateChannel,
} from '../resources/channels';
import { useFormErrors } from '../hooks/use-form-errors';
import { Spinner } from './badges';
import { ConfirmDialog } from './dialog';
import { Field, FormBanner } from './field';
import { PlusIcon } from './icons';
import { Switch } from './switch';
import { useToast } from './toast';

type ChannelType = Channel['type'];

const TYPE_LABELS: Record<ChannelType, string> = {
  slack: 'Slack',
  discord: 'Discord',
  json: 'JSON',
};

const URL_PLACEHOLDERS: Record<ChannelType, string> = {
  slack: 'https://hooks.slack.com/services/…',
  discord: 'https://discord.com/api/webhooks/…',
  json: 'https://example.com/sponsorcal-webhook',
};

const CONFLICT_MESSAGE =
  'Someone else changed this channel. The list has been reloaded; try again.';

/** A secret shown once: right after a json channel is created or its secret rotated. */
interface RevealedSecret {
  channelName: string;
  secret: string;
  rotated: boolean;
}

/** Webhook channels for alerts (owner only): Slack, Discord and signed JSON. */
export function ChannelsSection() {
  const titleId = useId();
  const channels = useChannels(true);
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null);

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        Notification channels
      </h2>
      <p className="section-intro muted">
        Alerts are also posted to these webhooks as they are raised, with retries when a channel is
        down.
      </p>
      {revealed && <SecretBox revealed={revealed} onDone={() => setRevealed(null)} />}
      {channels.isPending ? (
        <Spinner />
      ) : channels.error ? (
        <p className="banner banner--error" role="alert">
          {errorMessage(channels.error)}
        </p>
      ) : channels.data.length === 0 ? (
        <p className="channel-empty muted">
          No channels yet. Add a Slack or Discord incoming webhook, or your own endpoint.
        </p>
      ) : (
        <ul className="channel-list">
          {channels.data.map((channel) => (
            <ChannelRow
              key={channel.id}
              channel={channel}
              onSecret={(secret) =>
                setRevealed({ channelName: channel.name, secret, rotated: true })
              }
            />
          ))}
        </ul>
      )}
      <AddChannelForm
        onCreated={(channel) => {
          if (channel.secret) {
            setRevealed({ channelName: channel.name, secret: channel.secret, rotated: false });
          }
        }}
      />
    </section>
  );
}

function ChannelRow({
  channel,
  onSecret,
}: {
  channel: Channel;
  onSecret: (secret: string) => void;
}) {
  const toast = useToast();
  const [rowError, setRowError] = useState<string | null>(null);
  const [testResult, setTestResult] = useState<{ ok: boolean; error: string | null } | null>(null);
  const [confirm, setConfirm] = useState<'delete' | 'rotate' | null>(null);
  const nameId = useId();

  const onMutationError = (error: unknown) => {
    setConfirm(null);
    if (isApiError(error, 409)) {
      setRowError(CONFLICT_MESSAGE);
    } else if (isApiError(error, 404)) {
      toast.info('Already deleted', 'Someone else removed this channel.');
    } else {
      setRowError(errorMessage(error));
    }
  };

  const patch = useUpdateChannel(channel.id, {
    onMutate: () => setRowError(null),
    onSuccess: (saved) => {
      setConfirm(null);
      if (saved.secret) onSecret(saved.secret);
    },
    onError: onMutationError,
  });

  const remove = useDeleteChannel(channel.id, {
    onSuccess: () => {
      setConfirm(null);
      toast.success('Channel deleted');
    },
    onError: onMutationError,
  });

  const test = useTestChannel(channel.id, {
    onMutate: () => setTestResult(null),
    onSuccess: (result) => setTestResult(result),
    onError: (error) => setTestResult({ ok: false, error: errorMessage(error) }),
  });

  return (
    <li className={`channel-row${channel.enabled ? '' : ' channel-row--disabled'}`}>
      <div className="channel-row__head">
        <span className={`channel-type channel-type--${channel.type}`}>
          {TYPE_LABELS[channel.type]}
        </span>
        <div className="channel-row__main">
          <p id={nameId} className="channel-row__name">
            {channel.name}
          </p>
          <p className="channel-row__url" title={channel.url}>
            {channel.url}
          </p>
        </div>
        <label className="channel-row__toggle">
          <span className="small muted">{channel.enabled ? 'On' : 'Off'}</span>
          <Switch
            checked={channel.enabled}
            aria-label={`Send alerts to ${channel.name}`}
            disabled={patch.isPending}
            onChange={(enabled) => patch.mutate({ version: channel.version, enabled })}
          />
        </label>
      </div>
      <div className="channel-row__actions" role="group" aria-labelledby={nameId}>
        <button
          type="button"
          className="button button--small"
          onClick={() => test.mutate()}
          disabled={test.isPending}
        >
          {test.isPending ? 'Sending…' : 'Send test'}
        </button>
        {channel.type === 'json' && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setConfirm('rotate')}
          >
            Rotate secret
          </button>
        )}
        <button
          type="button"
          className="button button--small button--ghost-danger"
          onClick={() => setConfirm('delete')}
        >
          Delete
        </button>
        {testResult && (
          <span
            className={`test-result test-result--${testResult.ok ? 'ok' : 'error'}`}
            role="status"
          >
            {testResult.ok
              ? '✓ Test delivered'
              : `✗ Test failed: ${testResult.error ?? 'no answer'}`}
          </span>
        )}
      </div>
      {rowError && (
        <p className="banner banner--error channel-row__error" role="alert">
          {rowError}
        </p>
      )}
      {confirm === 'delete' && (
        <ConfirmDialog
          title="Delete this channel?"
          message={
            <p>
              Alerts will no longer be posted to <strong>{channel.name}</strong>. This cannot be
              undone.
            </p>
          }
          confirmLabel="Delete channel"
          busy={remove.isPending}
          onCancel={() => setConfirm(null)}
          onConfirm={() => remove.mutate()}
        />
      )}
      {confirm === 'rotate' && (
        <ConfirmDialog
          title="Rotate the signing secret?"
          message={
            <p>
              <strong>{channel.name}</strong> gets a new secret at once; requests signed with the
              old one stop verifying. Update your endpoint with the new secret, shown once.
            </p>
          }
          confirmLabel="Rotate now"
          busy={patch.isPending}
          onCancel={() => setConfirm(null)}
          onConfirm={() => patch.mutate({ version: channel.version, rotateSecret: true })}
        />
      )}
    </li>
  );
}

function AddChannelForm({ onCreated }: { onCreated: (channel: Channel) => void }) {
  const toast = useToast();
  const formId = useId();
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [state, setState] = useState<{ type: ChannelType; name: string; url: string }>({
    type: 'slack',
    name: '',
    url: '',
  });

  const create = useCreateChannel({
    onSuccess: (channel) => {
      toast.success('Channel added', `Alerts will be posted to ${channel.name}.`);
      setState((s) => ({ ...s, name: '', url: '' }));
      onCreated(channel);
    },
    onError: fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const input: ChannelCreate = { type: state.type, name: state.name, url: state.url };
    const parsed = channelCreateSchema.safeParse(input);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    create.mutate(parsed.data);
  };

  return (
    <form
      className="form channel-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${formId}-title`}
    >
      <h3 id={`${formId}-title`} className="subsection-title">
        Add a channel
      </h3>
      <FormBanner message={formError} />
      <div className="channel-form__grid">
        <Field label="Type" error={errors['type']}>
          {(p) => (
            <select
              {...p}
              value={state.type}
              onChange={(e) => setState((s) => ({ ...s, type: e.target.value as ChannelType }))}
            >
              {CHANNEL_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t === 'json' ? 'JSON (signed)' : TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Channel name" error={errors['name']}>
          {(p) => (
            <input
              {...p}
              type="text"
              value={state.name}
              maxLength={100}
              placeholder="e.g. #brand-deals"
              onChange={(e) => setState((s) => ({ ...s, name: e.target.value }))}
            />
          )}
        </Field>
        <Field label="Webhook URL" error={errors['url']} className="channel-form__url">
          {(p) => (
            <input
              {...p}
              type="url"
              inputMode="url"
              value={state.url}
              placeholder={URL_PLACEHOLDERS[state.type]}
              onChange={(e) => setState((s) => ({ ...s, url: e.target.value }))}
            />
          )}
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          <PlusIcon /> {create.isPending ? 'Adding…' : 'Add channel'}
        </button>
      </div>
    </form>
  );
}

function SecretBox({ revealed, onDone }: { revealed: RevealedSecret; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'manual' | null>(null);
  const titleId = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(revealed.secret);
      setCopied('yes');
    } catch {
      // No clipboard (plain http, or permission refused): select it for Ctrl+C instead.
      inputRef.current?.select();
      setCopied('manual');
    }
  };

  return (
    <div className="secret-box" role="region" aria-labelledby={titleId}>
      <p id={titleId} className="secret-box__title">
        {revealed.rotated ? 'New signing secret' : 'Signing secret'} for {revealed.channelName}
      </p>
      <p className="secret-box__warning">
        Copy it now: it is shown only this once. Rotate the secret if you lose it.
      </p>
      <div className="secret-box__row">
        <input
          ref={inputRef}
          className="secret-box__value"
          type="text"
          readOnly
          value={revealed.secret}
          aria-label="Signing secret"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button button--small" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'manual' && (
        <p className="small muted">Selected — press Ctrl+C (⌘C on a Mac) to copy.</p>
      )}
      <div className="secret-box__help">
        <p>Every request to this endpoint carries two headers:</p>
        <ul>
          <li>
            <code>X-Sponsorcal-Timestamp</code>: the send time in Unix seconds
          </li>
          <li>
            <code>X-Sponsorcal-Signature</code>: <code>sha256=</code> followed by the hex
            HMAC-SHA256 of <code>&lt;timestamp&gt;.&lt;raw body&gt;</code>, keyed with this secret
          </li>
        </ul>
        <p>
          To verify, compute the same HMAC over the raw request body (before parsing the JSON),
          compare it in constant time, and reject old timestamps (say, more than five minutes) to
          stop replays. The <code>Idempotency-Key</code> header lets you drop retries you already
          handled.
        </p>
      </div>
      <div className="form__actions">
        <button type="button" className="button button--primary button--small" onClick={onDone}>
          I saved it
        </button>
      </div>
    </div>
  );
}
