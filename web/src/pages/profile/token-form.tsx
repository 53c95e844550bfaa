import type { User } from '../../../../shared/schemas/auth';
import {
  apiTokenCreateSchema,
  type ApiTokenCreate,
  type ApiTokenCreated,
  type TokenScope,
  TOKEN_SCOPES,
} from '../../../../shared/schemas/team';
import { CreateForm } from '../../forms/create-form';
import { EnumField, TextField } from '../../forms/fields';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useCreateToken } from '../../resources/me';
import { writeDialogProps } from '../../forms/write-dialog';

export const SCOPE_LABELS: Record<TokenScope, string> = {
  read: 'Read only',
  read_write: 'Read and write',
};

/** How long a new token lives, in days; each is also its `<option>` value. */
const EXPIRY_CHOICES = ['30', '90', '365', 'never'] as const;
type Expiry = (typeof EXPIRY_CHOICES)[number];
const EXPIRY_LABELS: Record<Expiry, string> = {
  '30': '30 days',
  '90': '90 days',
  '365': '1 year',
  never: 'Never',
};

const DAY_MS = 24 * 60 * 60 * 1000;

interface TokenFormProps {
  user: User;
  onCreated: (token: ApiTokenCreated) => void;
}

/** Names a new token, its access and how long it lives. */
export function TokenForm({ user, onCreated }: TokenFormProps) {
  const form = useSchemaForm<{ name: string; scope: TokenScope; expiry: Expiry }>({
    name: '',
    scope: user.role === 'viewer' ? 'read' : 'read_write',
    expiry: '90',
  });

  const create = useCreateToken({
    onSuccess: (token) => {
      form.set('name', '');
      onCreated(token);
    },
    onError: form.fail,
  });

  const submit = () => {
    const { name, scope, expiry } = form.values;
    const input: ApiTokenCreate = {
      name,
      scope,
      expiresAt:
        expiry === 'never' ? null : new Date(Date.now() + Number(expiry) * DAY_MS).toISOString(),
    };
    const parsed = form.check(apiTokenCreateSchema, input);
    if (parsed) create.mutate(parsed);
  };

  return (
    <CreateForm
      {...writeDialogProps(form, create, submit)}
      title="Create a token"
      gridClassName="token-form__grid"
      submitLabel="Create token"
      busyLabel="Creating…"
    >
      <TextField
        form={form}
        name="name"
        label="Token name"
        maxLength={100}
        placeholder="e.g. Weekly report script"
      />
      <EnumField
        form={form}
        name="scope"
        label="Access"
        // A viewer's token could never write anyway.
        options={user.role === 'viewer' ? (['read'] as const) : TOKEN_SCOPES}
        labels={SCOPE_LABELS}
      />
      <EnumField
        form={form}
        name="expiry"
        label="Expires after"
        errorPath="expiresAt"
        options={EXPIRY_CHOICES}
        labels={EXPIRY_LABELS}
      />
    </CreateForm>
  );
}
