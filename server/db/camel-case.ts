import {
  CamelCasePlugin,
  type PluginTransformResultArgs,
  type QueryResult,
  type UnknownRow,
} from 'kysely';

function isPlainObject(value: unknown): value is UnknownRow {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

type RowMapper = (row: UnknownRow, nested: (value: unknown) => unknown) => UnknownRow;

/**
 * Kysely's CamelCasePlugin, with result rows mapped by a function built once
 * per column list: an object literal with fixed keys, which V8 creates far
 * faster than one filled key by key. Same result as the plugin's own mapping
 * (keys camelCased; nested plain objects and arrays of them mapped too).
 */
export class RowCamelCasePlugin extends CamelCasePlugin {
  readonly #mappers = new Map<string, RowMapper>();

  override async transformResult(
    args: PluginTransformResultArgs,
  ): Promise<QueryResult<UnknownRow>> {
    const { rows } = args.result;
    if (!Array.isArray(rows) || rows.length === 0) return args.result;
    const keys = Object.keys(rows[0]!);
    if (keys.length === 0) return args.result;
    // Every row of one result has the same columns, in the same order, on both engines.
    return { ...args.result, rows: rows.map(this.rowMapper(keys)) };
  }

  /** Maps rows with these columns (in this order) as `transformResult` does. */
  rowMapper(keys: readonly string[]): (row: UnknownRow) => UnknownRow {
    const mapper = this.#mapperFor(keys);
    const nested = (value: unknown) => this.#nested(value);
    return (row) => mapper(row, nested);
  }

  #nested(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value))
      return value.map((item: unknown) => (isPlainObject(item) ? this.mapRow(item) : item));
    return isPlainObject(value) ? this.mapRow(value) : value;
  }

  #mapperFor(keys: readonly string[]): RowMapper {
    const id = keys.join('\u0000');
    let mapper = this.#mappers.get(id);
    if (!mapper) {
      // Keys are column names and aliases from our own queries, quoted as JSON strings.
      const fields = keys.map(
        (key, i) =>
          `${JSON.stringify(this.camelCase(key))}: (v${i} = r[${JSON.stringify(key)}]) !== null && typeof v${i} === 'object' ? n(v${i}) : v${i}`,
      );
      const locals = keys.map((_, i) => `v${i}`).join(', ');
      mapper = new Function(
        'r',
        'n',
        `let ${locals}; return { ${fields.join(', ')} };`,
      ) as RowMapper;
      if (this.#mappers.size > 1000) this.#mappers.clear();
      this.#mappers.set(id, mapper);
    }
    return mapper;
  }
}
