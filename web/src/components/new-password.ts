/**
 * The attributes of every "choose a password" field (setup, invite, profile), with the rule
 * the schema holds it to: `<TextField form={form} name="password" {...NEW_PASSWORD} />`.
 */
export const NEW_PASSWORD = {
  label: 'Password',
  hint: 'At least 12 characters. A short sentence works well.',
  type: 'password',
  autoComplete: 'new-password',
} as const;
