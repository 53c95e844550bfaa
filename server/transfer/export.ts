import type { Kysely } from 'kysely';
import {
  TRANSFER_FORMAT,
  TRANSFER_VERSION,
  type TransferFile,
  type TransferTableName,
} from '../../shared/schemas/transfer';
import { dialectOf } from '../db/dialect';
import type { Database } from '../db/schema';
import {
  columnsOf,
  LATEST_MIGRATION,
  looseDb,
  TRANSFER_DB_TABLES,
  TRANSFER_TABLES,
  type TableColumns,
} from './tables';

export interface ExportWorkspaceOptions {
  now: Date;
  /** Rows read per query (keyset paging on the primary key). */
  pageSize?: number;
}

function normaliseRow(
  row: Record<string, unknown>,
  columns: TableColumns,
): Record<string, unknown> {
  for (const name of columns.booleans) row[name] = Boolean(row[name]);
  for (const name of columns.instants) {
    const value = row[name];
    if (typeof value === 'string') row[name] = new Date(value).toISOString();
  }
  return row;
}

async function exportTable(
  trx: Kysely<Database>,
  table: TransferTableName,
  pageSize: number,
  chunks: string[],
): Promise<void> {
  const db = looseDb(trx);
  const columns = columnsOf(table);
  chunks.push(`${JSON.stringify(table)}:[`);
  let after: unknown;
  let first = true;
  for (;;) {
    let query = db
      .selectFrom(TRANSFER_DB_TABLES[table])
      .select(columns.all)
      .orderBy('id')
      .limit(pageSize);
    if (after !== undefined) query = query.where('id', '>', after);
    const rows = await query.execute();
    if (rows.length > 0) {
      const text = rows.map((row) => JSON.stringify(normaliseRow(row, columns))).join(',');
      chunks.push(first ? text : `,${text}`);
      first = false;
    }
    if (rows.length < pageSize) break;
    after = rows.at(-1)!.id;
  }
  chunks.push(']');
}

/**
 * The whole workspace as the JSON text of an export file, in pieces to send
 * one after another. Every table is read in one transaction (a repeatable-read
 * snapshot on PostgreSQL; SQLite's read transaction is one already), so a row
 * never refers to one the file lacks. The rows are serialised page by page as
 * they are read — only their text is kept — and the transaction ends before
 * the first byte goes out: a slow download holds no connection (SQLite has
 * only one).
 */
export async function exportWorkspace(
  db: Kysely<Database>,
  { now, pageSize = 1_000 }: ExportWorkspaceOptions,
): Promise<string[]> {
  const header: Omit<TransferFile, 'tables'> = {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    exportedAt: now.toISOString(),
    schemaVersion: LATEST_MIGRATION,
  };
  const chunks = [`${JSON.stringify(header).slice(0, -1)},"tables":{`];
  let transaction = db.transaction();
  if (dialectOf(db) === 'postgres') {
    transaction = transaction.setIsolationLevel('repeatable read').setAccessMode('read only');
  }
  await transaction.execute(async (trx) => {
    for (const [index, table] of TRANSFER_TABLES.entries()) {
      if (index > 0) chunks.push(',');
      await exportTable(trx, table, pageSize, chunks);
    }
  });
  chunks.push('}}');
  return chunks;
}

/** Sends the pieces in order, letting go of each once it is handed over. */
export function streamChunks(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= chunks.length) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(chunks[next]));
      chunks[next] = '';
      next += 1;
    },
  });
}
