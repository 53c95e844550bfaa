import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../server/db/connect';
import { migrateToLatest } from '../../../server/db/migrate';
import { preparedQuery } from '../../../server/db/prepared';
import { readerOf, SqliteReader } from '../../../server/db/reader';

const opened: Array<{ handle: DatabaseHandle; dir: string }> = [];
afterEach(async () => {
  for (const { handle, dir } of opened.splice(0)) {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function fileDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-reader-'));
  const handle = openDatabase(`sqlite:${path.join(dir, 'reader.db')}`);
  opened.push({ handle, dir });
  await migrateToLatest(handle.db);
  return handle.db;
}

const brandById = preparedQuery<{ id: string }, Record<string, unknown>>((db, param) =>
  db.selectFrom('brands').selectAll().where('id', '=', param('id')),
);

const brandNames = preparedQuery<{ name: string }, Record<string, unknown>>((db, param) =>
  db
    .selectFrom('brands')
    .select(['brands.name as brandName', 'brands.id'])
    .where('name', '>=', param('name'))
    .orderBy('name'),
);

describe('SqliteReader', () => {
  it('answers prepared reads with the rows Kysely answers (camelCased keys, same values)', async () => {
    const db = await fileDatabase();
    expect(readerOf(db)).toBeDefined();
    const now = new Date('2026-03-01T12:00:00.000Z').toISOString();
    for (const [id, name] of [
      ['b1', 'Acme'],
      ['b2', 'Bolt'],
    ]) {
      await db
        .insertInto('brands')
        .values({
          id: id!,
          name: name!,
          stage: 'prospect',
          notes: '',
          color: '#000000',
          version: 1,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
    }

    const [read] = await brandById(db, { id: 'b1' });
    const built = await db.selectFrom('brands').selectAll().where('id', '=', 'b1').execute();
    expect(read).toEqual(built[0]);
    expect(Object.keys(read!)).toEqual(Object.keys(built[0]!));

    expect(await brandNames(db, { name: 'A' })).toEqual([
      { brandName: 'Acme', id: 'b1' },
      { brandName: 'Bolt', id: 'b2' },
    ]);
    expect(await brandById(db, { id: 'none' })).toEqual([]);
  });

  it('answers the columns a migration added after a statement was prepared', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-reader-'));
    const file = path.join(dir, 'schema.db');
    const writer = new SQLite(file);
    writer.pragma('journal_mode = WAL');
    writer.exec("create table notes (note_text text); insert into notes values ('hello')");
    const reader = new SqliteReader(file);
    try {
      expect(reader.all('select * from notes', [])).toEqual([{ noteText: 'hello' }]);
      writer.exec("alter table notes add column written_by text default 'owner'");
      expect(reader.all('select * from notes', [])).toEqual([
        { noteText: 'hello', writtenBy: 'owner' },
      ]);
    } finally {
      reader.close();
      writer.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
