import type { ChainedEntry, RenderedParts } from './audit-entry-hash';

/** Anything that runs a parameterised statement: a TypeORM QueryRunner or a pg client. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's QueryRunner.query answers any, and pg's a QueryResult: one type must accept both
  query(sql: string, params?: unknown[]): Promise<any>;
}

const COLUMNS = [
  ['seq', 'bigint'],
  ['at', 'timestamptz'],
  ['request_id', 'varchar'],
  ['kind', 'varchar'],
  ['username', 'varchar'],
  ['organisation_code', 'varchar'],
  ['role', 'varchar'],
  ['case_kind', 'varchar'],
  ['case_no', 'varchar'],
  ['subject_id', 'uuid'],
  ['subject_kind', 'varchar'],
  ['subject_id_number', 'varchar'],
  ['fields', 'jsonb'],
  ['sources', 'jsonb'],
  ['outcome', 'varchar'],
  ['client_address', 'varchar'],
  ['operation_name', 'varchar'],
  ['detail', 'jsonb'],
  ['prev_hash', 'bpchar'],
  ['hash', 'bpchar'],
  ['correlation_id', 'varchar'],
  ['salt', 'bpchar'],
] as const;

const SQL = `INSERT INTO audit_entry (${COLUMNS.map(([c]) => c).join(', ')})
  SELECT * FROM unnest(${COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`;

/** The head an append expects to extend: the last entry's sequence number and hash. */
export interface ExpectedHead {
  seq: bigint;
  hash: string;
}

/**
 * One statement that appends and moves the head, if the head is still `expected`: the UPDATE takes the head's row
 * lock (waiting for any append in flight, then re-reading the head as it was committed) and the entries go in only
 * if it moved the head. It answers whether they did, and PostgreSQL's clock for the next append.
 */
const APPEND_SQL = `WITH moved AS (
    UPDATE audit_head SET seq = $${COLUMNS.length + 1}, hash = $${COLUMNS.length + 2}, at = $${COLUMNS.length + 3}
      WHERE id = 1 AND seq = $${COLUMNS.length + 4} AND hash = $${COLUMNS.length + 5}
      RETURNING id
  ), inserted AS (
    ${SQL} WHERE EXISTS (SELECT FROM moved) RETURNING 1
  )
  SELECT (SELECT count(*) FROM inserted)::int AS inserted, date_trunc('milliseconds', clock_timestamp()) AS now`;

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
// The canonical JSON the entry was hashed over when `chain` kept it (the same value, one serialisation fewer).
const part = (e: ChainedEntry, key: keyof RenderedParts) => (e[key] === null || e[key] === undefined ? null : (e.rendered?.[key] ?? json(e[key])));

function columnValues(entries: ChainedEntry[]): unknown[] {
  return [
    entries.map((e) => e.seq),
    entries.map((e) => e.at.toISOString()),
    entries.map((e) => e.requestId),
    entries.map((e) => e.kind),
    entries.map((e) => e.username),
    entries.map((e) => e.organisationCode),
    entries.map((e) => e.role),
    entries.map((e) => e.caseKind),
    entries.map((e) => e.caseNo),
    entries.map((e) => e.subjectId),
    entries.map((e) => e.subjectKind),
    entries.map((e) => e.subjectIdNumber),
    entries.map((e) => part(e, 'fields')),
    entries.map((e) => part(e, 'sources')),
    entries.map((e) => e.outcome),
    entries.map((e) => e.clientAddress),
    entries.map((e) => e.operationName),
    entries.map((e) => part(e, 'detail')),
    entries.map((e) => e.prevHash),
    entries.map((e) => e.hash),
    entries.map((e) => e.correlationId ?? null),
    entries.map((e) => e.salt),
  ];
}

/** Inserts chained entries with one statement, whatever their number (the head does not move). */
export async function insertEntries(db: Queryable, entries: ChainedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(SQL, columnValues(entries));
}

/** A pg client or pool: the append is sent as a named prepared statement, parsed and planned once per connection. */
export interface PreparedQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Array<{ inserted: number; now: Date }> }>;
}

/**
 * Appends chained entries and moves the head to the last of them in one statement, provided the head is still
 * `expected` (the entries were chained onto it). Answers whether they were appended, and PostgreSQL's clock.
 */
export async function appendEntries(
  db: PreparedQueryable,
  entries: ChainedEntry[],
  expected: ExpectedHead,
): Promise<{ appended: boolean; now: Date }> {
  const last = entries[entries.length - 1];
  const { rows } = await db.query({
    name: 'audit-append',
    text: APPEND_SQL,
    values: [...columnValues(entries), last.seq, last.hash, last.at.toISOString(), String(expected.seq), expected.hash],
  });
  return { appended: rows[0].inserted === entries.length, now: new Date(rows[0].now) };
}
