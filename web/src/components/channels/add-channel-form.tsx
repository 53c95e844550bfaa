import { useId, type FormEvent } from 'react';
import {
  CHANNEL_TYPES,
  channelCreateSchema,
  type Channel,
  type ChannelCreate,
} from '../../../../shared/schemas/channel';
import { EnumField, TextField } from '../../forms/fields';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useCreateChannel } from '../../resources/channels';
import { FormBanner } from '../field';
import { PlusIcon } from '../icons';
import { useToast } from '../toast';
import { TYPE_LABELS, type ChannelType } from './channel-row';

/** The type select says which channels are signed. */
const TYPE_OPTION_LABELS: Record<ChannelType, string> = { ...TYPE_LABELS, json: 'JSON (signed)' };

const URL_PLACEHOLDERS: Record<ChannelType, string> = {
  slack: 'https://hooks.slack.com/services/…',
  discord: 'https://discord.com/api/webhooks/…',
  json: 'https://example.com/sponsorcal-webhook',
};

/** Adds a webhook channel; a json channel's secret is handed to `onCreated` to show once. */
export function AddChannelForm({ onCreated }: { onCreated: (channel: Channel) => void }) {
  const toast = useToast();
  const formId = useId();
  const form = useSchemaForm<{ type: ChannelType; name: string; url: string }>({
    type: 'slack',
    name: '',
    url: '',
  });

  const create = useCreateChannel({
    onSuccess: (channel) => {
      toast.success('Channel added', `Alerts will be posted to ${channel.name}.`);
      form.setValues((s) => ({ ...s, name: '', url: '' }));
      onCreated(channel);
    },
    onError: form.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { type, name, url } = form.values;
    const input: ChannelCreate = { type, name, url };
    const parsed = form.check(channelCreateSchema, input);
    if (parsed) create.mutate(parsed);
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
      <FormBanner message={form.formError} />
      <div className="channel-form__grid">
        <EnumField
          form={form}
          name="type"
          label="Type"
          options={CHANNEL_TYPES}
          labels={TYPE_OPTION_LABELS}
        />
        <TextField
          form={form}
          name="name"
          label="Channel name"
          maxLength={100}
          placeholder="e.g. #brand-deals"
        />
        <TextField
          form={form}
          name="url"
          label="Webhook URL"
          className="channel-form__url"
          type="url"
          inputMode="url"
          placeholder={URL_PLACEHOLDERS[form.values.type]}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          <PlusIcon /> {create.isPending ? 'Adding…' : 'Add channel'}
        </button>
      </div>
    </form>
  );
}
