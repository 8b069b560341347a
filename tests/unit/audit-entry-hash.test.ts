import { createHash } from 'node:crypto';
import {
  canonicalEntry,
  canonicalEntryReference,
  chain,
  entryHash,
  GENESIS_HASH,
  STORED_COLUMNS,
  storedForm,
  type AuditDraft,
} from '../../src/audit/audit-entry-hash';
import { canonicalJson } from '../../src/audit/canonical-json';
import { redactArguments } from '../../src/audit/redact-arguments';
import { wellFormedDraft } from '../../src/audit/well-formed-draft';
import { detailFor } from '../../src/audit/mask-detail';
import { formatError } from '../../src/server/format-error';
import { isOutsideWorkingHours } from '../../src/audit/alert-rules';
import { auditDraft as draft } from '../support/audit-draft';

describe('canonical serialisation and the hash chain', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'é"' }], c: undefined } })).toBe('{"a":{"c":null,"d":[3,{"y":"é\\"","z":null}]},"b":1}');
  });

  it.each([
    ['a plain read', draft()],
    [
      'nulls everywhere',
      draft({
        username: null,
        organisationCode: null,
        role: null,
        caseKind: null,
        caseNo: null,
        subjectId: null,
        subjectKind: null,
        subjectIdNumber: null,
        clientAddress: null,
        operationName: null,
      }),
    ],
    [
      'an operation with nested arguments',
      draft({
        kind: 'ADMIN',
        fields: [],
        sources: [],
        detail: { operation: 'createUser', arguments: { input: { username: 'x', roles: ['A', 'B'], n: 1.5 } } },
      }),
    ],
    ['field items with extra keys', draft({ fields: [{ path: 'a', outcome: 'ALLOW', extra: 1 } as never] })],
    ['fields that are not a list', draft({ fields: { not: 'a list' } as never })],
    ['quotes, backslashes and Chinese text', draft({ caseNo: '(2024)皖"1524\\执', username: '张\n伟' })],
  ])('serialises %s exactly as the reference definition', (_label, d) => {
    const [entry] = chain([d], { seq: 41n, hash: 'a'.repeat(64) }, new Date('2025-03-01T02:03:04.005Z'));
    expect(canonicalEntry(entry)).toBe(canonicalEntryReference(entry));
  });

  it('links each entry to the previous one, from the genesis hash', () => {
    const entries = chain([draft(), draft({ outcome: 'ALLOWED' })], { seq: 0n, hash: GENESIS_HASH }, new Date());
    expect(entries.map((e) => e.seq)).toEqual(['1', '2']);
    expect(entries[0].prevHash).toBe(GENESIS_HASH);
    expect(entries[1].prevHash).toBe(entries[0].hash);
    expect(entries.every((e) => entryHash(e) === e.hash)).toBe(true);
  });

  it.each(['username', 'caseNo', 'subjectIdNumber', 'outcome', 'prevHash', 'seq'] as const)('changes the hash when %s changes', (field) => {
    const [entry] = chain([draft()], { seq: 0n, hash: GENESIS_HASH }, new Date());
    expect(entryHash({ ...entry, [field]: `${entry[field]}0` })).not.toBe(entry.hash);
  });

  it('changes the hash when one field outcome changes', () => {
    const [entry] = chain([draft()], { seq: 0n, hash: GENESIS_HASH }, new Date());
    expect(
      entryHash({
        ...entry,
        fields: [
          { path: 'vehicles.plate', outcome: 'ALLOW' },
          { path: 'phone', outcome: 'ALLOW' },
        ],
      }),
    ).not.toBe(entry.hash);
  });
});

describe('commitments', () => {
  it('hashes each entry with a fresh secret, so equal content gives unrelated hashes', () => {
    const [a] = chain([draft()], { seq: 0n, hash: GENESIS_HASH }, new Date('2025-03-01T00:00:00Z'));
    const [b] = chain([draft()], { seq: 0n, hash: GENESIS_HASH }, new Date('2025-03-01T00:00:00Z'));
    expect(a.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(entryHash({ ...a, salt: b.salt })).not.toBe(a.hash);
    expect(canonicalEntry(a)).toContain(`"salt":"${a.salt}"`);
  });

  it('still verifies entries written before commitments (no salt, no correlation id) by their original rule', () => {
    const [entry] = chain([draft()], { seq: 0n, hash: GENESIS_HASH }, new Date('2025-03-01T00:00:00Z'));
    const legacy = { ...entry, format: 2, salt: null, correlationId: null };
    const legacyText = canonicalEntry(legacy);
    expect(legacyText).not.toMatch(/"salt"|"correlationId"/);
    expect(legacyText).toBe(canonicalEntryReference(legacy));
    const hash = entryHash(legacy);
    expect(entryHash({ ...legacy, hash } as never)).toBe(hash);
    expect(entryHash({ ...legacy, username: 'someone-else' })).not.toBe(hash);
  });

  it('commits to the correlation id', () => {
    const [entry] = chain([draft({ correlationId: 'client-0001' })], { seq: 0n, hash: GENESIS_HASH }, new Date());
    expect(entryHash({ ...entry, correlationId: 'client-0002' })).not.toBe(entry.hash);
  });
});

describe('the stored form (formats 3 and 4)', () => {
  // The columns of a stored form, read back: each a 32-bit length (-1 for NULL) and that many bytes.
  const columnsOf = (form: Buffer, count = STORED_COLUMNS.length) => {
    const columns = new Map<string, Buffer | null>();
    let p = 0;
    for (const [name] of STORED_COLUMNS.slice(0, count)) {
      const length = form.readInt32BE(p);
      p += 4;
      columns.set(name, length < 0 ? null : form.subarray(p, p + length));
      p += Math.max(length, 0);
    }
    expect(p).toBe(form.length);
    return columns;
  };

  it('lays out every column as PostgreSQL sends it in binary, and the hash is taken over exactly those bytes', () => {
    const subjectId = '0A1B2C3D-4E5F-4a6b-8c7d-9e0f1a2b3c4d';
    const [entry] = chain(
      [draft({ subjectId, detail: null, username: '张伟 😀', correlationId: null })],
      { seq: 41n, hash: 'a'.repeat(64) },
      new Date('2000-01-01T00:00:01.500Z'),
    );
    expect(entry.format).toBe(4);
    const form = storedForm(entry);
    expect(createHash('sha256').update(form).digest('hex')).toBe(entry.hash);
    const c = columnsOf(form);
    expect(c.get('format')).toEqual(Buffer.from([0, 4]));
    expect(c.get('seq')!.readBigInt64BE()).toBe(42n);
    expect(c.get('at')!.readBigInt64BE()).toBe(1_500_000n); // microseconds since 2000-01-01 UTC
    expect(c.get('subject_id')!.toString('hex')).toBe(subjectId.replace(/-/g, '').toLowerCase());
    expect(c.get('username')!.toString('utf8')).toBe('张伟 😀');
    expect(c.get('detail')).toBeNull();
    expect(c.get('correlation_id')).toBeNull();
    // The list of fields is not in the entry: its digest is, the SHA-256 of the list's canonical JSON.
    expect(c.get('fields')).toBeNull();
    expect(c.get('fields_digest')!.toString('latin1')).toBe(createHash('sha256').update(canonicalJson(entry.fields)).digest('hex'));
    expect(c.get('salt')!.toString('latin1')).toBe(entry.salt);
    expect(c.get('prev_hash')!.toString('latin1')).toBe('a'.repeat(64));
    // Format 3 holds the list itself and ends with prevHash.
    const three = { ...entry, format: 3 };
    const c3 = columnsOf(storedForm(three), STORED_COLUMNS.length - 1);
    expect(c3.get('format')).toEqual(Buffer.from([0, 3]));
    expect(c3.get('fields')!.toString('utf8')).toBe(canonicalJson(entry.fields));
    expect(entryHash(three)).not.toBe(entry.hash);
    // Times before 2000 count backwards.
    expect(
      columnsOf(storedForm({ ...entry, at: new Date('1999-12-31T23:59:59.999Z') }))
        .get('at')!
        .readBigInt64BE(),
    ).toBe(-1000n);
  });

  it.each(['username', 'caseNo', 'subjectIdNumber', 'outcome', 'prevHash', 'seq', 'salt', 'correlationId'] as const)(
    'changes the hash when %s changes',
    (field) => {
      const [entry] = chain([draft({ correlationId: 'c-1' })], { seq: 0n, hash: GENESIS_HASH }, new Date());
      expect(entryHash({ ...entry, [field]: `${entry[field]}0` })).not.toBe(entry.hash);
    },
  );

  it('commits through the digest to the list of fields read', () => {
    const [entry] = chain([draft({})], { seq: 0n, hash: GENESIS_HASH }, new Date());
    const other = [...entry.fields, { path: 'extra', outcome: 'ALLOW' as const }];
    expect(entryHash({ ...entry, fields: other })).not.toBe(entry.hash);
    expect(entryHash({ ...entry, fields: entry.fields.slice(1) })).not.toBe(entry.hash);
    expect(entryHash({ ...entry, rendered: undefined })).toBe(entry.hash);
  });

  it('tells an empty text from NULL, and the same JSON value written two ways apart', () => {
    const [entry] = chain([draft({ caseNo: null, detail: { a: 1 } })], { seq: 0n, hash: GENESIS_HASH }, new Date());
    expect(entryHash({ ...entry, caseNo: '' })).not.toBe(entry.hash);
    expect(entryHash(entry, { ...entry.rendered!, detail: '{"a": 1}' })).not.toBe(entry.hash);
    expect(entryHash(entry, entry.rendered)).toBe(entry.hash);
  });

  it('refuses a subject id that is not a uuid (the column would refuse it too)', () => {
    expect(() => chain([draft({ subjectId: 'not-a-uuid' })], { seq: 0n, hash: GENESIS_HASH }, new Date())).toThrow(/uuid/);
  });
});

describe('well-formed drafts', () => {
  it('replaces lone surrogates, drops NUL and cuts text to its column, at every depth', () => {
    const clean = wellFormedDraft(
      draft({
        username: 'a\ud800b\u0000c'.padEnd(100, 'x'),
        caseNo: null,
        detail: { arguments: { ['k\udc00']: ['\ud83d\ude00 ok', 'lone \ud83d'] } },
      }),
    );
    expect(clean.username).toBe('a\ufffdbc'.padEnd(64, 'x'));
    expect(clean.detail).toEqual({ arguments: { 'k\ufffd': ['\ud83d\ude00 ok', 'lone \ufffd'] } });
    expect(Buffer.from(JSON.stringify(clean), 'utf8').toString('utf8')).toBe(JSON.stringify(clean));
  });

  it('keeps well-formed lists and objects as they are, copies only what changes, and writes a Date as its ISO string', () => {
    const fields = [{ path: 'subject.name', outcome: 'ALLOW' as const }];
    const inner = { ok: ['x'], bad: 'lone \ud800' };
    const detail = { arguments: { inner, at: new Date(0) } };
    const clean = wellFormedDraft(draft({ fields, detail }));
    expect(clean.fields).toBe(fields);
    expect(clean.detail).not.toBe(detail);
    expect(clean.detail).toEqual({ arguments: { inner: { ok: ['x'], bad: 'lone \ufffd' }, at: '1970-01-01T00:00:00.000Z' } });
    expect((clean.detail as { arguments: { inner: { ok: string[] } } }).arguments.inner.ok).toBe(inner.ok);
    expect(inner.bad).toBe('lone \ud800');
  });

  it('comes with the canonical JSON of what it holds, mended or not', () => {
    const cases: Array<Partial<AuditDraft>> = [
      {},
      { detail: { text: 'a backslash then u0000: \\u0000 and \\ud800' } },
      { detail: { ['nul\u0000key']: 'v\u0000' }, fields: [{ path: 'p\udfff', outcome: 'ALLOW' }] },
      {
        sources: [
          { source: 'tax', state: 'OK' },
          { source: 'lone \udbff', state: 'FAILED' },
        ],
      },
    ];
    for (const over of cases) {
      const clean = wellFormedDraft(draft(over));
      expect(clean.rendered).toEqual({
        fields: canonicalJson(clean.fields),
        sources: canonicalJson(clean.sources),
        detail: canonicalJson(clean.detail),
      });
      for (const text of Object.values(clean.rendered!)) {
        const strings: string[] = [];
        JSON.parse(text, function (key, value) {
          strings.push(key);
          if (typeof value === 'string') strings.push(value);
          return value;
        });
        expect(strings.filter((t) => !t.isWellFormed() || t.includes('\u0000'))).toEqual([]);
      }
    }
    expect(wellFormedDraft(draft(cases[1])).detail).toEqual(cases[1].detail);
    expect(wellFormedDraft(draft(cases[2])).detail).toEqual({ nulkey: 'v' });
    expect(wellFormedDraft(draft(cases[2])).fields).toEqual([{ path: 'p\ufffd', outcome: 'ALLOW' }]);
  });
});

describe('arguments as auditors see them', () => {
  const detail = {
    operation: 'createExecutionCase',
    arguments: {
      input: {
        caseNo: '(2024)皖1524执131号',
        respondents: [
          { idNumber: '341524198604123508', name: '郑丽' },
          { idNumber: '91341524MAQ7C7XA75', name: '金寨县远航物流有限公司' },
        ],
      },
    },
    message: 'respondent 34152419860412350x conflicts',
  };

  it('masks ID numbers, credit codes and the names of persons filed by resident ID', () => {
    const shown = JSON.parse(detailFor('AUDITOR', detail)!);
    expect(shown.arguments.input).toEqual({
      caseNo: '(2024)皖1524执131号',
      respondents: [
        { idNumber: '3415**********3508', name: '郑*' },
        { idNumber: '9134**********XA75', name: '金寨县远航物流有限公司' },
      ],
    });
    expect(shown.message).toBe('respondent 3415**********350x conflicts');
  });

  it('leaves case numbers, usernames and cursors as they are', () => {
    const args = { caseNo: '(2024)皖1524执131号', username: 'demo-administrator', after: 'WyJzZXEiLCIxMjMiXQ' };
    expect(JSON.parse(detailFor('AUDITOR', { arguments: args })!).arguments).toEqual(args);
  });
});

describe('persisted-query errors', () => {
  it.each(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED'])('maps %s to BAD_USER_INPUT, keeping it as the reason', (code) => {
    const formatted = formatError(false, true)({ message: 'PersistedQueryNotFound', extensions: { code } }, null);
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: code });
  });
});

describe('recorded arguments', () => {
  it('removes secrets and NUL characters, and bounds the size', () => {
    expect(redactArguments({ input: { username: 'a\u0000b', password: 'hunter2', apiToken: 'x' } })).toEqual({
      input: { username: 'ab', password: '[redacted]', apiToken: '[redacted]' },
    });
    expect(redactArguments({ big: 'x'.repeat(10_000) })).toEqual({ truncated: true, size: 10_010, keys: ['big'] });
  });
});

describe('working hours (Asia/Shanghai)', () => {
  it.each([
    ['2025-03-03T00:29:00Z', true], // Monday 08:29 in Shanghai
    ['2025-03-03T00:30:00Z', false], // Monday 08:30
    ['2025-03-03T09:59:00Z', false], // Monday 17:59
    ['2025-03-03T10:00:00Z', true], // Monday 18:00
    ['2025-03-08T02:00:00Z', true], // Saturday 10:00
    ['2025-03-02T20:00:00Z', true], // Monday 04:00 (Sunday in UTC)
  ])('%s outside working hours: %s', (at, outside) => {
    expect(isOutsideWorkingHours(new Date(at))).toBe(outside);
  });
});
