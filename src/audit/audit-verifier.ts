import { GENESIS_HASH } from './audit-entry-hash';
import { checkpointFromRow, checkpointStatement, type Checkpoint } from './audit-checkpoints';
import type { CheckpointVerifier } from './audit-keys';
import { defaultHashThreads, HashPool } from './audit-hash-pool';
import { ENTRY_LINE_SQL, type HashedBatch } from './audit-hash-worker';
import type { Queryable } from './insert-entries';

// One batch: the entries with seq in [$1, $2], oldest first, as one text of JSON lines.
const BATCH_SQL = `SELECT string_agg(line, E'\\n' ORDER BY seq) AS text
  FROM (SELECT seq, ${ENTRY_LINE_SQL} AS line FROM audit_entry WHERE seq BETWEEN $1 AND $2) batch`;

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
  /** Entries dated `from <= at < to` (the chain's time never runs backwards, so they are one range of seq). */
  from?: Date;
  to?: Date;
  /** Entries per batch (default 10,000). */
  batchSize?: number;
  /** Threads that recompute hashes (default: one per core, at most four; 0 = on the calling thread). */
  threads?: number;
  /**
   * Where to read batches, in turn, one statement at a time on each (default: `db` alone). Several connections, or a
   * pool given more than once, let the database render batches in parallel.
   */
  readers?: Queryable[];
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
  const batchSize = options.batchSize ?? 10_000;
  const [head] = await db.query(`SELECT seq, hash FROM audit_head WHERE id = 1`);
  const [{ max }] = await db.query(`SELECT max(seq) AS max FROM audit_entry`);
  const headSeq = BigInt(head?.seq ?? 0);
  const chainEnd = max === null ? 0n : BigInt(max);
  let fromSeq = options.fromSeq ?? 1n;
  const end = headSeq > chainEnd ? headSeq : chainEnd;
  let toSeq = options.toSeq !== undefined && options.toSeq < end ? options.toSeq : end;
  if (options.from || options.to) {
    // A time range is the run of entries dated within it: time never runs backwards along the chain (and an entry
    // that does is reported as TIME_REVERSED inside the run).
    const [span] = await db.query(`SELECT min(seq) AS lo, max(seq) AS hi FROM audit_entry WHERE at >= $1 AND at < $2`, [
      options.from?.toISOString() ?? '-infinity',
      options.to?.toISOString() ?? 'infinity',
    ]);
    if (span?.lo === null || span?.lo === undefined) {
      return {
        ok: true,
        fromSeq: String(fromSeq),
        toSeq: String(fromSeq - 1n),
        entriesChecked: 0,
        checkpointsChecked: 0,
        firstBadSeq: null,
        problem: null,
        message: 'OK: no entries are dated within the range',
      };
    }
    if (BigInt(span.lo) > fromSeq) fromSeq = BigInt(span.lo);
    if (BigInt(span.hi) < toSeq) toSeq = BigInt(span.hi);
  }
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

  // Batches by sequence number, each read as one text of JSON lines and hashed on a worker thread; several are in
  // flight at once (read on the readers' connections while others are hashed), and their results are checked
  // strictly in order. Memory holds at most `depth` batches whatever the chain's length.
  const readers = options.readers && options.readers.length > 0 ? options.readers : [db];
  const pool = new HashPool(options.threads ?? defaultHashThreads());
  const depth = Math.max(2, pool.threads * 2);
  const inFlight: Array<Promise<HashedBatch>> = [];
  const lanes: Array<Promise<void>> = readers.map(() => Promise.resolve());
  let nextFrom = fromSeq;
  let batchNo = 0;
  const schedule = () => {
    // Nothing past a finding can change the report: no batch beyond it is read.
    while (inFlight.length < depth && nextFrom <= toSeq && (!finding || nextFrom <= (finding as Finding).seq)) {
      const lo = nextFrom;
      const hi = lo + BigInt(batchSize) - 1n < toSeq ? lo + BigInt(batchSize) - 1n : toSeq;
      nextFrom = hi + 1n;
      // Each reader runs one statement at a time: a batch is asked for once the reader's previous one has arrived.
      const lane = batchNo++ % readers.length;
      const text = lanes[lane].then(() => readers[lane].query(BATCH_SQL, [String(lo), String(hi)])) as Promise<Array<{ text: string | null }>>;
      lanes[lane] = text.then(
        () => undefined,
        () => undefined,
      );
      const batch = text.then((rows) => pool.hash(rows[0]?.text ?? ''));
      batch.catch(() => undefined); // awaited in order below
      inFlight.push(batch);
    }
  };
  try {
    schedule();
    scan: while (inFlight.length > 0) {
      const batch = await inFlight.shift()!;
      schedule();
      for (let i = 0; i < batch.seqs.length; i += 1) {
        const seqText = batch.seqs[i];
        const seq = BigInt(seqText);
        if (finding && seq > (finding as Finding).seq) break scan;
        if (seq === last) {
          flag(seq, 'DUPLICATE', `seq ${seq} occurs more than once`);
          continue;
        }
        if (seq > last + 1n) flag(last + 1n, 'GAP', `entries ${last + 1n}${seq - 1n > last + 1n ? `–${seq - 1n}` : ''} are missing`);
        entriesChecked += 1;
        const hash = batch.hashes[i];
        if (batch.intact[i] !== 1) flag(seq, 'HASH_MISMATCH', `entry ${seq} does not match its hash: its content was changed after it was written`);
        if (expectedPrev !== null && batch.prevHashes[i] !== expectedPrev)
          flag(seq, 'CHAIN_BROKEN', `entry ${seq} does not link to entry ${seq - 1n}: the chain was altered at or before ${seq}`);
        const at = batch.ats[i];
        if (at < lastAt) flag(seq, 'TIME_REVERSED', `entry ${seq} is dated before entry ${seq - 1n}`);
        for (const c of checkpoints.get(seqText) ?? []) {
          if (c.hash !== hash) {
            const since = lastGoodCheckpoint ? `after the checkpoint at seq ${lastGoodCheckpoint}` : 'before it';
            flag(
              seq,
              'CHECKPOINT_MISMATCH',
              `the chain at seq ${seq} differs from the checkpoint signed ${c.signedAt.toISOString()}: entries ${since} were rewritten`,
            );
          } else {
            lastGoodCheckpoint = seqText;
          }
        }
        expectedPrev = hash;
        last = seq;
        lastAt = at;
      }
    }
  } finally {
    await Promise.all(inFlight.splice(0).map((b) => b.catch(() => undefined)));
    await pool.close();
  }

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
