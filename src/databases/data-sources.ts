import { DataSource, type MixedList } from 'typeorm';
import { HUB_ENTITIES } from '../entities/hub';
import { HUB_MIGRATIONS } from '../../migrations/hub';
import { SOURCES } from '../sources/registry';
import type { SourceName } from '../sources/source-name';
import type { DatabaseKey } from '../config';
import { StatementCounter } from './statement-counter';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Classes = MixedList<Function>;

type Schema = { entities: Classes; migrations: Classes };

/**
 * The hub's entities and migrations, and each source's (from its folder, through the registry). A function, not a
 * constant: the sources' connectors load this module before the registry has finished loading.
 */
export function databaseSchemas(): Record<DatabaseKey, Schema> {
  return {
    hub: { entities: HUB_ENTITIES, migrations: HUB_MIGRATIONS },
    ...(Object.fromEntries(SOURCES.map((s) => [s.name, { entities: s.entities, migrations: s.migrations }])) as Record<SourceName, Schema>),
  };
}

export interface CountedDataSource {
  dataSource: DataSource;
  statements: StatementCounter;
}

export interface DataSourceOptions {
  /** Server-side statement_timeout in ms (sources). */
  statementTimeoutMs?: number;
  poolSize?: number;
  applicationName?: string;
  /** Keep counting into an existing counter (a source reconnecting keeps its count). */
  statements?: StatementCounter;
}

export function createDataSource(key: DatabaseKey, url: string, options: DataSourceOptions = {}): CountedDataSource {
  const statements = options.statements ?? new StatementCounter();
  const schema = databaseSchemas()[key];
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    logger: statements,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? `fuyuantong-${key}`,
    extra: {
      connectionTimeoutMillis: options.statementTimeoutMs ? Math.max(options.statementTimeoutMs, 1000) : 10000,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
  });
  return { dataSource, statements };
}
