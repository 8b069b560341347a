import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { AuditLog } from './audit/audit-log';
import { systemClock, type Clock } from './control/clock';
import type { ControlRuntime } from './control/control-runtime';
import { controlJobs } from './control/control-worker';
import { bankruptcyJobs } from './bankruptcy/bankruptcy-jobs';
import { checkJobs } from './checks/check-worker';
import { jobQueuePool, migrateJobQueue, startJobRunner, type JobRunner } from './jobs/job-runner';
import { protectSchema } from './auth/protect-schema';
import type { DishonestCheckService } from './checks/dishonest-check.service';
import { TokenVerifier } from './auth/tokens';
import { ViewerCache } from './auth/viewer-cache';
import type { DatabaseKey, HubConfig } from './config';
import type { CountedDataSource } from './databases/data-sources';
import { closeAll, connectAndMigrate, resolveDatabases, type OpenDatabases } from './databases/open-databases';
import { SourceDatabase } from './databases/source-database';
import { createLogger, type Logger } from './observability/logger';
import { buildBaseSchema } from './schema/build-schema';
import { seedDemoHubIfEmpty, seedDemoSourceIfEmpty } from './seed/demo-data';
import { createServer, type HttpServer } from './server/create-server';
import { createServices } from './services/services';
import { registerListExitNotices } from './checks/list-exit';
import { createSources, type Sources } from './sources/sources';
import { SOURCE_NAMES, type SourceName } from './sources/source-name';

export interface Hub {
  url: string;
  port: number;
  hub: DataSource;
  databases: Record<DatabaseKey, CountedDataSource>;
  /** The agency databases, each connecting (and reconnecting) on its own. */
  sourceDatabases: Record<SourceName, SourceDatabase>;
  sources: Sources;
  logger: Logger;
  /** Null only when switched off for a benchmark (AUDIT_DISABLED_FOR_BENCHMARK). */
  audit: AuditLog | null;
  http: HttpServer;
  /** Control orders: the databases, the clock and the settings the job runner and the services share. */
  control: ControlRuntime;
  /** Dishonest-list checks (the batch job and the list-exit sweep run on the same queue as every other job). */
  checks: DishonestCheckService;
  /** The users requests act for, kept while every change to them is heard (src/auth/viewer-cache.ts). */
  viewers: ViewerCache;
  stop(): Promise<void>;
}

/**
 * config → databases (embedded if no URL) → migrations → demo data → server. The hub database is required;
 * a source that cannot be reached does not stop start-up: it is served as unavailable and connected (migrated,
 * seeded) in the background once it answers.
 */
export async function startHub(
  config: HubConfig,
  log: (line: string) => void = () => {},
  options: { logger?: Logger; clock?: Clock } = {},
): Promise<Hub> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const resolved: OpenDatabases = await resolveDatabases(config, log);
  let hubDb: CountedDataSource | undefined;
  let audit: AuditLog | null = null;
  const sourceDatabases = {} as Record<SourceName, SourceDatabase>;
  let jobPool: ReturnType<typeof jobQueuePool> | undefined;
  let jobRunner: JobRunner | undefined;
  let viewers: ViewerCache | undefined;
  try {
    hubDb = await connectAndMigrate('hub', resolved.urls.hub, { migrate: true }, log);
    if (config.seedDemo) await seedDemoHubIfEmpty(hubDb.dataSource, log);
    if (!config.audit.disabledForBenchmark) audit = await AuditLog.open(hubDb.dataSource, config.dataDir, config.audit, log);
    for (const key of SOURCE_NAMES) {
      sourceDatabases[key] = new SourceDatabase(key, resolved.urls[key], {
        statementTimeoutMs: config.sourceTimeoutMs,
        migrate: config.migrateSources,
        retryMs: config.sourceRetryMs,
        onConnected: config.seedDemo ? async (dataSource) => void (await seedDemoSourceIfEmpty(key, dataSource, log)) : undefined,
        log: logger,
      });
    }
    const up = await Promise.all(SOURCE_NAMES.map((key) => sourceDatabases[key].start()));
    SOURCE_NAMES.forEach((key, i) => {
      if (!up[i]) log(`source ${key} is unreachable: serving without it, retrying every ${config.sourceRetryMs} ms`);
    });
    const databases: Record<DatabaseKey, CountedDataSource> = { hub: hubDb, ...sourceDatabases };
    const sources = createSources(sourceDatabases, {
      timeoutMs: config.sourceTimeoutMs,
      sharing: { statements: config.sourceSharedStatements, waitMs: config.sourceSharedWaitMs },
      breaker: { failureThreshold: config.sourceBreakerFailures, cooldownMs: config.sourceBreakerCooldownMs },
    });
    // The job queue (graphile-worker) lives in the hub database; its schema exists before any approval can enqueue.
    jobPool = jobQueuePool(resolved.urls.hub, config.jobs.concurrency);
    await migrateJobQueue(jobPool);
    const control: ControlRuntime = { hub: hubDb.dataSource, sourceDatabases, audit, clock: options.clock ?? systemClock, config: config.control };
    if (config.shieldDisabledForBenchmark) log('SHIELD_DISABLED_FOR_BENCHMARK: fields are served without authorization or masking');
    const schema = protectSchema(await buildBaseSchema(), { shield: !config.shieldDisabledForBenchmark, audit: audit !== null });
    const verifier = await TokenVerifier.create(config);
    viewers = await ViewerCache.start(hubDb.dataSource, resolved.urls.hub, { maxAgeMs: config.viewerCacheMs, log: logger });
    const services = createServices({ subjectReadsPerMinute: config.subjectReadRateLimit, control, checks: config.checks, viewers });
    // A credit repair that takes a debtor off the dishonest list tells the agencies that checked it.
    registerListExitNotices();
    // One job runner per hub process: every feature's tasks, one crontab, one concurrency (src/jobs/job-runner.ts).
    if (config.jobs.worker) {
      jobRunner = await startJobRunner([controlJobs(control), bankruptcyJobs(control), checkJobs(services.checks)], jobPool, {
        config: config.jobs,
        pollIntervalMs: Math.min(2000, config.control.retryMs),
        log: logger,
      });
    }
    const http = await createServer(config, schema, {
      hub: databases.hub.dataSource,
      sources,
      services,
      verifier,
      logger,
      audit,
    });
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`,
      port,
      hub: databases.hub.dataSource,
      databases,
      sourceDatabases,
      sources,
      logger,
      audit,
      http,
      control,
      checks: services.checks,
      viewers,
      stop: async () => {
        await http.stop();
        await jobRunner?.stop();
        await viewers?.close();
        await jobPool?.end();
        await audit?.close();
        await Promise.all(Object.values(sourceDatabases).map((d) => d.close()));
        await closeAll([hubDb?.dataSource]);
        await resolved.close();
      },
    };
  } catch (error) {
    await jobRunner?.stop().catch(() => undefined);
    await viewers?.close().catch(() => undefined);
    await jobPool?.end().catch(() => undefined);
    await Promise.all(Object.values(sourceDatabases).map((d) => d.close()));
    await closeAll([hubDb?.dataSource]);
    await resolved.close();
    throw error;
  }
}
