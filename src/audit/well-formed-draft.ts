import type { AuditDraft } from './audit-entry-hash';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text PostgreSQL stores and gives back unchanged: lone UTF-16 surrogates become U+FFFD, NUL characters go. */
export function wellFormedText(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(/\u0000/g, '');
}

function wellFormedJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return wellFormedText(value);
  if (value === null || typeof value !== 'object' || depth > 16) return value;
  if (Array.isArray(value)) return value.map((v) => wellFormedJson(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormedText(k), wellFormedJson(v, depth + 1)]));
}

const text = (value: string | null, max: number): string | null =>
  value === null || value === undefined ? null : wellFormedText(value).slice(0, max);

/**
 * A draft whose every value the database accepts and returns as hashed, whatever a client sent: well-formed text
 * (a lone surrogate would be stored as U+FFFD and no longer match its hash; NUL is refused by PostgreSQL) cut to its
 * column's length. So no value a client chooses can keep a refusal or an intent off the record.
 */
export function wellFormedDraft(d: AuditDraft): AuditDraft {
  return {
    ...d,
    requestId: text(d.requestId, 64)!,
    correlationId: text(d.correlationId ?? null, 64),
    username: text(d.username, 64),
    organisationCode: text(d.organisationCode, 64),
    role: text(d.role, 16),
    caseKind: text(d.caseKind, 16),
    caseNo: text(d.caseNo, 40),
    subjectKind: text(d.subjectKind, 16),
    subjectIdNumber: text(d.subjectIdNumber, 18),
    clientAddress: text(d.clientAddress, 64),
    operationName: text(d.operationName, 100),
    fields: wellFormedJson(d.fields) as AuditDraft['fields'],
    sources: wellFormedJson(d.sources) as AuditDraft['sources'],
    detail: wellFormedJson(d.detail) as AuditDraft['detail'],
  };
}
