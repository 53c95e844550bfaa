import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema';

/** What a prepared query's parameters may be: bound as they are on both engines. */
export type PreparedValue = string | number | null;

type Placeholder = <K extends string>(name: K) => never;

interface Compiled {
  query: CompiledQuery;
  /** For each bound parameter: the caller's parameter it takes, or a constant of the query. */
  slots: Array<{ name: string } | { value: unknown }>;
}

const MARK = '\u0000sponsorcal-param:';

/**
 * A query Kysely builds and compiles once per database handle (so once per
 * dialect), then runs with new parameter values. Building, transforming and
 * compiling a query costs Kysely more than SQLite takes to answer a point read;
 * the queries that run on every request are prepared here. The SQL is still
 * Kysely's, per dialect. Only selects: writes must pass the plugins (see
 * read-cache.ts).
 *
 *     const byId = preparedQuery((db, param) =>
 *       db.selectFrom('deliverables').selectAll().where('id', '=', param('id')));
 *     const rows = await byId(db, { id });
 *
 * `param(name)` stands for a value in the builder; each must end up a bound
 * parameter (never spliced into the SQL text), which is checked when compiled.
 * A handle without a cache entry (a transaction) compiles the query anew.
 */
export function preparedQuery<P extends Record<string, PreparedValue>, O>(
  build: (db: Kysely<Database>, param: (name: keyof P & string) => never) => Compilable<O>,
): (db: Kysely<Database>, params: P) => Promise<O[]> {
  const compiled = new WeakMap<Kysely<Database>, Compiled>();
  const placeholder: Placeholder = (name) => `${MARK}${name}` as never;

  function compile(db: Kysely<Database>): Compiled {
    const query = build(db, placeholder).compile();
    // Writes must pass Kysely's plugins (read-cache.ts counts them): only reads are prepared.
    if (query.query.kind !== 'SelectQueryNode') {
      throw new Error(`Only a select can be a prepared query: ${query.sql}`);
    }
    if (query.sql.includes(MARK)) {
      throw new Error(`A prepared query spliced a parameter into its SQL: ${query.sql}`);
    }
    const slots = query.parameters.map((value) =>
      typeof value === 'string' && value.startsWith(MARK)
        ? { name: value.slice(MARK.length) }
        : { value },
    );
    return { query, slots };
  }

  return async (db, params) => {
    let entry = compiled.get(db);
    if (!entry) {
      entry = compile(db);
      // Transactions are short-lived handles: only the long-lived ones are worth keeping.
      if (!db.isTransaction) compiled.set(db, entry);
    }
    const parameters = entry.slots.map((slot) => {
      if (!('name' in slot)) return slot.value;
      const value = params[slot.name];
      if (value === undefined)
        throw new Error(`Prepared query parameter "${slot.name}" is missing`);
      return value;
    });
    const result = await db.executeQuery<O>({ ...entry.query, parameters });
    return result.rows;
  };
}
