import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { dialectOf, type DialectName } from './dialect';
import { noteStatement } from './read-cache';
import { readerOf } from './reader';
import type { Database } from './schema';

/** What a prepared statement's parameters may be: bound as they are on both engines. */
export type PreparedValue = string | number | null;

interface Compiled {
  query: CompiledQuery;
  /** For each bound parameter: the caller's value it takes, or a constant of the statement. */
  slots: Array<{ name: string } | { value: unknown }>;
}

const MARK = '\u0000sponsorcal-param:';
const placeholder = (name: string) => `${MARK}${name}`;

/**
 * Compiles `build`'s statement with placeholders where the caller's values go,
 * once per engine (the SQL is the dialect's; every handle of one engine is
 * configured alike), and checks that each placeholder became a bound parameter.
 */
function compiler(
  build: (db: Kysely<Database>) => Compilable<unknown>,
  { selectOnly = false }: { selectOnly?: boolean } = {},
) {
  const compiled = new Map<DialectName, Compiled>();
  return (db: Kysely<Database>): Compiled => {
    const dialect = dialectOf(db);
    let entry = compiled.get(dialect);
    if (entry) return entry;
    const query = build(db).compile();
    if (selectOnly && query.query.kind !== 'SelectQueryNode') {
      throw new Error(`Only a select can be a prepared query: ${query.sql}`);
    }
    if (query.sql.includes(MARK)) {
      throw new Error(`A prepared statement spliced a parameter into its SQL: ${query.sql}`);
    }
    const slots = query.parameters.map((value) =>
      typeof value === 'string' && value.startsWith(MARK)
        ? { name: value.slice(MARK.length) }
        : { value },
    );
    entry = { query, slots };
    compiled.set(dialect, entry);
    return entry;
  };
}

function bind(entry: Compiled, value: (name: string) => PreparedValue | undefined): unknown[] {
  return entry.slots.map((slot) => {
    if (!('name' in slot)) return slot.value;
    const bound = value(slot.name);
    if (bound === undefined) throw new Error(`Prepared parameter "${slot.name}" is missing`);
    return bound;
  });
}

/**
 * A query Kysely builds and compiles once per engine, then runs with new
 * parameter values. Building, transforming and compiling a query costs Kysely
 * more than SQLite takes to answer a point read; the queries that run on every
 * request are prepared here. The SQL is still Kysely's, per dialect. Only
 * selects (writes go through `preparedInsert` or the builder). On a SQLite
 * file they run on the read-only connection (reader.ts), except inside a
 * transaction.
 *
 *     const byId = preparedQuery((db, param) =>
 *       db.selectFrom('deliverables').selectAll().where('id', '=', param('id')));
 *     const rows = await byId(db, { id });
 *
 * `param(name)` stands for a value in the builder; each must end up a bound
 * parameter (never spliced into the SQL text), which is checked when compiled.
 */
export function preparedQuery<P extends Record<string, PreparedValue>, O>(
  build: (db: Kysely<Database>, param: (name: keyof P & string) => never) => Compilable<O>,
): (db: Kysely<Database>, params: P) => Promise<O[]> {
  const compile = compiler((db) => build(db, placeholder as (name: string) => never), {
    selectOnly: true,
  });
  return async (db, params) => {
    const entry = compile(db);
    const parameters = bind(entry, (name) => params[name]);
    const reader = readerOf(db);
    if (reader) return reader.all<O>(entry.query.sql, parameters);
    const result = await db.executeQuery<O>({ ...entry.query, parameters });
    return result.rows;
  };
}

/**
 * Many rows inserted by one statement Kysely compiled once per engine and
 * number of rows: a hundred alerts' insert spent more time being built than
 * SQLite took to write it. `build` gets rows of placeholders (the columns of
 * the first row) and adds the rest of the statement (conflict handling,
 * returning). Every row must have the same columns. The write is counted as
 * any other (see read-cache.ts).
 */
export function preparedInsert<R extends Record<string, PreparedValue>, O = unknown>(
  build: (db: Kysely<Database>, rows: R[]) => Compilable<O>,
): (db: Kysely<Database>, rows: readonly R[]) => Promise<O[]> {
  const shapes = new Map<string, ReturnType<typeof compiler>>();
  const rowSlots = new WeakMap<Compiled, Array<{ row: number; column: string } | null>>();
  return async (db, rows) => {
    if (rows.length === 0) return [];
    const columns = Object.keys(rows[0]!);
    const shape = `${rows.length}\u0000${columns.join('\u0000')}`;
    let compile = shapes.get(shape);
    if (!compile) {
      compile = compiler((db) =>
        build(
          db,
          rows.map(
            (_, i) =>
              Object.fromEntries(
                columns.map((column) => [column, placeholder(`${i}:${column}`)]),
              ) as R,
          ),
        ),
      );
      if (shapes.size > 100) shapes.clear();
      shapes.set(shape, compile);
    }
    const entry = compile(db);
    let cells = rowSlots.get(entry);
    if (!cells) {
      // `row:column` of each placeholder, parsed once per statement shape.
      cells = entry.slots.map((slot) => {
        if (!('name' in slot)) return null;
        const at = slot.name.indexOf(':');
        return { row: Number(slot.name.slice(0, at)), column: slot.name.slice(at + 1) };
      });
      rowSlots.set(entry, cells);
    }
    const parameters = entry.slots.map((slot, i) => {
      const cell = cells[i];
      if (!cell) return (slot as { value: unknown }).value;
      const value = rows[cell.row]![cell.column];
      if (value === undefined) throw new Error(`Prepared parameter "${cell.column}" is missing`);
      return value;
    });
    noteStatement(entry.query.query);
    try {
      const result = await db.executeQuery<O>({ ...entry.query, parameters });
      return result.rows;
    } finally {
      noteStatement(entry.query.query);
    }
  };
}
