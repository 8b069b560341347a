// npm run bench:audit-draft [-- --reads 4000 --rounds 3]
//
// What the hub spends on one subject read's audit entry, apart from any request and database: recording its fields
// (as the audit middleware does beneath a subject: 12 fields read on the subject, each with the 7 planned beneath it,
// 96 paths), drafting the entry (`RequestAudit.take` and `wellFormedDraft`: the list sorted, rendered and digested, or
// taken from the lists already drafted) and chaining it (`chain`: salt, stored form, hash), in µs per read, median of
// the rounds. Every read records the same list, as every inquiry of one kind by one role does.

import 'reflect-metadata';
import { chain } from '../src/audit/audit-entry-hash';
import { RequestAudit } from '../src/audit/request-audit';
import type { FieldOutcome } from '../src/audit/subject-read';
import { wellFormedDraft } from '../src/audit/well-formed-draft';
import type { Viewer } from '../src/auth/viewer';
import { SubjectView } from '../src/schema/subject.type';
import { median } from './median';
import { wholeNumberOption } from './whole-number-option';

const ON_SUBJECT = ['name', 'phone', 'realEstate', 'vehicles', 'tax', 'socialSecurity', 'credit', 'deposits', 'housingFund'];
const MORE = ['marketRegistration', 'shareholdings', 'sourceStatus'];
const BENEATH: Array<{ path: string; outcome: FieldOutcome }> = [
  'location',
  'area',
  'encumbrances.kind',
  'encumbrances.rank',
  'plate',
  'brand',
  'amount',
].map((path) => ({ path, outcome: 'ALLOW' }));

const VIEWER: Viewer = {
  userId: '00000000-0000-4000-8000-0000000000aa',
  username: 'bench-clerk',
  displayName: '书记员',
  role: 'CLERK',
  organisationId: '00000000-0000-4000-8000-0000000000bb',
  organisationCode: '皖1524',
  organisationName: '金寨县人民法院',
  organisationKind: 'COURT',
  organisationSource: null,
};

function main(): void {
  const reads = wholeNumberOption('reads', 4000);
  const rounds = wholeNumberOption('rounds', 3);
  const tops = [...ON_SUBJECT, ...MORE];
  // The middleware records the paths beneath a subject from strings built once per planned list and prefix.
  const beneath = new Map(tops.map((top) => [top, BENEATH.map((b) => `${top}.${b.path}`)]));
  const subject = Object.assign(Object.create(SubjectView.prototype) as SubjectView, {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'PERSON',
    idNumber: '340102199001011234',
    binding: { kind: 'EXECUTION', caseNo: '(2024)皖1524执125号' },
  });
  const phases = { record: [] as number[], draft: [] as number[], chain: [] as number[] };
  for (let round = 0; round < rounds; round += 1) {
    const sum = { record: 0n, draft: 0n, chain: 0n };
    for (let i = 0; i < reads; i += 1) {
      const audit = new RequestAudit(null, `request-${i}`, VIEWER, '127.0.0.1');
      const t0 = process.hrtime.bigint();
      const read = audit.subjectRead(subject);
      for (const top of tops) {
        read.field(top, 'ALLOW');
        const paths = beneath.get(top)!;
        for (let k = 0; k < BENEATH.length; k += 1) read.field(paths[k], BENEATH[k].outcome);
      }
      const t1 = process.hrtime.bigint();
      const drafts = audit.take().map(wellFormedDraft);
      const t2 = process.hrtime.bigint();
      chain(drafts, { seq: BigInt(i), hash: 'a'.repeat(64) }, new Date());
      const t3 = process.hrtime.bigint();
      sum.record += t1 - t0;
      sum.draft += t2 - t1;
      sum.chain += t3 - t2;
    }
    for (const k of ['record', 'draft', 'chain'] as const) phases[k].push(Number(sum[k]) / reads / 1000);
  }
  const f = (xs: number[]) => `${median(xs).toFixed(1)} µs (rounds ${xs.map((x) => x.toFixed(1)).join(', ')})`;
  process.stdout.write(
    `${new Date().toISOString()}: ${reads} subject reads of ${tops.length * (1 + BENEATH.length)} fields, ${rounds} rounds, median per read\n` +
      `record ${f(phases.record)}\ndraft ${f(phases.draft)}\nchain ${f(phases.chain)}\n`,
  );
}

main();
