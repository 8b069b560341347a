import type { DataSource } from 'typeorm';
import type { DatabaseKey, HubConfig } from '../config';
import { HUB_DATABASE, SOURCE_DATABASES, SOURCE_NAMES } from '../sources/source-name';
import { createDataSource, type CountedDataSource } from './data-sources';
import { startEmbeddedPostgres, type EmbeddedCluster } from './embedded-postgres';

export const DATABASE_KEYS: DatabaseKey[] = ['hub', ...SOURCE_NAMES];

function embeddedName(key: DatabaseKey): string {
  return key === 'hub' ? HUB_DATABASE.database : SOURCE_DATABASES[key].database;
}

export interface OpenDatabases {
  urls: Record<DatabaseKey, string>;
  /** The embedded cluster, when any database is served by it. */
  embedded: EmbeddedCluster | null;
  close(): Promise<void>;
}

/**
 * Resolves a URL for every database, starting the embedded PostgreSQL for those without one. With `shareRunning`
 * (command-line tools), an embedded server already running on the data directory is used and left running.
 */
export async function resolveDatabases(
  config: HubConfig,
  log: (line: string) => void = () => {},
  options: { shareRunning?: boolean } = {},
): Promise<OpenDatabases> {
  const missing = DATABASE_KEYS.filter((k) => !config.databaseUrls[k]);
  let embedded: EmbeddedCluster | null = null;
  if (missing.length > 0) {
    log(`starting embedded PostgreSQL (data in ${config.dataDir})`);
    embedded = await startEmbeddedPostgres(config.dataDir, missing.map(embeddedName), log, options);
    log(`embedded PostgreSQL listening (${embedded.location})`);
  }
  const urls = Object.fromEntries(DATABASE_KEYS.map((k) => [k, config.databaseUrls[k] ?? embedded!.url(embeddedName(k))])) as Record<
    DatabaseKey,
    string
  >;
  return { urls, embedded, close: async () => embedded?.stop() };
}

/** Connects a database and applies its pending migrations. */
export async function connectAndMigrate(
  key: DatabaseKey,
  url: string,
  options: { migrate: boolean; statementTimeoutMs?: number; poolSize?: number },
  log: (line: string) => void = () => {},
): Promise<CountedDataSource> {
  const counted = createDataSource(key, url, options);
  await counted.dataSource.initialize();
  if (options.migrate) {
    const applied = await counted.dataSource.runMigrations({ transaction: 'each' });
    for (const m of applied) log(`migrated ${key}: ${m.name}`);
  }
  return counted;
}

export async function closeAll(sources: Array<DataSource | undefined>): Promise<void> {
  await Promise.all(sources.map((s) => (s?.isInitialized ? s.destroy() : undefined)));
}
