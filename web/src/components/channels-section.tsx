import './channels-section.css';
import { useState } from 'react';
import { useChannels } from '../resources/channels';
import { AddChannelForm } from './channels/add-channel-form';
import { ChannelRow } from './channels/channel-row';
import { CopyBox } from './copy-box';
import { QueryList } from './query-state';
import { CardSection } from './lists/card-section';

/** A secret shown once: right after a json channel is created or its secret rotated. */
interface RevealedSecret {
  channelName: string;
  secret: string;
  rotated: boolean;
}

/** Webhook channels for alerts (owner only): Slack, Discord and signed JSON. */
export function ChannelsSection() {
  const channels = useChannels(true);
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null);

  return (
    <CardSection
      title="Notification channels"
      intro="Alerts are also posted to these webhooks as they are raised, with retries when a channel is down."
    >
      {revealed && <SecretBox revealed={revealed} onDone={() => setRevealed(null)} />}
      <QueryList
        query={channels}
        className="channel-list"
        empty={
          <p className="channel-empty muted">
            No channels yet. Add a Slack or Discord incoming webhook, or your own endpoint.
          </p>
        }
      >
        {(channel) => (
          <ChannelRow
            key={channel.id}
            channel={channel}
            onSecret={(secret) => setRevealed({ channelName: channel.name, secret, rotated: true })}
          />
        )}
      </QueryList>
      <AddChannelForm
        onCreated={(channel) => {
          if (channel.secret) {
            setRevealed({ channelName: channel.name, secret: channel.secret, rotated: false });
          }
        }}
      />
    </CardSection>
  );
}

/** A json channel's signing secret, shown once, with how to verify what it signs. */
function SecretBox({ revealed, onDone }: { revealed: RevealedSecret; onDone: () => void }) {
  return (
    <CopyBox
      title={`${revealed.rotated ? 'New signing secret' : 'Signing secret'} for ${revealed.channelName}`}
      warning="Copy it now: it is shown only this once. Rotate the secret if you lose it."
      value={revealed.secret}
      label="Signing secret"
      doneLabel="I saved it"
      onDone={onDone}
    >
      <p>Every request to this endpoint carries two headers:</p>
      <ul>
        <li>
          <code>X-Sponsorcal-Timestamp</code>: the send time in Unix seconds
        </li>
        <li>
          <code>X-Sponsorcal-Signature</code>: <code>sha256=</code> followed by the hex HMAC-SHA256
          of <code>&lt;timestamp&gt;.&lt;raw body&gt;</code>, keyed with this secret
        </li>
      </ul>
      <p>
        To verify, compute the same HMAC over the raw request body (before parsing the JSON),
        compare it in constant time, and reject old timestamps (say, more than five minutes) to stop
        replays. The <code>Idempotency-Key</code> header lets you drop retries you already handled.
      </p>
    </CopyBox>
  );
}
