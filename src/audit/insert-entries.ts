import type { ChainedEntry } from './audit-entry-hash';

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

// One statement, one round trip: the entries go in and the head moves to the last of them.
const APPEND_SQL = `WITH inserted AS (${SQL} RETURNING 1)
  UPDATE audit_head SET seq = $${COLUMNS.length + 1}, hash = $${COLUMNS.length + 2}, at = $${COLUMNS.length + 3} WHERE id = 1`;

/** Inserts chained entries with one statement, whatever their number; with `moveHead`, the head moves in it too. */
export async function insertEntries(db: Queryable, entries: ChainedEntry[], options: { moveHead?: boolean } = {}): Promise<void> {
  if (entries.length === 0) return;
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  const last = entries[entries.length - 1];
  const head = options.moveHead ? [last.seq, last.hash, last.at.toISOString()] : [];
  await db.query(options.moveHead ? APPEND_SQL : SQL, [
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
    entries.map((e) => json(e.fields)),
    entries.map((e) => json(e.sources)),
    entries.map((e) => e.outcome),
    entries.map((e) => e.clientAddress),
    entries.map((e) => e.operationName),
    entries.map((e) => json(e.detail)),
    entries.map((e) => e.prevHash),
    entries.map((e) => e.hash),
    entries.map((e) => e.correlationId ?? null),
    entries.map((e) => e.salt),
    ...head,
  ]);
}
