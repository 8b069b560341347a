// What the audit benchmarks (audit-bench.ts, audit-scale-bench.ts) share: the entries they append and the machine
// line of their reports.

import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { AuditDraft } from '../src/audit/audit-entry-hash';
import { SOURCE_NAMES } from '../src/sources/source-name';

/** The machine a report's figures were measured on; `version` is PostgreSQL's `SELECT version()`. */
export function machineLine(version: string): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${version.split(',')[0]}`;
}

/** READ entries shaped like the benchmark inquiry's: 20 field paths, every source. */
export function syntheticDraft(): (i: number) => AuditDraft {
  const fields = [
    'id',
    'kind',
    'name',
    'idNumber',
    'phone',
    'address',
    'realEstate.certificateNo',
    'realEstate.location',
    'realEstate.area',
    'realEstate.encumbrances.kind',
    'realEstate.encumbrances.holder',
    'vehicles.plate',
    'vehicles.vin',
    'vehicles.status',
    'tax.creditGrade',
    'tax.arrears.amount',
    'socialSecurity.insuredStatus',
    'socialSecurity.employer.name',
    'credit.dishonest',
    'sourceStatus.state',
  ].map((path) => ({ path, outcome: 'ALLOW' as const }));
  // Eight lists, as inquiries of a few kinds by a few roles read: each masks one other field.
  const lists = Array.from({ length: 8 }, (_, v) => fields.map((f, k) => (k === v + 2 ? { ...f, outcome: 'MASK' as const } : f)));
  const sources = [...SOURCE_NAMES].sort().map((source) => ({ source, state: 'OK' }));
  return (i) => ({
    requestId: randomUUID(),
    kind: 'READ',
    username: `clerk-${i % 200}`,
    organisationCode: `皖15${String(20 + (i % 10))}`,
    role: 'CLERK',
    caseKind: 'EXECUTION',
    caseNo: `(2024)皖1524执${(i % 50_000) + 1}号`,
    subjectId: randomUUID(),
    subjectKind: 'PERSON',
    subjectIdNumber: `3415241980${String(i % 100_000_000).padStart(8, '0')}`,
    fields: lists[i % 8],
    sources,
    outcome: 'ALLOWED',
    clientAddress: '10.1.2.3',
    operationName: 'Inquiry',
    detail: null,
  });
}
