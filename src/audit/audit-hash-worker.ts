import { createHash } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { canonicalEntry, type ChainedEntry } from './audit-entry-hash';

/**
 * One entry per line, as a JSON array in this column order: PostgreSQL renders it (`json_build_array`, strings
 * escaped by its JSON rules, jsonb columns embedded as JSON), and `JSON.parse` gives back exactly the values the
 * driver gives for the row (text as stored, jsonb parsed, `at` to the millisecond).
 */
export const ENTRY_LINE_SQL = `json_build_array(seq::text, at, request_id, correlation_id, kind, username, organisation_code, role,
  case_kind, case_no, subject_id, subject_kind, subject_id_number, fields, sources, outcome, client_address, operation_name,
  detail, salt, prev_hash, hash)::text`;

type Line = [
  string,
  string,
  string,
  string | null,
  ChainedEntry['kind'],
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  ChainedEntry['fields'],
  ChainedEntry['sources'],
  ChainedEntry['outcome'],
  string | null,
  string | null,
  ChainedEntry['detail'],
  string | null,
  string,
  string,
];

export function entryFromLine(line: string): ChainedEntry {
  const v = JSON.parse(line) as Line;
  return {
    seq: v[0],
    at: new Date(v[1]),
    requestId: v[2],
    correlationId: v[3],
    kind: v[4],
    username: v[5],
    organisationCode: v[6],
    role: v[7],
    caseKind: v[8],
    caseNo: v[9],
    subjectId: v[10],
    subjectKind: v[11],
    subjectIdNumber: v[12],
    fields: v[13],
    sources: v[14],
    outcome: v[15],
    clientAddress: v[16],
    operationName: v[17],
    detail: v[18],
    salt: v[19],
    prevHash: v[20],
    hash: v[21],
  };
}

/** What the chain's sequential checks need of each entry of a batch, in the batch's order. */
export interface HashedBatch {
  seqs: string[];
  /** `at` in ms since the epoch. */
  ats: Float64Array;
  prevHashes: string[];
  hashes: string[];
  /** 1 where the recomputed hash equals the stored one. */
  intact: Uint8Array;
}

/** Recomputes the hash of every entry of a batch (lines as `ENTRY_LINE_SQL` renders them, joined by newlines). */
export function hashLines(text: string): HashedBatch {
  const lines = text.length === 0 ? [] : text.split('\n');
  const out: HashedBatch = {
    seqs: new Array<string>(lines.length),
    ats: new Float64Array(lines.length),
    prevHashes: new Array<string>(lines.length),
    hashes: new Array<string>(lines.length),
    intact: new Uint8Array(lines.length),
  };
  for (let i = 0; i < lines.length; i += 1) {
    const entry = entryFromLine(lines[i]);
    out.seqs[i] = entry.seq;
    out.ats[i] = entry.at.getTime();
    out.prevHashes[i] = entry.prevHash;
    out.hashes[i] = entry.hash;
    out.intact[i] = createHash('sha256').update(canonicalEntry(entry), 'utf8').digest('hex') === entry.hash ? 1 : 0;
  }
  return out;
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'audit-hash') {
  parentPort!.on('message', ({ id, text }: { id: number; text: string }) => {
    try {
      const result = hashLines(text);
      parentPort!.postMessage({ id, result }, [result.ats.buffer as ArrayBuffer, result.intact.buffer as ArrayBuffer]);
    } catch (error) {
      parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
