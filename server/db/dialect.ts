/**
 * Everything that differs between SQLite and PostgreSQL lives here: column
 * types used by migrations, boolean binding, and how constraint violations are
 * recognised. Queries elsewhere are plain, portable Kysely.
 */
import {
  OperationNodeTransformer,
  PostgresAdapter,
  sql,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RawBuilder,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations and dialect checks work on any schema
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export type ColumnKind = 'instant' | 'day' | 'boolean' | 'bigint';

/** The column type for a kind of value on the given engine. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function columnType(db: Kysely<any>, kind: ColumnKind): RawBuilder<unknown> {
  const postgres = dialectOf(db) === 'postgres';
  switch (kind) {
    case 'instant':
      // SQLite keeps the fixed-width ISO string, which sorts and compares correctly as text.
      return sql.raw(postgres ? 'timestamptz' : 'text');
    case 'day':
      return sql.raw(postgres ? 'date' : 'text');
    case 'boolean':
      return sql.raw(postgres ? 'boolean' : 'integer');
    case 'bigint':
      return sql.raw(postgres ? 'bigint' : 'integer');
  }
}

class BooleanToIntegerTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const transformed = super.transformValue(node);
    return typeof transformed.value === 'boolean'
      ? { ...transformed, value: transformed.value ? 1 : 0 }
      : transformed;
  }

  protected override transformPrimitiveValueList(
    node: PrimitiveValueListNode,
  ): PrimitiveValueListNode {
    return {
      ...node,
      values: node.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)),
    };
  }
}

/** better-sqlite3 refuses to bind JS booleans; this binds them as 1/0. */
export class SqliteBooleanPlugin implements KyselyPlugin {
  readonly #transformer = new BooleanToIntegerTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** A unique or primary-key constraint was violated (by driver error code, never by message text). */
export function isUniqueViolation(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  );
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

const LOCK_KEYS = {
  setup: 1_001,
  invoiceNumber: 1_002,
  owners: 1_003,
  login: 1_004,
  publicHits: 1_005,
} as const;

/**
 * Serialises transactions that take the same named lock. PostgreSQL: a
 * transaction-scoped advisory lock. SQLite: nothing to do, writers are
 * already serialised (one connection per process, one writer per file).
 */
export async function lockTransaction(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  trx: Kysely<any>,
  name: keyof typeof LOCK_KEYS,
): Promise<void> {
  if (dialectOf(trx) === 'postgres') {
    await sql`select pg_advisory_xact_lock(${LOCK_KEYS[name]})`.execute(trx);
  }
}

/**
 * The database could not take the work now, but will soon: SQLite's file is
 * locked by another process past every wait, or PostgreSQL gave up on a lock,
 * a deadlock or a serialisation conflict, or is starting or full. Answered
 * 503 with `Retry-After`, never 500.
 */
export function isBusy(error: unknown): boolean {
  const code = errorCode(error);
  if (code === undefined) return false;
  return (
    code.startsWith('SQLITE_BUSY') ||
    code === '40001' ||
    code === '40P01' ||
    code === '55P03' ||
    code === '57P03' ||
    code === '53300'
  );
}

/** PostgreSQL refused text it cannot store (e.g. NUL): bad input, not a server fault. */
export function isUnstorableText(error: unknown): boolean {
  const code = errorCode(error);
  return code === '22021' || code === '22P05';
}

/**
 * Adds `FOR UPDATE` on PostgreSQL, so a read-then-write (a payment against
 * what is still owed) cannot interleave with another; SQLite's single writer
 * already serialises them, and it has no such clause.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lockedForUpdate<Q extends { forUpdate(): Q }>(db: Kysely<any>, query: Q): Q {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}
