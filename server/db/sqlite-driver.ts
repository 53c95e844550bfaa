import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { isBusy } from './dialect';

/**
 * How long the main connection waits for another process's write lock inside
 * SQLite (blocking the event loop) before the wait goes on asynchronously.
 */
export const SQLITE_BUSY_SLICE_MS = 25;
/** How long a statement waits in all for the write lock before it gives up (and the request answers 503). */
export const SQLITE_BUSY_BUDGET_MS = 10_000;

export interface BusyWaitOptions {
  budgetMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `run` again while SQLite answers busy (another process holds the
 * file's write lock), with growing pauses that leave the event loop free,
 * until `budgetMs` has passed; then the busy error goes up (503).
 */
export async function retryWhileBusy<T>(
  run: () => Promise<T>,
  { budgetMs = SQLITE_BUSY_BUDGET_MS, sleep = sleepFor }: BusyWaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      // 2, 4, 8 … 64 ms, with jitter so two waiting processes do not retry in step.
      await sleep(Math.min(2 ** (attempt + 1), 64) * (0.5 + Math.random()));
    }
  }
}

class BusyWaitingConnection implements DatabaseConnection {
  constructor(
    private readonly inner: DatabaseConnection,
    private readonly options: BusyWaitOptions,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return retryWhileBusy(() => this.inner.executeQuery<R>(query), this.options);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * Kysely's SQLite driver, with two changes for several processes on one file:
 * a transaction begins `IMMEDIATE`, taking the write lock up front (a
 * transaction begun as a reader that later writes cannot wait for the lock:
 * SQLite answers busy at once when another process wrote meanwhile), and a
 * statement — `BEGIN`, `COMMIT` included — that finds the file locked waits
 * for it (see `retryWhileBusy`) instead of failing.
 */
class BusyWaitingSqliteDriver implements Driver {
  readonly #connections = new WeakMap<DatabaseConnection, BusyWaitingConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly options: BusyWaitOptions,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let wrapped = this.#connections.get(connection);
    if (!wrapped) {
      wrapped = new BusyWaitingConnection(connection, this.options);
      this.#connections.set(connection, wrapped);
    }
    return wrapped;
  }

  async beginTransaction(
    connection: DatabaseConnection,
    _settings: TransactionSettings,
  ): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A busy COMMIT leaves the transaction open, so it can be tried again.
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  savepoint: Driver['savepoint'] = (connection, name, compile) =>
    this.inner.savepoint!(connection, name, compile);

  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (connection, name, compile) =>
    this.inner.rollbackToSavepoint!(connection, name, compile);

  releaseSavepoint: Driver['releaseSavepoint'] = (connection, name, compile) =>
    this.inner.releaseSavepoint!(connection, name, compile);

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Kysely's SQLite dialect with `BusyWaitingSqliteDriver`. */
export class BusyWaitingSqliteDialect extends SqliteDialect {
  readonly #options: BusyWaitOptions;

  constructor(
    config: ConstructorParameters<typeof SqliteDialect>[0],
    options: BusyWaitOptions = {},
  ) {
    super(config);
    this.#options = options;
  }

  override createDriver(): Driver {
    return new BusyWaitingSqliteDriver(super.createDriver(), this.#options);
  }
}
