import { entryHash, type AuditDraft, type ChainedEntry } from '../../src/audit/audit-entry-hash';

/** A clerk's READ of one person under an execution case, one field allowed and one denied; `over` replaces any part. */
export const auditDraft = (over: Partial<AuditDraft> = {}): AuditDraft => ({
  requestId: 'req-00000001',
  kind: 'READ',
  username: 'demo-clerk',
  organisationCode: '皖1524',
  role: 'CLERK',
  caseKind: 'EXECUTION',
  caseNo: '(2024)皖1524执123号',
  subjectId: '0b0f5a8e-4f1e-4a53-8f25-7d1f2c3b4a5d',
  subjectKind: 'PERSON',
  subjectIdNumber: '341524198205171377',
  fields: [
    { path: 'vehicles.plate', outcome: 'ALLOW' },
    { path: 'phone', outcome: 'DENY' },
  ],
  sources: [{ source: 'vehicle', state: 'OK' }],
  outcome: 'PARTIAL',
  clientAddress: '127.0.0.1',
  operationName: 'Inquiry',
  detail: null,
  ...over,
});

/**
 * Chained entries hashed again as entries of an earlier format were, linked anew from the first one's `prevHash`;
 * `change` alters an entry before it is hashed.
 */
function asFormat(format: 2 | 3, entries: ChainedEntry[], change: (e: ChainedEntry, i: number) => Partial<ChainedEntry>): ChainedEntry[] {
  let prevHash = entries[0]?.prevHash;
  return entries.map((e, i) => {
    const unhashed = { ...e, format, prevHash, rendered: undefined, ...change(e, i) };
    prevHash = entryHash(unhashed);
    return { ...unhashed, hash: prevHash };
  });
}

/** As entries written before the stored form were: format 2, their canonical JSON. */
export const asFormat2 = (entries: ChainedEntry[], change: (e: ChainedEntry, i: number) => Partial<ChainedEntry> = () => ({})) =>
  asFormat(2, entries, change);

/** As entries written before lists of fields were stored once: format 3, the list in the entry's stored form. */
export const asFormat3 = (entries: ChainedEntry[]) => asFormat(3, entries, () => ({}));
