import { useId, type ReactNode } from 'react';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditAction,
  type AuditEntityType,
} from '../../../../shared/schemas/team';
import { OptionalEnumSelect } from '../../forms/optional-enum-select';
import type { AuditFilter } from '../../resources/audit';
import { useUsers } from '../../resources/users';
import { addDays, startOfDay } from '../../time';
import { ACTION_LABELS, ENTITY_LABELS } from './audit-labels';

/** The filters as chosen: null or '' is off. */
export interface FilterInputs {
  entityType: AuditEntityType | null;
  actorId: string | null;
  action: AuditAction | null;
  fromDay: string;
  toDay: string;
}

export const NO_FILTERS: FilterInputs = {
  entityType: null,
  actorId: null,
  action: null,
  fromDay: '',
  toDay: '',
};

export function isFiltered(inputs: FilterInputs): boolean {
  return (
    inputs.entityType !== null ||
    inputs.actorId !== null ||
    inputs.action !== null ||
    inputs.fromDay !== '' ||
    inputs.toDay !== ''
  );
}

/** The filters as the server reads them: days in the owner's zone, "to" including its whole day. */
export function toAuditFilter(inputs: FilterInputs, timeZone: string): AuditFilter {
  return {
    entityType: inputs.entityType,
    actorId: inputs.actorId,
    action: inputs.action,
    from: inputs.fromDay ? startOfDay(inputs.fromDay, timeZone) : null,
    to: inputs.toDay ? startOfDay(addDays(inputs.toDay, 1), timeZone) : null,
  };
}

/** A filter's small label with its control beside it. */
function InlineLabel({
  label,
  date = false,
  children,
}: {
  label: string;
  date?: boolean;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <label className={`inline-select${date ? ' inline-select--date' : ''}`} htmlFor={id}>
      <span className="inline-select__label">{label}</span>
      {children(id)}
    </label>
  );
}

/** Kind, person, action and a range of days; "Clear filters" once any is on. */
export function AuditFilters({
  inputs,
  onChange,
}: {
  inputs: FilterInputs;
  onChange: (update: (current: FilterInputs) => FilterInputs) => void;
}) {
  const users = useUsers();
  const people = users.data ?? [];
  const set = <K extends keyof FilterInputs>(key: K, value: FilterInputs[K]) =>
    onChange((current) => ({ ...current, [key]: value }));
  return (
    <div className="filters audit-filters" role="group" aria-label="Filters">
      <InlineLabel label="Kind">
        {(id) => (
          <OptionalEnumSelect
            id={id}
            value={inputs.entityType}
            options={AUDIT_ENTITY_TYPES}
            labels={ENTITY_LABELS}
            noneLabel="Everything"
            onChange={(entityType) => set('entityType', entityType)}
          />
        )}
      </InlineLabel>
      <InlineLabel label="Person">
        {(id) => (
          <OptionalEnumSelect
            id={id}
            value={inputs.actorId}
            options={people.map((u) => u.id)}
            labels={Object.fromEntries(people.map((u) => [u.id, u.name]))}
            noneLabel="Everyone"
            onChange={(actorId) => set('actorId', actorId)}
          />
        )}
      </InlineLabel>
      <InlineLabel label="Action">
        {(id) => (
          <OptionalEnumSelect
            id={id}
            value={inputs.action}
            options={AUDIT_ACTIONS}
            labels={ACTION_LABELS}
            noneLabel="Any"
            onChange={(action) => set('action', action)}
          />
        )}
      </InlineLabel>
      <InlineLabel label="From" date>
        {(id) => (
          <input
            id={id}
            type="date"
            value={inputs.fromDay}
            max={inputs.toDay || undefined}
            onChange={(e) => set('fromDay', e.target.value)}
          />
        )}
      </InlineLabel>
      <InlineLabel label="To" date>
        {(id) => (
          <input
            id={id}
            type="date"
            value={inputs.toDay}
            min={inputs.fromDay || undefined}
            onChange={(e) => set('toDay', e.target.value)}
          />
        )}
      </InlineLabel>
      {isFiltered(inputs) && (
        <button type="button" className="link-button" onClick={() => onChange(() => NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
