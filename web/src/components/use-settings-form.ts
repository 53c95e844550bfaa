import type { FormEvent } from 'react';
import { settingsPatchSchema, type SettingsPatch } from '../../../shared/schemas/settings';
import { useToast } from './toast';
import { useSchemaForm } from '../forms/use-schema-form';
import { useSaveSettings } from '../resources/settings';

const CONFLICT_MESSAGE =
  'Someone else changed the settings. They have been reloaded; make your change again.';

export interface SettingsFormOptions {
  /** The toast once saved, e.g. "Alert lead times saved". */
  savedMessage: string;
  conflictMessage?: string;
  /** The save changes the workspace zone: times everywhere move. */
  movesTimes?: boolean;
}

/**
 * One section of the settings page as a form: its values, and a `submit` that checks the
 * section's patch against the shared settings schema before saving it. Every section
 * answers a 409 the same way (reloaded, make your change again).
 */
export function useSettingsForm<V extends object>(
  initial: V | (() => V),
  { savedMessage, conflictMessage = CONFLICT_MESSAGE, movesTimes }: SettingsFormOptions,
) {
  const toast = useToast();
  const form = useSchemaForm(initial, { conflictMessage });
  const save = useSaveSettings({
    movesTimes,
    onSuccess: () => {
      toast.success(savedMessage);
    },
    onError: form.fail,
  });
  /** The form's submit handler, given the patch its values make. */
  const submitWith = (toPatch: (values: V) => SettingsPatch) => (event: FormEvent) => {
    event.preventDefault();
    const patch = toPatch(form.values);
    if (form.check(settingsPatchSchema, patch)) save.mutate(patch);
  };
  return { form, save, submitWith };
}
