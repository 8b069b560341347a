import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { protectSchema } from './auth/protect-schema';
import { TokenVerifier } from './auth/tokens';
import type { DatabaseKey, HubConfig } from './config';
import type { CountedDataSource } from './databases/data-sources';
import { closeAll, connectAndMigrate, DATABASE_KEYS, resolveDatabases, type OpenDatabases } from './databases/open-databases';
import { buildBaseSchema } from './schema/build-schema';
import { seedDemoIfEmpty } from './seed/demo-data';
import { createServer, type HttpServer } from './server/create-server';
import { createServices } from './services/services';
import { createSources, type Sources } from './sources/sources';
import type { SourceName } from './sources/source-name';

export interface Hub {
  url: string;
  port: number;
  hub: DataSource;
  databases: Record<DatabaseKey, CountedDataSource>;
  sources: Sources;
  http: HttpServer;
  stop(): Promise<void>;
}

/** config → databases (embedded if no URL) → migrations → demo data → server. */
export async function startHub(config: HubConfig, log: (line: string) => void = () => {}): Promise<Hub> {
  const resolved: OpenDatabases = await resolveDatabases(config, log);
  const opened: Partial<Record<DatabaseKey, CountedDataSource>> = {};
  try {
    for (const key of DATABASE_KEYS) {
      opened[key] = await connectAndMigrate(
        key,
        resolved.urls[key],
        {
          migrate: key === 'hub' || config.migrateSources,
          statementTimeoutMs: key === 'hub' ? undefined : config.sourceTimeoutMs,
        },
        log,
      );
    }
    const databases = opened as Record<DatabaseKey, CountedDataSource>;
    if (config.seedDemo) await seedDemoIfEmpty(databases, log);
    const sources = createSources(databases as Record<SourceName, CountedDataSource>, config.sourceTimeoutMs);
    const schema = protectSchema(await buildBaseSchema());
    const verifier = await TokenVerifier.create(config);
    const http = await createServer(config, schema, { hub: databases.hub.dataSource, sources, services: createServices(), verifier });
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`,
      port,
      hub: databases.hub.dataSource,
      databases,
      sources,
      http,
      stop: async () => {
        await http.stop();
        await closeAll(Object.values(databases).map((d) => d.dataSource));
        await resolved.close();
      },
    };
  } catch (error) {
    await closeAll(Object.values(opened).map((d) => d?.dataSource));
    await resolved.close();
    throw error;
  }
}
