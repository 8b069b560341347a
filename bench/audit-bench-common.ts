// What the audit benchmarks (audit-bench.ts, audit-scale-bench.ts, audit-entry-cost.ts) share: the entries they append,
// the chains of their own they append to, and the machine line of their reports.

import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { GENESIS_HASH, type AuditDraft } from '../src/audit/audit-entry-hash';
import { SOURCE_NAMES } from '../src/sources/source-name';

/** The machine a report's figures were measured on; `version` is PostgreSQL's `SELECT version()`. */
export function machineLine(version: string): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${version.split(',')[0]}`;
}

/**
 * SQL that makes `schema` an empty chain of its own beside the log: copies of `audit_entry` and `audit_head` with every
 * index (not the triggers), the head at the genesis hash. A pool whose search_path starts with the schema
 * (`scratchChainOptions`) appends there with the hub's own writer and statements; the lists of fields still go to the
 * log's `audit_field_list`, which such chains share.
 */
export function scratchChainSql(schema: string): string {
  return `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};
    CREATE TABLE ${schema}.audit_entry (LIKE public.audit_entry INCLUDING ALL);
    CREATE TABLE ${schema}.audit_head (LIKE public.audit_head INCLUDING ALL);
    INSERT INTO ${schema}.audit_head (id, seq, hash, at) VALUES (1, 0, '${GENESIS_HASH}', now())`;
}

/** The connection option that points a pool's statements at a scratch chain. */
export const scratchChainOptions = (schema: string) => `-c search_path=${schema},public`;

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
