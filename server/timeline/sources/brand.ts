import type { PitchChannel } from '../../../shared/schemas/brand';
import { olderThan } from '../cursor';
import { clip, entry, teammate, type TimelineSource } from './source';

const CHANNELS: Record<PitchChannel, string> = {
  email: 'E-mail',
  dm: 'DM',
  call: 'Call',
  meeting: 'Meeting',
  other: 'Note',
};
const channel = (value: string) => CHANNELS[value as PitchChannel] ?? 'Note';

/** Manual notes: a call, a meeting, a DM the app did not see. */
export const notesSource: TimelineSource = {
  name: 'note',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('brandNotes')
      .leftJoin('users', 'users.id', 'brandNotes.createdBy')
      .select([
        'brandNotes.id',
        'brandNotes.at',
        'brandNotes.happenedOn',
        'brandNotes.channel',
        'brandNotes.text',
        'brandNotes.createdBy',
        'users.name as actorName',
      ])
      .where('brandNotes.brandId', '=', brandId)
      .where((eb) => olderThan(eb, 'brandNotes.at', 'brandNotes.id', 'note', before))
      .orderBy('brandNotes.at', 'desc')
      .orderBy('brandNotes.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) =>
      entry('note', row.id, {
        type: 'note',
        at: row.at,
        actor: teammate(row.createdBy, row.actorName),
        subjectType: 'note',
        subjectId: row.id,
        summary: `${channel(row.channel)} on ${row.happenedOn}: ${clip(row.text)}`,
        detail: row.text,
      }),
    );
  },
};

/** The pitch log, by when each entry was written. */
export const pitchesSource: TimelineSource = {
  name: 'pitch',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('brandPitches')
      .leftJoin('users', 'users.id', 'brandPitches.createdBy')
      .select([
        'brandPitches.id',
        'brandPitches.createdAt',
        'brandPitches.pitchedOn',
        'brandPitches.channel',
        'brandPitches.note',
        'brandPitches.createdBy',
        'users.name as actorName',
      ])
      .where('brandPitches.brandId', '=', brandId)
      .where((eb) => olderThan(eb, 'brandPitches.createdAt', 'brandPitches.id', 'pitch', before))
      .orderBy('brandPitches.createdAt', 'desc')
      .orderBy('brandPitches.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) =>
      entry('pitch', row.id, {
        type: 'pitch',
        at: row.createdAt,
        actor: teammate(row.createdBy, row.actorName),
        subjectType: 'pitch',
        subjectId: row.id,
        summary: `Pitched by ${channel(row.channel).toLowerCase()} on ${row.pitchedOn}`,
        detail: row.note || null,
      }),
    );
  },
};

/** `{field: {from, to}}` as the audit trail keeps it. */
export type AuditChanges = Record<string, { from?: unknown; to?: unknown }>;

export const words = (value: unknown) => String(value ?? 'none').replace(/_/g, ' ');

/** "stage pitched → negotiating" for one field, or the fields' names. */
export function describeChanges(changes: AuditChanges, key: string): string {
  const change = changes[key];
  if (change) return `${words(change.from)} → ${words(change.to)}`;
  const fields = Object.keys(changes);
  return fields.length ? `changed ${fields.join(', ')}` : 'changed';
}

/** The brand itself: when it was added, and its stage and details changing (the audit trail). */
export const brandAuditSource: TimelineSource = {
  name: 'brand-audit',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('auditLog')
      .select(['id', 'at', 'action', 'actorId', 'actorName', 'changes'])
      .where('entityType', '=', 'brand')
      .where('entityId', '=', brandId)
      .where('action', 'in', ['create', 'update'])
      .where((eb) => olderThan(eb, 'at', 'id', 'brand-audit', before))
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => {
      const changes = JSON.parse(row.changes) as AuditChanges;
      const created = row.action === 'create';
      return entry('brand-audit', row.id, {
        type: created ? 'brand_created' : 'brand_changed',
        at: row.at,
        actor: teammate(row.actorId, row.actorName),
        subjectType: 'brand',
        subjectId: brandId,
        summary: created
          ? 'Brand added'
          : changes['stage']
            ? `Stage ${describeChanges(changes, 'stage')}`
            : `Brand ${describeChanges(changes, 'stage')}`,
      });
    });
  },
};
