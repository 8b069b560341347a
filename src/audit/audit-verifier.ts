import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { GENESIS_HASH, listDigest } from './audit-entry-hash';
import { checkpointFromRow, checkpointStatement, type Checkpoint } from './audit-checkpoints';
import type { CheckpointVerifier } from './audit-keys';
import { defaultHashThreads, HashPool } from './audit-hash-pool';
import { ENTRY_COLUMNS, storedHash, type HashedBatch } from './audit-hash-worker';
import type { Queryable } from './insert-entries';

// A column as COPY (FORMAT binary) sends it: its length in bytes (-1 for null), then the bytes.
const binaryColumn = (bytes: string) => `coalesce(int4send(length(${bytes})) || ${bytes}, '\\xffffffff'::bytea)`;

// One batch without COPY: the entries with seq in [$1, $2], oldest first, as one bytea laid out as COPY's binary rows.
const BATCH_SQL = `SELECT string_agg(int2send(${ENTRY_COLUMNS.length}::int2)${ENTRY_COLUMNS.map((_, i) => ` || ${binaryColumn(`c${i}`)}`).join('')}, ''::bytea ORDER BY seq) AS tuples
  FROM (SELECT seq${ENTRY_COLUMNS.map((column, i) => `, ${column.send}(${column.sql}) AS c${i}`).join('')} FROM audit_entry WHERE seq BETWEEN $1 AND $2) batch`;

// The whole range as one stream; `seq` bounds are whole numbers, written into the statement (COPY takes no parameters).
const copySql = (from: bigint, to: bigint) =>
  `COPY (SELECT ${ENTRY_COLUMNS.map((column) => column.sql).join(', ')} FROM audit_entry WHERE seq BETWEEN ${from} AND ${to} ORDER BY seq) TO STDOUT (FORMAT binary)`;

/**
 * A COPY's output as a stream of its CopyData messages, whole (a type byte and a 32-bit length before each one's
 * bytes; one row per message, a binary COPY's header with the first); `abandon`, where the connection can be given up,
 * stops it without reading the rest (otherwise the rest is read and dropped, so that the connection stays usable).
 */
export type CopyStream = Readable & { abandon?: () => void };

/** Runs a `COPY … TO STDOUT` statement and answers its output. */
export type CopyOut = (sql: string) => Promise<CopyStream>;

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
  /**
   * Streams the whole range with COPY on a connection of its own instead of reading batches (`readers` then go unused):
   * PostgreSQL sends the rows as it renders them, and the stream is cut into batches for the threads as it arrives.
   */
  copy?: CopyOut;
  /**
   * With `copy`: the range is cut into this many parts (default 1), each streamed by a COPY of its own, all at once,
   * and joined where they meet; the report is the same. They run in parallel where `copy` gives each statement a
   * connection of its own (`copyOnPool`); on one connection they run one after the other.
   */
  streams?: number;
}

/**
 * How the hub streams a verification with COPY on its pool: the range in two parts read at once (two of the pool's
 * connections, two backends of PostgreSQL rendering rows), and one hashing thread fewer than the default, so that the
 * second backend has a core as well on a small machine.
 */
export function streamedVerification(): Pick<VerifyOptions, 'streams' | 'threads'> {
  return { streams: 2, threads: Math.max(1, defaultHashThreads() - 1) };
}

// The messages of the findings a part's scan and the join of two parts both make.
const missing = (from: bigint, to: bigint) => `entries ${from}${to > from ? `–${to}` : ''} are missing`;
const unlinked = (seq: bigint) => `entry ${seq} does not link to entry ${seq - 1n}: the chain was altered at or before ${seq}`;
const reversed = (seq: bigint) => `entry ${seq} is dated before entry ${seq - 1n}`;

interface Finding {
  seq: bigint;
  problem: AuditProblem;
  /** The message, or how to make it once the whole range has been read. */
  message: string | (() => string);
}

/** What checking one part of the range found where it begins and ends, for joining it to the part before. */
interface Part {
  from: bigint;
  to: bigint;
  /** The first entry read, with its stored prevHash and its time (null: the part holds no entries). */
  first: bigint | null;
  firstPrev: string;
  firstAt: number;
  /** The last entry read, the hash it stores, and its time. */
  last: bigint;
  lastHash: string;
  lastAt: number;
  entriesChecked: number;
}

/**
 * [from, to] cut into at most `count` runs of whole batches, in order; one run when the range is shorter than
 * `count` batches.
 */
export function splitRange(from: bigint, to: bigint, count: number, batchSize: number): Array<[bigint, bigint]> {
  const length = to - from + 1n;
  const batches = length > 0n ? (length + BigInt(batchSize) - 1n) / BigInt(batchSize) : 0n;
  const n = BigInt(Math.max(1, Math.min(count, Number(batches > BigInt(count) ? BigInt(count) : batches))));
  const runs: Array<[bigint, bigint]> = [];
  let start = from;
  for (let k = 0n; k < n; k += 1n) {
    // The first `batches mod n` runs take one batch more.
    const size = (batches / n + (k < batches % n ? 1n : 0n)) * BigInt(batchSize);
    const end = k === n - 1n ? to : start + size - 1n;
    runs.push([start, end]);
    start = end + 1n;
  }
  return runs;
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
  const flag = (seq: bigint, problem: AuditProblem, message: string | (() => string)) => {
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

  let anchor: string | null = GENESIS_HASH;
  if (fromSeq > 1n) {
    const [before] = await db.query(`SELECT hash FROM audit_entry WHERE seq = $1`, [String(fromSeq - 1n)]);
    anchor = before?.hash ?? null; // archived: the range is anchored on its first entry's prevHash
  }
  // Checkpoints found to name the hash the chain has at their seq (for the message of one that does not).
  const goodCheckpoints: bigint[] = [];

  // Each part of the range is read as its own stream of batches, the parts at once; each batch is hashed on a worker
  // thread, several batches in flight per part (read from the database while others are hashed), and a part's
  // results are checked strictly in order. Memory holds at most `depth` batches per part whatever the chain's length.
  const pool = new HashPool(options.threads ?? defaultHashThreads());
  const depth = Math.max(2, pool.threads * 2);
  // The memory of batches already checked, for the COPY's next batches to be gathered in.
  const spare: SharedArrayBuffer[] = [];
  const cuts = [...checkpoints.keys()].map(BigInt).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  // Each list of fields the entries name, with the first entry that names it: checked once the chain has been read
  // (the COPY may hold the only connection until then).
  const lists = new Map<string, bigint>();

  // The first failure of a part, which stops the others.
  let failed: { error: unknown } | null = null;
  /** Checks the entries of [from, to]; the first is linked to `prev` unless it is undefined (the part before knows it). */
  const scanPart = async (from: bigint, to: bigint, prev: string | null | undefined): Promise<Part> => {
    const part: Part = { from, to, first: null, firstPrev: '', firstAt: 0, last: from - 1n, lastHash: '', lastAt: -Infinity, entriesChecked: 0 };
    let expectedPrev = prev === undefined ? null : prev;
    const source = options.copy
      ? copyBatches(options.copy, copySql(from, to), pool, batchSize, () => finding, spare)
      : queryBatches(options.readers && options.readers.length > 0 ? options.readers : [db], pool, from, to, batchSize, () => finding);
    let nextCut = 0;
    const inFlight: Array<Promise<HashedBatch>> = [];
    let exhausted = false;
    try {
      scan: for (;;) {
        while (!exhausted && inFlight.length < depth) {
          const next = await source.next();
          if (next.done) exhausted = true;
          else {
            next.value.hashed.catch(() => undefined); // awaited in order below
            inFlight.push(next.value.hashed);
          }
        }
        if (inFlight.length === 0 || failed) break;
        const batch = await inFlight.shift()!;
        for (let k = 0; k < batch.lists.length; k += 1) {
          const seq = batch.seqs[batch.listAt[k]];
          const known = lists.get(batch.lists[k]);
          if (known === undefined || seq < known) lists.set(batch.lists[k], seq);
        }
        // Where the previous entry's hash is: in this batch (index), or only as text (the first entry, or after a duplicate).
        let previous = -1;
        for (let i = 0; i < batch.seqs.length; i += 1) {
          const seq = batch.seqs[i];
          if (finding && seq > (finding as Finding).seq) break scan;
          if (seq === part.last) {
            flag(seq, 'DUPLICATE', `seq ${seq} occurs more than once`);
            continue;
          }
          if (seq > part.last + 1n) flag(part.last + 1n, 'GAP', missing(part.last + 1n, seq - 1n));
          part.entriesChecked += 1;
          if (batch.intact[i] !== 1) flag(seq, 'HASH_MISMATCH', `entry ${seq} does not match its hash: its content was changed after it was written`);
          const at = batch.ats[i];
          if (part.first === null) {
            part.first = seq;
            part.firstPrev = storedHash(batch, i, 0);
            part.firstAt = at;
          }
          const linked =
            previous === i - 1 && previous >= 0 ? batch.linked[i] === 1 : expectedPrev === null || storedHash(batch, i, 0) === expectedPrev;
          if (expectedPrev !== null && !linked) flag(seq, 'CHAIN_BROKEN', unlinked(seq));
          if (at < part.lastAt) flag(seq, 'TIME_REVERSED', reversed(seq));
          while (nextCut < cuts.length && cuts[nextCut] < seq) nextCut += 1;
          if (nextCut < cuts.length && cuts[nextCut] === seq) {
            const hash = storedHash(batch, i, 1);
            for (const c of checkpoints.get(String(seq)) ?? []) {
              if (c.hash !== hash) flag(seq, 'CHECKPOINT_MISMATCH', () => checkpointMismatch(c, seq));
              else goodCheckpoints.push(seq);
            }
          }
          // The hash the next entry must name, kept as text only where the next batch begins.
          expectedPrev = i === batch.seqs.length - 1 || batch.seqs[i + 1] === seq ? storedHash(batch, i, 1) : '';
          previous = i;
          part.last = seq;
          part.lastAt = at;
        }
        part.lastHash = expectedPrev ?? '';
        if (batch.data.buffer instanceof SharedArrayBuffer && spare.length < depth * parts.length) spare.push(batch.data.buffer);
      }
    } finally {
      await source.return(undefined);
      await Promise.all(inFlight.splice(0).map((b) => b.catch(() => undefined)));
    }
    return part;
  };
  const checkpointMismatch = (c: Checkpoint, seq: bigint) => {
    const good = goodCheckpoints.filter((g) => g < seq);
    const since = good.length > 0 ? `after the checkpoint at seq ${good.reduce((a, b) => (a > b ? a : b))}` : 'before it';
    return `the chain at seq ${seq} differs from the checkpoint signed ${c.signedAt.toISOString()}: entries ${since} were rewritten`;
  };

  const parts = splitRange(fromSeq, toSeq, options.copy ? (options.streams ?? 1) : 1, batchSize);
  // A part that fails stops the others; the first failure is thrown once all have stopped.
  const settled = await Promise.allSettled(
    parts.map(([from, to], k) =>
      scanPart(from, to, k === 0 ? anchor : undefined).catch((error: unknown) => {
        failed ??= { error };
        throw error;
      }),
    ),
  );
  await pool.close();
  if (failed) throw (failed as { error: unknown }).error;
  const scanned = settled.map((r) => (r as PromiseFulfilledResult<Part>).value);
  // Where the parts meet: no entries missing between them, the link, and time.
  let last = fromSeq - 1n;
  let lastAt = -Infinity;
  let expectedPrev: string | null = anchor;
  let entriesChecked = 0;
  for (const [k, part] of scanned.entries()) {
    entriesChecked += part.entriesChecked;
    if (part.first === null) continue;
    if (k > 0) {
      if (part.first > last + 1n) flag(last + 1n, 'GAP', missing(last + 1n, part.first - 1n));
      if (expectedPrev !== null && part.firstPrev !== expectedPrev) flag(part.first, 'CHAIN_BROKEN', unlinked(part.first));
      if (part.firstAt < lastAt) flag(part.first, 'TIME_REVERSED', reversed(part.first));
    }
    last = part.last;
    lastAt = part.lastAt;
    expectedPrev = part.lastHash;
  }

  // Lists first named beyond a finding cannot change the report.
  const found = finding as Finding | null;
  for (const [digest, seq] of lists) if (found && seq >= found.seq) lists.delete(digest);
  const listsChecked = await checkFieldLists(db, lists, flag);

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
    // With a finding: the entries before the first bad one, each of which was checked.
    entriesChecked: f ? Number(f.seq - fromSeq) : entriesChecked,
    checkpointsChecked,
    firstBadSeq: f ? String(f.seq) : null,
    problem: f?.problem ?? null,
    message: f
      ? typeof f.message === 'string'
        ? f.message
        : f.message()
      : `OK: ${entriesChecked} entries from ${fromSeq} to ${toSeq}, ${listsChecked} lists of fields and ${checkpointsChecked} checkpoints verified`,
  };
}

/**
 * Checks the lists of fields that entries of format 4 name by digest: each must be in `audit_field_list`, and its
 * stored text must hash to the digest. A list found missing or changed is reported at the first entry that names it.
 * Answers how many lists were checked.
 */
async function checkFieldLists(db: Queryable, lists: Map<string, bigint>, flag: (seq: bigint, problem: AuditProblem, message: string) => void) {
  const digests = [...lists.keys()];
  const CHUNK = 1000;
  for (let i = 0; i < digests.length; i += CHUNK) {
    const chunk = digests.slice(i, i + CHUNK);
    const rows: Array<{ digest: string; fields: string }> = await db.query(
      `SELECT digest, fields::text AS fields FROM audit_field_list WHERE digest = ANY($1::bpchar[])`,
      [chunk],
    );
    const stored = new Map(rows.map((r) => [r.digest, r.fields]));
    for (const digest of chunk) {
      const seq = lists.get(digest)!;
      const fields = stored.get(digest);
      if (fields === undefined) flag(seq, 'HASH_MISMATCH', `the list of fields read that entry ${seq} names is missing`);
      else if (listDigest(fields) !== digest)
        flag(seq, 'HASH_MISMATCH', `the list of fields read that entry ${seq} names was changed after it was written`);
    }
  }
  return digests.length;
}

// Each batch wrapped, since an async generator would otherwise wait for the promise it yields.
type Batches = AsyncGenerator<{ hashed: Promise<HashedBatch> }, void, undefined>;

/** Batches of `batchSize` seq read in turn on the readers, one statement at a time on each. */
async function* queryBatches(
  readers: Queryable[],
  pool: HashPool,
  fromSeq: bigint,
  toSeq: bigint,
  batchSize: number,
  finding: () => Finding | null,
): Batches {
  const lanes: Array<Promise<unknown>> = readers.map(() => Promise.resolve());
  let batchNo = 0;
  for (let next = fromSeq; next <= toSeq;) {
    // Nothing past a finding can change the report: no batch beyond it is read.
    const found = finding();
    if (found && next > found.seq) return;
    const lo = next;
    const hi = lo + BigInt(batchSize) - 1n < toSeq ? lo + BigInt(batchSize) - 1n : toSeq;
    next = hi + 1n;
    const lane = batchNo++ % readers.length;
    const rows = lanes[lane].then(() => readers[lane].query(BATCH_SQL, [String(lo), String(hi)])) as Promise<Array<{ tuples: Uint8Array | null }>>;
    lanes[lane] = rows.catch(() => undefined);
    yield { hashed: rows.then((r) => pool.hash(r[0]?.tuples ?? new Uint8Array(0))) };
  }
}

const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const COPY_DATA = 0x64; // a CopyData message's type
const FRAME = 5; // a message's type and length
// Where the first row's seq is in a batch: after its message's frame, the column count and the column's length.
const FIRST_SEQ = FRAME + 2 + 4;

/**
 * The COPY stream cut into batches of `batchSize` whole rows as it arrives, each row still in its CopyData message:
 * only the messages' lengths are read here, the threads read the rows. Once a finding makes the rest irrelevant no batch is cut, and the stream is
 * abandoned where its connection can be given up, or else read to the end and dropped so the connection stays usable.
 */
async function* copyBatches(
  copy: CopyOut,
  sql: string,
  pool: HashPool,
  batchSize: number,
  finding: () => Finding | null,
  spare: SharedArrayBuffer[],
): Batches {
  const stream = await copy(sql);
  // Each batch is gathered in memory of its own, shared with the threads (nothing is copied or handed back and forth)
  // and given to one once it holds `batchSize` rows; the part of a row read beyond them starts the next. Sized from the
  // batches before (rows vary little in length), and taken from `spare`, the memory of batches already checked, where
  // one is large enough: a verification uses a few of them over and over.
  const shared = (size: number) => Buffer.from(new SharedArrayBuffer(size));
  let capacity = 1 << 22;
  let buffer = shared(capacity);
  let view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let length = 0;
  let walked = -1; // before the header
  let rows = 0;
  let done = false; // the stream read to its end
  // Copies bytes into the shared memory at `at`, answering where they end. `fill` with a buffer as long as the range
  // is a plain copy of its bytes; `copy` and `set` into shared memory go byte by byte wherever the two addresses are
  // not equally aligned, which costs the main thread several times more.
  const place = (bytes: Uint8Array, at: number) => {
    if (bytes.length > 0) buffer.fill(bytes, at, at + bytes.length);
    return at + bytes.length;
  };
  const grow = (needed: number) => {
    const bigger = shared(Math.max(capacity, needed));
    if (length > 0) bigger.fill(buffer.subarray(0, length), 0, length);
    buffer = bigger;
    view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  };
  const cut = () => {
    const batch = buffer.subarray(0, walked);
    if (walked + (walked >> 3) > capacity) capacity = walked + (walked >> 2);
    const rest = buffer.subarray(walked, length);
    length = rest.length;
    walked = 0;
    rows = 0;
    const reused = spare.pop();
    buffer = reused && reused.byteLength >= Math.max(capacity, length) ? Buffer.from(reused) : shared(Math.max(capacity, length));
    rest.copy(buffer, 0);
    view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    return pool.hash(batch, true);
  };
  const beyondFinding = () => {
    const found = finding();
    return found !== null && walked >= FIRST_SEQ + 8 && view.getBigInt64(FIRST_SEQ) > found.seq;
  };
  try {
    for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      if (length + chunk.length > buffer.length) grow(Math.max(2 * buffer.length, length + chunk.length));
      length = place(chunk, length);
      if (walked < 0) {
        // The first message: the COPY's header (its signature, 32 bits of flags and an extension of announced length),
        // taken out of it, then the first row.
        if (length < FRAME + 19) continue;
        if (buffer[0] !== COPY_DATA || Buffer.compare(buffer.subarray(FRAME, FRAME + COPY_SIGNATURE.length), COPY_SIGNATURE) !== 0)
          throw new Error('not a binary COPY stream');
        const header = 19 + view.getUint32(FRAME + 15);
        if (length < FRAME + header) continue;
        const rest = view.getUint32(1) - header;
        buffer.copyWithin(FRAME, FRAME + header, length);
        length -= header;
        view.setUint32(1, rest);
        if (rest === 4) {
          // The header alone in its message.
          buffer.copyWithin(0, FRAME, length);
          length -= FRAME;
        }
        walked = 0;
      }
      // One row per message: only the messages' lengths are read here, the threads read the rows.
      for (;;) {
        if (walked + FRAME + 2 > length) break;
        if (buffer[walked] !== COPY_DATA) throw new Error('a COPY stream holds a message that is not CopyData');
        if (view.getInt16(walked + FRAME) < 0) break; // the trailer
        const next = walked + 1 + view.getUint32(walked + 1);
        if (next > length) break;
        walked = next;
        rows += 1;
        if (rows === batchSize) {
          if (beyondFinding()) return; // left before its end: `finally` gives the rest up or drains it
          yield { hashed: cut() };
        }
      }
    }
    if (rows > 0 && !beyondFinding()) yield { hashed: cut() };
    done = true;
  } finally {
    if (!done && stream.abandon) {
      stream.abandon();
    } else {
      if (!done) {
        stream.on('data', () => undefined);
        stream.resume();
      }
      await finished(stream).catch(() => undefined);
    }
  }
}
