import type { Role } from '../../../../shared/schemas/auth';
import {
  INVITE_MAX_HOURS,
  inviteCreateSchema,
  type InviteCreate,
  type InviteCreated,
} from '../../../../shared/schemas/team';
import { Field } from '../../components/field';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../format';
import { CreateForm } from '../../forms/create-form';
import { EnumField, TextField } from '../../forms/fields';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useCreateInvite } from '../../resources/invites';

const INVITE_ROLES: readonly Role[] = ['editor', 'viewer'];

const EXPIRY_CHOICES: ReadonlyArray<{ hours: number; label: string }> = [
  { hours: 24, label: '1 day' },
  { hours: 7 * 24, label: '7 days' },
  { hours: INVITE_MAX_HOURS, label: '30 days' },
];

/** A new invite link: the role it grants, who may accept it, and how long it works. */
export function InviteForm({ onCreated }: { onCreated: (invite: InviteCreated) => void }) {
  const form = useSchemaForm<{ role: Role; email: string; hours: number }>({
    role: 'editor',
    email: '',
    hours: 7 * 24,
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
      expiresInHours: values.hours,
      ...(values.email.trim() ? { email: values.email } : {}),
    };
    const parsed = form.check(inviteCreateSchema, input);
    if (parsed) create.mutate(parsed);
  };

  return (
    <CreateForm
      title="Invite someone"
      formError={form.formError}
      gridClassName="invite-form__grid"
      submitLabel="Create invite link"
      busyLabel="Creating…"
      busy={create.isPending}
      onSubmit={submit}
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
      <Field label="Link works for" error={form.errors['expiresInHours']}>
        {(p) => (
          <select
            {...p}
            value={values.hours}
            onChange={(e) => form.set('hours', Number(e.target.value))}
          >
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.hours} value={c.hours}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </CreateForm>
  );
}
