// Writes a synthetic dataset (see synthetic-rows.ts) into the hub and every source database, one
// chunk at a time: batched INSERT … SELECT FROM unnest(arrays), one transaction per database per
// chunk, the databases written in parallel. A source's tables and columns come from its entities'
// metadata (the lists named in its registry entry). Additive: rows whose unique key already exists
// are skipped, and dependants of skipped rows are skipped with them (joins on the parent).

import { Client } from 'pg';
import type { DataSource, EntityMetadata } from 'typeorm';
import type { DatabaseKey } from '../config';
import { createDataSource } from '../databases/data-sources';
import { DATABASE_KEYS } from '../databases/open-databases';
import { SOURCES } from '../sources/registry';
import {
  BANKRUPTCY_SEQ_BASE,
  EXECUTION_SEQ_BASE,
  chunkBounds,
  chunkCount,
  datasetProblem,
  generateChunk,
  numberingProblem,
  staffRows,
  type CaseNumbering,
  type ChunkRows,
  type DatasetSpec,
  type StaffRows,
} from './synthetic-rows';

export interface GenerationOptions {
  persons: number;
  enterprises: number;
  seed: number | string;
  /** YYYY-MM-DD the data describes; defaults to a fixed date so a seed always yields the same data. */
  asOf?: string;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface GenerationSummary {
  seed: number | string;
  persons: number;
  enterprises: number;
  chunks: number;
  /** First case-number sequences used (above any generated cases already present). */
  numbering: CaseNumbering;
  /** Rows actually inserted per table ("database.table"), not counting skipped duplicates. */
  inserted: Record<string, number>;
  elapsedMs: number;
}

const BATCH_ROWS = 2_500;

type Column<R> = readonly [name: string, type: string, value: (row: R) => unknown];

/** Inserts rows in batches through `unnest`; `sql` receives the FROM source and returns the statement. */
async function insertBatches<R>(client: Client, rows: readonly R[], columns: readonly Column<R>[], sql: (source: string) => string): Promise<number> {
  const source = `unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS u(${columns.map(([n]) => `"${n}"`).join(', ')})`;
  const text = sql(source);
  let inserted = 0;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const result = await client.query(
      text,
      columns.map(([, , value]) => batch.map(value)),
    );
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

/** Plain insert of every column, skipping rows that clash with any unique key. */
function insertInto<R>(client: Client, table: string, rows: readonly R[], columns: readonly Column<R>[], casts: Record<string, string> = {}) {
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const select = columns.map(([n]) => (casts[n] ? `u."${n}"::${casts[n]}` : `u."${n}"`)).join(', ');
  return insertBatches(client, rows, columns, (source) => `INSERT INTO "${table}" (${names}) SELECT ${select} FROM ${source} ON CONFLICT DO NOTHING`);
}

const HUB_TABLES = [
  'hub.organisation',
  'hub.hub_user',
  'hub.subject',
  'hub.execution_case',
  'hub.execution_case_respondent',
  'hub.execution_case_clerk',
  'hub.bankruptcy_case',
  'hub.administrator_appointment',
];

class Counter {
  readonly counts: Record<string, number>;
  constructor(tables: string[]) {
    this.counts = Object.fromEntries(tables.map((t) => [t, 0]));
  }
  add(table: string, n: number): void {
    this.counts[table] = (this.counts[table] ?? 0) + n;
  }
}

async function inTransaction(client: Client, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Sequence numbers above any generated cases the hub already holds, so a second dataset gets fresh case numbers. */
async function nextNumbering(hub: Client): Promise<CaseNumbering> {
  const { rows } = await hub.query<{ execution: number; bankruptcy: number }>(`
    SELECT
      (SELECT coalesce(max(substring(case_no from '执[恢保]?([0-9]{1,6})号$')::int), 0) FROM execution_case) AS execution,
      (SELECT coalesce(max(substring(case_no from '破申?([0-9]{1,6})号$')::int), 0) FROM bankruptcy_case) AS bankruptcy`);
  return {
    executionSeqBase: Math.max(EXECUTION_SEQ_BASE, rows[0].execution + 1),
    bankruptcySeqBase: Math.max(BANKRUPTCY_SEQ_BASE, rows[0].bankruptcy + 1),
  };
}

interface StaffIds {
  organisations: Map<string, string>;
  users: Map<string, string>;
}

/** Creates the courts, firms and their users if missing and returns their ids, reusing existing ones by code/username. */
async function writeStaff(hub: Client, staff: StaffRows, counter: Counter): Promise<StaffIds> {
  counter.add(
    'hub.organisation',
    await insertInto(hub, 'organisation', staff.organisations, [
      ['code', 'text', (r) => r.code],
      ['name', 'text', (r) => r.name],
      ['kind', 'text', (r) => r.kind],
    ]),
  );
  const orgs = await hub.query<{ id: string; code: string; kind: string }>('SELECT id, code, kind FROM organisation WHERE code = ANY($1::text[])', [
    staff.organisations.map((o) => o.code),
  ]);
  const organisations = new Map<string, string>();
  for (const o of staff.organisations) {
    const found = orgs.rows.find((r) => r.code === o.code)!;
    if (found.kind !== o.kind) throw new Error(`organisation ${o.code} already exists as ${found.kind}, not ${o.kind}`);
    organisations.set(o.code, found.id);
  }
  counter.add(
    'hub.hub_user',
    await insertInto(hub, 'hub_user', staff.users, [
      ['username', 'text', (r) => r.username],
      ['display_name', 'text', (r) => r.displayName],
      ['role', 'text', (r) => r.role],
      ['organisation_id', 'uuid', (r) => organisations.get(r.organisationCode)],
    ]),
  );
  const existing = await hub.query<{ id: string; username: string; role: string; organisation_id: string }>(
    'SELECT id, username, role, organisation_id FROM hub_user WHERE username = ANY($1::text[])',
    [staff.users.map((u) => u.username)],
  );
  const users = new Map<string, string>();
  for (const u of staff.users) {
    const found = existing.rows.find((r) => r.username === u.username);
    // A same-named user of another role or organisation is left alone and gets no cases.
    if (found && found.role === u.role && found.organisation_id === organisations.get(u.organisationCode)) {
      users.set(u.username, found.id);
    }
  }
  return { organisations, users };
}

async function writeHub(hub: Client, rows: ChunkRows['hub'], staff: StaffIds, counter: Counter): Promise<void> {
  const orgId = (code: string) => staff.organisations.get(code);
  await inTransaction(hub, async () => {
    counter.add(
      'hub.subject',
      await insertInto(hub, 'subject', rows.subjects, [
        ['id', 'uuid', (r) => r.id],
        ['kind', 'text', (r) => r.kind],
        ['id_number', 'text', (r) => r.idNumber],
        ['name', 'text', (r) => r.name],
      ]),
    );
    counter.add(
      'hub.execution_case',
      await insertInto(hub, 'execution_case', rows.executionCases, [
        ['id', 'uuid', (r) => r.id],
        ['case_no', 'text', (r) => r.caseNo],
        ['court_id', 'uuid', (r) => orgId(r.courtCode)],
        ['status', 'text', (r) => r.status],
        ['filed_on', 'date', (r) => r.filedOn],
        ['amount_due', 'numeric', (r) => r.amountDue],
        ['closed_at', 'timestamptz', (r) => r.closedAt],
      ]),
    );
    // Joins resolve subjects by ID number (they may predate this run) and drop rows whose case was skipped.
    counter.add(
      'hub.execution_case_respondent',
      await insertBatches(
        hub,
        rows.respondents,
        [
          ['case_id', 'uuid', (r) => r.caseId],
          ['id_number', 'text', (r) => r.idNumber],
        ],
        (source) => `INSERT INTO execution_case_respondent (case_id, subject_id)
      SELECT u.case_id, s.id FROM ${source} JOIN subject s ON s.id_number = u.id_number JOIN execution_case c ON c.id = u.case_id
      ON CONFLICT DO NOTHING`,
      ),
    );
    const assignments = rows.clerkAssignments.filter((a) => staff.users.has(a.username));
    counter.add(
      'hub.execution_case_clerk',
      await insertBatches(
        hub,
        assignments,
        [
          ['case_id', 'uuid', (r) => r.caseId],
          ['user_id', 'uuid', (r) => staff.users.get(r.username)],
        ],
        (source) => `INSERT INTO execution_case_clerk (case_id, user_id)
      SELECT u.case_id, u.user_id FROM ${source} JOIN execution_case c ON c.id = u.case_id ON CONFLICT DO NOTHING`,
      ),
    );
    counter.add(
      'hub.bankruptcy_case',
      await insertBatches(
        hub,
        rows.bankruptcyCases,
        [
          ['id', 'uuid', (r) => r.id],
          ['case_no', 'text', (r) => r.caseNo],
          ['court_id', 'uuid', (r) => orgId(r.courtCode)],
          ['debtor_id_number', 'text', (r) => r.debtorIdNumber],
          ['acceptance_ruling_no', 'text', (r) => r.acceptanceRulingNo],
          ['status', 'text', (r) => r.status],
          ['accepted_on', 'date', (r) => r.acceptedOn],
          ['closed_at', 'timestamptz', (r) => r.closedAt],
        ],
        (source) => `INSERT INTO bankruptcy_case (id, case_no, court_id, debtor_id, acceptance_ruling_no, status, accepted_on, closed_at)
      SELECT u.id, u.case_no, u.court_id, s.id, u.acceptance_ruling_no, u.status, u.accepted_on, u.closed_at
      FROM ${source} JOIN subject s ON s.id_number = u.debtor_id_number ON CONFLICT DO NOTHING`,
      ),
    );
    counter.add(
      'hub.administrator_appointment',
      await insertBatches(
        hub,
        rows.appointments,
        [
          ['id', 'uuid', (r) => r.id],
          ['case_id', 'uuid', (r) => r.caseId],
          ['firm_id', 'uuid', (r) => orgId(r.firmCode)],
          ['decision_no', 'text', (r) => r.decisionNo],
          ['valid_from', 'date', (r) => r.validFrom],
          ['valid_to', 'date', (r) => r.validTo],
          ['ended_at', 'timestamptz', (r) => r.endedAt],
        ],
        (source) => `INSERT INTO administrator_appointment (id, case_id, firm_id, decision_no, valid_from, valid_to, ended_at)
      SELECT u.id, u.case_id, u.firm_id, u.decision_no, u.valid_from, u.valid_to, u.ended_at
      FROM ${source} JOIN bankruptcy_case b ON b.id = u.case_id ON CONFLICT DO NOTHING`,
      ),
    );
  });
}

/** One entity's table as the synthetic writer sees it: columns from the metadata, the parent tables it depends on. */
export interface TablePlan {
  counterKey: string;
  rowsKey: string;
  write: (client: Client, rows: readonly Record<string, unknown>[]) => Promise<number>;
}

export function tablePlan(source: string, rowsKey: string, meta: EntityMetadata, dataSource: DataSource): TablePlan {
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const parents = meta.manyToOneRelations.filter((r) => r.joinColumns.length === 1);
  return {
    counterKey: `${source}.${meta.tableName}`,
    rowsKey,
    write: (client, rows) => {
      if (rows.length === 0) return Promise.resolve(0);
      // A value with no column would be dropped without a word; a generator's rows name columns only.
      const strays = Object.keys(rows[0]).filter((key) => !meta.columns.some((c) => c.propertyName === key));
      if (strays.length > 0) throw new Error(`${source} ${rowsKey}: ${meta.tableName} has no column for ${strays.join(', ')}`);
      const present = meta.columns.filter((c) => c.propertyName in rows[0]);
      // unnest flattens multi-dimensional arrays, so an array column travels as one array literal per row.
      const columns: Column<Record<string, unknown>>[] = present.map((c) => {
        const type = dataSource.driver.normalizeType(c);
        return c.isArray
          ? [c.databaseName, 'text', (r) => `{${(r[c.propertyName] as string[]).join(',')}}`]
          : [c.databaseName, type, (r) => r[c.propertyName]];
      });
      const names = present.map((c) => quote(c.databaseName)).join(', ');
      const select = present
        .map((c) => (c.isArray ? `u.${quote(c.databaseName)}::${dataSource.driver.normalizeType(c)}[]` : `u.${quote(c.databaseName)}`))
        .join(', ');
      // Rows reach the table only under the parents they name: a join on each required parent the rows carry (an optional
      // reference the generator leaves out, such as the freeze a deduction drew on, joins nothing).
      const joins = parents
        .filter((r) => !r.isNullable && present.some((c) => c.databaseName === r.joinColumns[0].databaseName))
        .map((r, i) => {
          const join = r.joinColumns[0];
          return `JOIN ${quote(r.inverseEntityMetadata.tableName)} p${i} ON p${i}.${quote(join.referencedColumn!.databaseName)} = u.${quote(join.databaseName)}`;
        })
        .join(' ');
      return insertBatches(
        client,
        rows,
        columns,
        (from) => `INSERT INTO ${quote(meta.tableName)} (${names}) SELECT ${select} FROM ${from} ${joins} ON CONFLICT DO NOTHING`,
      );
    },
  };
}

/** The tables of every source, from the entities its registry entry names for its synthetic rows (parents first). */
async function sourcePlans(urls: Record<DatabaseKey, string>): Promise<Record<string, TablePlan[]>> {
  const plans: Record<string, TablePlan[]> = {};
  for (const source of SOURCES) {
    const { dataSource } = createDataSource(source.name, urls[source.name], { poolSize: 1, applicationName: 'fuyuantong-seed' });
    await dataSource.initialize();
    try {
      plans[source.name] = Object.entries(source.synthetic).map(([rowsKey, entity]) =>
        tablePlan(source.name, rowsKey, dataSource.getMetadata(entity), dataSource),
      );
    } finally {
      await dataSource.destroy();
    }
  }
  return plans;
}

async function writeSource(
  db: Client,
  plans: TablePlan[],
  rows: Record<string, readonly Record<string, unknown>[]>,
  counter: Counter,
): Promise<void> {
  await inTransaction(db, async () => {
    for (const plan of plans) counter.add(plan.counterKey, await plan.write(db, rows[plan.rowsKey] ?? []));
  });
}

/**
 * Generates `persons` persons and `enterprises` enterprises with their records in every database.
 * Deterministic for (seed, persons, enterprises, asOf) on a database without earlier generated cases;
 * re-running the same dataset inserts nothing new.
 */
export async function generateSynthetic(urls: Record<DatabaseKey, string>, options: GenerationOptions): Promise<GenerationSummary> {
  const started = Date.now();
  const spec: DatasetSpec = { seed: options.seed, persons: options.persons, enterprises: options.enterprises, asOf: options.asOf };
  const problem = datasetProblem(spec);
  if (problem) throw new RangeError(problem);
  const progress = options.onProgress ?? (() => {});
  const clients = {} as Record<DatabaseKey, Client>;
  try {
    const plans = await sourcePlans(urls);
    for (const key of DATABASE_KEYS) {
      clients[key] = new Client({ connectionString: urls[key], application_name: 'fuyuantong-seed' });
      await clients[key].connect();
      // Bulk load: losing the last commits in a crash is harmless, the run can simply be repeated.
      await clients[key].query('SET synchronous_commit TO off');
    }
    const counter = new Counter([...HUB_TABLES, ...SOURCES.flatMap((s) => plans[s.name].map((p) => p.counterKey))]);
    const numbering = await nextNumbering(clients.hub);
    const numberingTrouble = numberingProblem(spec, numbering);
    if (numberingTrouble) throw new RangeError(numberingTrouble);
    progress(0, spec.persons, 'staff');
    const staff = await writeStaff(clients.hub, staffRows(spec), counter);
    const chunks = chunkCount(spec);
    for (let c = 0; c < chunks; c++) {
      const rows = generateChunk(spec, c, numbering);
      const sourceRows = rows as unknown as Record<string, Record<string, readonly Record<string, unknown>[]>>;
      await Promise.all([
        writeHub(clients.hub, rows.hub, staff, counter),
        ...SOURCES.map((s) => writeSource(clients[s.name], plans[s.name], sourceRows[s.name] ?? {}, counter)),
      ]);
      progress(chunkBounds(spec, c).personTo, spec.persons, 'chunks');
    }
    progress(spec.persons, spec.persons, 'done');
    return {
      seed: spec.seed,
      persons: spec.persons,
      enterprises: spec.enterprises,
      chunks,
      numbering,
      inserted: counter.counts,
      elapsedMs: Date.now() - started,
    };
  } finally {
    await Promise.all(Object.values(clients).map((c) => c.end().catch(() => {})));
  }
}
