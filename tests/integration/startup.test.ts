import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port';
import { adminQuery, testClusterUrl } from '../support/test-databases';

// Runs the real entry point (`npm start` without the build step): embedded PostgreSQL in a fresh data dir,
// migrations, demo seed, serving; then a restart on the existing data.
const ROOT = path.join(__dirname, '..', '..');
const ENTRY = path.join(ROOT, 'dist', 'src', 'index.js');
const TOKEN = path.join(ROOT, 'dist', 'src', 'cli', 'token.js');


function startEntry(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${out}`)), 60000);
    const check = setInterval(() => {
      if (/GraphQL at http/.test(out)) {
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
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (process.env.FYT_BUILD_OK !== '1') throw new Error('the build failed in global setup: see the tsc output above');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-start-'));
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/DATABASE_URL$/.test(k)));
    env = { ...clean, NODE_ENV: 'development', DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };
  });
  afterAll(() => dataDir && fs.rmSync(dataDir, { recursive: true, force: true }));

  async function ask(port: string, username: string, query: string): Promise<{ data: any; errors?: unknown[] }> {
    const token = spawnSync(process.execPath, [TOKEN, username], { env, encoding: 'utf8' });
    expect(token.status).toBe(0);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.stdout.trim()}` },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as { data: any; errors?: unknown[] };
  }

  const me = (port: string, username: string) => ask(port, username, '{ me { username role } myExecutionCases { totalCount } }');

  it('starts on an empty data directory, seeds demo data, serves, and stops cleanly', async () => {
    const { child, output } = await startEntry(env);
    expect(output()).toMatch(/initialising PostgreSQL/);
    expect(output()).toMatch(/migrated hub/);
    expect(output()).toMatch(/seeding demo data/);
    expect(output()).toMatch(/npm run token -- demo-clerk/);
    const body = await me(env.PORT!, 'demo-clerk');
    expect(body.data.me.username).toBe('demo-clerk');
    expect(body.data.myExecutionCases.totalCount).toBe(2);
    expect(await stop(child)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120000);

  it('restarts on the existing data without migrating or seeding again', async () => {
    const { child, output } = await startEntry(env);
    expect(output()).not.toMatch(/initialising PostgreSQL|migrated |seeding demo data/);
    const body = await me(env.PORT!, 'demo-clerk-2');
    expect(body.data.myExecutionCases.totalCount).toBe(1);
    expect(await stop(child)).toBe(0);
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
      const body = await ask(env.PORT!, 'demo-clerk', '{ executionCase(caseNo: "(2024)皖1524执123号") { respondents { name realEstate { certificateNo } vehicles { plate } } } }');
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
