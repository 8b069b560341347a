// A benchmark dataset: its own embedded PostgreSQL cluster under bench/.data/<name>/, generated once
// with the synthetic generator and reused by later runs (the generator is additive and deterministic).

import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { DatabaseKey } from '../src/config';
import { startEmbeddedPostgres, type EmbeddedCluster } from '../src/databases/embedded-postgres';
import { connectAndMigrate, DATABASE_KEYS } from '../src/databases/open-databases';
import { generateSynthetic } from '../src/seed/synthetic-generator';
import { HUB_DATABASE, SOURCE_DATABASES } from '../src/sources/source-name';
import { PACKAGE_ROOT } from './package-root';

export const BENCH_DATA = path.join(PACKAGE_ROOT, 'bench', '.data');

export interface DatasetSpec {
  name: string;
  persons: number;
  enterprises: number;
  seed: number;
}

export interface OpenDataset {
  spec: DatasetSpec;
  dataDir: string;
  urls: Record<DatabaseKey, string>;
  /** How and when the data was generated (by this run when `generatedNow`). */
  record: DatasetRecord;
  generatedNow: boolean;
  /** Case parties known to the hub and active execution cases. */
  counts: { caseParties: number; activeCases: number };
  /** Process id of the cluster's postmaster. */
  postmasterPid(): number;
  stop(): Promise<void>;
}

function databaseName(key: DatabaseKey): string {
  return key === 'hub' ? HUB_DATABASE.database : SOURCE_DATABASES[key].database;
}

/** Written beside the cluster once a generation has completed. */
export interface DatasetRecord {
  persons: number;
  enterprises: number;
  seed: number;
  /** Wall time of generateSynthetic. */
  generatedMs: number;
  generatedAt: string;
  generatedBy?: string;
}

function sameDataset(marker: string, spec: DatasetSpec): boolean {
  if (!fs.existsSync(marker)) return false;
  const record = JSON.parse(fs.readFileSync(marker, 'utf8')) as DatasetRecord;
  return record.persons === spec.persons && record.enterprises === spec.enterprises && record.seed === spec.seed;
}

async function hubCounts(hubUrl: string): Promise<OpenDataset['counts']> {
  const client = new Client({ connectionString: hubUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ parties: string; active: string }>(`
      SELECT (SELECT count(*) FROM subject) AS parties,
             (SELECT count(*) FROM execution_case WHERE status = 'ACTIVE') AS active`);
    return { caseParties: Number(rows[0].parties), activeCases: Number(rows[0].active) };
  } finally {
    await client.end();
  }
}

export interface DatasetOptions {
  /**
   * Load pg_stat_statements (shipped with the embedded binaries) so PostgreSQL's own count of statements can be read
   * (`statementCalls`); it hashes and records every statement, so it is off unless asked for.
   */
  statementStatistics?: boolean;
}

/** Starts the dataset's cluster, applies migrations, and generates the data unless it is already there. */
export async function openDataset(spec: DatasetSpec, log: (line: string) => void, options: DatasetOptions = {}): Promise<OpenDataset> {
  const dataDir = path.join(BENCH_DATA, spec.name);
  let cluster: EmbeddedCluster | null = null;
  try {
    const postgresFlags = options.statementStatistics ? ['-c', 'shared_preload_libraries=pg_stat_statements'] : [];
    cluster = await startEmbeddedPostgres(dataDir, DATABASE_KEYS.map(databaseName), log, { postgresFlags });
    const started = cluster;
    const urls = Object.fromEntries(DATABASE_KEYS.map((k) => [k, started.url(databaseName(k))])) as Record<DatabaseKey, string>;
    for (const key of DATABASE_KEYS) {
      const { dataSource } = await connectAndMigrate(key, urls[key], { migrate: true, poolSize: 1 }, log);
      await dataSource.destroy();
    }
    const marker = path.join(dataDir, 'dataset.json');
    let generatedNow = false;
    if (!sameDataset(marker, spec)) {
      // The generator is additive: over a partial or unmarked load it inserts only what is missing.
      log(`generating ${spec.persons} persons and ${spec.enterprises} enterprises in ${dataDir}`);
      let last = Date.now();
      const summary = await generateSynthetic(urls, {
        persons: spec.persons,
        enterprises: spec.enterprises,
        seed: spec.seed,
        onProgress: (done, total) => {
          if (Date.now() - last < 10_000) return;
          last = Date.now();
          log(`  ${done}/${total} persons`);
        },
      });
      await analyze(urls);
      const record: DatasetRecord = {
        persons: spec.persons,
        enterprises: spec.enterprises,
        seed: spec.seed,
        generatedMs: summary.elapsedMs,
        generatedAt: new Date().toISOString(),
        generatedBy: 'npm run bench',
      };
      fs.writeFileSync(marker, `${JSON.stringify(record, null, 2)}\n`);
      generatedNow = true;
    } else if (await unanalysed(urls)) {
      log('analysing tables loaded by an earlier run');
      await analyze(urls);
    }
    if (options.statementStatistics) await createExtension(urls.hub, 'pg_stat_statements');
    const counts = await hubCounts(urls.hub);
    const record = JSON.parse(fs.readFileSync(marker, 'utf8')) as DatasetRecord;
    const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return { spec, dataDir, urls, record, generatedNow, counts, postmasterPid, stop: () => started.stop() };
  } catch (error) {
    await cluster?.stop().catch(() => {});
    throw error;
  }
}

async function unanalysed(urls: Record<DatabaseKey, string>): Promise<boolean> {
  const client = new Client({ connectionString: urls.hub });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT 1 FROM pg_stat_user_tables WHERE relname = 'subject' AND last_analyze IS NULL AND last_autoanalyze IS NULL`,
    );
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

/** Fresh statistics after a bulk load, so plans are those of a settled database. */
async function analyze(urls: Record<DatabaseKey, string>): Promise<void> {
  await Promise.all(
    Object.values(urls).map(async (url) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('VACUUM ANALYZE');
      } finally {
        await client.end();
      }
    }),
  );
}

async function createExtension(url: string, extension: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`);
  } finally {
    await client.end();
  }
}

/** What PostgreSQL counted per database: statements run to completion (pg_stat_statements' calls, top level). */
export interface StatementCalls {
  /** Every statement but the job worker's polling and this read itself. */
  byDatabase: Record<string, number>;
  /** Of the hub database's, the audit log's appends (their transaction's BEGIN and COMMIT included). */
  auditAppend: number;
}

/**
 * PostgreSQL's count of statements since it started, per database (pg_stat_statements, read from the hub database:
 * its view spans the cluster). The job worker's statements (its schema) are left out: they poll on a timer, not per
 * request.
 */
export async function statementCalls(hubUrl: string, names: Record<string, string>): Promise<StatementCalls> {
  const client = new Client({ connectionString: hubUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string; calls: string; audit: string }>(`
      SELECT d.datname, sum(s.calls) AS calls,
             sum(s.calls) FILTER (WHERE s.query LIKE '%audit_entry%' OR s.query LIKE '%audit_head%' OR s.query IN ('BEGIN', 'COMMIT')) AS audit
        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
       WHERE s.toplevel AND s.query !~ 'graphile_worker|pg_stat_statements'
       GROUP BY d.datname`);
    const byName = new Map(rows.map((r) => [r.datname, r]));
    const byDatabase = Object.fromEntries(Object.entries(names).map(([key, name]) => [key, Number(byName.get(name)?.calls ?? 0)]));
    return { byDatabase, auditAppend: Number(byName.get(names.hub)?.audit ?? 0) };
  } finally {
    await client.end();
  }
}

/** Each database's name, by key. */
export function databaseNames(): Record<DatabaseKey, string> {
  return Object.fromEntries(DATABASE_KEYS.map((k) => [k, databaseName(k)])) as Record<DatabaseKey, string>;
}
