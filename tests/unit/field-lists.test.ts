import { canonicalJson } from '../../src/audit/canonical-json';
import { listDigest, renderParts } from '../../src/audit/audit-entry-hash';
import { fieldListCaches, RequestAudit } from '../../src/audit/request-audit';
import type { FieldOutcome } from '../../src/audit/subject-read';
import { wellFormedDraft } from '../../src/audit/well-formed-draft';
import type { Viewer } from '../../src/auth/viewer';
import { SubjectView } from '../../src/schema/subject.type';

// A draft names the viewer by username, organisation and role only.
const VIEWER = { username: 'demo-clerk', organisationCode: '皖1524', role: 'CLERK' } as Viewer;

/** The draft of one subject read with these fields, recorded in this order, by a RequestAudit of the given class. */
function recorded(Audit: typeof RequestAudit, fields: Array<[string, FieldOutcome]>) {
  const audit = new Audit(null, 'request-1', VIEWER, null);
  const subject = Object.assign(Object.create(SubjectView.prototype) as SubjectView, {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'PERSON',
    idNumber: '340102199001011234',
    binding: { kind: 'EXECUTION', caseNo: '(2024)皖1524执125号' },
  });
  const read = audit.subjectRead(subject);
  for (const [path, outcome] of fields) read.field(path, outcome);
  return audit.take()[0];
}

/** The same, made well-formed as the writer takes it. */
const drafted = (fields: Array<[string, FieldOutcome]>) => wellFormedDraft(recorded(RequestAudit, fields));

describe('lists of fields shared between entries', () => {
  const FIELDS: Array<[string, FieldOutcome]> = [
    ['vehicles.plate', 'ALLOW'],
    ['phone', 'MASK'],
    ['realEstate.location', 'ALLOW'],
    ['realEstate', 'ALLOW'],
    ['tax.arrears.amount', 'FAILED'],
  ];
  const expected = [...FIELDS].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, outcome]) => ({ path, outcome }));

  it('gives every read of the same list, in whatever order recorded, the same list, JSON and digest as rendered afresh', () => {
    const first = drafted(FIELDS);
    const again = drafted([...FIELDS].reverse());
    expect(first.fields).toEqual(expected);
    expect(again.fields).toBe(first.fields);
    expect(Object.isFrozen(again.fields) && Object.isFrozen(again.fields[0])).toBe(true);
    const json = canonicalJson(expected);
    for (const d of [first, again]) {
      expect(d.rendered!.fields).toBe(json);
      expect(d.rendered!.fieldsDigest ?? listDigest(d.rendered!.fields)).toBe(listDigest(json));
    }
    // Rendered from a copy of the list (not the shared array): the same text.
    expect(renderParts({ ...first, fields: [...first.fields] }).fields).toBe(json);
  });

  it('does not share a list between reads that differ in one outcome, or whose paths only join up the same', () => {
    const masked = drafted(FIELDS.map(([p, o]) => [p, p === 'vehicles.plate' ? 'MASK' : o]));
    expect(masked.fields).toContainEqual({ path: 'vehicles.plate', outcome: 'MASK' });
    expect(masked.rendered!.fields).not.toBe(drafted(FIELDS).rendered!.fields);
    const joined = drafted([['aAb', 'ALLOW']]);
    const split = drafted([
      ['a', 'ALLOW'],
      ['b', 'ALLOW'],
    ]);
    expect(joined.fields).toEqual([{ path: 'aAb', outcome: 'ALLOW' }]);
    expect(split.fields).toEqual([
      { path: 'a', outcome: 'ALLOW' },
      { path: 'b', outcome: 'ALLOW' },
    ]);
  });

  it('renders a list that has to be mended afresh each time, mended', () => {
    const odd: Array<[string, FieldOutcome]> = [['p\ud800', 'ALLOW']];
    for (const d of [drafted(odd), drafted(odd)]) {
      expect(d.fields).toEqual([{ path: 'p\ufffd', outcome: 'ALLOW' }]);
      expect(d.rendered!.fields).toBe(canonicalJson([{ path: 'p\ufffd', outcome: 'ALLOW' }]));
    }
  });
});

describe('finding a list drafted before', () => {
  const list = (n: number, outcome: FieldOutcome = 'ALLOW'): Array<[string, FieldOutcome]> => [
    [`top${n}`, outcome],
    [`top${n}.below`, 'ALLOW'],
  ];

  it('keeps at most 1,000 lists and then starts over, every list still drafted right', () => {
    const first = drafted(list(0));
    expect(drafted(list(0)).fields).toBe(first.fields);
    for (let n = 1; n <= 1000; n += 1) expect(drafted(list(n)).fields[0]).toEqual({ path: `top${n}`, outcome: 'ALLOW' });
    const again = drafted(list(0));
    expect(again.fields).toEqual(first.fields);
    expect(again.fields).not.toBe(first.fields); // the 1,001st list emptied the cache: drafted afresh
    expect(drafted(list(0)).fields).toBe(again.fields);
  });

  it('gives at most 20,000 paths a code, then starts over with the codes and the lists found by them', () => {
    drafted(list(7));
    const wide = Array.from({ length: 20_001 }, (_, i): [string, FieldOutcome] => [`wide${i}`, 'ALLOW']);
    expect(drafted(wide).fields).toHaveLength(20_001);
    const after = fieldListCaches();
    expect(after.paths).toBeLessThanOrEqual(20_000);
    expect(after.lists).toBeLessThanOrEqual(1);
    expect(drafted(list(7)).fields[0]).toEqual({ path: 'top7', outcome: 'ALLOW' });
  });

  it('compares a list found by its fingerprint path by path: lists whose fingerprints agree are not mistaken', () => {
    jest.isolateModules(() => {
      // Every path gets the same code, so lists of as many fields with the same outcomes have the same fingerprint.
      jest.doMock('node:crypto', () => ({ ...jest.requireActual('node:crypto'), randomBytes: (n: number) => Buffer.alloc(n) }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module, under the mock
      const { RequestAudit: Isolated } = require('../../src/audit/request-audit') as typeof import('../../src/audit/request-audit');
      const draftedHere = (fields: Array<[string, FieldOutcome]>) => recorded(Isolated, fields).fields;
      const a = draftedHere(list(1));
      const b = draftedHere(list(2));
      expect(b).toEqual([
        { path: 'top2', outcome: 'ALLOW' },
        { path: 'top2.below', outcome: 'ALLOW' },
      ]);
      expect(draftedHere(list(1))).toBe(a);
      expect(draftedHere(list(2))).toEqual(b);
      expect(
        draftedHere([
          ['top1', 'ALLOW'],
          ['top1.below', 'MASK'],
        ]),
      ).toContainEqual({ path: 'top1.below', outcome: 'MASK' });
      jest.dontMock('node:crypto');
    });
  });
});
