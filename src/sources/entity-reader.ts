import type { DataSource, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { preparedStatement, runPrepared, type PreparedStatement } from '../databases/prepared-statement';

type Order = 'ASC' | 'DESC';

export interface ReadSpec<E> {
  entity: new () => E;
  /** Property whose column is matched against the keys (`= ANY($1)`). */
  by: keyof E & string;
  order: Array<[keyof E & string, Order]>;
  /** One-to-many relations filled in the same statement. */
  children?: Array<ChildSpec<E>>;
}

export interface ChildSpec<E, C = never> {
  /** The property filled with the children (an array, empty when there are none). */
  relation: keyof E & string;
  entity: new () => C;
  /** The children's property matched against the parent's `parentKey` (its primary key unless given). */
  foreignKey: keyof C & string;
  parentKey?: keyof E & string;
  order: Array<[keyof C & string, Order]>;
}

/** Any spec, whatever its entity (what `readAll` takes; each spec's own entity types its rows). */
interface AnyReadSpec {
  entity: new () => unknown;
  by: string;
  order: ReadonlyArray<readonly [string, Order]>;
  children?: ReadonlyArray<{
    relation: string;
    entity: new () => unknown;
    foreignKey: string;
    parentKey?: string;
    order: ReadonlyArray<readonly [string, Order]>;
  }>;
}

/** The rows of each spec, in the order of the specs. */
type RowsOf<S extends readonly AnyReadSpec[]> = { -readonly [I in keyof S]: S[I] extends { entity: new () => infer E } ? E[] : never };

interface Plan {
  /** Prepared under its name on each connection. */
  statement: PreparedStatement;
  hydrate: (row: Record<string, unknown>) => unknown[][];
}

type Hydrate = (object: Record<string, unknown>) => unknown;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The database type a column is declared with, as the driver spells it (`numeric`, `timestamp with time zone`, …). */
const typeOf = (dataSource: DataSource, column: ColumnMetadata): string => String(dataSource.driver.normalizeType(column)).toLowerCase();

/**
 * A column as it goes into the statement's JSON, so that each value comes back as `pg` hands out the same column
 * read plainly: exact decimals and 64-bit integers as text, dates as YYYY-MM-DD text (what TypeORM hands out for
 * them, not a JS Date at local midnight); timestamps are turned back into Dates when the rows are filled.
 */
function columnValue(dataSource: DataSource, table: string, column: ColumnMetadata): string {
  const ref = `${table}.${quote(column.databaseName)}`;
  const type = typeOf(dataSource, column);
  const asText = ['numeric', 'decimal', 'bigint', 'int8', 'money', 'date'].includes(type);
  return asText ? `${ref}::text` : ref;
}

/** A string as an SQL literal (property names are the JSON keys). */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** `json_build_object` takes at most 100 arguments: 50 key–value pairs. */
const MAX_PAIRS = 50;

function columnOf(meta: EntityMetadata, property: string): ColumnMetadata {
  const column = meta.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${meta.name} has no column ${property}`);
  return column;
}

function orderBy(table: string, meta: EntityMetadata, order: ReadonlyArray<readonly [string, Order]>): string {
  const keys = [...order.map(([property, direction]) => `${table}.${quote(columnOf(meta, property).databaseName)} ${direction}`)];
  for (const primary of meta.primaryColumns) keys.push(`${table}.${quote(primary.databaseName)}`);
  return keys.join(', ');
}

/**
 * Plain-SQL reads of source entities by a key column, built once from TypeORM's metadata. All the tables a lookup
 * needs are read in one statement: each table's rows for the keys (and each row's children) aggregated into one JSON
 * array, sent as a statement prepared once per connection (`pg`'s named statements), so a source answers a batch of
 * subjects in one round trip whatever the number of its tables. In the inquiry hot path TypeORM's find() spent more
 * CPU building each query and hydrating its rows than the source database spent answering it.
 */
export class EntityReader {
  private readonly plans = new Map<string, Plan>();

  constructor(private readonly key: string) {}

  /** Rows of `spec.entity` whose `spec.by` is one of `keys`, optionally with one one-to-many relation filled. */
  async read<E, C = never>(dataSource: DataSource, keys: readonly string[], spec: ReadSpec<E>, child?: ChildSpec<E, C>): Promise<E[]> {
    const full: AnyReadSpec = child ? { ...spec, children: [...(spec.children ?? []), child] } : spec;
    const [rows] = await this.readAll(dataSource, keys, [full]);
    return rows as E[];
  }

  /** The rows of every spec for the same keys, in one statement. */
  async readAll<const S extends readonly AnyReadSpec[]>(dataSource: DataSource, keys: readonly string[], specs: S): Promise<RowsOf<S>> {
    const plan = this.plan(dataSource, specs);
    const [row] = await runPrepared(dataSource, plan.statement, [[...keys]]);
    return plan.hydrate(row) as RowsOf<S>;
  }

  private plan(dataSource: DataSource, specs: readonly AnyReadSpec[]): Plan {
    const key = specs.map(specKey).join(';');
    let plan = this.plans.get(key);
    if (!plan) {
      plan = buildPlan(this.key, dataSource, specs);
      this.plans.set(key, plan);
    }
    return plan;
  }
}

function specKey(spec: AnyReadSpec): string {
  const children = (spec.children ?? []).map(
    (c) => `${c.relation}<${c.entity.name}.${c.foreignKey}=${c.parentKey ?? ''}|${c.order.flat().join(',')}`,
  );
  return `${spec.entity.name}.${spec.by}|${spec.order.flat().join(',')}|${children.join('+')}`;
}

/** `SELECT (rows of spec 0 as JSON) AS s0, (rows of spec 1) AS s1, …`: one row, one JSON array per spec. */
function buildPlan(source: string, dataSource: DataSource, specs: readonly AnyReadSpec[]): Plan {
  let aliases = 0;
  const alias = () => `t${aliases++}`;
  const hydrators: Hydrate[] = [];
  const columns: string[] = [];
  specs.forEach((spec, i) => {
    const meta = dataSource.getMetadata(spec.entity);
    const t = alias();
    const by = columnOf(meta, spec.by);
    const keyType = typeOf(dataSource, by);
    // An enum's SQL type is named per column; the keys a lookup matches on are identifiers, never enums.
    if (keyType.includes('enum')) throw new Error(`${meta.name}.${spec.by}: a lookup key cannot be an enum column`);
    const keys = `${keyType}[]`;
    // The keys as an InitPlan's value rather than the parameter itself: the planner sees the same statement at every
    // execution whatever the number of keys, so after its first five custom plans it keeps one generic plan per
    // connection instead of planning each call again (planning cost more than executing). Index scans are unchanged.
    const where = `${t}.${quote(by.databaseName)} = ANY((SELECT $1::${keys})::${keys})`;
    const { sql, hydrate } = rowsAsJson(dataSource, meta, t, where, spec.order, spec.children ?? [], alias);
    columns.push(`${sql} AS "s${i}"`);
    hydrators.push(hydrate);
  });
  const text = `SELECT ${columns.join(', ')}`;
  return {
    statement: preparedStatement(source, text),
    hydrate: (row) => hydrators.map((h, i) => hydrateList(h, row[`s${i}`])),
  };
}

function hydrateList(hydrate: Hydrate, value: unknown): unknown[] {
  return Array.isArray(value) ? value.map((item) => hydrate(item as Record<string, unknown>)) : [];
}

/**
 * The rows of `meta`'s table matching `where`, in order, as one JSON array (`[]` when none), each row with its
 * children's arrays; and how to fill entity objects from it.
 */
function rowsAsJson(
  dataSource: DataSource,
  meta: EntityMetadata,
  t: string,
  where: string,
  order: ReadonlyArray<readonly [string, Order]>,
  children: NonNullable<AnyReadSpec['children']>,
  alias: () => string,
): { sql: string; hydrate: Hydrate } {
  const pairs = meta.columns.map((c) => `${literal(c.propertyName)}, ${columnValue(dataSource, t, c)}`);
  const childHydrators: Array<[string, Hydrate]> = [];
  for (const child of children) {
    const childMeta = dataSource.getMetadata(child.entity);
    const c = alias();
    const parentColumn = child.parentKey ? columnOf(meta, child.parentKey) : meta.primaryColumns[0];
    const childWhere = `${c}.${quote(columnOf(childMeta, child.foreignKey).databaseName)} = ${t}.${quote(parentColumn.databaseName)}`;
    const nested = rowsAsJson(dataSource, childMeta, c, childWhere, child.order, [], alias);
    pairs.push(`${literal(child.relation)}, ${nested.sql}`);
    childHydrators.push([child.relation, nested.hydrate]);
  }
  if (pairs.length > MAX_PAIRS) throw new Error(`${meta.name}: more than ${MAX_PAIRS} columns and relations to read in one object`);
  // Each row one JSON object, aggregated in the lookup's order: no window, no sub-select to sort again.
  const sql =
    `(SELECT coalesce(json_agg(json_build_object(${pairs.join(', ')}) ORDER BY ${orderBy(t, meta, order)}), '[]'::json) ` +
    `FROM ${quote(meta.tableName)} ${t} WHERE ${where})`;
  const Entity = meta.target as new () => Record<string, unknown>;
  const timestamps = new Set(meta.columns.filter((c) => typeOf(dataSource, c).startsWith('timestamp')).map((c) => c.propertyName));
  const properties = meta.columns.map((c) => c.propertyName);
  const hydrate: Hydrate = (object) => {
    const entity = new Entity();
    for (const property of properties) {
      const value = object[property];
      entity[property] = value !== null && value !== undefined && timestamps.has(property) ? new Date(value as string) : value;
    }
    for (const [relation, fill] of childHydrators) entity[relation] = hydrateList(fill, object[relation]);
    return entity;
  };
  return { sql, hydrate };
}
