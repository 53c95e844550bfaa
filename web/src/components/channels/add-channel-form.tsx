import {
  CHANNEL_TYPES,
  channelCreateSchema,
  type Channel,
  type ChannelCreate,
} from '../../../../shared/schemas/channel';
import { CreateForm } from '../../forms/create-form';
import { EnumField, TextField } from '../../forms/fields';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useCreateChannel } from '../../resources/channels';
import { useToast } from '../toast';
import { TYPE_LABELS, type ChannelType } from './channel-row';
import { writeDialogProps } from '../../forms/write-dialog';

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

  const submit = () => {
    const { type, name, url } = form.values;
    const input: ChannelCreate = { type, name, url };
    const parsed = form.check(channelCreateSchema, input);
    if (parsed) create.mutate(parsed);
  };

  return (
    <CreateForm
      {...writeDialogProps(form, create, submit)}
      title="Add a channel"
      gridClassName="channel-form__grid"
      submitLabel="Add channel"
      busyLabel="Adding…"
    >
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
    </CreateForm>
  );
}
