import { useId, useState } from 'react';
import type { Channel } from '../../../../shared/schemas/channel';
import { errorMessage, isApiError } from '../../api';
import { useDeleteChannel, useTestChannel, useUpdateChannel } from '../../resources/channels';
import { ConfirmDialog } from '../dialog';
import { BusyButton } from '../../forms/submit-button';
import { Switch } from '../switch';
import { useToast } from '../toast';
import { DangerButton } from '../row-actions';

export type ChannelType = Channel['type'];

export const TYPE_LABELS: Record<ChannelType, string> = {
  slack: 'Slack',
  discord: 'Discord',
  json: 'JSON',
};

const CONFLICT_MESSAGE =
  'Someone else changed this channel. The list has been reloaded; try again.';

interface ChannelRowProps {
  channel: Channel;
  /** A json channel's new secret, after rotating it. */
  onSecret: (secret: string) => void;
}

/** One channel: on/off, a test send, rotating a json channel's secret, and deleting it. */
export function ChannelRow({ channel, onSecret }: ChannelRowProps) {
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
        <BusyButton
          className="button button--small"
          label="Send test"
          busyLabel="Sending…"
          busy={test.isPending}
          onClick={() => test.mutate()}
        />
        {channel.type === 'json' && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setConfirm('rotate')}
          >
            Rotate secret
          </button>
        )}
        <DangerButton onClick={() => setConfirm('delete')}>Delete</DangerButton>
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
