import { Client } from 'pg';
import { CHECK_QUEUES } from '../../src/checks/dishonest-check.service';
import { enqueue, TASKS } from '../../src/control/control-jobs';
import { residentId } from '../../src/seed/chinese';
import { Random } from '../../src/seed/random';
import { startTestHub, type TestHub } from '../support/test-hub';

const rng = new Random('job-runner-test');
const person = () => residentId(rng, '341524', new Date(Date.UTC(1970 + rng.int(0, 30), rng.int(0, 11), rng.int(1, 28))), 'M');

/** Polls `probe` until it returns a value; a condition never reached fails the test at its deadline. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('one job runner for every feature', () => {
  let t: TestHub;
  let base: string;
  let credit: Client | undefined;

  beforeAll(async () => {
    // Three slots, the fewest allowed; the credit source's statements may wait long (its table is locked below).
    t = await startTestHub({ JOB_CONCURRENCY: '3', SOURCE_TIMEOUT_MS: '120000' });
    base = t.hub.url.replace(/\/graphql$/, '');
  }, 90000);
  afterAll(async () => {
    await credit?.end().catch(() => undefined);
    await t?.stop();
  });

  const upload = async (body: string) => {
    const res = await fetch(`${base}/dishonest-checks/batch?purpose=GOVERNMENT_PROCUREMENT&applicationNo=ZB-2026-31`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.token('demo-agency-procurement')}`, 'content-type': 'text/csv' },
      body,
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as any).data.dishonestCheckBatch.id as string;
  };
  const states = async (ids: string[]) =>
    (await t.hub.hub.query(`SELECT state FROM dishonest_check WHERE id = ANY($1::uuid[]) ORDER BY state`, [ids])).map(
      (r: { state: string }) => r.state,
    ) as string[];

  it('keeps slots for the other jobs while batch checks wait on the credit source: at most two checks run at once', async () => {
    // The credit source's list is locked: a batch that starts waits on it, holding its job slot.
    credit = new Client({ connectionString: t.dbUrls.credit });
    await credit.connect();
    await credit.query('BEGIN');
    await credit.query('LOCK TABLE dishonest_debtor_entry IN ACCESS EXCLUSIVE MODE');

    const ids = [await upload(`${person()}\r\n`), await upload(`${person()}\r\n`), await upload(`${person()}\r\n`)];
    const lanes = (await t.hub.hub.query(
      `SELECT queue_name FROM graphile_worker.jobs WHERE task_identifier = 'dishonest_check_batch' AND key = ANY($1::text[]) ORDER BY id`,
      [ids.map((id) => `dishonest_check_batch:${id}`)],
    )) as Array<{ queue_name: string }>;
    expect(lanes.map((l) => l.queue_name)).toEqual([CHECK_QUEUES[0], CHECK_QUEUES[1], CHECK_QUEUES[0]]);
    await until('two batches running', async () => ((await states(ids)).filter((s) => s === 'RUNNING').length === 2 ? true : undefined));

    // A control job enqueued now runs in the third slot, beside the two waiting batches.
    await enqueue(t.hub.hub, TASKS.sweep, {}, 'control_sweep:job-runner-test');
    await until('the control sweep to run', async () => {
      const [left] = await t.hub.hub.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = 'control_sweep:job-runner-test'`);
      return left.n === 0 ? true : undefined;
    });
    // The third batch still waits in its queue behind the first: the checks never held the third slot.
    expect(await states(ids)).toEqual(['QUEUED', 'RUNNING', 'RUNNING']);

    // The list unlocked, every batch is checked.
    await credit.query('ROLLBACK');
    await until('every batch done', async () => ((await states(ids)).every((s) => s === 'DONE') ? true : undefined));
  }, 150000);
});
