import type { Brand, BrandCreate, BrandStage } from '../../../../shared/schemas/brand';
import { textInputs } from '../../forms/text-inputs';
import { fromContactDrafts, toContactDrafts, type ContactDraft } from '../brand-contacts-editor';
import {
  fromLadderState,
  toLadderState,
  type LadderOverrideState,
} from '../ladder-override-fields';

/** The brand form's values: optional texts as '' until filled in. */
export interface BrandFormState {
  name: string;
  website: string;
  category: string;
  stage: BrandStage;
  nextFollowUpOn: string;
  notes: string;
  /** '' lets the server pick the next palette colour. */
  color: string;
  contacts: ContactDraft[];
  reminders: LadderOverrideState;
}

/** The brand's values, or a new prospect's. */
export function brandFormState(brand: Brand | null): BrandFormState {
  return {
    ...textInputs(brand, ['name', 'website', 'category', 'nextFollowUpOn', 'notes', 'color']),
    stage: brand?.stage ?? 'prospect',
    contacts: toContactDrafts(brand?.contacts ?? []),
    reminders: toLadderState(brand?.invoiceReminders ?? null),
  };
}

/** The form as a request body: blanks as null, no colour when the server should pick one. */
export function brandPayload(state: BrandFormState): BrandCreate {
  return {
    name: state.name,
    website: state.website.trim() || null,
    category: state.category.trim() || null,
    stage: state.stage,
    nextFollowUpOn: state.nextFollowUpOn || null,
    notes: state.notes,
    ...(state.color ? { color: state.color } : {}),
    contacts: fromContactDrafts(state.contacts),
    invoiceReminders: fromLadderState(state.reminders),
  };
}
