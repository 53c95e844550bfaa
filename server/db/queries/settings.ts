import type { Kysely } from 'kysely';
import type { Settings } from '../../../shared/schemas/settings';
import type { SettingsPatch } from '../../../shared/schemas/settings';
import { versionConflict } from '../../errors';
import type { Database, SettingsRow } from '../schema';

export const DEFAULT_SETTINGS = { name: 'My workspace', timeZone: 'UTC', currency: 'USD' } as const;

function toSettings(row: SettingsRow): Settings {
  return {
    name: row.name,
    timeZone: row.timeZone,
    currency: row.currency,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** The workspace settings row, created with defaults on first read. */
export async function getSettings(db: Kysely<Database>, now: Date): Promise<Settings> {
  const row = await db.selectFrom('workspaceSettings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (row) return toSettings(row);
  await db
    .insertInto('workspaceSettings')
    .values({ id: 1, ...DEFAULT_SETTINGS, version: 1, updatedAt: now.toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return getSettings(db, now);
}

export async function updateSettings(
  db: Kysely<Database>,
  patch: Omit<SettingsPatch, 'version'> & { version: number },
  now: Date,
): Promise<Settings> {
  const current = await getSettings(db, now);
  const { version, ...changes } = patch;
  const result = await db
    .updateTable('workspaceSettings')
    .set({ ...changes, version: version + 1, updatedAt: now.toISOString() })
    .where('id', '=', 1)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0 || current.version !== version) {
    throw versionConflict('workspace settings');
  }
  return getSettings(db, now);
}
