// Audit benchmark: inquiry throughput with and without the audit log (same data, same load, one run each),
// the append capacity of the single chain, and verification speed over a generated chain of 1,000,000+ entries.
//   npm run bench:audit -- [--duration 20] [--connections 16] [--entries 1000000]
// Writes bench/results/audit.md.

import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCheckpoint } from '../src/audit/audit-checkpoints';
import { chain } from '../src/audit/audit-entry-hash';
import { AuditKeys } from '../src/audit/audit-keys';
import { appendPool } from '../src/audit/audit-log';
import { verifyAuditChain } from '../src/audit/audit-verifier';
import { AuditWriter } from '../src/audit/audit-writer';
import { findAuditEntries, type AuditQuery } from '../src/audit/audit-entry-query';
import { insertEntries } from '../src/audit/insert-entries';
import { issueToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { connectAndMigrate } from '../src/databases/open-databases';
import { startEmbeddedPostgres } from '../src/databases/embedded-postgres';
import { DEMO } from '../src/seed/demo-data';
import { HUB_DATABASE, SOURCE_DATABASES, SOURCE_NAMES } from '../src/sources/source-name';
import { machineLine, syntheticDraft } from './audit-bench-common';
import { INQUIRY_QUERY } from './inquiry-query';
import { rssMb, runLoad, type LoadResult } from './load-run';
import { freePort } from '../src/server/free-port';
import { wholeNumberOption } from './whole-number-option';
import { PACKAGE_ROOT } from './package-root';

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, 'dist/src/index.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('[fuyuantong] GraphQL at')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${output.slice(-2000)}`)));
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function main(): Promise<void> {
  const durationS = wholeNumberOption('duration', 20);
  const connections = wholeNumberOption('connections', 16);
  const entries = wholeNumberOption('entries', 1_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-audit-bench-'));
  const names: Record<string, string> = {
    hub: HUB_DATABASE.database,
    ...Object.fromEntries(SOURCE_NAMES.map((s) => [s, SOURCE_DATABASES[s].database])),
  };
  const pg = await startEmbeddedPostgres(dir, [...Object.values(names), 'audit_verify']);
  const postmaster = Number(fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const log = (line: string) => console.log(`[bench:audit] ${line}`);
  try {
    const hubPort = await freePort();
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      PORT: String(hubPort),
      DATA_DIR: path.join(dir, 'hub-data'),
      SEED_DEMO: 'true',
      SUBJECT_READ_RATE_LIMIT: '0',
      AUDIT_CHECKPOINT_INTERVAL_MS: '60000',
      [HUB_DATABASE.envVar]: pg.url(names.hub),
      ...Object.fromEntries(SOURCE_NAMES.map((s) => [SOURCE_DATABASES[s].envVar, pg.url(names[s])])),
    };
    const [
      {
        rows: [{ version }],
      },
    ] = [await queryOnce<{ version: string }>(pg.url('postgres'), 'SELECT version()')];

    // ---- Throughput: the same inquiry (two respondents, five sources) with the audit on and off ------------------
    // Rounds alternate between the modes, each in a fresh hub process on the same databases, so that other work on
    // the machine weighs on both alike; the median round of each mode is reported.
    const rounds = wholeNumberOption('rounds', 3);
    const loadStart = os.loadavg()[0];
    const results: Record<'on' | 'off', Array<LoadResult & { entries: number }>> = { on: [], off: [] };
    const appendWaits: number[] = [];
    const token = async () => issueToken(loadConfig(env), 'demo-clerk');
    for (let round = 0; round < rounds; round += 1) {
      for (const mode of round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        const server = await startServer({ ...env, ...(mode === 'off' ? { AUDIT_DISABLED_FOR_BENCHMARK: 'true' } : {}) });
        try {
          const request = {
            path: '/graphql',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
            body: JSON.stringify({ query: INQUIRY_QUERY, variables: { caseNo: DEMO.clerkCase } }),
          };
          const load = { port: hubPort, connections, next: () => request, serverPid: server.pid!, postgresPid: postmaster };
          await runLoad({ ...load, durationS: 3 });
          const metricsBefore = mode === 'on' ? await auditWait(hubPort) : null;
          const before = await entryCount(pg.url(names.hub));
          const result = await runLoad({ ...load, durationS });
          const written = (await entryCount(pg.url(names.hub))) - before;
          if (metricsBefore) {
            const after = await auditWait(hubPort);
            appendWaits.push(((after.sum - metricsBefore.sum) / (after.count - metricsBefore.count)) * 1000);
          }
          if (result.answerErrors || result.non2xx || result.socketErrors) throw new Error(`audit ${mode}: ${JSON.stringify(result)}`);
          results[mode].push({ ...result, entries: written });
          log(
            `round ${round + 1}, audit ${mode}: ${result.throughput.toFixed(1)} req/s, p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms, ${written} entries`,
          );
        } finally {
          await stopServer(server);
        }
      }
    }
    const appendWaitMs = appendWaits.reduce((a, b) => a + b, 0) / appendWaits.length;
    const median = (list: Array<LoadResult & { entries: number }>) =>
      [...list].sort((a, b) => a.throughput - b.throughput)[Math.floor(list.length / 2)];
    const runs = { on: median(results.on), off: median(results.off) };
    const roundRatios = results.on.map((r, i) => r.throughput / results.off[i].throughput);
    const loadEnd = os.loadavg()[0];

    // ---- The chain's append capacity, in process, on an empty log -------------------------------------------------
    const verifyDb = await connectAndMigrate('hub', pg.url('audit_verify'), { migrate: true, poolSize: 20 });
    const db = verifyDb.dataSource;
    const pool = appendPool(db, 5000);
    const writer = new AuditWriter(pool);
    const draft = syntheticDraft();
    const serialN = 2000;
    let t0 = performance.now();
    for (let i = 0; i < serialN; i += 1) await writer.append([draft(i)]);
    const serialRate = serialN / ((performance.now() - t0) / 1000);
    const concurrentN = 20_000;
    const inFlight = 64;
    t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < concurrentN) await writer.append([draft(next++)]);
      }),
    );
    const concurrentRate = concurrentN / ((performance.now() - t0) / 1000);
    log(`appends: ${serialRate.toFixed(0)}/s one at a time, ${concurrentRate.toFixed(0)}/s with ${inFlight} in flight`);

    // ---- A long chain, generated in bulk with valid hashes, then verified ---------------------------------------
    const keys = AuditKeys.load(path.join(dir, 'verify-keys'));
    const batch = 10_000;
    const target = entries - serialN - concurrentN;
    t0 = performance.now();
    for (let done = 0; done < target; done += batch) {
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      const [head] = await runner.query(`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`);
      const rows = chain(
        Array.from({ length: Math.min(batch, target - done) }, (_, i) => draft(done + i)),
        { seq: BigInt(head.seq), hash: head.hash },
        new Date(),
      );
      await insertEntries(runner, rows);
      const last = rows[rows.length - 1];
      await runner.query(`UPDATE audit_head SET seq = $1, hash = $2, at = $3 WHERE id = 1`, [last.seq, last.hash, last.at.toISOString()]);
      await runner.commitTransaction();
      await runner.release();
      if (done === Math.floor(target / 2 / batch) * batch) await createCheckpoint(db, keys, path.join(dir, 'verify-keys'));
      if ((done / batch) % 20 === 0) log(`generated ${done + rows.length + serialN + concurrentN} entries`);
    }
    const generateS = (performance.now() - t0) / 1000;
    await createCheckpoint(db, keys, path.join(dir, 'verify-keys'));
    const [{ n, size }] = await db.query(`SELECT (SELECT count(*) FROM audit_entry) AS n,
      pg_size_pretty((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'audit_entry'::regclass)) AS size`);
    await db.query('VACUUM ANALYZE audit_entry');
    const rssBefore = rssMb(process.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(process.pid))), 200);
    t0 = performance.now();
    // As verifyAuditLog runs it: two lanes of batches on the pool, hashed on worker threads.
    const report = await verifyAuditChain(db, keys.verifier, { readers: [db, db] });
    const verifyS = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    if (!report.ok) throw new Error(`verification failed: ${report.message}`);
    log(
      `verified ${report.entriesChecked} entries in ${verifyS.toFixed(1)} s (${(report.entriesChecked / verifyS).toFixed(0)}/s), RSS ${rssBefore.toFixed(0)} → peak ${rssPeak.toFixed(0)} MiB`,
    );

    // ---- Auditor queries on the long chain: one page (21 rows) newest first, per filter ----------------------------
    const now = new Date();
    const filters: Array<[string, AuditQuery]> = [
      ['no filter', {}],
      ['username', { username: 'clerk-7' }],
      ['case number', { caseNo: '(2024)皖1524执4321号' }],
      ['subject ID number', { subjectIdNumber: `3415241980${String(123_456).padStart(8, '0')}` }],
      ['organisation + time range', { organisationCode: '皖1523', from: new Date(now.getTime() - 86_400_000), to: now }],
      ['role + outcome', { role: 'CLERK', outcome: 'ALLOWED' }],
      ['outcome DENIED (no match)', { outcome: 'DENIED' }],
    ];
    const queryRows: string[] = [];
    for (const [label, query] of filters) {
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < 5; i += 1) {
        const started = performance.now();
        found = (await findAuditEntries(db, query, 21)).length;
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      queryRows.push(`| ${label} | ${found} | ${times[2].toFixed(1)} |`);
    }
    log(`filters: ${queryRows.join(' ')}`);
    await pool.end();
    await db.destroy();

    const ratio = runs.on.throughput / runs.off.throughput;
    const md = `# Audit benchmark

Measured by \`npm run bench:audit\` (bench/audit-bench.ts) on ${new Date().toISOString().slice(0, 10)}.

Machine: ${machineLine(version)}
(embedded, default settings, one cluster for the hub, the five sources and the load generator's machine).

## Inquiry throughput with and without the audit log

${rounds} rounds per mode, alternating (on, off, then off, on, …), each ${durationS} s after a 3 s warm-up in a fresh hub process
(\`npm start\`'s entry point) on the same databases, ${connections} connections; "off" is the benchmark-only switch
\`AUDIT_DISABLED_FOR_BENCHMARK=true\` (refused when NODE_ENV=production).
Every request: one clerk's inquiry of an execution case with two respondents across all five sources
(the integration tests' selection), so every answer puts two READ entries on the chain. The median round per mode:

| audit | requests/s | p50 ms | p95 ms | p99 ms | hub CPU ms/req | PostgreSQL CPU ms/req | entries written |
|---|---|---|---|---|---|---|---|
| on | ${runs.on.throughput.toFixed(1)} | ${runs.on.latencyMs.p50.toFixed(1)} | ${runs.on.latencyMs.p95.toFixed(1)} | ${runs.on.latencyMs.p99.toFixed(1)} | ${runs.on.cpuMsPerRequest.server.toFixed(2)} | ${runs.on.cpuMsPerRequest.postgres.toFixed(2)} | ${runs.on.entries} (${(runs.on.entries / runs.on.durationS).toFixed(0)}/s) |
| off | ${runs.off.throughput.toFixed(1)} | ${runs.off.latencyMs.p50.toFixed(1)} | ${runs.off.latencyMs.p95.toFixed(1)} | ${runs.off.latencyMs.p99.toFixed(1)} | ${runs.off.cpuMsPerRequest.server.toFixed(2)} | ${runs.off.cpuMsPerRequest.postgres.toFixed(2)} | ${runs.off.entries} |

**Ratio on/off: ${ratio.toFixed(2)}**: with the audit log the hub serves ${(ratio * 100).toFixed(0)} % of the requests per second it serves without
(round by round: ${roundRatios.map((r) => r.toFixed(2)).join(', ')}).
Load average (1 min) at the start and end of the throughput rounds: ${loadStart.toFixed(2)}, ${loadEnd.toFixed(2)}; other work on the machine shifts these figures.
Mean time a request waited for its entries to be committed (from the hub's /metrics, measured rounds): ${appendWaitMs.toFixed(1)} ms.
Entries written with audit on: ${runs.on.entries} for ${runs.on.requests} answers in that round (two per answer; answers in flight at a round's edges shift a few).

## The single chain's append capacity

In process, straight to the writer, one ~1 KB READ entry per append, on the same PostgreSQL:

| appends | entries/s |
|---|---|
| one at a time (each its own transaction: lock head, insert, move head, commit) | ${serialRate.toFixed(0)} |
| ${inFlight} in flight (group commit: requests that finish during an append share the next transaction) | ${concurrentRate.toFixed(0)} |

Every hub process appends through the one head row, so this is the ceiling for all hub processes together;
at two entries per inquiry it is far above what the inquiry path reaches on this machine.

## Verification speed

${Number(n).toLocaleString('en')} entries generated in bulk (batches of ${batch.toLocaleString('en')}, valid chain hashes computed in Node, \`unnest\` inserts:
${generateS.toFixed(0)} s, ${(Number(n) / generateS).toFixed(0)} entries/s; table with indexes ${size}), two signed checkpoints, then
\`verifyAuditChain\` over the whole chain as \`verifyAuditLog\` runs it (batches of 10,000 by sequence number, rendered as JSON
lines by PostgreSQL, hashed on worker threads):

| entries | checkpoints | seconds | entries/s | verifier RSS before → peak |
|---|---|---|---|---|
| ${report.entriesChecked.toLocaleString('en')} | ${report.checkpointsChecked} | ${verifyS.toFixed(1)} | ${(report.entriesChecked / verifyS).toFixed(0)} | ${rssBefore.toFixed(0)} → ${rssPeak.toFixed(0)} MiB |

Memory stays bounded by one batch whatever the chain's length.

## Auditor queries on that chain

\`auditEntries\`' query (\`findAuditEntries\`), one page of 21 newest first, median of 5:

| filter | rows | ms |
|---|---|---|
${queryRows.join('\n')}
`;
    fs.mkdirSync(path.join(PACKAGE_ROOT, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(PACKAGE_ROOT, 'bench', 'results', 'audit.md'), md);
    console.log(md);
  } finally {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function queryOnce<R extends object>(url: string, sql: string): Promise<{ rows: R[] }> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<R>(sql);
  } finally {
    await client.end();
  }
}

/** The audit append histogram's sum (seconds) and count, from a hub's /metrics. */
async function auditWait(port: number): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const metric = (suffix: string) =>
    Number(new RegExp(`^fuyuantong_audit_write_duration_seconds_${suffix}\\{outcome="ok"\\} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? 0);
  return { sum: metric('sum'), count: metric('count') };
}

async function entryCount(url: string): Promise<number> {
  const { rows } = await queryOnce<{ seq: string }>(url, 'SELECT seq FROM audit_head WHERE id = 1');
  return Number(rows[0].seq);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
