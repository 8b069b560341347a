import type { ChainedEntry, RenderedParts } from './audit-entry-hash';
import { canonicalJson } from './canonical-json';

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

const NAMES = COLUMNS.map(([c]) => c).join(', ');
// The entries travel as one JSON array of objects keyed by column: no array literal to escape on the way out or to
// parse on the way in, and jsonb columns arrive as values already parsed with the rest.
const SQL = `INSERT INTO audit_entry (${NAMES})
  SELECT ${NAMES} FROM jsonb_to_recordset($1::jsonb) AS e(${COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`;

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
    UPDATE audit_head SET seq = $2, hash = $3, at = $4
      WHERE id = 1 AND seq = $5 AND hash = $6
      RETURNING id
  ), inserted AS (
    ${SQL} WHERE EXISTS (SELECT FROM moved) RETURNING 1
  )
  SELECT (SELECT count(*) FROM inserted)::int AS inserted, date_trunc('milliseconds', clock_timestamp()) AS now`;

const str = (v: string | null | undefined) => (v === null || v === undefined ? 'null' : JSON.stringify(v));
// The canonical JSON the entry was hashed over when `chain` kept it (the same value, one serialisation fewer).
const part = (e: ChainedEntry, key: keyof RenderedParts) =>
  e[key] === null || e[key] === undefined ? 'null' : (e.rendered?.[key] ?? canonicalJson(e[key]));

/** The entries as the JSON array the statements read (keys are column names; JSON null is SQL NULL). */
export function entriesJson(entries: ChainedEntry[]): string {
  let out = '[';
  for (let i = 0; i < entries.length; i += 1) {
    const e = entries[i];
    out +=
      `${i ? ',' : ''}{"seq":${JSON.stringify(String(e.seq))},"at":${JSON.stringify(e.at.toISOString())},"request_id":${str(e.requestId)}` +
      `,"kind":${str(e.kind)},"username":${str(e.username)},"organisation_code":${str(e.organisationCode)},"role":${str(e.role)}` +
      `,"case_kind":${str(e.caseKind)},"case_no":${str(e.caseNo)},"subject_id":${str(e.subjectId)},"subject_kind":${str(e.subjectKind)}` +
      `,"subject_id_number":${str(e.subjectIdNumber)},"fields":${part(e, 'fields')},"sources":${part(e, 'sources')}` +
      `,"outcome":${str(e.outcome)},"client_address":${str(e.clientAddress)},"operation_name":${str(e.operationName)}` +
      `,"detail":${part(e, 'detail')},"prev_hash":${str(e.prevHash)},"hash":${str(e.hash)}` +
      `,"correlation_id":${str(e.correlationId)},"salt":${str(e.salt)}}`;
  }
  return `${out}]`;
}

/** Inserts chained entries with one statement, whatever their number (the head does not move). */
export async function insertEntries(db: Queryable, entries: ChainedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(SQL, [entriesJson(entries)]);
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
    values: [entriesJson(entries), last.seq, last.hash, last.at.toISOString(), String(expected.seq), expected.hash],
  });
  return { appended: rows[0].inserted === entries.length, now: new Date(rows[0].now) };
}
