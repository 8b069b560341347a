import { createHash } from 'node:crypto';
import type { AuditEntryKind, AuditFieldRead, AuditOutcome, AuditSourceState } from '../entities/hub/audit-entry.entity';
import { canonicalJson } from './canonical-json';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a request contributes to an entry; the writer adds `seq`, `at` and the hashes. */
export interface AuditDraft {
  requestId: string;
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
}

export interface ChainedEntry extends AuditDraft {
  seq: string;
  at: Date;
  prevHash: string;
  hash: string;
}

/**
 * The entry's hash: SHA-256 (hex) of the canonical JSON of every field but `hash`, `prevHash` included, so each
 * entry commits to the whole chain before it. `seq` is a decimal string, `at` an ISO-8601 UTC time in milliseconds.
 */
export function entryHash(entry: Omit<ChainedEntry, 'hash'>): string {
  const statement = canonicalJson({
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
  return createHash('sha256').update(statement, 'utf8').digest('hex');
}

/** Chains drafts onto (`seq`, `hash`) of the current head. */
export function chain(drafts: AuditDraft[], head: { seq: bigint; hash: string }, at: Date): ChainedEntry[] {
  let seq = head.seq;
  let prevHash = head.hash;
  return drafts.map((draft) => {
    seq += 1n;
    const unhashed = { ...draft, seq: seq.toString(), at, prevHash };
    const hash = entryHash(unhashed);
    prevHash = hash;
    return { ...unhashed, hash };
  });
}

/** An entry as read back from the table (snake_case columns). */
export function entryFromRow(row: Record<string, any>): ChainedEntry {
  return {
    seq: String(row.seq),
    at: row.at instanceof Date ? row.at : new Date(row.at),
    requestId: row.request_id,
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
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
