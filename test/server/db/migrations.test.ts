import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Migrator, NO_MIGRATIONS } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../server/db/connect';
import { migrateToLatest } from '../../../server/db/migrate';
import { migrations } from '../../../server/db/migrations';

const opened: Array<{ handle: DatabaseHandle; dir: string }> = [];
afterEach(async () => {
  for (const { handle, dir } of opened.splice(0)) {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function freshFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-migrate-'));
  const file = path.join(dir, 'nested', 'fresh.db');
  const handle = openDatabase(`sqlite:${file}`);
  opened.push({ handle, dir });
  return { handle, file };
}

/** The schema as SQLite records it: every table and index with its SQL. */
function schemaOf(file: string) {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    return sqlite
      .prepare(
        "select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name",
      )
      .all() as Array<{ type: string; name: string; tbl_name: string; sql: string | null }>;
  } finally {
    sqlite.close();
  }
}

function indexColumns(file: string, index: string): string[] {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    return (sqlite.prepare(`pragma index_info(${index})`).all() as Array<{ name: string }>).map(
      (c) => c.name,
    );
  } finally {
    sqlite.close();
  }
}

const TABLES = [
  'users',
  'sessions',
  'workspace_settings',
  'brands',
  'brand_contacts',
  'deals',
  'deliverables',
  'alerts',
  'channels',
  'deliveries',
  'scheduler_state',
];

describe('migrateToLatest', () => {
  it('runs every migration, in order, on an empty file', async () => {
    const { handle, file } = freshFile();
    expect(schemaOf(file)).toEqual([]);
    const result = await migrateToLatest(handle.db);
    expect(result.error).toBeUndefined();
    expect(result.results?.map((r) => [r.migrationName, r.direction, r.status])).toEqual(
      Object.keys(migrations)
        .sort()
        .map((name) => [name, 'Up', 'Success']),
    );
  });

  it('creates every table', async () => {
    const { handle, file } = freshFile();
    await migrateToLatest(handle.db);
    const tables = schemaOf(file)
      .filter((o) => o.type === 'table')
      .map((o) => o.name);
    expect(tables).toEqual(expect.arrayContaining(TABLES));
  });

  it('creates the calendar range indexes deliverables_publish_at and deliverables_draft_due_at', async () => {
    const { handle, file } = freshFile();
    await migrateToLatest(handle.db);
    const indexes = schemaOf(file).filter((o) => o.type === 'index');
    const byName = new Map(indexes.map((i) => [i.name, i.tbl_name]));
    expect(byName.get('deliverables_publish_at')).toBe('deliverables');
    expect(byName.get('deliverables_draft_due_at')).toBe('deliverables');
    expect(indexColumns(file, 'deliverables_publish_at')).toEqual(['publish_at']);
    expect(indexColumns(file, 'deliverables_draft_due_at')).toEqual(['draft_due_at']);
  });

  it('is a no-op the second time', async () => {
    const { handle, file } = freshFile();
    await migrateToLatest(handle.db);
    const before = schemaOf(file);
    const again = await migrateToLatest(handle.db);
    expect(again.error).toBeUndefined();
    expect(again.results).toEqual([]);
    expect(schemaOf(file)).toEqual(before);
  });

  it('is a no-op for a second handle on an already migrated file', async () => {
    const { handle, file } = freshFile();
    await migrateToLatest(handle.db);
    const before = schemaOf(file);
    const second = openDatabase(`sqlite:${file}`);
    try {
      expect((await migrateToLatest(second.db)).results).toEqual([]);
    } finally {
      await second.close();
    }
    expect(schemaOf(file)).toEqual(before);
  });

  it('migrates down to nothing and up again to the same schema', async () => {
    const { handle, file } = freshFile();
    await migrateToLatest(handle.db);
    const before = schemaOf(file);
    const migrator = new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => migrations },
    });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    const left = schemaOf(file)
      .filter((o) => o.type === 'table')
      .map((o) => o.name);
    expect(left.filter((name) => TABLES.includes(name))).toEqual([]);
    await migrateToLatest(handle.db);
    expect(schemaOf(file)).toEqual(before);
  });
});
