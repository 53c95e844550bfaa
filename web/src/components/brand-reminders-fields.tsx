import type { FieldErrors } from '../hooks/use-form-errors';
import { useSettings } from '../resources/settings';
import {
  LadderOverrideFields,
  toStepDrafts,
  type LadderOverrideState,
} from './ladder-override-fields';
import { templateSample } from '../template-preview';

export interface BrandRemindersFieldsProps {
  state: LadderOverrideState;
  onChange: (state: LadderOverrideState) => void;
  errors: FieldErrors;
}

/** "Reminders to this brand's payers": the workspace's ladder, none, or the brand's own. */
export function BrandRemindersFields({ state, onChange, errors }: BrandRemindersFieldsProps) {
  const settings = useSettings().data;
  const workspace = settings?.invoiceReminders;
  const inheritHint = !workspace
    ? 'The ladder set in Settings → Invoice e-mails and reminders.'
    : workspace.enabled
      ? `The ladder set in Settings: ${workspace.steps.length} step${workspace.steps.length === 1 ? '' : 's'}. An invoice may still have its own.`
      : 'The ladder set in Settings, which is switched off there.';
  return (
    <LadderOverrideFields
      legend="Reminders to this brand’s payers"
      inheritLabel="Workspace default"
      inheritHint={inheritHint}
      state={state}
      onChange={onChange}
      seedSteps={() => toStepDrafts(workspace?.steps ?? [])}
      errors={errors}
      sample={templateSample(settings)}
    />
  );
}
