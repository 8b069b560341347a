import { createHash } from 'node:crypto';
import { canonicalEntry, chain, GENESIS_HASH, LISTED_FORM, STORED_COLUMNS, storedForm, type ChainedEntry } from '../../src/audit/audit-entry-hash';
import { canonicalJson } from '../../src/audit/canonical-json';
import { canonicalPairs, ENTRY_COLUMNS, hashTuples, storedHash } from '../../src/audit/audit-hash-worker';
import { asFormat2, asFormat3, auditDraft as draft } from '../support/audit-draft';

// jsonb's text of a value: keys shortest first (then by bytes), ", " and ": " between members.
function jsonbText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText((value as Record<string, unknown>)[k])}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

const FIELD_PAIR = 'fields';
const pairsOf = (list: unknown, kind: string = FIELD_PAIR) => {
  const entry = chain(
    [draft(kind === FIELD_PAIR ? { fields: list as never } : { sources: list as never })],
    { seq: 0n, hash: GENESIS_HASH },
    new Date(0),
  )[0];
  const text = canonicalEntry(entry);
  const key = kind === FIELD_PAIR ? '"fields":' : '"sources":';
  const start = text.indexOf(key) + key.length;
  return text.slice(start, text.indexOf(kind === FIELD_PAIR ? ',"kind":' : ',"subjectId":'));
};

describe('pairs put in canonical form from jsonb text', () => {
  const pairs = (text: string, first: '{"path": ' | '{"state": ') => {
    const ascii = (s: string) => Buffer.from(s, 'latin1');
    const pair =
      first === '{"path": '
        ? { jsonbFirst: ascii('{"path": '), jsonbSecond: ascii(', "outcome": '), first: ascii('{"outcome":'), second: ascii(',"path":') }
        : { jsonbFirst: ascii('{"state": '), jsonbSecond: ascii(', "source": '), first: ascii('{"source":'), second: ascii(',"state":') };
    const src = Buffer.from(text, 'utf8');
    const out = new Uint8Array(src.length * 2 + 16);
    const end = canonicalPairs(src, 0, src.length, out, 0, pair);
    return end < 0 ? null : Buffer.from(out.subarray(0, end)).toString('utf8');
  };

  it('writes what canonicalEntry writes, strings escaped or not, in any script', () => {
    for (const fields of [
      [],
      [{ path: 'id', outcome: 'ALLOW' }],
      [
        { path: 'a"b\\c\nd\te\u0001\u001f\u007f', outcome: 'DENY' },
        { path: '地址 😀 \u2028 ,"path": ', outcome: 'MASK' },
        { path: '', outcome: '}, {' },
      ],
    ]) {
      expect(pairs(jsonbText(fields), '{"path": ')).toBe(pairsOf(fields));
    }
    const sources = [
      { source: 'vehicle', state: 'OK' },
      { source: '不动产"登记', state: 'TIMEOUT' },
    ];
    expect(pairs(jsonbText(sources), '{"state": ')).toBe(pairsOf(sources, 'sources'));
  });

  it('declines any other shape, which then goes through JSON.parse and canonicalJson', () => {
    for (const fields of [
      [{ path: 'id', outcome: 'ALLOW', extra: 1 }],
      [{ path: 'id', outcome: 7 }],
      [{ path: 'id' }],
      [{ path: 'id', outcome: null }],
      [['id', 'ALLOW']],
      { path: 'id', outcome: 'ALLOW' },
      'ALLOW',
    ]) {
      expect(pairs(jsonbText(fields), '{"path": ')).toBeNull();
    }
    expect(pairs('[{"path": "id", "outcome": "ALLOW"}', '{"path": ')).toBeNull();
    expect(pairs('[{"path": "id\\", "outcome": "ALLOW"}]', '{"path": ')).toBeNull();
  });
});

// A row as COPY (FORMAT binary) sends it, its columns as ENTRY_COLUMNS describes them: the first nine, then the
// stored form's columns as storedForm writes them (which is how COPY sends them: a length, then the bytes).
function tuple([stored, ...columns]: Array<Buffer | string | null>): Buffer {
  const parts: Buffer[] = [Buffer.from([0, columns.length + STORED_COLUMNS.length])];
  for (const c of columns) {
    const bytes = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
    const length = Buffer.alloc(4);
    length.writeInt32BE(bytes ? bytes.length : -1);
    parts.push(length);
    if (bytes) parts.push(bytes);
  }
  parts.push(stored as Buffer);
  return Buffer.concat(parts);
}
// The stored columns as COPY sends them: an entry of an earlier format has no digest of its list (NULL, the last).
const sentForm = (e: ChainedEntry, form: Buffer = storedForm(e)) =>
  e.format === LISTED_FORM ? form : Buffer.concat([form, Buffer.from([0xff, 0xff, 0xff, 0xff])]);
const seqBytes = (seq: string) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(seq));
  return b;
};

// The pieces PostgreSQL renders for an entry of format 2, cut from canonicalEntry's text (the integration tests hold
// PostgreSQL's to this), and its stored columns first (which, for this format, the hash does not cover).
function rendered(e: ChainedEntry): Array<Buffer | string | null> {
  const text = canonicalEntry(e);
  return [
    sentForm(e),
    seqBytes(e.seq),
    e.hash,
    text.slice(0, text.indexOf('"detail":') + '"detail":'.length),
    e.detail === null ? null : jsonbText(e.detail),
    jsonbText(e.fields),
    text.slice(text.indexOf(',"kind":'), text.indexOf('"sources":') + '"sources":'.length),
    jsonbText(e.sources),
    text.slice(text.indexOf(',"subjectId":')),
    null,
  ];
}

describe('hashing a batch of rows', () => {
  const at = new Date('2026-03-01T08:00:00.123Z');
  const current = chain(
    [
      draft(),
      draft({ detail: { z: [1, 2.5, -0, 1e21, null, true], ä: { '𝒳': 'x', '\uffff': 'y' }, a: 'line\nbreak "quoted"' } }),
      draft({ fields: [{ path: 'id', outcome: 'ALLOW', note: 'x' }] as never, username: 'o\'neil "\\" 😀' }),
      draft({ fields: [{ path: 'id', outcome: 'ALLOW' }] }),
      draft({ fields: [{ path: 'id', outcome: 'ALLOW' }] }),
    ],
    { seq: 0n, hash: GENESIS_HASH },
    at,
  );
  const entries = asFormat2(current);

  it('recomputes every hash from the pieces, and links each entry to the one before', () => {
    expect(ENTRY_COLUMNS).toHaveLength(9 + STORED_COLUMNS.length);
    const result = hashTuples(new Uint8Array(Buffer.concat(entries.map((e) => tuple(rendered(e))))));
    expect([...result.seqs]).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect([...result.intact]).toEqual([1, 1, 1, 1, 1]);
    expect([...result.linked]).toEqual([0, 1, 1, 1, 1]);
    expect([...result.ats]).toEqual(entries.map(() => at.getTime()));
    expect(entries.map((_, i) => storedHash(result, i, 1))).toEqual(entries.map((e) => e.hash));
    expect(storedHash(result, 0, 0)).toBe(GENESIS_HASH);
  });

  it('finds a changed piece, a changed list, a changed detail and a broken link', () => {
    const rows = entries.map((e) => rendered(e));
    rows[0][8] = String(rows[0][8]).replace('demo-clerk', 'demo-clerK');
    rows[1][4] = String(rows[1][4]).replace('2.5', '2.6');
    rows[3][5] = String(rows[3][5]).replace('ALLOW', 'DENY');
    // The stored prevHash alone (the canonical piece still names the right one): the link breaks, the hash holds.
    rows[4][0] = sentForm(entries[4], storedForm({ ...entries[4], prevHash: '1'.repeat(64) }));
    const result = hashTuples(new Uint8Array(Buffer.concat(rows.map(tuple))));
    expect([...result.intact]).toEqual([0, 0, 1, 0, 1]);
    expect([...result.linked]).toEqual([0, 1, 1, 1, 0]);
  });

  it('hashes an entry sent as a JSON line, as before, when PostgreSQL cannot render it', () => {
    const e = entries[1];
    const line = JSON.stringify([
      e.seq,
      e.at.toISOString(),
      e.requestId,
      e.correlationId ?? null,
      e.kind,
      e.username,
      e.organisationCode,
      e.role,
      e.caseKind,
      e.caseNo,
      e.subjectId,
      e.subjectKind,
      e.subjectIdNumber,
      e.fields,
      e.sources,
      e.outcome,
      e.clientAddress,
      e.operationName,
      e.detail,
      e.salt,
      e.prevHash,
      e.hash,
    ]);
    const row = rendered(e);
    row[3] = null;
    row[9] = line;
    expect([...hashTuples(new Uint8Array(tuple(row))).intact]).toEqual([1]);
    row[9] = line.replace('demo-clerk', 'demo-clerK');
    expect([...hashTuples(new Uint8Array(tuple(row))).intact]).toEqual([0]);
    // Neither the pieces nor the line: not intact, and the rest of the batch is still hashed.
    row[9] = null;
    expect([...hashTuples(new Uint8Array(Buffer.concat([tuple(row), tuple(rendered(entries[2]))]))).intact]).toEqual([0, 1]);
  });

  // An entry of format 3 or 4 as PostgreSQL sends it: no pieces, its stored columns.
  const stored = (e: ChainedEntry, form: Buffer = storedForm(e)) =>
    tuple([sentForm(e, form), seqBytes(e.seq), e.hash, null, null, null, null, null, null, null]);

  it('hashes an entry of format 4 over its stored columns as sent, with nothing rendered', () => {
    expect(current.map((e) => e.format)).toEqual([4, 4, 4, 4, 4]);
    const result = hashTuples(new Uint8Array(Buffer.concat(current.map((e) => stored(e)))));
    expect([...result.seqs]).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect([...result.intact]).toEqual([1, 1, 1, 1, 1]);
    expect([...result.linked]).toEqual([0, 1, 1, 1, 1]);
    expect([...result.ats]).toEqual(current.map(() => at.getTime()));
    // A chain may hold both formats: the entries written before the stored form, then the new ones.
    const mixed = hashTuples(new Uint8Array(Buffer.concat([tuple(rendered(entries[0])), stored(current[1])])));
    expect([...mixed.intact]).toEqual([1, 1]);
    // And entries of format 3, whose stored form holds the list and stops before its digest.
    const three = asFormat3(current);
    expect(three[0].hash).not.toBe(current[0].hash);
    const all = hashTuples(new Uint8Array(Buffer.concat([...three.map((e) => stored(e)), stored({ ...current[0], prevHash: three[4].hash })])));
    expect([...all.intact]).toEqual([1, 1, 1, 1, 1, 0]);
    const relinked = chain([draft()], { seq: 5n, hash: three[4].hash }, at)[0];
    expect([...hashTuples(new Uint8Array(Buffer.concat([...three.map((e) => stored(e)), stored(relinked)]))).intact]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('names each list of fields of a batch once, with the first entry that names it', () => {
    const digest = (e: ChainedEntry) => createHash('sha256').update(canonicalJson(e.fields)).digest('hex');
    const result = hashTuples(new Uint8Array(Buffer.concat([...current, current[0]].map((e) => stored(e)))));
    // Entries 3 and 4 read the same fields; the sixth repeats the first's list.
    expect(result.lists).toEqual(
      [digest(current[0]), digest(current[1]), digest(current[2]), digest(current[3])].filter((d, i, all) => all.indexOf(d) === i),
    );
    expect(result.listAt).toEqual(result.lists.map((d) => current.findIndex((e) => digest(e) === d)));
    expect(result.lists).toHaveLength(new Set(current.map(digest)).size);
    // Entries of earlier formats name none.
    expect(hashTuples(new Uint8Array(Buffer.concat(asFormat3(current).map((e) => stored(e))))).lists).toEqual([]);
  });

  it('reads rows each in the CopyData message they came in, and refuses rows not one to a message', () => {
    const frame = (body: Buffer) => {
      const header = Buffer.from([0x64, 0, 0, 0, 0]);
      header.writeUInt32BE(body.length + 4, 1);
      return Buffer.concat([header, body]);
    };
    const rows = current.map((e) => stored(e));
    const plain = hashTuples(new Uint8Array(Buffer.concat(rows)));
    const framed = hashTuples(new Uint8Array(Buffer.concat(rows.map(frame))), true);
    expect([...framed.intact]).toEqual([1, 1, 1, 1, 1]);
    expect([...framed.linked]).toEqual([...plain.linked]);
    expect([...framed.seqs]).toEqual([...plain.seqs]);
    expect(current.map((_, i) => storedHash(framed, i, 1))).toEqual(current.map((e) => e.hash));
    expect(storedHash(framed, 0, 0)).toBe(GENESIS_HASH);
    // Two rows in one message, or a message's length that does not end where its row does.
    expect(() => hashTuples(new Uint8Array(Buffer.concat([frame(Buffer.concat([rows[0], rows[1]])), frame(rows[2])])), true)).toThrow(
      /one CopyData message/,
    );
    const long = frame(rows[0]);
    long.writeUInt32BE(long.readUInt32BE(1) + 1, 1);
    expect(() => hashTuples(new Uint8Array(Buffer.concat([long, frame(rows[1])])), true)).toThrow(/CopyData message|columns/);
  });

  it('names each list once however many lists a batch interleaves, and one seen long before is not named again', () => {
    // 40 lists taking turns, then the first ten again in another order: more than a batch compares by bytes.
    const order = [...Array.from({ length: 40 }, (_, k) => k), ...Array.from({ length: 40 }, (_, k) => k), 3, 0, 9, 1];
    const many = chain(
      order.map((k) => draft({ fields: [{ path: `field${k}`, outcome: 'ALLOW' }] })),
      { seq: 0n, hash: GENESIS_HASH },
      at,
    );
    const result = hashTuples(new Uint8Array(Buffer.concat(many.map((e) => stored(e)))));
    expect([...result.intact].every((v) => v === 1)).toBe(true);
    const digests = many.map((e) => createHash('sha256').update(canonicalJson(e.fields)).digest('hex'));
    expect(new Set(digests).size).toBe(40);
    expect(result.lists).toEqual(digests.slice(0, 40));
    expect(result.listAt).toEqual(Array.from({ length: 40 }, (_, k) => k));
  });

  it('finds any byte of the stored columns changed, the format changed, or the same JSON written another way', () => {
    const e = current[1];
    const form = storedForm(e);
    const changed = (mend: (b: Buffer) => void) => {
      const copy = Buffer.from(form);
      mend(copy);
      return stored(e, copy);
    };
    const canonicalDetail = e.rendered!.detail;
    const detailAt = form.indexOf(canonicalDetail);
    expect(detailAt).toBeGreaterThan(0);
    const rows = [
      changed(() => undefined),
      changed((b) => (b[form.indexOf('demo-clerk') + 9] = 0x4b)), // demo-clerK
      changed((b) => (b[17] ^= 1)), // the last byte of seq (after format: 4 + 2 bytes; its length: 4)
      changed((b) => (b[detailAt] = 0x20)), // `{` becomes a space: other JSON text
      changed((b) => (b[5] = 2)), // format 2 (its value: bytes 4 and 5), with no canonical pieces to hash
    ];
    expect([...hashTuples(new Uint8Array(Buffer.concat(rows))).intact]).toEqual([1, 0, 0, 0, 0]);
  });
});
