import type { Role } from '../../../../shared/schemas/auth';
import {
  INVITE_MAX_HOURS,
  inviteCreateSchema,
  type InviteCreate,
  type InviteCreated,
} from '../../../../shared/schemas/team';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../format';
import { CreateForm } from '../../forms/create-form';
import { EnumField, TextField } from '../../forms/fields';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useCreateInvite } from '../../resources/invites';
import { writeDialogProps } from '../../forms/write-dialog';

const INVITE_ROLES: readonly Role[] = ['editor', 'viewer'];

/** How long a link works: its hours (also each `<option>`'s value) and their words. */
const EXPIRY_LABELS: Readonly<Record<string, string>> = {
  [24]: '1 day',
  [7 * 24]: '7 days',
  [INVITE_MAX_HOURS]: '30 days',
};
const EXPIRY_CHOICES = Object.keys(EXPIRY_LABELS);

/** A new invite link: the role it grants, who may accept it, and how long it works. */
export function InviteForm({ onCreated }: { onCreated: (invite: InviteCreated) => void }) {
  const form = useSchemaForm<{ role: Role; email: string; hours: string }>({
    role: 'editor',
    email: '',
    hours: String(7 * 24),
  });
  const { values } = form;

  const create = useCreateInvite({
    onSuccess: (invite) => {
      form.set('email', '');
      onCreated(invite);
    },
    onError: form.fail,
  });

  const submit = () => {
    const input: InviteCreate = {
      role: values.role,
      expiresInHours: Number(values.hours),
      ...(values.email.trim() ? { email: values.email } : {}),
    };
    const parsed = form.check(inviteCreateSchema, input);
    if (parsed) create.mutate(parsed);
  };

  return (
    <CreateForm
      {...writeDialogProps(form, create, submit)}
      title="Invite someone"
      gridClassName="invite-form__grid"
      submitLabel="Create invite link"
      busyLabel="Creating…"
    >
      <EnumField
        form={form}
        name="role"
        label="Role"
        hint={ROLE_DESCRIPTIONS[values.role]}
        options={INVITE_ROLES}
        labels={ROLE_LABELS}
      />
      <TextField
        form={form}
        name="email"
        label="E-mail (optional)"
        hint="When given, only this address can accept."
        type="email"
        placeholder="name@example.com"
      />
      <EnumField
        form={form}
        name="hours"
        errorPath="expiresInHours"
        label="Link works for"
        options={EXPIRY_CHOICES}
        labels={EXPIRY_LABELS}
      />
    </CreateForm>
  );
}
