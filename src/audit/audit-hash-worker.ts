import { hash as sha256Once } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  canonicalEntry,
  hashesStoredForm,
  LISTED_FORM,
  PG_EPOCH_MS,
  STORED_COLUMNS,
  STORED_FORM,
  STORED_SEND,
  storedColumnCount,
  type ChainedEntry,
} from './audit-entry-hash';
import { canonicalJson } from './canonical-json';

/**
 * One entry as a JSON array in this column order: PostgreSQL renders it (`json_build_array`, strings escaped by its
 * JSON rules, JSON columns embedded as they are), and `JSON.parse` gives back exactly the values the driver gives for
 * the row (text as stored, JSON parsed, `at` to the millisecond). Only entries of format 2 or older that PostgreSQL
 * cannot render in canonical form travel this way.
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

// A JSON string of a text column exactly as JSON.stringify writes it: PostgreSQL's JSON escapes are JavaScript's for
// any valid text (\b \f \n \r \t \" \\, other controls as \u00xx in lower case, everything else as is), and text in
// the database is always valid UTF-8 without NUL.
const str = (column: string) => `coalesce(to_json(${column})::text, 'null')`;
const salted = (sql: string) => `CASE WHEN salt IS NULL THEN '' ELSE ${sql} END`;
// JavaScript writes years 0–9999 with four digits, as to_char does; an entry dated outside travels as a JSON line.
const RENDERABLE = `at >= '0001-01-01 00:00:00+00' AND at < '10000-01-01 00:00:00+00'`;

const legacy = (sql: string) => `CASE WHEN format < ${STORED_FORM} THEN ${sql} END`;

/** A column the verifier reads: its SQL, and the function that gives its binary form without COPY. */
export interface ReadColumn {
  sql: string;
  send: string;
}

/**
 * The columns of each entry as the verifier reads them, in this order: `seq` and `hash` as stored; for entries of
 * format 2 or older, the entry's canonical form (`canonicalEntry`) in pieces (null for formats 3 and 4); then the
 * columns of the stored form (`STORED_COLUMNS`, `format` and `prev_hash` among them) as stored, which for format 4
 * are, together with their lengths, exactly the bytes hashed, and for format 3 all of them but the last.
 *
 * The pieces: PostgreSQL renders the fixed columns as the exact bytes that are hashed (`head`, `middle`, `tail`);
 * `detail`, `fields` and `sources` come as their stored text (jsonb's rendering for these entries), put in canonical
 * form by the hashing thread: `head` + canonical(detail) + `,"fields":` + canonical(fields) + `middle` +
 * canonical(sources) + `tail`. The last piece is the entry as a JSON line when PostgreSQL cannot render it (`head`
 * is then null).
 */
export const ENTRY_COLUMNS: readonly ReadColumn[] = [
  { sql: 'seq', send: 'int8send' },
  { sql: 'hash', send: 'bpcharsend' },
  ...[
    `CASE WHEN ${RENDERABLE} THEN concat('{"at":"', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    '","caseKind":', ${str('case_kind')}, ',"caseNo":', ${str('case_no')}, ',"clientAddress":', ${str('client_address')},
    ${salted(`',"correlationId":' || ${str('correlation_id')}`)}, ',"detail":') END`,
    'detail::text',
    'fields::text',
    `concat(',"kind":', ${str('kind')}, ',"operationName":', ${str('operation_name')}, ',"organisationCode":', ${str('organisation_code')},
    ',"outcome":', ${str('outcome')}, ',"prevHash":', ${str('prev_hash')}, ',"requestId":', ${str('request_id')}, ',"role":', ${str('role')},
    ${salted(`',"salt":' || ${str('salt')}`)}, ',"seq":"', seq, '","sources":')`,
    'sources::text',
    `concat(',"subjectId":', ${str('subject_id')}, ',"subjectIdNumber":', ${str('subject_id_number')}, ',"subjectKind":', ${str('subject_kind')},
    ',"username":', ${str('username')}, '}')`,
    `CASE WHEN NOT (${RENDERABLE}) THEN ${ENTRY_LINE_SQL} END`,
  ].map((sql) => ({ sql: legacy(sql), send: 'textsend' })),
  ...STORED_COLUMNS.map(([column, type]) => ({ sql: column, send: STORED_SEND[type] })),
];

// Where each column is in a row (`seq` first: the stream is cut by it).
const SEQ = 0;
const HASH = 1;
const HEAD = 2;
const DETAIL = 3;
const FIELDS = 4;
const MIDDLE = 5;
const SOURCES = 6;
const TAIL = 7;
const LINE = 8;
const STORED = 9;
const stored = (name: string) => STORED + STORED_COLUMNS.findIndex(([column]) => column === name);
const FORMAT = stored('format');
const STORED_AT = stored('at');
const PREV_HASH = stored('prev_hash');
const FIELDS_DIGEST = stored('fields_digest');

/** What the chain's sequential checks need of each entry of a batch, in the batch's order. */
export interface HashedBatch {
  seqs: BigInt64Array;
  /** `at` in ms since the epoch. */
  ats: Float64Array;
  /** 1 where the recomputed hash equals the stored one. */
  intact: Uint8Array;
  /** 1 where `prevHash` equals the previous entry's `hash` in the batch (never for the first). */
  linked: Uint8Array;
  /**
   * The batch's bytes (the shared memory the thread read them in, or the bytes handed to it, handed back), and where
   * the stored `prevHash` and `hash` of each entry are in them: four numbers per entry (start and length of each,
   * length -1 for null). Read only where the chain's checks need them.
   */
  data: Uint8Array;
  hashSpans: Int32Array;
  /**
   * The digests of the lists of fields the batch's entries of format 4 name, each once, and the index of the first
   * entry naming each: the lists themselves are checked once the chain has been read.
   */
  lists: string[];
  listAt: number[];
}

/** The `prevHash` (`which` 0) or `hash` (1) of entry `i` of a batch. */
export function storedHash(batch: HashedBatch, i: number, which: 0 | 1): string {
  const k = 4 * i + 2 * which;
  const length = batch.hashSpans[k + 1];
  if (length <= 0) return '';
  return Buffer.from(batch.data.buffer, batch.data.byteOffset, batch.data.byteLength).toString(
    'latin1',
    batch.hashSpans[k],
    batch.hashSpans[k] + length,
  );
}

const COLUMN_COUNT = ENTRY_COLUMNS.length;
// A CopyData message's header: its type byte and its 32-bit length.
const FRAME = 5;
const ascii = (s: string) => Buffer.from(s, 'latin1');
const FIELDS_KEY = ascii(',"fields":');
// jsonb writes an object's keys shortest first, canonical JSON in code-unit order: for both pairs, the other way round.
const FIELD_PAIR = { jsonbFirst: ascii('{"path": '), jsonbSecond: ascii(', "outcome": '), first: ascii('{"outcome":'), second: ascii(',"path":') };
const SOURCE_PAIR = { jsonbFirst: ascii('{"state": '), jsonbSecond: ascii(', "source": '), first: ascii('{"source":'), second: ascii(',"state":') };
type Pair = typeof FIELD_PAIR;

// Where the JSON string starting at `p` (a quote) ends (just past its closing quote), or -1.
function stringEnd(src: Uint8Array, p: number, end: number): number {
  if (p >= end || src[p] !== 0x22) return -1;
  for (p += 1; p < end; p += 1) {
    const c = src[p];
    if (c === 0x22) return p + 1;
    if (c === 0x5c) p += 1;
  }
  return -1;
}

function literal(src: Uint8Array, p: number, end: number, text: Uint8Array): number {
  if (p + text.length > end) return -1;
  for (let i = 0; i < text.length; i += 1) if (src[p + i] !== text[i]) return -1;
  return p + text.length;
}

/**
 * jsonb's text of an array of objects of exactly two string members (`[{"path": "a", "outcome": "ALLOW"}, …]`)
 * written at `o` in canonical form (`[{"outcome":"ALLOW","path":"a"},…]`), as `canonicalEntry` writes such pairs.
 * Each string is copied as jsonb wrote it, which is how JSON.stringify writes it. Answers where the output ends, or
 * -1 when the text has any other shape (it then goes through JSON.parse and canonicalJson).
 */
export function canonicalPairs(src: Uint8Array, start: number, end: number, out: Uint8Array, o: number, pair: Pair): number {
  if (end - start < 2 || src[start] !== 0x5b || src[end - 1] !== 0x5d) return -1;
  out[o++] = 0x5b;
  let p = start + 1;
  if (p === end - 1) {
    out[o++] = 0x5d;
    return o;
  }
  for (;;) {
    p = literal(src, p, end, pair.jsonbFirst);
    if (p < 0) return -1;
    const a = p;
    p = stringEnd(src, p, end);
    if (p < 0) return -1;
    const aEnd = p;
    p = literal(src, p, end, pair.jsonbSecond);
    if (p < 0) return -1;
    const b = p;
    p = stringEnd(src, p, end);
    if (p < 0 || src[p] !== 0x7d) return -1;
    if (o + pair.first.length + pair.second.length + (p - b) + (aEnd - a) + 2 > out.length) return -1;
    out.set(pair.first, o);
    o += pair.first.length;
    for (let i = b; i < p; i += 1) out[o++] = src[i];
    out.set(pair.second, o);
    o += pair.second.length;
    for (let i = a; i < aEnd; i += 1) out[o++] = src[i];
    out[o++] = 0x7d;
    p += 1;
    if (p === end - 1) {
      out[o++] = 0x5d;
      return o;
    }
    if (src[p] !== 0x2c || src[p + 1] !== 0x20) return -1;
    out[o++] = 0x2c;
    p += 2;
  }
}

// {path, outcome} and {source, state} pairs of any other shape, as canonicalEntry serialises them.
function pairsJson(list: unknown, first: string, second: string): string {
  if (!Array.isArray(list)) return canonicalJson(list);
  let out = '[';
  for (let i = 0; i < list.length; i += 1) {
    const item = list[i] as Record<string, unknown>;
    const keys = item && typeof item === 'object' ? Object.keys(item) : [];
    const plain = keys.length === 2 && typeof item[first] === 'string' && typeof item[second] === 'string';
    out += (i ? ',' : '') + (plain ? `{"${first}":${JSON.stringify(item[first])},"${second}":${JSON.stringify(item[second])}}` : canonicalJson(item));
  }
  return `${out}]`;
}

let scratch = new Uint8Array(1 << 16);
// How many of the last distinct digests of lists of fields a batch compares each entry's with before looking it up.
const RECENT_LISTS = 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// The last list of fields and of sources put in canonical form, kept while at most MEMO_LIMIT bytes long.
const MEMO_LIMIT = 1 << 14;
const memoOf = () => {
  const sourceBytes = Buffer.alloc(MEMO_LIMIT);
  const canonicalBytes = new Uint8Array(MEMO_LIMIT * 2 + 16);
  return { length: -1, sourceBytes, source: sourceBytes.subarray(0, 0), canonicalBytes, canonical: canonicalBytes.subarray(0, 0) };
};
const lastFields = memoOf();
const lastSources = memoOf();

function ensure(o: number, more: number): void {
  if (o + more <= scratch.length) return;
  const bigger = new Uint8Array(Math.max(scratch.length * 2, o + more + 65536));
  bigger.set(scratch.subarray(0, o));
  scratch = bigger;
}

/**
 * Recomputes the hash of every entry of a batch: rows in PostgreSQL's binary COPY layout (a 16-bit column count,
 * then each column as a 32-bit length, -1 for null, and its bytes), columns as `ENTRY_COLUMNS`, oldest first. Answers
 * what the sequential checks need. `framed`: each row comes as the CopyData message PostgreSQL sent it in (a type byte
 * and a 32-bit length before it), as a COPY's messages are read whole.
 */
export function hashTuples(data: Uint8Array, framed = false): HashedBatch {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const starts: number[] = [];
  for (let p = 0; p + 2 <= data.length;) {
    let messageEnd = -1;
    if (framed) {
      if (p + FRAME + 2 > data.length) throw new Error('a CopyData message is cut short');
      messageEnd = p + 1 + view.getUint32(p + 1);
      p += FRAME;
    }
    const columns = view.getInt16(p);
    if (columns === -1) break; // COPY's trailer
    if (columns !== COLUMN_COUNT) throw new Error(`an entry has ${columns} columns, ${COLUMN_COUNT} expected`);
    starts.push(p);
    p += 2;
    for (let c = 0; c < COLUMN_COUNT; c += 1) {
      const length = view.getInt32(p);
      p += 4 + (length > 0 ? length : 0);
    }
    if (p > data.length) throw new Error('an entry is cut short');
    if (framed && p !== messageEnd) throw new Error('an entry is not one CopyData message');
  }
  const n = starts.length;
  const out: HashedBatch = {
    seqs: new BigInt64Array(n),
    ats: new Float64Array(n),
    intact: new Uint8Array(n),
    linked: new Uint8Array(n),
    data,
    hashSpans: new Int32Array(4 * n),
    lists: [],
    listAt: [],
  };
  const listed = new Set<string>();
  const recentAt = new Int32Array(RECENT_LISTS);
  const recentLength = new Int32Array(RECENT_LISTS);
  let recentCount = 0;
  let recentNext = 0;
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const spans = out.hashSpans;
  // seq is written into the typed array's memory word by word, without making a BigInt.
  const seqWords = new DataView(out.seqs.buffer);
  const at = new Int32Array(COLUMN_COUNT);
  const len = new Int32Array(COLUMN_COUNT);
  let lastHash = -1;
  let lastHashLength = -1;
  // Whether a recomputed hash (hex) is the current entry's stored one.
  const isStored = (hex: string) => (len[HASH] === hex.length && text.toString('latin1', at[HASH], at[HASH] + hex.length) === hex ? 1 : 0);
  for (let i = 0; i < n; i += 1) {
    let p = starts[i] + 2;
    for (let c = 0; c < COLUMN_COUNT; c += 1) {
      const length = view.getInt32(p);
      at[c] = p + 4;
      len[c] = length;
      p += 4 + (length > 0 ? length : 0);
    }
    if (len[SEQ] !== 8) throw new Error('seq must be a bigint');
    const seqHigh = view.getInt32(at[SEQ]);
    const seqLow = view.getUint32(at[SEQ] + 4);
    if (LITTLE_ENDIAN) {
      seqWords.setUint32(8 * i, seqLow, true);
      seqWords.setInt32(8 * i + 4, seqHigh, true);
    } else {
      seqWords.setInt32(8 * i, seqHigh, false);
      seqWords.setUint32(8 * i + 4, seqLow, false);
    }
    spans[4 * i] = at[PREV_HASH];
    spans[4 * i + 1] = len[PREV_HASH];
    spans[4 * i + 2] = at[HASH];
    spans[4 * i + 3] = len[HASH];
    if (i > 0 && len[PREV_HASH] === lastHashLength) {
      out.linked[i] = text.compare(text, lastHash, lastHash + lastHashLength, at[PREV_HASH], at[PREV_HASH] + len[PREV_HASH]) === 0 ? 1 : 0;
    }
    lastHash = at[HASH];
    lastHashLength = len[HASH];
    const format = len[FORMAT] === 2 ? view.getInt16(at[FORMAT]) : 0;
    if (hashesStoredForm(format)) {
      // The stored form: the columns from `format` to the end of the row (format 3: but the last), as PostgreSQL sent them.
      if (len[STORED_AT] !== 8) throw new Error('at must be a timestamp');
      // Microseconds since 2000 in 64 bits, as two words (exact in a double for any time a timestamp holds).
      out.ats[i] = (view.getInt32(at[STORED_AT]) * 4294967296 + view.getUint32(at[STORED_AT] + 4)) / 1000 + PG_EPOCH_MS;
      // The run ends with the format's last stored column: at the row's end, or where the next column's length begins.
      const next = STORED + storedColumnCount(format);
      const end = next === COLUMN_COUNT ? p : at[next] - 4;
      out.intact[i] = isStored(sha256Once('sha256', data.subarray(at[STORED] - 4, end), 'hex'));
      if (format === LISTED_FORM && len[FIELDS_DIGEST] > 0) {
        // Entries name few lists (one per kind of request), interleaved: the digest is compared as bytes with the
        // last distinct ones before it is made a string.
        const d = at[FIELDS_DIGEST];
        const length = len[FIELDS_DIGEST];
        let seen = false;
        for (let r = 0; r < recentCount && !seen; r += 1) {
          if (recentLength[r] !== length) continue;
          const o = recentAt[r];
          let k = 0;
          while (k < length && data[d + k] === data[o + k]) k += 1;
          seen = k === length;
        }
        if (!seen) {
          const digest = text.toString('latin1', d, d + length);
          if (!listed.has(digest)) {
            listed.add(digest);
            out.lists.push(digest);
            out.listAt.push(i);
          }
          recentAt[recentNext] = d;
          recentLength[recentNext] = length;
          recentNext = (recentNext + 1) % RECENT_LISTS;
          if (recentCount < RECENT_LISTS) recentCount += 1;
        }
      }
      continue;
    }
    if (len[HEAD] < 0) {
      // Not renderable by PostgreSQL: the entry as a JSON line, hashed as before.
      if (len[LINE] < 0) continue; // neither form: not intact
      const entry = entryFromLine(text.toString('utf8', at[LINE], at[LINE] + len[LINE]));
      out.ats[i] = entry.at.getTime();
      out.intact[i] = isStored(sha256Once('sha256', canonicalEntry(entry), 'hex'));
      continue;
    }
    // `{"at":"YYYY-MM-DDTHH:MM:SS.mmmZ"` opens the head.
    out.ats[i] = Date.parse(text.toString('latin1', at[HEAD] + 7, at[HEAD] + 31));
    let o = 0;
    ensure(o, len[HEAD] + 4);
    scratch.set(data.subarray(at[HEAD], at[HEAD] + len[HEAD]), o);
    o += len[HEAD];
    if (len[DETAIL] < 0) {
      scratch[o++] = 0x6e; // null
      scratch[o++] = 0x75;
      scratch[o++] = 0x6c;
      scratch[o++] = 0x6c;
    } else {
      o = writeText(canonicalJson(JSON.parse(text.toString('utf8', at[DETAIL], at[DETAIL] + len[DETAIL]))), o);
    }
    ensure(o, FIELDS_KEY.length);
    scratch.set(FIELDS_KEY, o);
    o += FIELDS_KEY.length;
    o = pairs(data, at[FIELDS], len[FIELDS], o, FIELD_PAIR, 'outcome', 'path');
    ensure(o, len[MIDDLE]);
    scratch.set(data.subarray(at[MIDDLE], at[MIDDLE] + len[MIDDLE]), o);
    o += len[MIDDLE];
    o = pairs(data, at[SOURCES], len[SOURCES], o, SOURCE_PAIR, 'source', 'state');
    ensure(o, len[TAIL]);
    scratch.set(data.subarray(at[TAIL], at[TAIL] + len[TAIL]), o);
    o += len[TAIL];
    out.intact[i] = isStored(sha256Once('sha256', scratch.subarray(0, o), 'hex'));
  }
  return out;

  function writeText(s: string, o: number): number {
    const bytes = Buffer.from(s, 'utf8');
    ensure(o, bytes.length);
    scratch.set(bytes, o);
    return o + bytes.length;
  }
  function pairs(src: Uint8Array, start: number, length: number, o: number, pair: Pair, first: string, second: string): number {
    if (length >= 0) {
      // The same list as the previous entry's (requests of one kind read the same fields): its canonical form again.
      const memo = pair === FIELD_PAIR ? lastFields : lastSources;
      if (memo.length === length && memo.canonical.length > 0 && Buffer.compare(text.subarray(start, start + length), memo.source) === 0) {
        ensure(o, memo.canonical.length);
        scratch.set(memo.canonical, o);
        return o + memo.canonical.length;
      }
      ensure(o, 2 * length + 16);
      const end = canonicalPairs(src, start, start + length, scratch, o, pair);
      if (end >= 0) {
        if (length <= MEMO_LIMIT) {
          memo.length = length;
          memo.source = memo.sourceBytes.subarray(0, length);
          memo.source.set(src.subarray(start, start + length));
          memo.canonical = memo.canonicalBytes.subarray(0, end - o);
          memo.canonical.set(scratch.subarray(o, end));
        }
        return end;
      }
    }
    const json = length < 0 ? null : (JSON.parse(text.toString('utf8', start, start + length)) as unknown);
    return writeText(pairsJson(json, first, second), o);
  }
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'audit-hash') {
  parentPort!.on('message', ({ id, data, framed }: { id: number; data: Uint8Array; framed: boolean }) => {
    try {
      const result = hashTuples(data, framed);
      const handedBack = result.data.buffer instanceof SharedArrayBuffer ? [] : [result.data.buffer as ArrayBuffer];
      parentPort!.postMessage({ id, result }, [
        result.seqs.buffer as ArrayBuffer,
        result.ats.buffer as ArrayBuffer,
        result.intact.buffer as ArrayBuffer,
        result.linked.buffer as ArrayBuffer,
        result.hashSpans.buffer as ArrayBuffer,
        ...handedBack,
      ]);
    } catch (error) {
      parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
