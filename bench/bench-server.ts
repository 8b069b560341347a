// The server under test, in its own process so the load generator does not share its event loop and its
// memory and CPU can be read alone. Started by run-bench.ts with BENCH_SERVER (JSON) in the environment;
// speaks to it over the IPC channel: 'ready' once listening, 'stats' on request, exits on 'stop'.

import 'reflect-metadata';
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import type { AuditLog } from '../src/audit/audit-log';
import type { DatabaseKey } from '../src/config';
import { loadConfig } from '../src/config';
import { startHub } from '../src/hub';
import { HUB_DATABASE, SOURCE_DATABASES, SOURCE_NAMES } from '../src/sources/source-name';
import { startFloorServer } from './raw-sql-floor';
import { PACKAGE_ROOT } from './package-root';

export interface BenchServerSpec {
  mode: 'hub' | 'floor';
  urls: Record<DatabaseKey, string>;
  dataDir: string;
  /** Extra environment for the hub (switches under test). */
  env: Record<string, string>;
}

/**
 * Node's flags for the server under test: those `npm start` runs the hub with (package.json's start script), so the
 * benchmark measures the hub as it is started; the floor runs with the same. `BENCH_SERVER_NODE_ARGS`, when set,
 * replaces them (empty: none), to compare flags.
 */
export function serverNodeArgs(): string[] {
  const given = process.env.BENCH_SERVER_NODE_ARGS;
  if (given !== undefined) return [...process.execArgv, ...given.split(' ').filter(Boolean)];
  const start = (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [command, ...words] = start.split(/\s+/);
  // The words between `node` and the script are node's own flags.
  const script = words.findIndex((w) => !w.startsWith('--'));
  const flags = command === 'node' ? words.slice(0, script < 0 ? words.length : script) : [];
  return [...process.execArgv, ...flags];
}

/**
 * The environment of the server under test's process: the benchmark's own, the spec, and NODE_ENV=production, so that
 * the libraries run as in a deployed hub (graphql-js leaves out its development checks, `instanceOf` among them, only
 * then). The hub's own settings come from `benchHubEnv` (NODE_ENV=test there, so that the variants without
 * authorization or audit may run), not from this environment.
 */
export function serverProcessEnv(spec: BenchServerSpec): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production', BENCH_SERVER: JSON.stringify(spec) };
}

export type BenchServerMessage =
  | { type: 'ready'; port: number }
  | { type: 'stats'; statements: Record<string, number>; auditRoundTrips: number; heapUsedMb: number }
  | { type: 'profiling' }
  | { type: 'profiled'; file: string };

/** CPU profiling of the steady state only (node --cpu-prof would include start-up and module loading). */
function profiler() {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<object | undefined>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  return {
    start: async () => {
      await post('Profiler.enable');
      await post('Profiler.start');
    },
    stop: async (file: string) => {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      fs.writeFileSync(file, JSON.stringify(profile));
    },
  };
}

/**
 * Counts the round trips the audit writer makes to the hub database (its own pool, which the statement counters
 * do not see): each group commit is three, shared by every request whose entries it carries. 0 without an audit log.
 */
function auditRoundTrips(audit: AuditLog | null): () => number {
  // The writer's pool is private to the audit log; the benchmark reads it to count, and changes nothing it sends.
  const pool = (audit as unknown as { pool?: Pool } | null)?.pool;
  if (!pool) return () => 0;
  let count = 0;
  const counted = new WeakSet<PoolClient>();
  pool.on('acquire', (client) => {
    if (counted.has(client)) return;
    counted.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      count += 1;
      return query(...args);
    };
  });
  return () => count;
}

/** The hub's configuration for a benchmark: given databases, no demo data, sources already migrated. */
export function benchHubEnv(spec: Pick<BenchServerSpec, 'urls' | 'dataDir' | 'env'>): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: spec.dataDir,
    SEED_DEMO: 'false',
    MIGRATE_SOURCES: 'false',
    // Throughput is measured with many requests per clerk: the per-user subject-read limit would refuse most of them.
    SUBJECT_READ_RATE_LIMIT: '0',
    [HUB_DATABASE.envVar]: spec.urls.hub,
    ...Object.fromEntries(SOURCE_NAMES.map((s) => [SOURCE_DATABASES[s].envVar, spec.urls[s]])),
    // How the hub shares source statements between requests and keeps users, when the benchmark's own environment sets it.
    ...Object.fromEntries(
      ['SOURCE_SHARED_STATEMENTS', 'SOURCE_SHARED_WAIT_MS', 'VIEWER_CACHE_MS'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])),
    ),
    ...spec.env,
  };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.env.BENCH_SERVER ?? '') as BenchServerSpec;
  let port: number;
  let statements: () => Record<string, number>;
  let audit: () => number = () => 0;
  let stop: () => Promise<void>;
  if (spec.mode === 'floor') {
    const floor = await startFloorServer(spec.urls, 10);
    port = floor.port;
    statements = () => ({ ...floor.statements });
    stop = floor.stop;
  } else {
    const hub = await startHub(loadConfig(benchHubEnv(spec)));
    port = hub.port;
    const databases = hub.databases as Record<string, { statements: { count: number } }>;
    statements = () => Object.fromEntries(Object.entries(databases).map(([k, d]) => [k, d.statements.count]));
    audit = auditRoundTrips(hub.audit);
    stop = hub.stop;
  }
  const send = (message: BenchServerMessage) => process.send!(message);
  const cpu = profiler();
  process.on('message', (message: { type: string; file?: string }) => {
    if (message.type === 'profile-start') {
      void cpu.start().then(() => send({ type: 'profiling' }));
    } else if (message.type === 'profile-stop') {
      void cpu.stop(message.file!).then(() => send({ type: 'profiled', file: message.file! }));
    } else if (message.type === 'stats') {
      send({ type: 'stats', statements: statements(), auditRoundTrips: audit(), heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024 });
    } else if (message.type === 'stop') {
      void stop().finally(() => process.exit(0));
    }
  });
  send({ type: 'ready', port });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
