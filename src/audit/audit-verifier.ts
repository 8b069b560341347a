import { entryFromRow, entryHash, GENESIS_HASH, type AuditEntryRow } from './audit-entry-hash';
import { checkpointFromRow, checkpointStatement, type Checkpoint } from './audit-checkpoints';
import type { CheckpointVerifier } from './audit-keys';
import type { Queryable } from './insert-entries';

export const AUDIT_PROBLEMS = [
  'HASH_MISMATCH',
  'CHAIN_BROKEN',
  'GAP',
  'DUPLICATE',
  'TIME_REVERSED',
  'HEAD_MISMATCH',
  'CHECKPOINT_MISMATCH',
  'CHECKPOINT_SIGNATURE',
  'CHECKPOINT_MISSING',
  'TRUNCATED',
] as const;
export type AuditProblem = (typeof AUDIT_PROBLEMS)[number];

export interface VerificationReport {
  ok: boolean;
  fromSeq: string;
  toSeq: string;
  entriesChecked: number;
  checkpointsChecked: number;
  /** The lowest sequence number at which something is wrong; null when all is well. */
  firstBadSeq: string | null;
  problem: AuditProblem | null;
  message: string;
}

export interface VerifyOptions {
  fromSeq?: bigint;
  toSeq?: bigint;
  /** Checkpoints kept outside the database (audit-checkpoints.jsonl); each must also be in the table and match. */
  externalCheckpoints?: Checkpoint[];
  batchSize?: number;
}

interface Finding {
  seq: bigint;
  problem: AuditProblem;
  message: string;
}

/**
 * Walks the chain from `fromSeq` to `toSeq` in batches (bounded memory, any length): recomputes each entry's hash,
 * checks the link to the previous entry, the absence of gaps and duplicates, that time never runs backwards,
 * and that every signed checkpoint in the range is validly signed and names the hash the chain has at its seq.
 * Reports the first (lowest) bad sequence number and why.
 */
export async function verifyAuditChain(db: Queryable, keys: CheckpointVerifier, options: VerifyOptions = {}): Promise<VerificationReport> {
  const batchSize = options.batchSize ?? 5000;
  const [head] = await db.query(`SELECT seq, hash FROM audit_head WHERE id = 1`);
  const [{ max }] = await db.query(`SELECT max(seq) AS max FROM audit_entry`);
  const headSeq = BigInt(head?.seq ?? 0);
  const chainEnd = max === null ? 0n : BigInt(max);
  const fromSeq = options.fromSeq ?? 1n;
  const end = headSeq > chainEnd ? headSeq : chainEnd;
  const toSeq = options.toSeq !== undefined && options.toSeq < end ? options.toSeq : end;
  const toEnd = toSeq === end;

  let finding: Finding | null = null;
  const flag = (seq: bigint, problem: AuditProblem, message: string) => {
    if (!finding || seq < finding.seq) finding = { seq, problem, message };
  };

  // Checkpoints in range: the database's, and the external copies, which must agree with them.
  // Up to the end of the chain, checkpoints beyond it count too: they reveal a truncated tail.
  const upTo = toEnd ? String(2n ** 63n - 1n) : String(toSeq);
  const stored: Checkpoint[] = (
    await db.query(`SELECT * FROM audit_checkpoint WHERE seq BETWEEN $1 AND $2 ORDER BY seq`, [String(fromSeq), upTo])
  ).map(checkpointFromRow);
  const checkpoints = new Map<string, Checkpoint[]>();
  const add = (c: Checkpoint) => checkpoints.set(c.seq, [...(checkpoints.get(c.seq) ?? []), c]);
  for (const c of stored) add(c);
  for (const c of options.externalCheckpoints ?? []) {
    const seq = BigInt(c.seq);
    if (seq < fromSeq || (seq > toSeq && !toEnd)) continue;
    const twin = stored.find((s) => s.seq === c.seq && s.keyId === c.keyId);
    if (!twin)
      flag(
        seq,
        'CHECKPOINT_MISSING',
        `checkpoint at seq ${c.seq} (signed ${c.signedAt.toISOString()}) is kept outside the database but missing from it`,
      );
    else if (twin.hash !== c.hash || twin.signature !== c.signature)
      flag(seq, 'CHECKPOINT_MISMATCH', `checkpoint at seq ${c.seq} in the database differs from its external copy`);
    else continue; // the same checkpoint, already counted
    add(c);
  }
  let checkpointsChecked = 0;
  for (const list of checkpoints.values()) {
    for (const c of list) {
      checkpointsChecked += 1;
      if (!keys.knows(c.keyId)) flag(BigInt(c.seq), 'CHECKPOINT_SIGNATURE', `checkpoint at seq ${c.seq} is signed by unknown key ${c.keyId}`);
      else if (!keys.verify(c.keyId, checkpointStatement(c), c.signature))
        flag(BigInt(c.seq), 'CHECKPOINT_SIGNATURE', `checkpoint at seq ${c.seq} has an invalid signature`);
    }
  }

  let expectedPrev: string | null = GENESIS_HASH;
  if (fromSeq > 1n) {
    const [before] = await db.query(`SELECT hash FROM audit_entry WHERE seq = $1`, [String(fromSeq - 1n)]);
    expectedPrev = before?.hash ?? null; // archived: the range is anchored on its first entry's prevHash
  }
  let last = fromSeq - 1n;
  let lastAt = -Infinity;
  let lastGoodCheckpoint: string | null = null;
  let entriesChecked = 0;
  const fetch = (from: bigint): Promise<AuditEntryRow[]> =>
    from > toSeq
      ? Promise.resolve([])
      : db.query(`SELECT * FROM audit_entry WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT ${batchSize}`, [String(from), String(toSeq)]);
  let pending = fetch(fromSeq);
  scan: for (;;) {
    const rows = await pending;
    if (rows.length === 0) break;
    // The next batch is read while this one is hashed.
    pending = rows.length < batchSize ? Promise.resolve([]) : fetch(BigInt(rows[rows.length - 1].seq) + 1n);
    for (const row of rows) {
      const entry = entryFromRow(row);
      const seq = BigInt(entry.seq);
      if (finding && seq > (finding as Finding).seq) break scan;
      if (seq === last) {
        flag(seq, 'DUPLICATE', `seq ${seq} occurs more than once`);
        continue;
      }
      if (seq > last + 1n) flag(last + 1n, 'GAP', `entries ${last + 1n}${seq - 1n > last + 1n ? `–${seq - 1n}` : ''} are missing`);
      entriesChecked += 1;
      if (entryHash(entry) !== entry.hash)
        flag(seq, 'HASH_MISMATCH', `entry ${seq} does not match its hash: its content was changed after it was written`);
      if (expectedPrev !== null && entry.prevHash !== expectedPrev)
        flag(seq, 'CHAIN_BROKEN', `entry ${seq} does not link to entry ${seq - 1n}: the chain was altered at or before ${seq}`);
      if (entry.at.getTime() < lastAt) flag(seq, 'TIME_REVERSED', `entry ${seq} is dated before entry ${seq - 1n}`);
      for (const c of checkpoints.get(entry.seq) ?? []) {
        if (c.hash !== entry.hash) {
          const since = lastGoodCheckpoint ? `after the checkpoint at seq ${lastGoodCheckpoint}` : 'before it';
          flag(
            seq,
            'CHECKPOINT_MISMATCH',
            `the chain at seq ${seq} differs from the checkpoint signed ${c.signedAt.toISOString()}: entries ${since} were rewritten`,
          );
        } else {
          lastGoodCheckpoint = entry.seq;
        }
      }
      expectedPrev = entry.hash;
      last = seq;
      lastAt = entry.at.getTime();
    }
  }
  await pending.catch(() => undefined);

  if (!finding) {
    const beyond = [...checkpoints.keys()]
      .map(BigInt)
      .filter((s) => s > last)
      .sort((a, b) => (a < b ? -1 : 1));
    if (beyond.length > 0) flag(last + 1n, 'TRUNCATED', `the chain ends at ${last} but a checkpoint signed seq ${beyond[beyond.length - 1]}`);
    else if (last < toSeq) flag(last + 1n, toEnd ? 'TRUNCATED' : 'GAP', `entries ${last + 1n}–${toSeq} are missing (the head is at ${headSeq})`);
    else if (toEnd && last === headSeq && headSeq > 0n && head.hash !== expectedPrev) {
      flag(headSeq, 'HEAD_MISMATCH', `the head's hash differs from entry ${headSeq}'s`);
    }
  }
  const f = finding as Finding | null;
  return {
    ok: f === null,
    fromSeq: String(fromSeq),
    toSeq: String(toSeq),
    entriesChecked,
    checkpointsChecked,
    firstBadSeq: f ? String(f.seq) : null,
    problem: f?.problem ?? null,
    message: f ? f.message : `OK: ${entriesChecked} entries from ${fromSeq} to ${toSeq} and ${checkpointsChecked} checkpoints verified`,
  };
}
