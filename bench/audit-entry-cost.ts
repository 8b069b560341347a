// npm run bench:audit-entry [-- --persons 10000 --entries 400 --rounds 5]
//
// What one audit entry costs, apart from any request: in the hub process, drafting it for the writer (well-formed
// text, canonical JSON, salt and hash, the append's JSON document), in µs per entry; in PostgreSQL, inserting it as
// the append does (json_to_recordset from one JSON document), in the backend's CPU ms per entry (from /proc), into
// scratch copies of `audit_entry` with every index, the primary key only, and none; with every index again, each
// entry holding its list (format 3), and with the lists already stored left out of the statement, as the hub's writer
// sends them while it extends the head it wrote; so the share of the indexes and of the lists of fields shows. The
// entries are the READ entries the dataset's log already holds (those of earlier `npm run bench` runs: real inquiries'
// field lists); with too few, synthetic ones. Last, appends of two entries each through the hub's writer, one after
// another (no group commit, as at low concurrency): the backend's CPU and the wall time per append, onto the dataset's
// log itself (as the inquiry benchmarks append to it) and onto an empty copy of the log with every index.

import 'reflect-metadata';
import { Client, Pool } from 'pg';
import { chain, ENTRY_SELECT, entryFromRow, GENESIS_HASH, type AuditDraft } from '../src/audit/audit-entry-hash';
import { AuditWriter } from '../src/audit/audit-writer';
import { entriesJson, fieldListsJson, insertStatement, listDigests } from '../src/audit/insert-entries';
import { wellFormedDraft } from '../src/audit/well-formed-draft';
import { scratchChainOptions, scratchChainSql, syntheticDraft } from './audit-bench-common';
import { openDataset } from './bench-dataset';
import { processCpuMs } from './cpu-time';
import { median } from './median';
import { wholeNumberOption } from './whole-number-option';

async function main(): Promise<void> {
  const persons = wholeNumberOption('persons', 10_000);
  const count = wholeNumberOption('entries', 400);
  const rounds = wholeNumberOption('rounds', 5);
  const ds = await openDataset({ name: `persons-${persons / 1000}k`, persons, enterprises: persons / 10, seed: 1 }, (l) =>
    process.stderr.write(`[bench:audit-entry] ${l}\n`),
  );
  const db = new Client({ connectionString: ds.urls.hub });
  await db.connect();
  try {
    const { rows } = await db.query(`${ENTRY_SELECT} WHERE kind = 'READ' ORDER BY e.seq DESC LIMIT ${count}`);
    const real = rows.length === count;
    const synthetic = syntheticDraft();
    const drafts: AuditDraft[] = real
      ? rows.map((row) => {
          const { seq: _s, at: _a, salt: _salt, prevHash: _p, hash: _h, ...draft } = entryFromRow(row);
          return draft;
        })
      : Array.from({ length: count }, (_, i) => synthetic(i));
    const paths = drafts.reduce((n, d) => n + d.fields.length, 0) / drafts.length;
    const fieldsText = drafts.reduce((n, d) => n + JSON.stringify(d.fields).length, 0) / drafts.length;
    console.log(
      `${count} ${real ? 'READ entries from the log of' : 'synthetic READ entries (the log holds too few) on'} ${ds.spec.name}: ${paths.toFixed(0)} field paths, ${fieldsText.toFixed(0)} characters of field list per entry on average`,
    );

    const hub: number[] = [];
    for (let r = 0; r < rounds; r += 1) {
      const started = process.hrtime.bigint();
      let bytes = 0;
      for (let k = 0; k < 20; k += 1) {
        const entries = chain(drafts.map(wellFormedDraft), { seq: 0n, hash: GENESIS_HASH }, new Date());
        bytes += entriesJson(entries).length + fieldListsJson(entries).length;
      }
      if (bytes === 0) throw new Error('nothing drafted');
      hub.push(Number(process.hrtime.bigint() - started) / 1000 / (20 * count));
    }
    console.log(
      `hub process, draft to the append's JSON: ${median(hub).toFixed(1)} µs per entry (median of ${rounds}: ${hub.map((x) => x.toFixed(1)).join(', ')})`,
    );

    const {
      rows: [{ pid }],
    } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const tables = {
      bench_entry_cost_all: 'every index of audit_entry',
      bench_entry_cost_pk: 'primary key only',
      bench_entry_cost_none: 'no index',
    } as const;
    await db.query(`DROP TABLE IF EXISTS bench_entry_cost_all, bench_entry_cost_pk, bench_entry_cost_none, bench_entry_cost_lists`);
    // The lists of fields, stored once: after the first round every list is already there, as in a hub that runs.
    await db.query(`CREATE TABLE bench_entry_cost_lists (LIKE audit_field_list INCLUDING DEFAULTS INCLUDING INDEXES)`);
    await db.query(`CREATE TABLE bench_entry_cost_all (LIKE audit_entry INCLUDING DEFAULTS INCLUDING INDEXES)`);
    await db.query(`CREATE TABLE bench_entry_cost_pk (LIKE audit_entry INCLUDING DEFAULTS)`);
    await db.query(`ALTER TABLE bench_entry_cost_pk ADD PRIMARY KEY (seq, at)`);
    await db.query(`CREATE TABLE bench_entry_cost_none (LIKE audit_entry INCLUDING DEFAULTS)`);
    type Run = { table: string; label: string; inside?: boolean; leaveStored?: boolean };
    const runs: Run[] = [
      ...Object.entries(tables).map(([table, label]) => ({ table, label })),
      { table: 'bench_entry_cost_all', label: 'every index of audit_entry, each entry holding its list of fields (format 3)', inside: true },
      { table: 'bench_entry_cost_all', label: 'every index of audit_entry, the lists already stored not sent', leaveStored: true },
    ];
    // Every list the entries name; the first run of the first round stores them.
    const stored = new Set(listDigests(chain(drafts.map(wellFormedDraft), { seq: 0n, hash: GENESIS_HASH }, new Date())));
    const results = new Map<string, number[]>();
    let seq = 0n;
    for (let r = 0; r < rounds; r += 1) {
      for (const { table, label, inside, leaveStored } of runs) {
        const before = processCpuMs(pid);
        for (let i = 0; i < count; i += 2) {
          const pair = [drafts[i], drafts[(i + 1) % count]].map(wellFormedDraft);
          const entries = chain(pair, { seq, hash: GENESIS_HASH }, new Date());
          seq += 2n;
          const sent = inside ? entries.map((e) => ({ ...e, format: 3 })) : entries;
          await db.query(insertStatement(table, 'bench_entry_cost_lists'), [
            entriesJson(sent),
            fieldListsJson(sent, leaveStored ? stored : undefined),
          ]);
        }
        results.set(label, [...(results.get(label) ?? []), (processCpuMs(pid) - before) / count]);
      }
    }
    console.log(
      'PostgreSQL backend CPU per entry, two entries per statement, each its own transaction (scratch copies of audit_entry, dropped after):',
    );
    for (const [label, xs] of results) console.log(`  ${label}: ${median(xs).toFixed(3)} ms (${xs.map((x) => x.toFixed(3)).join(', ')})`);

    // The writer's own statement and commit, each append waited for: a chain of its own in a scratch schema, or the log.
    await db.query(scratchChainSql('bench_entry_cost_chain'));
    const targets = { 'the dataset’s log': undefined, 'an empty copy with every index': scratchChainOptions('bench_entry_cost_chain') };
    const appends = new Map<string, Array<{ cpu: number; wall: number }>>();
    for (let r = 0; r < rounds; r += 1) {
      for (const [label, options] of Object.entries(targets)) {
        const pool = new Pool({ connectionString: ds.urls.hub, max: 1, ...(options ? { options } : {}) });
        try {
          const {
            rows: [{ pid: backend }],
          } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          const writer = new AuditWriter(pool);
          await writer.append([drafts[0]]); // learns the head
          const before = processCpuMs(backend);
          const started = process.hrtime.bigint();
          for (let i = 0; i < count; i += 2) await writer.append([drafts[i], drafts[(i + 1) % count]]);
          const n = Math.ceil(count / 2);
          const run = { cpu: (processCpuMs(backend) - before) / n, wall: Number(process.hrtime.bigint() - started) / 1e6 / n };
          appends.set(label, [...(appends.get(label) ?? []), run]);
        } finally {
          await pool.end();
        }
      }
    }
    console.log('Appends of two entries through the writer, one after another: PostgreSQL backend CPU and wall time per append:');
    for (const [label, runs] of appends) {
      const cpu = runs.map((x) => x.cpu);
      const wall = runs.map((x) => x.wall);
      console.log(
        `  ${label}: ${median(cpu).toFixed(2)} ms CPU (${cpu.map((x) => x.toFixed(2)).join(', ')}), ${median(wall).toFixed(2)} ms wall (${wall.map((x) => x.toFixed(2)).join(', ')})`,
      );
    }
  } finally {
    await db.query('DROP SCHEMA IF EXISTS bench_entry_cost_chain CASCADE').catch(() => undefined);
    await db
      .query(`DROP TABLE IF EXISTS bench_entry_cost_all, bench_entry_cost_pk, bench_entry_cost_none, bench_entry_cost_lists`)
      .catch(() => undefined);
    await db.end();
    await ds.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
