// Control-order throughput, end to end: drafts → submission → approval (HTTP, as the demo clerk and approver) →
// delivery → reference processor → receipt, against a fresh embedded PostgreSQL with the demo data.
//   npm run bench:control -- [--orders 200] [--concurrency 8]
// Writes bench/results/control.md. `npm run bench` runs the same phase last (run-bench.ts, `--no-control` skips it).

import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { startHub } from '../src/hub';
import { DEMO, demoIdentities } from '../src/seed/demo-data';
import { wholeNumberOption } from './whole-number-option';
import { PACKAGE_ROOT } from './package-root';

export interface ControlBenchResult {
  orders: number;
  concurrency: number;
  /** Draft, submit and approve over HTTP, seconds. */
  apiSeconds: number;
  /** First draft to last receipt, seconds. */
  endToEndSeconds: number;
  ordersPerSecond: number;
  states: Array<{ state: string; n: number }>;
  /** The result as Markdown (also written to bench/results/control.md). */
  markdown: string;
}

/**
 * One run of order throughput: `orders` orders drafted, submitted and approved by `concurrency` clients, then
 * timed until the last receipt is in. A hub of its own on a fresh data directory, stopped at the end.
 */
export async function runControlBench(
  orders = 200,
  concurrency = 8,
  command = `npm run bench:control -- --orders ${orders} --concurrency ${concurrency}`,
): Promise<ControlBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-control-bench-'));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, ASSISTANCE_RETRY_MS: '200' });
  const hub = await startHub(config);
  try {
    const clerk = `Bearer ${await issueToken(config, 'demo-clerk')}`;
    const approver = `Bearer ${await issueToken(config, 'demo-approver')}`;
    const gql = async (auth: string, query: string, variables: Record<string, unknown>) => {
      const res = await fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: { draftControlOrder?: { id: string } }; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const people = demoIdentities();
    // Every order seizes 张伟's flat again: each ranks behind the ones before it (轮候). The flat already carries a
    // seizure of unknown amount, so none secures anything toward the claim and the over-seizure check lets all pass.
    const assets = [{ assetKey: '341524001001GB00012F00010502', subjectIdNumber: people.zhangWei.id }];
    const input = (i: number) => ({
      caseNo: DEMO.clerkCase,
      kind: 'SEIZE',
      source: 'PROPERTY',
      periodDays: 365,
      ...assets[i % assets.length],
      rulingNo: `(2024)皖1524执123号之${i}`,
      rulingDate: '2026-11-20',
      noticeNo: `(2024)皖1524执123号协字${i}号`,
      noticeDate: '2026-11-20',
    });
    const ids: string[] = [];
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < orders) {
          const i = next++;
          const drafted = await gql(clerk, 'mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }', {
            input: input(i),
          });
          const id = drafted?.draftControlOrder?.id;
          if (!id) throw new Error('draftControlOrder returned no id');
          await gql(clerk, 'mutation ($id: ID!) { submitControlOrder(id: $id) { state } }', { id });
          await gql(approver, 'mutation ($id: ID!) { approveControlOrder(id: $id) { state } }', { id });
          ids.push(id);
        }
      }),
    );
    const approvedAt = performance.now();
    for (;;) {
      const [{ pending }] = await hub.hub.query(`SELECT count(*)::int AS pending FROM control_order WHERE state = 'SENT'`);
      if (pending === 0) break;
      if (performance.now() - started > 600_000) throw new Error(`${pending} orders still SENT after 10 minutes`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const doneAt = performance.now();
    const states: Array<{ state: string; n: number }> = await hub.hub.query(
      `SELECT state, count(*)::int AS n FROM control_order WHERE id = ANY($1::uuid[]) GROUP BY state ORDER BY state`,
      [ids],
    );
    const seconds = (doneAt - started) / 1000;
    const report = [
      '# Control-order throughput',
      '',
      `\`${command}\`; ${os.cpus().length} vCPU (${os.cpus()[0]?.model.trim()}), Node ${process.version},`,
      'embedded PostgreSQL, hub and agency databases on one cluster, the worker inside the hub process (concurrency 4).',
      '',
      '| | |',
      '|---|---:|',
      `| orders (draft, submit, approve over HTTP; ${concurrency} clients) | ${orders} |`,
      `| API phase (3 mutations per order) | ${((approvedAt - started) / 1000).toFixed(1)} s, ${(orders / ((approvedAt - started) / 1000)).toFixed(1)} orders/s |`,
      `| drafts to receipts, end to end | ${seconds.toFixed(1)} s, **${(orders / seconds).toFixed(1)} orders/s** |`,
      `| receipts still arriving after the last approval | ${((doneAt - approvedAt) / 1000).toFixed(1)} s |`,
      `| final states | ${states.map((s) => `${s.state} ${s.n}`).join(', ')} |`,
      '',
      'Every order is audited (intent and result of each mutation, and the delivery, receipt and notification steps).',
      '',
    ].join('\n');
    fs.mkdirSync(path.join(PACKAGE_ROOT, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(PACKAGE_ROOT, 'bench', 'results', 'control.md'), report);
    return {
      orders,
      concurrency,
      apiSeconds: (approvedAt - started) / 1000,
      endToEndSeconds: seconds,
      ordersPerSecond: orders / seconds,
      states,
      markdown: report,
    };
  } finally {
    await hub.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runControlBench(wholeNumberOption('orders', 200), wholeNumberOption('concurrency', 8))
    .then((result) => process.stdout.write(result.markdown))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
