import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { HUB_DATABASE, SOURCE_DATABASES, SOURCE_NAMES } from '../../src/sources/source-name';
import { freePort } from '../../src/server/free-port';
import { SeparatePostgres } from '../support/separate-postgres';
import { adminQuery, createTestDatabases } from '../support/test-databases';
import { startTestHub, type TestHub } from '../support/test-hub';

// Nothing lost, nothing doubled: an agency database down during delivery, and the hub killed between the approval's
// commit and the delivery.
const people = demoIdentities();
const SHOP = '341524003002GB00107F00020001';
const ROOT = path.join(__dirname, '..', '..');
const ENTRY = path.join(ROOT, 'dist', 'src', 'index.js');
const TOKEN = path.join(ROOT, 'dist', 'src', 'cli', 'token.js');

const INPUT = {
  caseNo: DEMO.clerkCase,
  kind: 'SEIZE',
  subjectIdNumber: people.zhangWei.id,
  source: 'PROPERTY',
  assetKey: SHOP,
  periodDays: 365,
  rulingNo: '(2024)皖1524执123号之二',
  rulingDate: '2026-11-20',
  noticeNo: '(2024)皖1524执123号协字2号',
  noticeDate: '2026-11-20',
};

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, withinMs = 30000): Promise<T> {
  const deadline = Date.now() + withinMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await probe();
  }
  return value;
}

type Ask = (
  username: string,
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ data?: any; errors?: Array<{ extensions?: Record<string, unknown> }> }>;

/** Drafts, submits and approves a seizure of 张伟's shop; returns the order id. */
async function approvedOrder(ask: Ask): Promise<string> {
  const drafted = await ask('demo-clerk', 'mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }', { input: INPUT });
  expect(drafted.errors).toBeUndefined();
  const id = drafted.data.draftControlOrder.id as string;
  expect((await ask('demo-clerk', 'mutation ($id: ID!) { submitControlOrder(id: $id) { state } }', { id })).data.submitControlOrder.state).toBe(
    'PENDING_APPROVAL',
  );
  expect((await ask('demo-approver', 'mutation ($id: ID!) { approveControlOrder(id: $id) { state } }', { id })).data.approveControlOrder.state).toBe(
    'SENT',
  );
  return id;
}

describe('control orders under faults', () => {
  it('keeps an order SENT while the agency database is down and delivers it, once, when it returns', async () => {
    const property = await SeparatePostgres.create('fyt_property_control');
    let t: TestHub | undefined;
    try {
      await property.start();
      t = await startTestHub({ PROPERTY_DATABASE_URL: property.url, ASSISTANCE_RETRY_MS: '100', SOURCE_RETRY_MS: '200', SOURCE_TIMEOUT_MS: '1500' });
      const hub = t;
      const ask: Ask = async (as, query, variables) => (await hub.gql(query, { as, variables })).body as never;
      const order = async (id: string) =>
        (await ask('demo-clerk', 'query ($id: ID!) { controlOrder(id: $id) { state rank deliveredAt history { action } } }', { id })).data
          .controlOrder;

      const drafted = await ask('demo-clerk', 'mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }', {
        input: INPUT,
      });
      const id = drafted.data.draftControlOrder.id as string;
      await ask('demo-clerk', 'mutation ($id: ID!) { submitControlOrder(id: $id) { state } }', { id });
      await property.stop();
      expect(
        (await ask('demo-approver', 'mutation ($id: ID!) { approveControlOrder(id: $id) { state } }', { id })).data.approveControlOrder.state,
      ).toBe('SENT');
      await new Promise((r) => setTimeout(r, 1500)); // several delivery attempts fail meanwhile
      expect(await order(id)).toMatchObject({ state: 'SENT', deliveredAt: null });

      await property.start();
      const done = await eventually(
        () => order(id),
        (o) => o.state !== 'SENT',
      );
      expect(done).toMatchObject({ state: 'ACTIVE', rank: 1 });
      expect(done.history.filter((h: { action: string }) => h.action === 'DELIVERED')).toHaveLength(1);
      const db = await hub.hub.sourceDatabases.property.ready();
      expect(await db.query('SELECT count(*)::int AS n FROM real_estate_encumbrance WHERE request_id = $1', [id])).toEqual([{ n: 1 }]);
    } finally {
      await t?.stop();
      await property.destroy();
    }
  }, 180000);

  it('delivers after a restart what was approved just before the hub was killed (SIGKILL)', async () => {
    if (process.env.FYT_BUILD_OK !== '1') throw new Error('the build failed in global setup: see the tsc output above');
    const dbs = await createTestDatabases();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-kill-'));
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/DATABASE_URL$/.test(k)));
    const env: NodeJS.ProcessEnv = {
      ...clean,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      ASSISTANCE_RETRY_MS: '100',
      [HUB_DATABASE.envVar]: dbs.urls.hub,
      ...Object.fromEntries(SOURCE_NAMES.map((s) => [SOURCE_DATABASES[s].envVar, dbs.urls[s]])),
    };
    const start = (extra: NodeJS.ProcessEnv): Promise<ChildProcess> => {
      const child = spawn(process.execPath, [ENTRY], { env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (out += d));
      return new Promise((resolve, reject) => {
        const check = setInterval(() => /GraphQL at http/.test(out) && (clearInterval(check), resolve(child)), 100);
        child.once('exit', (code) => (clearInterval(check), reject(new Error(`exited with ${code}:\n${out}`))));
      });
    };
    const ask: Ask = async (username, query, variables) => {
      const token = spawnSync(process.execPath, [TOKEN, username], { env, encoding: 'utf8' }).stdout.trim();
      const post = () =>
        fetch(`http://127.0.0.1:${env.PORT}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
      // The port may be one an earlier hub in this worker used: fetch's pool can hold a dead keep-alive socket to it.
      const res = await post().catch(() => new Promise((r) => setTimeout(r, 200)).then(post));
      return (await res.json()) as never;
    };
    const row = async (id: string) =>
      (
        await adminQuery<{ state: string; delivered_at: Date | null }>(
          'SELECT state, delivered_at FROM control_order WHERE id = $1',
          [id],
          dbs.names.hub,
        )
      )[0];
    let child: ChildProcess | undefined;
    try {
      // The first process runs no job worker, so it dies with the approval committed and the delivery not done.
      child = await start({ CONTROL_WORKER: 'false' });
      const id = await approvedOrder(ask);
      await new Promise<void>((resolve) => {
        child!.once('exit', () => resolve());
        child!.kill('SIGKILL');
      });
      expect(await row(id)).toMatchObject({ state: 'SENT', delivered_at: null });
      const jobs = await adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = $1`, [id], dbs.names.hub);
      expect(jobs).toEqual([{ n: 1 }]);

      child = await start({});
      const done = await eventually(
        () => row(id),
        (r) => r.state !== 'SENT',
      );
      expect(done.state).toBe('ACTIVE');
      const inbox = await adminQuery<{ n: number }>(
        'SELECT count(*)::int AS n FROM assistance_inbox WHERE request_id = $1',
        [id],
        dbs.names.property,
      );
      expect(inbox).toEqual([{ n: 1 }]);
    } finally {
      if (child && child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child!.once('exit', () => resolve());
          child!.kill('SIGINT');
        });
      }
      await dbs.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180000);
});
