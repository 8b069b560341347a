import type { DataSource, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

type Order = 'ASC' | 'DESC';

export interface ReadSpec<E> {
  entity: new () => E;
  /** Property whose column is matched against the keys (`= ANY($1)`). */
  by: keyof E & string;
  order: Array<[keyof E & string, Order]>;
}

export interface ChildSpec<E, C> {
  /** The one-to-many property filled with the children, and the children's foreign-key property. */
  relation: keyof E & string;
  entity: new () => C;
  foreignKey: keyof C & string;
  order: Array<[keyof C & string, Order]>;
}

interface Plan {
  sql: string;
  hydrate: (rows: Array<Record<string, unknown>>) => unknown[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `date` columns as text: what TypeORM hands out for them (YYYY-MM-DD), not a JS Date at local midnight. */
function selectColumn(table: string, column: ColumnMetadata, alias: string): string {
  const ref = `${table}.${quote(column.databaseName)}`;
  return `${column.type === 'date' ? `${ref}::text` : ref} AS ${quote(alias)}`;
}

function columnOf(meta: EntityMetadata, property: string): ColumnMetadata {
  const column = meta.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${meta.name} has no column ${property}`);
  return column;
}

function orderBy(table: string, meta: EntityMetadata, order: Array<[string, Order]>): string[] {
  return order.map(([property, direction]) => `${table}.${quote(columnOf(meta, property).databaseName)} ${direction}`);
}

/**
 * Plain-SQL reads of source entities by a key column, the SQL built once from TypeORM's metadata. In the
 * inquiry hot path TypeORM's find() spent more CPU building each query and hydrating its rows than the
 * source database spent answering it; this sends the same single statement and fills the same entity classes.
 */
export class EntityReader {
  private readonly plans = new Map<string, Plan>();

  constructor(private readonly key: string) {}

  /** Rows of `spec.entity` whose `spec.by` is one of `keys`, optionally with one one-to-many relation joined in. */
  async read<E, C = never>(dataSource: DataSource, keys: readonly string[], spec: ReadSpec<E>, child?: ChildSpec<E, C>): Promise<E[]> {
    const plan = this.plan(dataSource, spec, child);
    const rows: Array<Record<string, unknown>> = await dataSource.query(plan.sql, [[...keys]]);
    return plan.hydrate(rows) as E[];
  }

  private plan<E, C>(dataSource: DataSource, spec: ReadSpec<E>, child?: ChildSpec<E, C>): Plan {
    const name = `${this.key}:${spec.entity.name}:${String(child?.relation ?? '')}`;
    let plan = this.plans.get(name);
    if (!plan) {
      plan = child ? joinedPlan(dataSource, spec, child) : flatPlan(dataSource, spec);
      this.plans.set(name, plan);
    }
    return plan;
  }
}

function flatPlan<E>(dataSource: DataSource, spec: ReadSpec<E>): Plan {
  const meta = dataSource.getMetadata(spec.entity);
  const columns = meta.columns;
  const sql =
    `SELECT ${columns.map((c) => selectColumn('t', c, c.propertyName)).join(', ')} FROM ${quote(meta.tableName)} t ` +
    `WHERE t.${quote(columnOf(meta, spec.by).databaseName)} = ANY($1)` +
    (spec.order.length ? ` ORDER BY ${orderBy('t', meta, spec.order).join(', ')}` : '');
  const Entity = spec.entity;
  return { sql, hydrate: (rows) => rows.map((row) => Object.assign(new Entity() as object, row)) };
}

function joinedPlan<E, C>(dataSource: DataSource, spec: ReadSpec<E>, child: ChildSpec<E, C>): Plan {
  const meta = dataSource.getMetadata(spec.entity);
  const childMeta = dataSource.getMetadata(child.entity);
  const primary = meta.primaryColumns[0];
  const childPrimary = childMeta.primaryColumns[0];
  const parentColumns = meta.columns.map((c) => [c.propertyName, `p_${c.propertyName}`] as const);
  const childColumns = childMeta.columns.map((c) => [c.propertyName, `c_${c.propertyName}`] as const);
  const sql =
    `SELECT ${meta.columns.map((c) => selectColumn('p', c, `p_${c.propertyName}`)).join(', ')}, ` +
    `${childMeta.columns.map((c) => selectColumn('c', c, `c_${c.propertyName}`)).join(', ')} ` +
    `FROM ${quote(meta.tableName)} p LEFT JOIN ${quote(childMeta.tableName)} c ` +
    `ON c.${quote(columnOf(childMeta, child.foreignKey).databaseName)} = p.${quote(primary.databaseName)} ` +
    `WHERE p.${quote(columnOf(meta, spec.by).databaseName)} = ANY($1) ` +
    `ORDER BY ${[...orderBy('p', meta, spec.order), `p.${quote(primary.databaseName)}`, ...orderBy('c', childMeta, child.order)].join(', ')}`;
  const Parent = spec.entity;
  const Child = child.entity;
  const childKey = `c_${childPrimary.propertyName}`;
  const parentKey = `p_${primary.propertyName}`;
  return {
    sql,
    hydrate: (rows) => {
      const parents = new Map<unknown, E>();
      for (const row of rows) {
        let parent = parents.get(row[parentKey]);
        if (!parent) {
          parent = new Parent();
          for (const [property, alias] of parentColumns) (parent as Record<string, unknown>)[property] = row[alias];
          (parent as Record<string, unknown>)[child.relation] = [];
          parents.set(row[parentKey], parent);
        }
        if (row[childKey] === null) continue;
        const item = new Child();
        for (const [property, alias] of childColumns) (item as Record<string, unknown>)[property] = row[alias];
        ((parent as Record<string, unknown>)[child.relation] as C[]).push(item);
      }
      return [...parents.values()];
    },
  };
}
