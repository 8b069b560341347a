// Audit verification speed and the chain's append ceiling.
//   npm run bench:audit-scale -- [--entries 1000000] [--runs 2] [--dir <data dir to keep the generated chain>]
//                                [--appends 20000] [--chains 1,2,4,8] [--only verify|appends] [--streams 2|1]
// 1. Builds a chain of --entries valid entries (skipped when --dir already holds one that long) with two signed
//    checkpoints, then verifies the whole of it --runs times with `verifyAuditChain` as `verifyAuditLog` runs it,
//    noting throughput, the verifier's peak RSS and the load average.
// 2. Appends with the real writer (group commit, 64 appends in flight) to 1 and to N independent chains in one
//    database: each chain is a copy of `audit_entry` and `audit_head` in a schema of its own, written through a
//    pool whose search_path points at it, so the writer's statements run unchanged.
// Writes bench/results/audit-scale.md (audit-scale-<part>.md with --only) and the raw figures to bench/results/runs/audit-scale-<time>.json.

import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { createCheckpoint } from '../src/audit/audit-checkpoints';
import { chain, type ChainedEntry } from '../src/audit/audit-entry-hash';
import { AuditKeys } from '../src/audit/audit-keys';
import { canonicalJson } from '../src/audit/canonical-json';
import { copyOnPool } from '../src/audit/audit-copy';
import { streamedVerification, verifyAuditChain } from '../src/audit/audit-verifier';
import { AuditWriter } from '../src/audit/audit-writer';
import { insertEntries, type Queryable } from '../src/audit/insert-entries';
import { connectAndMigrate } from '../src/databases/open-databases';
import { startEmbeddedPostgres } from '../src/databases/embedded-postgres';
import { machineLine, scratchChainOptions, scratchChainSql, syntheticDraft } from './audit-bench-common';
import { rssMb } from './load-run';
import { PACKAGE_ROOT } from './package-root';
import { mainThreadCpuSeconds, postgresCpuSeconds } from './cpu-time';
import { median } from './median';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}
function count(name: string, fallback: number): number {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

/** CPU seconds of this process, all its threads included. */
function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

interface VerifyRun {
  run: number;
  /** CPU per entry: the verifier's process (main thread and hashing threads), and PostgreSQL (all processes). */
  verifierCpuUs: number;
  /** Of the verifier's: its main thread (the COPY's socket, batching, the checks in order); the rest is the hashing threads' and V8's helpers'. */
  mainThreadCpuUs: number;
  postgresCpuUs: number;
  entries: number;
  checkpoints: number;
  seconds: number;
  perSecond: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
  loadBefore: string;
  loadAfter: string;
}
interface AppendRun {
  chains: number;
  writerCpuUs: number;
  postgresCpuUs: number;
  round: number;
  appends: number;
  seconds: number;
  perSecond: number;
  loadBefore: string;
}

async function main(): Promise<void> {
  const entries = count('entries', 1_000_000);
  const runs = count('runs', 2);
  const appends = count('appends', 20_000);
  const chainCounts = (option('chains') ?? '1,2,4,8').split(',').map(Number);
  const only = option('only');
  const streams = count('streams', 2);
  if (streams > 2) throw new Error('--streams is 1 or 2 (2: as the hub verifies)');
  const kept = option('dir');
  const dir = kept ? path.resolve(kept) : fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-audit-scale-'));
  fs.mkdirSync(dir, { recursive: true });
  const log = (line: string) => console.log(`[bench:audit-scale] ${new Date().toISOString().slice(11, 19)} ${line}`);
  const pg = await startEmbeddedPostgres(dir, ['audit_verify', 'audit_append']);
  const postmaster = Number(fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const verifyRuns: VerifyRun[] = [];
  const appendRuns: AppendRun[] = [];
  let generated: { entries: number; seconds: number; size: string } | null = null;
  let version = '';
  try {
    // ---- 1. Verification over a long chain --------------------------------------------------------------------
    if (only !== 'appends') {
      const hub = await connectAndMigrate('hub', pg.url('audit_verify'), { migrate: true, poolSize: 2 });
      await hub.dataSource.destroy();
      // The hub's pool without its connect timeout, which a loaded machine can exceed: each query on any connection.
      const pool = new Pool({ connectionString: pg.url('audit_verify'), max: 8 });
      const db: Queryable = { query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows };
      [{ version }] = await db.query('SELECT version()');
      const keyDir = path.join(dir, 'verify-keys');
      const keys = AuditKeys.load(keyDir);
      const [head] = await db.query(`SELECT seq, hash FROM audit_head WHERE id = 1`);
      if (BigInt(head.seq) < BigInt(entries)) {
        generated = await generate(db, keys, keyDir, BigInt(head.seq), head.hash, entries, log);
        await db.query('VACUUM ANALYZE audit_entry');
      }
      const [{ n, size }] = await db.query(`SELECT (SELECT seq FROM audit_head WHERE id = 1) AS n,
        pg_size_pretty((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'audit_entry'::regclass)) AS size`);
      generated ??= { entries: Number(n), seconds: 0, size };
      generated.size = size;
      for (let run = 1; run <= runs; run += 1) {
        const rssBefore = rssMb(process.pid);
        let rssPeak = rssBefore;
        const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(process.pid))), 100);
        const loadBefore = load();
        const cpu0 = ownCpuSeconds();
        const main0 = mainThreadCpuSeconds();
        const pgCpu0 = postgresCpuSeconds(postmaster);
        const t0 = performance.now();
        // COPY streams on connections of the pool, as AuditLog.verify reads the chain (--streams 1: one stream,
        // hashing threads as by default). Up to the head: the whole chain, unless a generation stopped part way left batches past it.
        const report = await verifyAuditChain(db, keys.verifier, {
          ...(streams === 1 ? {} : streamedVerification()),
          copy: copyOnPool(pool),
          toSeq: BigInt(n),
        });
        const seconds = (performance.now() - t0) / 1000;
        const verifierCpuUs = ((ownCpuSeconds() - cpu0) / report.entriesChecked) * 1e6;
        const mainThreadCpuUs = ((mainThreadCpuSeconds() - main0) / report.entriesChecked) * 1e6;
        const postgresCpuUs = ((postgresCpuSeconds(postmaster) - pgCpu0) / report.entriesChecked) * 1e6;
        clearInterval(sampler);
        if (!report.ok) throw new Error(`verification failed: ${report.message}`);
        const result: VerifyRun = {
          run,
          verifierCpuUs,
          mainThreadCpuUs,
          postgresCpuUs,
          entries: report.entriesChecked,
          checkpoints: report.checkpointsChecked,
          seconds,
          perSecond: report.entriesChecked / seconds,
          rssBeforeMiB: rssBefore,
          rssPeakMiB: rssPeak,
          loadBefore,
          loadAfter: load(),
        };
        verifyRuns.push(result);
        log(
          `verify run ${run}: ${result.entries} entries in ${seconds.toFixed(1)} s = ${result.perSecond.toFixed(0)}/s, RSS ${rssBefore.toFixed(0)} → ${rssPeak.toFixed(0)} MiB, CPU per entry ${verifierCpuUs.toFixed(1)} µs verifier (main thread ${mainThreadCpuUs.toFixed(1)}) + ${postgresCpuUs.toFixed(1)} µs PostgreSQL, load ${result.loadBefore} → ${result.loadAfter}`,
        );
      }
      await pool.end();
    }

    // ---- 2. Appends to 1 and to N independent chains ---------------------------------------------------------------
    if (only !== 'verify') {
      const hub = await connectAndMigrate('hub', pg.url('audit_append'), { migrate: true, poolSize: 4 });
      [{ version }] = await hub.dataSource.query('SELECT version()');
      const draft = syntheticDraft();
      const anchorKeys = AuditKeys.load(path.join(dir, 'anchor-keys'));
      for (let round = 1; round <= 2; round += 1) {
        for (const n of round === 1 ? chainCounts : [...chainCounts].reverse()) {
          const pools: Pool[] = [];
          for (let c = 0; c < n; c += 1) {
            await hub.dataSource.query(scratchChainSql(`chain_${c}`));
            // The writer's own pool, as appendPool makes it (four connections, bounded waits), on this chain's schema.
            const pool = new Pool({
              connectionString: pg.url('audit_append'),
              max: 4,
              application_name: 'fuyuantong-audit',
              statement_timeout: 30_000,
              lock_timeout: 30_000,
              options: scratchChainOptions(`chain_${c}`),
            });
            pools.push(pool);
          }
          const writers = pools.map((p) => new AuditWriter(p));
          await hub.dataSource.query('CHECKPOINT');
          const inFlight = 64;
          let next = 0;
          const loadBefore = load();
          const cpu0 = ownCpuSeconds();
          const pgCpu0 = postgresCpuSeconds(postmaster);
          const t0 = performance.now();
          await Promise.all(
            Array.from({ length: inFlight }, async (_, lane) => {
              // Lane k always appends to chain k mod n, as requests of one court go to its chain.
              while (next < appends) await writers[lane % n].append([draft(next++)]);
            }),
          );
          const seconds = (performance.now() - t0) / 1000;
          const writerCpuUs = ((ownCpuSeconds() - cpu0) / appends) * 1e6;
          const postgresCpuUs = ((postgresCpuSeconds(postmaster) - pgCpu0) / appends) * 1e6;
          await Promise.all(pools.map((p) => p.end()));
          let total = 0;
          for (let c = 0; c < n; c += 1) {
            const [{ seq }] = await hub.dataSource.query(`SELECT seq FROM chain_${c}.audit_head`);
            total += Number(seq);
          }
          if (total !== appends) throw new Error(`${total} entries on the chains for ${appends} appends`);
          // Each chain verifies on its own with the unchanged verifier; a checkpoint would sign the root over their heads.
          const heads: Array<{ chain: number; seq: string; hash: string }> = [];
          for (let c = 0; c < n; c += 1) {
            const chainPool = new Pool({ connectionString: pg.url('audit_append'), max: 2, options: scratchChainOptions(`chain_${c}`) });
            const chainDb: Queryable = { query: async (sql: string, params?: unknown[]) => (await chainPool.query(sql, params)).rows };
            const report = await verifyAuditChain(chainDb, anchorKeys.verifier, { threads: 0 });
            const [head] = await chainDb.query(`SELECT seq::text AS seq, hash FROM audit_head`);
            await chainPool.end();
            if (!report.ok) throw new Error(`chain ${c}: ${report.message}`);
            heads.push({ chain: c, seq: head.seq, hash: head.hash });
          }
          const root = anchorRoot(heads);
          const statement = canonicalJson({ log: 'fuyuantong-audit', chains: heads, root });
          const signature = anchorKeys.sign(statement);
          if (!anchorKeys.verifier.verify(anchorKeys.publicKey.keyId, statement, signature)) throw new Error('anchor signature');
          log(`  ${n} chain(s) verified; heads anchored under root ${root.slice(0, 16)}…`);
          const result: AppendRun = { chains: n, round, writerCpuUs, postgresCpuUs, appends, seconds, perSecond: appends / seconds, loadBefore };
          appendRuns.push(result);
          log(
            `appends, ${n} chain(s), round ${round}: ${result.perSecond.toFixed(0)} entries/s, CPU per entry ${writerCpuUs.toFixed(0)} µs writer + ${postgresCpuUs.toFixed(0)} µs PostgreSQL (load ${loadBefore})`,
          );
        }
      }
      await hub.dataSource.destroy();
    }
  } finally {
    await pg.stop();
    if (!kept) fs.rmSync(dir, { recursive: true, force: true });
  }

  const machine = machineLine(version);
  const stamp = new Date().toISOString();
  const raw = { at: stamp, machine, generated, verifyRuns, appendRuns };
  fs.mkdirSync(path.join(PACKAGE_ROOT, 'bench', 'results', 'runs'), { recursive: true });
  const rawFile = path.join('bench', 'results', 'runs', `audit-scale-${stamp.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(path.join(PACKAGE_ROOT, rawFile), `${JSON.stringify(raw, null, 2)}\n`);
  const md = `# Audit verification and append scaling

Measured by \`npm run bench:audit-scale\` (bench/audit-scale-bench.ts) at ${stamp.slice(0, 16).replace('T', ' ')} UTC; raw figures in \`${rawFile}\`.

Machine: ${machine} (embedded, default settings). Load average (1 / 5 / 15 min) is noted with each figure: other work
on the machine shares its cores with the database and the verifier.
${
  verifyRuns.length
    ? `
## Verification

${generated!.entries.toLocaleString('en')} entries (table with indexes ${generated!.size}${generated!.seconds ? `, generated in ${generated!.seconds.toFixed(0)} s` : ''}), ${verifyRuns[0].checkpoints} signed checkpoint(s);
\`verifyAuditChain\` over the whole chain${streams === 2 ? ' as `verifyAuditLog` runs it: the range in two parts, each' : ': the range in one piece,'} one COPY stream (binary)
in which PostgreSQL sends each entry's stored columns (formats 3 and 4: the bytes that are hashed, nothing rendered),
read as its CopyData messages and cut into batches of 10,000 entries in shared memory, hashed on
${streams === 2 ? streamedVerification().threads : Math.min(4, os.availableParallelism())} worker thread(s), links checked in order on the main thread and the parts joined where they meet.

| run | entries | checkpoints | seconds | entries/s | CPU µs per entry: verifier + PostgreSQL | of the verifier's: main thread | verifier RSS before → peak | load before | load after |
|---|---|---|---|---|---|---|---|---|---|
${verifyRuns
  .map(
    (r) =>
      `| ${r.run} | ${r.entries.toLocaleString('en')} | ${r.checkpoints} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(0)} | ${r.verifierCpuUs.toFixed(1)} + ${r.postgresCpuUs.toFixed(1)} | ${r.mainThreadCpuUs.toFixed(1)} | ${r.rssBeforeMiB.toFixed(0)} → ${r.rssPeakMiB.toFixed(0)} MiB | ${r.loadBefore} | ${r.loadAfter} |`,
  )
  .join('\n')}

With ${os.cpus().length} cores to themselves, the verifier and PostgreSQL together have at most ${os.cpus().length} s of CPU per second: at the last
run's CPU cost per entry (itself inflated when other work contends for the cores) that is about ${(() => {
        const r = verifyRuns[verifyRuns.length - 1];
        return Math.round((os.cpus().length * 1e6) / (r.verifierCpuUs + r.postgresCpuUs)).toLocaleString('en');
      })()} entries/s from the last run's CPU cost (an upper bound: it assumes both cores busy throughout).
`
    : ''
}${
    appendRuns.length
      ? `
## Appends: one chain against N independent chains

The real writer (group commit, at most 200 requests per transaction), 64 appends in flight, ${appends.toLocaleString('en')} one-entry appends per
measurement; lane k appends to chain k mod N. Each chain is a copy of \`audit_entry\` (indexes included, not partitioned by month)
and \`audit_head\` in its own schema of one database, with a writer and a four-connection pool of its own. Two rounds, the
second in reverse order. After each measurement every chain is verified on its own with \`verifyAuditChain\` and the heads are
anchored: a Merkle root over \`{chain, seq, hash}\` of each head, signed with an Ed25519 key as a checkpoint would sign it.

| chains | round 1 entries/s | round 2 entries/s | median | CPU µs per entry, writer + PostgreSQL (round 1) | load before (round 1) |
|---|---|---|---|---|---|
${chainCounts
  .map((n) => {
    const rs = appendRuns.filter((r) => r.chains === n);
    return `| ${n} | ${rs.map((r) => r.perSecond.toFixed(0)).join(' | ')} | ${median(rs.map((r) => r.perSecond)).toFixed(0)} | ${rs[0].writerCpuUs.toFixed(0)} + ${rs[0].postgresCpuUs.toFixed(0)} | ${rs[0].loadBefore} |`;
  })
  .join('\n')}
`
      : ''
  }`;
  fs.writeFileSync(path.join(PACKAGE_ROOT, 'bench', 'results', only ? `audit-scale-${only}.md` : 'audit-scale.md'), md);
  console.log(md);
}

/**
 * A chain of `target` entries with valid hashes: batches hashed in Node while the previous batch is inserted, the head
 * moved to the middle and signed there, then to the end and signed again.
 */
async function generate(
  db: Queryable,
  keys: AuditKeys,
  keyDir: string,
  seq: bigint,
  hash: string,
  target: number,
  log: (line: string) => void,
): Promise<{ entries: number; seconds: number; size: string }> {
  const draft = syntheticDraft();
  const batch = 10_000;
  const t0 = performance.now();
  let headEntry: ChainedEntry | null = null;
  const inserts: Array<Promise<void>> = [];
  const moveHead = async (e: ChainedEntry) => {
    await Promise.all(inserts.splice(0));
    await db.query(`UPDATE audit_head SET seq = $1, hash = $2, at = $3 WHERE id = 1`, [e.seq, e.hash, e.at.toISOString()]);
  };
  const middle = BigInt(Math.floor(target / 2));
  let signedMiddle = seq >= middle;
  while (seq < BigInt(target)) {
    const size = Number(BigInt(target) - seq < BigInt(batch) ? BigInt(target) - seq : BigInt(batch));
    const rows = chain(
      Array.from({ length: size }, (_, i) => draft(Number(seq) + i)),
      { seq, hash },
      new Date(),
    );
    headEntry = rows[rows.length - 1];
    seq = BigInt(headEntry.seq);
    hash = headEntry.hash;
    if (inserts.length >= 2) await inserts.shift();
    inserts.push(insertEntries(db, rows));
    if (!signedMiddle && seq >= middle) {
      await moveHead(headEntry);
      await createCheckpoint(db, keys, keyDir);
      signedMiddle = true;
    }
    if (Number(seq) % 100_000 < batch) log(`generated ${seq} entries (load ${load()})`);
  }
  if (headEntry) {
    await moveHead(headEntry);
    await createCheckpoint(db, keys, keyDir);
  }
  return { entries: target, seconds: (performance.now() - t0) / 1000, size: '' };
}

/**
 * The root a checkpoint of several chains would sign: a binary Merkle tree (SHA-256) over the chains' heads in chain
 * order, each leaf the hash of the canonical JSON of {chain, seq, hash}; an odd node is carried up unchanged.
 */
function anchorRoot(heads: Array<{ chain: number; seq: string; hash: string }>): string {
  const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
  let level = heads.map((h) => sha(canonicalJson(h)));
  while (level.length > 1) {
    const up: string[] = [];
    for (let i = 0; i < level.length; i += 2) up.push(i + 1 < level.length ? sha(level[i] + level[i + 1]) : level[i]);
    level = up;
  }
  return level[0] ?? '0'.repeat(64);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
