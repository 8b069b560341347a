import { createHash, randomBytes } from 'node:crypto';
import type { AuditEntryKind, AuditFieldRead, AuditOutcome, AuditSourceState } from '../entities/hub/audit-entry.entity';
import { canonicalJson, jsonString as str } from './canonical-json';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a request contributes to an entry; the writer adds `seq`, `at` and the hashes. */
export interface AuditDraft {
  requestId: string;
  /** The X-Request-Id a client sent, kept apart from the hub's own request id. */
  correlationId?: string | null;
  kind: AuditEntryKind;
  username: string | null;
  organisationCode: string | null;
  role: string | null;
  caseKind: string | null;
  caseNo: string | null;
  subjectId: string | null;
  subjectKind: string | null;
  subjectIdNumber: string | null;
  fields: readonly AuditFieldRead[];
  sources: AuditSourceState[];
  outcome: AuditOutcome;
  clientAddress: string | null;
  operationName: string | null;
  detail: Record<string, unknown> | null;
  /** The canonical JSON of `fields`, `sources` and `detail`, when already rendered (see well-formed-draft.ts). */
  rendered?: RenderedParts;
}

export interface ChainedEntry extends AuditDraft {
  /**
   * What the hash is computed over: 4, the entry's stored form with its list of fields stored once, by digest
   * (`storedForm`); 3, the stored form with the list in the entry; absent or 2, its canonical JSON (`canonicalEntry`;
   * entries written before the stored form).
   */
  format?: number;
  seq: string;
  at: Date;
  /**
   * The entry's secret: 32 random bytes (hex), hashed with it and never shown to auditors, so that the hash commits
   * to the full identifiers without letting anyone test guesses of a masked one against it. Null only in entries
   * written before commitments were introduced (format 1: hashed without it).
   */
  salt: string | null;
  prevHash: string;
  hash: string;
}

/** The canonical JSON of an entry's three structured values. */
export interface RenderedParts {
  fields: string;
  sources: string;
  detail: string;
  /** SHA-256 (hex) of `fields`, once computed (`fieldsDigest`). */
  fieldsDigest?: string;
}

/** The digest by which an entry of format 4 names a list of fields: SHA-256 (hex) of the list's canonical JSON text. */
export function listDigest(fields: string): string {
  return createHash('sha256').update(fields, 'utf8').digest('hex');
}

/** The digest of an entry's list of fields (`listDigest`), computed once. */
export function fieldsDigest(parts: RenderedParts): string {
  parts.fieldsDigest ??= listDigest(parts.fields);
  return parts.fieldsDigest;
}

/**
 * The entry's hash: SHA-256 (hex) of every field but `hash`, `prevHash` and the entry's secret `salt` included, so each
 * entry commits to the whole chain before it, and to its identifiers in a way that only whoever holds the salt can
 * check. Entries of formats 3 and 4 (all those written now are 4) hash their stored form (`storedForm`), older ones their
 * canonical JSON (`canonicalEntry`: `seq` a decimal string, `at` an ISO-8601 UTC time in milliseconds).
 */
export function entryHash(entry: Omit<ChainedEntry, 'hash'>, parts?: RenderedParts): string {
  const hash = createHash('sha256');
  if (hashesStoredForm(entry.format)) return hash.update(storedForm(entry, parts)).digest('hex');
  return hash.update(canonicalEntry(entry, parts), 'utf8').digest('hex');
}

/** Format 3: the hash is taken over the entry's columns as PostgreSQL stores them, its list of fields among them. */
export const STORED_FORM = 3;

/**
 * Format 4, that of every entry written now: the stored form, in which the list of fields read is not in the entry
 * but in `audit_field_list`, stored once for all the entries that read the same fields, and named in the entry by
 * its digest (`fieldsDigest`). The entry's hash commits to the digest, the digest to the list.
 */
export const LISTED_FORM = 4;

/** Whether entries of this format are hashed over their stored form (formats 3 and 4). */
export const hashesStoredForm = (format: number | undefined) => format === STORED_FORM || format === LISTED_FORM;

/** A column's type, as PostgreSQL names it. */
export type StoredType = 'int2' | 'int8' | 'timestamptz' | 'varchar' | 'bpchar' | 'uuid' | 'json';
export type StoredValue = string | number | Date | null | undefined;

/**
 * The columns of `audit_entry` an entry of format 4 commits to, in this order, with their types and the entry's
 * value (`fields`, `sources` and `detail` as the canonical JSON text the column holds; `detail` null is SQL NULL).
 * Format 4 leaves `fields` null and names the list by `fields_digest`; format 3 holds the list in `fields` and commits
 * to every column but the last (`fields_digest`, which it leaves null). The same list, with `hash`, is what an append
 * writes (insert-entries.ts); an entry without a format is of format 2.
 */
export const STORED_COLUMNS: ReadonlyArray<readonly [string, StoredType, (e: Omit<ChainedEntry, 'hash'>, parts: RenderedParts) => StoredValue]> = [
  ['format', 'int2', (e) => e.format ?? 2],
  ['seq', 'int8', (e) => e.seq],
  ['at', 'timestamptz', (e) => e.at],
  ['request_id', 'varchar', (e) => e.requestId],
  ['correlation_id', 'varchar', (e) => e.correlationId],
  ['kind', 'varchar', (e) => e.kind],
  ['username', 'varchar', (e) => e.username],
  ['organisation_code', 'varchar', (e) => e.organisationCode],
  ['role', 'varchar', (e) => e.role],
  ['case_kind', 'varchar', (e) => e.caseKind],
  ['case_no', 'varchar', (e) => e.caseNo],
  ['subject_id', 'uuid', (e) => e.subjectId],
  ['subject_kind', 'varchar', (e) => e.subjectKind],
  ['subject_id_number', 'varchar', (e) => e.subjectIdNumber],
  ['fields', 'json', (e, parts) => (e.format === LISTED_FORM ? null : parts.fields)],
  ['sources', 'json', (_, parts) => parts.sources],
  ['outcome', 'varchar', (e) => e.outcome],
  ['client_address', 'varchar', (e) => e.clientAddress],
  ['operation_name', 'varchar', (e) => e.operationName],
  ['detail', 'json', (e, parts) => (e.detail === null || e.detail === undefined ? null : parts.detail)],
  ['salt', 'bpchar', (e) => e.salt],
  ['prev_hash', 'bpchar', (e) => e.prevHash],
  ['fields_digest', 'bpchar', (e, parts) => (e.format === LISTED_FORM ? fieldsDigest(parts) : null)],
];

/** How many of `STORED_COLUMNS`, from the first, an entry of this format commits to. */
export const storedColumnCount = (format: number | undefined) => (format === LISTED_FORM ? STORED_COLUMNS.length : STORED_COLUMNS.length - 1);

/** PostgreSQL's function that writes a column of this type in its binary form (as `COPY … (FORMAT binary)` sends it). */
export const STORED_SEND: Record<StoredType, string> = {
  int2: 'int2send',
  int8: 'int8send',
  timestamptz: 'timestamptz_send',
  varchar: 'varcharsend',
  bpchar: 'bpcharsend',
  uuid: 'uuid_send',
  json: 'json_send',
};

/** PostgreSQL counts time in microseconds from 2000-01-01 UTC: that instant in ms since the Unix epoch. */
export const PG_EPOCH_MS = 946_684_800_000;

/**
 * The bytes an entry of format 3 or 4 is hashed over: for each of its `STORED_COLUMNS` in order, its length in bytes as a
 * 32-bit big-endian integer (-1 for NULL, then nothing) and its value in PostgreSQL's binary form — integers
 * big-endian, `at` as microseconds since 2000-01-01 UTC in 64 bits, a uuid as its 16 bytes, text and JSON as their
 * UTF-8 bytes. That is exactly the run of columns `COPY … TO STDOUT (FORMAT binary)` sends for those columns of the
 * stored row, so the verifier hashes what PostgreSQL sends without rendering anything.
 */
export function storedForm(e: Omit<ChainedEntry, 'hash'>, parts: RenderedParts = renderParts(e)): Buffer {
  const values = STORED_COLUMNS.slice(0, storedColumnCount(e.format)).map(([, , value]) => value(e, parts));
  let size = 0;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    const type = STORED_COLUMNS[i][1];
    size += 4;
    if (v === null || v === undefined) continue;
    size += type === 'int2' ? 2 : type === 'int8' || type === 'timestamptz' ? 8 : type === 'uuid' ? 16 : Buffer.byteLength(String(v), 'utf8');
  }
  const out = Buffer.allocUnsafe(size);
  let o = 0;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    const type = STORED_COLUMNS[i][1];
    if (v === null || v === undefined) {
      o = out.writeInt32BE(-1, o);
      continue;
    }
    switch (type) {
      case 'int2':
        o = out.writeInt16BE(Number(v), out.writeInt32BE(2, o));
        break;
      case 'int8':
        o = out.writeBigInt64BE(BigInt(v as string), out.writeInt32BE(8, o));
        break;
      case 'timestamptz':
        o = out.writeBigInt64BE(BigInt((v as Date).getTime() - PG_EPOCH_MS) * 1000n, out.writeInt32BE(8, o));
        break;
      case 'uuid': {
        const hex = String(v).replace(/[-{}]/g, '');
        if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error('subjectId is not a uuid');
        o = out.writeInt32BE(16, o);
        o += out.write(hex, o, 'hex');
        break;
      }
      default: {
        const length = Buffer.byteLength(String(v), 'utf8');
        o = out.writeInt32BE(length, o);
        o += out.write(String(v), o, 'utf8');
      }
    }
  }
  return out;
}

// {path, outcome} and {source, state} pairs, serialised by one JSON.stringify of the pairs rebuilt with their keys in
// canonical order (one call instead of two per pair); a list holding any other shape goes through canonicalJson.
function pairs(list: unknown, first: string, second: string, pair: (a: string, b: string) => object): string {
  if (!Array.isArray(list)) return canonicalJson(list);
  const ordered = new Array<object>(list.length);
  for (let i = 0; i < list.length; i += 1) {
    const item = list[i] as Record<string, unknown>;
    if (item === null || typeof item !== 'object' || typeof item[first] !== 'string' || typeof item[second] !== 'string') return canonicalJson(list);
    if (Object.keys(item).length !== 2) return canonicalJson(list);
    ordered[i] = pair(item[first] as string, item[second] as string);
  }
  return JSON.stringify(ordered);
}

const fieldPair = (outcome: string, path: string) => ({ outcome, path });
const sourcePair = (source: string, state: string) => ({ source, state });

/**
 * The canonical JSON of an entry, identical to `canonicalJson` of its fields (tests/unit/audit-entry-hash.test.ts
 * holds them equal) but several times faster: the verifier computes it for every entry of the chain.
 */
export function canonicalEntry(e: Omit<ChainedEntry, 'hash'>, parts: RenderedParts = renderParts(e)): string {
  const salted = e.salt !== null && e.salt !== undefined;
  // Keys in sorted order; format 1 (no salt) has neither correlationId nor salt.
  return (
    `{"at":${JSON.stringify(e.at.toISOString())}` +
    `,"caseKind":${str(e.caseKind)}` +
    `,"caseNo":${str(e.caseNo)}` +
    `,"clientAddress":${str(e.clientAddress)}` +
    (salted ? `,"correlationId":${str(e.correlationId)}` : '') +
    `,"detail":${parts.detail}` +
    `,"fields":${parts.fields}` +
    `,"kind":${str(e.kind)}` +
    `,"operationName":${str(e.operationName)}` +
    `,"organisationCode":${str(e.organisationCode)}` +
    `,"outcome":${str(e.outcome)}` +
    `,"prevHash":${str(e.prevHash)}` +
    `,"requestId":${str(e.requestId)}` +
    `,"role":${str(e.role)}` +
    (salted ? `,"salt":${str(e.salt)}` : '') +
    `,"seq":${JSON.stringify(String(e.seq))}` +
    `,"sources":${parts.sources}` +
    `,"subjectId":${str(e.subjectId)}` +
    `,"subjectIdNumber":${str(e.subjectIdNumber)}` +
    `,"subjectKind":${str(e.subjectKind)}` +
    `,"username":${str(e.username)}}`
  );
}

// JSON.stringify writes a lone surrogate as \udxxx (lower case) and NUL as \u0000, and every other character as is
// (or as another escape): canonical JSON without either holds nothing to mend. (An escaped backslash followed by such
// letters matches too, and only costs a closer look.)
export const SUSPECT = /\\u(?:d[89a-f]|0000)/;

/**
 * Lists of fields rendered once and shared, unchanged, by every entry that reads the same (`sharedFieldList`): their
 * canonical JSON and its digest, by the list itself (a frozen array).
 */
const RENDERED_LISTS = new WeakMap<readonly AuditFieldRead[], { json: string; digest: string }>();

/**
 * The list, frozen with its items, with its canonical JSON and digest computed now and kept with it, so that entries
 * drafted with this very array skip rendering, checking and hashing it. Null when the list would be mended (its JSON
 * shows a lone surrogate or NUL): such a list is left unfrozen and rendered afresh each time, as any other.
 */
export function sharedFieldList(fields: AuditFieldRead[]): readonly AuditFieldRead[] | null {
  const json = pairs(fields, 'outcome', 'path', fieldPair);
  if (SUSPECT.test(json)) return null;
  for (const f of fields) Object.freeze(f);
  const shared = Object.freeze(fields);
  RENDERED_LISTS.set(shared, { json, digest: listDigest(json) });
  return shared;
}

/** Whether this is a list `sharedFieldList` kept: its JSON is known to need no mending. */
export const isSharedFieldList = (fields: readonly AuditFieldRead[]) => RENDERED_LISTS.has(fields);

/** The canonical JSON of an entry's fields, sources and detail, as its canonical form embeds them. */
export function renderParts(e: Pick<ChainedEntry, 'fields' | 'sources' | 'detail'>): RenderedParts {
  const shared = RENDERED_LISTS.get(e.fields);
  return {
    fields: shared ? shared.json : pairs(e.fields, 'outcome', 'path', fieldPair),
    sources: pairs(e.sources, 'source', 'state', sourcePair),
    detail: canonicalJson(e.detail),
    ...(shared ? { fieldsDigest: shared.digest } : {}),
  };
}

/** The reference definition: canonical JSON of every field but `hash`. */
export function canonicalEntryReference(entry: Omit<ChainedEntry, 'hash'>): string {
  const salted = entry.salt !== null && entry.salt !== undefined;
  return canonicalJson({
    ...(salted ? { salt: entry.salt, correlationId: entry.correlationId ?? null } : {}),
    seq: String(entry.seq),
    at: entry.at.toISOString(),
    requestId: entry.requestId,
    kind: entry.kind,
    username: entry.username,
    organisationCode: entry.organisationCode,
    role: entry.role,
    caseKind: entry.caseKind,
    caseNo: entry.caseNo,
    subjectId: entry.subjectId,
    subjectKind: entry.subjectKind,
    subjectIdNumber: entry.subjectIdNumber,
    fields: entry.fields,
    sources: entry.sources,
    outcome: entry.outcome,
    clientAddress: entry.clientAddress,
    operationName: entry.operationName,
    detail: entry.detail,
    prevHash: entry.prevHash,
  });
}

/** Chains drafts onto (`seq`, `hash`) of the current head, each with a fresh secret. */
export function chain(drafts: AuditDraft[], head: { seq: bigint; hash: string }, at: Date): ChainedEntry[] {
  let seq = head.seq;
  let prevHash = head.hash;
  // The secrets of all the entries drawn at once: 64 hex digits each.
  const salts = randomBytes(32 * drafts.length).toString('hex');
  return drafts.map((draft, i) => {
    seq += 1n;
    const salt = salts.slice(64 * i, 64 * (i + 1));
    const unhashed = { ...draft, format: LISTED_FORM, seq: seq.toString(), at, salt, prevHash };
    const rendered = draft.rendered ?? renderParts(unhashed);
    const hash = entryHash(unhashed, rendered);
    prevHash = hash;
    return { ...unhashed, hash, rendered };
  });
}

/** A row of `audit_entry` as the driver returns it (`seq` is a bigint, so a string or a number). */
export interface AuditEntryRow {
  format?: number | null;
  seq: string | number;
  at: Date | string;
  request_id: string;
  correlation_id?: string | null;
  kind: ChainedEntry['kind'];
  username: string | null;
  organisation_code: string | null;
  role: string | null;
  case_kind: string | null;
  case_no: string | null;
  subject_id: string | null;
  subject_kind: string | null;
  subject_id_number: string | null;
  /** Null in entries of format 4, whose list is in `audit_field_list` (`listed_fields` when read with `ENTRY_SELECT`). */
  fields: ChainedEntry['fields'] | null;
  listed_fields?: ChainedEntry['fields'] | null;
  sources: ChainedEntry['sources'];
  outcome: ChainedEntry['outcome'];
  client_address: string | null;
  operation_name: string | null;
  detail: ChainedEntry['detail'];
  salt?: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * Entries as read back for display and export: each row of `audit_entry` (alias `e`) with, for format 4, its list of
 * fields from `audit_field_list` (an entry whose list is missing reads as having none; verification reports it).
 */
export const ENTRY_SELECT = `SELECT e.*, l.fields AS listed_fields FROM audit_entry e LEFT JOIN audit_field_list l ON l.digest = e.fields_digest`;

/** An entry as read back from the table (snake_case columns). */
export function entryFromRow(row: AuditEntryRow): ChainedEntry {
  return {
    format: row.format ?? 2,
    seq: String(row.seq),
    at: row.at instanceof Date ? row.at : new Date(row.at),
    requestId: row.request_id,
    correlationId: row.correlation_id ?? null,
    kind: row.kind,
    username: row.username,
    organisationCode: row.organisation_code,
    role: row.role,
    caseKind: row.case_kind,
    caseNo: row.case_no,
    subjectId: row.subject_id,
    subjectKind: row.subject_kind,
    subjectIdNumber: row.subject_id_number,
    fields: row.fields ?? row.listed_fields ?? [],
    sources: row.sources,
    outcome: row.outcome,
    clientAddress: row.client_address,
    operationName: row.operation_name,
    detail: row.detail,
    salt: row.salt ?? null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
