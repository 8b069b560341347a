import {
  fieldsDigest,
  LISTED_FORM,
  renderParts,
  STORED_COLUMNS,
  type ChainedEntry,
  type RenderedParts,
  type StoredType,
  type StoredValue,
} from './audit-entry-hash';
import { jsonString } from './canonical-json';

/** Anything that runs a parameterised statement: a TypeORM QueryRunner or a pg client. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's QueryRunner.query answers any, and pg's a QueryResult: one type must accept both
  query(sql: string, params?: unknown[]): Promise<any>;
}

// Each type's value as JSON text (JSON null is SQL NULL); a json column's value is already JSON text.
const AS_JSON: Record<StoredType, (v: StoredValue) => string> = {
  int2: (v) => String(v),
  int8: (v) => JSON.stringify(String(v)),
  timestamptz: (v) => JSON.stringify((v as Date).toISOString()),
  varchar: (v) => jsonString(v as string | null | undefined),
  bpchar: (v) => jsonString(v as string | null | undefined),
  uuid: (v) => jsonString(v as string | null | undefined),
  json: (v) => (v === null || v === undefined ? 'null' : String(v)),
};

/**
 * Each column of `audit_entry`: those of the stored form, then `hash`. A json column takes its value's text from the
 * document exactly as written there (`json_to_recordset` keeps it verbatim), so it holds the very canonical text
 * that was hashed.
 */
const COLUMNS: ReadonlyArray<readonly [string, StoredType, (e: ChainedEntry, parts: RenderedParts) => StoredValue]> = [
  ...STORED_COLUMNS,
  ['hash', 'bpchar', (e) => e.hash],
];

const NAMES = COLUMNS.map(([c]) => c).join(', ');

// The INSERT of the lists of fields given as `$2` (`fieldListsJson`) into `lists`, those not already there.
const listInsert = (lists: string, when: string) => `INSERT INTO ${lists} (digest, fields)
    SELECT digest, fields FROM json_to_recordset($2::json) AS l(digest bpchar, fields json) ${when}
    ON CONFLICT (digest) DO NOTHING`;

// The INSERT of the entries given as `$1` (`entriesJson`) into `table`.
const entryInsert = (table: string, when: string) => `INSERT INTO ${table} (${NAMES})
    SELECT ${NAMES} FROM json_to_recordset($1::json) AS e(${COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')}) ${when}`;

/**
 * The statement that inserts the entries given as `$1` (see `entriesJson`) into `table` (`audit_entry`, or a copy of
 * it for a benchmark), and the lists of fields they name, given as `$2` (`fieldListsJson`), into `lists`. The
 * entries travel as one JSON array of objects keyed by column: no array literal to escape on the way out or to parse
 * on the way in, and the JSON columns' text embedded as it is, neither escaped nor re-rendered.
 */
export function insertStatement(table = 'audit_entry', lists = 'audit_field_list'): string {
  return `WITH listed AS (${listInsert(lists, '')})
  ${entryInsert(table, '')}`;
}

const SQL = insertStatement();

/** The digest of each list of fields that entries of format 4 name (repeats included). */
export function listDigests(entries: ChainedEntry[]): string[] {
  const digests: string[] = [];
  for (const e of entries) if (e.format === LISTED_FORM) digests.push(fieldsDigest(e.rendered ?? renderParts(e)));
  return digests;
}

/**
 * The lists of fields that entries of format 4 name, each once, as the JSON array the statements read: the digest
 * and the list's canonical JSON as it was hashed (which `json_to_recordset` keeps verbatim). Lists whose digest is in
 * `stored` are left out: the caller knows them to be committed already.
 */
export function fieldListsJson(entries: ChainedEntry[], stored?: ReadonlySet<string>): string {
  const seen = new Set<string>();
  let out = '[';
  for (const e of entries) {
    if (e.format !== LISTED_FORM) continue;
    const parts = e.rendered ?? renderParts(e);
    const digest = fieldsDigest(parts);
    if (seen.has(digest) || stored?.has(digest)) continue;
    out += `${seen.size ? ',' : ''}{"digest":"${digest}","fields":${parts.fields}}`;
    seen.add(digest);
  }
  return `${out}]`;
}

/** The entries as the JSON array the statements read. */
export function entriesJson(entries: ChainedEntry[]): string {
  let out = '[';
  for (let i = 0; i < entries.length; i += 1) {
    const e = entries[i];
    // The canonical JSON the entry was hashed over when `chain` kept it (the same text, one serialisation fewer).
    const parts = e.rendered ?? renderParts(e);
    let row = '';
    for (const [column, type, value] of COLUMNS) row += `${row ? ',' : '{'}"${column}":${AS_JSON[type](value(e, parts))}`;
    out += `${i ? ',' : ''}${row}}`;
  }
  return `${out}]`;
}

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
    UPDATE audit_head SET seq = $3, hash = $4, at = $5
      WHERE id = 1 AND seq = $6 AND hash = $7
      RETURNING id
  ), listed AS (
    ${listInsert('audit_field_list', 'WHERE EXISTS (SELECT FROM moved)')}
  ), inserted AS (
    ${entryInsert('audit_entry', 'WHERE EXISTS (SELECT FROM moved)')} RETURNING 1
  )
  SELECT (SELECT count(*) FROM inserted)::int AS inserted, date_trunc('milliseconds', clock_timestamp()) AS now`;

/** Inserts chained entries with one statement, whatever their number (the head does not move). */
export async function insertEntries(db: Queryable, entries: ChainedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(SQL, [entriesJson(entries), fieldListsJson(entries)]);
}

/** A pg client or pool: the append is sent as a named prepared statement, parsed and planned once per connection. */
export interface PreparedQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Array<{ inserted: number; now: Date }> }>;
}

/**
 * Appends chained entries and moves the head to the last of them in one statement, provided the head is still
 * `expected` (the entries were chained onto it). Answers whether they were appended, and PostgreSQL's clock. The lists
 * of fields whose digests are in `stored` are not sent: the caller must know them committed before `expected` was.
 */
export async function appendEntries(
  db: PreparedQueryable,
  entries: ChainedEntry[],
  expected: ExpectedHead,
  stored?: ReadonlySet<string>,
): Promise<{ appended: boolean; now: Date }> {
  const last = entries[entries.length - 1];
  const { rows } = await db.query({
    name: 'audit-append',
    text: APPEND_SQL,
    values: [entriesJson(entries), fieldListsJson(entries, stored), last.seq, last.hash, last.at.toISOString(), String(expected.seq), expected.hash],
  });
  return { appended: rows[0].inserted === entries.length, now: new Date(rows[0].now) };
}
