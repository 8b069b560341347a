import { DataSource, type MixedList } from 'typeorm';
import { HUB_ENTITIES } from '../entities/hub';
import { CREDIT_ENTITIES } from '../entities/credit';
import { PROPERTY_ENTITIES } from '../entities/property';
import { SOCIAL_SECURITY_ENTITIES } from '../entities/social-security';
import { TAX_ENTITIES } from '../entities/tax';
import { VEHICLE_ENTITIES } from '../entities/vehicle';
import { HUB_MIGRATIONS } from '../../migrations/hub';
import { PROPERTY_MIGRATIONS } from '../../migrations/property';
import { VEHICLE_MIGRATIONS } from '../../migrations/vehicle';
import { TAX_MIGRATIONS } from '../../migrations/tax';
import { SOCIAL_SECURITY_MIGRATIONS } from '../../migrations/social-security';
import { CREDIT_MIGRATIONS } from '../../migrations/credit';
import type { DatabaseKey } from '../config';
import { StatementCounter } from './statement-counter';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Classes = MixedList<Function>;

export const DATABASE_SCHEMAS: Record<DatabaseKey, { entities: Classes; migrations: Classes }> = {
  hub: { entities: HUB_ENTITIES, migrations: HUB_MIGRATIONS },
  property: { entities: PROPERTY_ENTITIES, migrations: PROPERTY_MIGRATIONS },
  vehicle: { entities: VEHICLE_ENTITIES, migrations: VEHICLE_MIGRATIONS },
  tax: { entities: TAX_ENTITIES, migrations: TAX_MIGRATIONS },
  socialSecurity: { entities: SOCIAL_SECURITY_ENTITIES, migrations: SOCIAL_SECURITY_MIGRATIONS },
  credit: { entities: CREDIT_ENTITIES, migrations: CREDIT_MIGRATIONS },
};

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
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: DATABASE_SCHEMAS[key].entities,
    migrations: DATABASE_SCHEMAS[key].migrations,
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
