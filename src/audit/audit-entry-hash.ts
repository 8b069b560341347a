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
  fields: AuditFieldRead[];
  sources: AuditSourceState[];
  outcome: AuditOutcome;
  clientAddress: string | null;
  operationName: string | null;
  detail: Record<string, unknown> | null;
  /** The canonical JSON of `fields`, `sources` and `detail`, when already rendered (see well-formed-draft.ts). */
  rendered?: RenderedParts;
}

export interface ChainedEntry extends AuditDraft {
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
}

/**
 * The entry's hash: SHA-256 (hex) of the canonical JSON of every field but `hash`, `prevHash` and the entry's secret
 * `salt` included, so each entry commits to the whole chain before it, and to its identifiers in a way that only
 * whoever holds the salt can check. `seq` is a decimal string, `at` an ISO-8601 UTC time in milliseconds.
 */
export function entryHash(entry: Omit<ChainedEntry, 'hash'>, parts?: RenderedParts): string {
  return createHash('sha256').update(canonicalEntry(entry, parts), 'utf8').digest('hex');
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

/** The canonical JSON of an entry's fields, sources and detail, as its canonical form embeds them. */
export function renderParts(e: Pick<ChainedEntry, 'fields' | 'sources' | 'detail'>): RenderedParts {
  return {
    fields: pairs(e.fields, 'outcome', 'path', fieldPair),
    sources: pairs(e.sources, 'source', 'state', sourcePair),
    detail: canonicalJson(e.detail),
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
  return drafts.map((draft) => {
    seq += 1n;
    const unhashed = { ...draft, seq: seq.toString(), at, salt: randomBytes(32).toString('hex'), prevHash };
    const rendered = draft.rendered ?? renderParts(unhashed);
    const hash = entryHash(unhashed, rendered);
    prevHash = hash;
    return { ...unhashed, hash, rendered };
  });
}

/** A row of `audit_entry` as the driver returns it (`seq` is a bigint, so a string or a number). */
export interface AuditEntryRow {
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
  fields: ChainedEntry['fields'];
  sources: ChainedEntry['sources'];
  outcome: ChainedEntry['outcome'];
  client_address: string | null;
  operation_name: string | null;
  detail: ChainedEntry['detail'];
  salt?: string | null;
  prev_hash: string;
  hash: string;
}

/** An entry as read back from the table (snake_case columns). */
export function entryFromRow(row: AuditEntryRow): ChainedEntry {
  return {
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
    fields: row.fields,
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
