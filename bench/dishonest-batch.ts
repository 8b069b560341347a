// Batch dishonest-list checks: throughput (IDs per second, upload to DONE) and peak memory at 100,000 and 1,000,000 IDs.
//
//   npm run bench -- --dishonest-batch-only                      the phase alone (also run by a full `npm run bench`)
//   npm run build && node dist/bench/dishonest-batch.js --sizes 2000    a short smoke run
//
// Starts a hub of its own (embedded PostgreSQL in a temporary directory, demo data, audit on), writes each list to a
// temporary CSV file (1 % of the IDs put on the list in the credit source, a header, one duplicate and one bad check
// digit), uploads it streamed from disk as `demo-agency-procurement`, and polls the batch until DONE. Memory is the
// peak RSS of this process, which runs the hub and the client together (the client streams the file, so it is the
// hub's), sampled every 50 ms. The 1,000,000-ID run raises DISHONEST_BATCH_MAX_LINES to 1,000,000 for itself, and the
// same file is first sent under the default limit to time the refusal (HTTP 413 at line 100,001, nothing kept).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { issueToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { startHub, type Hub } from '../src/hub';
import { residentId } from '../src/seed/chinese';
import { Random } from '../src/seed/random';

export interface BatchRun {
  ids: number;
  limit: number;
  status: number;
  uploadMs: number;
  totalMs: number;
  idsPerSecond: number;
  hits: number;
  errors: number;
  peakRssMiB: number;
  baselineRssMiB: number;
}

const log = (line: string) => process.stderr.write(`[bench:dishonest-batch] ${line}\n`);
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Writes `n` ID lines (plus a header, a duplicate and a bad check digit) and returns the IDs to put on the list. */
async function writeList(file: string, n: number): Promise<string[]> {
  const rng = new Random(`dishonest-batch-${n}`);
  const out = fs.createWriteStream(file);
  const listed: string[] = [];
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('证件号码,姓名\n');
  let first = '';
  // Birth dates walk day by day from 1950 and sequence numbers vary, so the IDs are distinct without a set in memory.
  for (let i = 0; i < n - 2; i++) {
    const birth = new Date(Date.UTC(1950, 0, 1) + (i % 18000) * 86_400_000);
    const id = residentId(rng, String(341500 + (Math.floor(i / 18000) % 100)).padStart(6, '0'), birth, i % 2 ? 'M' : 'F');
    if (i === 0) first = id;
    if (i % 100 === 0) listed.push(id);
    await write(`${id},测试\n`);
  }
  await write(`${first},重复\n`);
  await write(`${first.slice(0, 17)}${first[17] === '0' ? '1' : '0'},错号\n`);
  await new Promise<void>((r) => out.end(() => r()));
  return listed;
}

async function upload(
  hub: Hub,
  token: string,
  file: string,
  purpose = 'GOVERNMENT_PROCUREMENT',
): Promise<{ status: number; body: { data?: { dishonestCheckBatch?: { id: string; state: string; hits: number; errors: number } } } }> {
  const base = hub.url.replace(/\/graphql$/, '');
  const res = await fetch(`${base}/dishonest-checks/batch?purpose=${purpose}&applicationNo=BENCH-${Date.now()}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: Readable.toWeb(fs.createReadStream(file, { highWaterMark: 64 * 1024 })) as unknown as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  return {
    status: res.status,
    body: (await res.json()) as { data?: { dishonestCheckBatch?: { id: string; state: string; hits: number; errors: number } } },
  };
}

async function measure(hub: Hub, token: string, file: string, ids: number, limit: number): Promise<BatchRun> {
  hub.checks.config.batchMaxLines = limit;
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const up = await upload(hub, token, file);
    const uploadMs = performance.now() - started;
    let batch = up.body?.data?.dishonestCheckBatch;
    while (batch && batch.state !== 'DONE') {
      await new Promise((r) => setTimeout(r, 200));
      [batch] = await hub.hub.query(`SELECT id, state, hits, errors FROM dishonest_check WHERE id = $1`, [batch.id]);
    }
    const totalMs = performance.now() - started;
    return {
      ids,
      limit,
      status: up.status,
      uploadMs: Math.round(uploadMs),
      totalMs: Math.round(totalMs),
      idsPerSecond: batch ? Math.round(ids / (totalMs / 1000)) : 0,
      hits: batch?.hits ?? 0,
      errors: batch?.errors ?? 0,
      peakRssMiB: mib(peak),
      baselineRssMiB: mib(baseline),
    };
  } finally {
    clearInterval(sampler);
  }
}

export async function runDishonestBatchBench(sizes: number[] = [100_000, 1_000_000]): Promise<BatchRun[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-batch-bench-'));
  fs.chmodSync(dir, 0o755);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'silent',
    DISHONEST_BATCHES_PER_HOUR: '0',
  });
  const hub = await startHub(config, log);
  const runs: BatchRun[] = [];
  try {
    const token = await issueToken(config, 'demo-agency-procurement');
    const credit = await hub.sourceDatabases.credit.ready();
    for (const n of sizes) {
      const file = path.join(dir, `list-${n}.csv`);
      log(`writing ${n.toLocaleString('en')} IDs`);
      const listed = await writeList(file, n);
      await credit.query(
        `INSERT INTO dishonest_debtor_entry (subject_id_number, subject_name, court, case_no, obligation, circumstance, listed_on)
         SELECT id, '测试', '金寨县人民法院', '(2025)皖1524执1号', '支付货款', '有履行能力而拒不履行生效法律文书确定义务', '2025-01-01' FROM unnest($1::varchar[]) AS id`,
        [listed],
      );
      if (n > 100_000) {
        const refused = await measure(hub, token, file, n, 100_000);
        log(`default limit: HTTP ${refused.status} after ${refused.totalMs} ms, peak RSS ${refused.peakRssMiB} MiB`);
        runs.push(refused);
      }
      const run = await measure(hub, token, file, n, Math.max(n, 100_000));
      log(
        `${n.toLocaleString('en')} IDs: HTTP ${run.status}, ${run.idsPerSecond} IDs/s, upload ${run.uploadMs} ms, DONE after ${run.totalMs} ms, peak RSS ${run.peakRssMiB} MiB`,
      );
      runs.push(run);
      fs.rmSync(file, { force: true });
    }
  } finally {
    await hub.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}

export function batchMarkdown(runs: BatchRun[]): string {
  const rows = runs.map(
    (r) =>
      `| ${r.ids.toLocaleString('en')} | ${r.limit.toLocaleString('en')} | ${r.status} | ${r.status === 202 ? r.idsPerSecond.toLocaleString('en') : '—'} | ${r.uploadMs} | ${r.totalMs} | ${r.hits} | ${r.errors} | ${r.baselineRssMiB} → ${r.peakRssMiB} |`,
  );
  return [
    '## Batch dishonest-list checks',
    '',
    '| IDs in the file | line limit | HTTP | IDs/s (upload to DONE) | upload ms | DONE after ms | hits | error lines | RSS MiB (before → peak) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
  ].join('\n');
}

if (require.main === module) {
  const at = process.argv.indexOf('--sizes');
  const sizes = at > 0 ? process.argv[at + 1].split(',').map(Number) : undefined;
  runDishonestBatchBench(sizes)
    .then((runs) => process.stdout.write(batchMarkdown(runs)))
    .catch((error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
