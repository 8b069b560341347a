import { isSharedFieldList, renderParts, SUSPECT, type AuditDraft } from './audit-entry-hash';

declare global {
  interface String {
    /** ES2024: true when the string holds no lone UTF-16 surrogate. */
    isWellFormed(): boolean;
    /** ES2024: the string with each lone surrogate replaced by U+FFFD. */
    toWellFormed(): string;
  }
}

/** Text PostgreSQL stores and gives back unchanged: lone UTF-16 surrogates become U+FFFD, NUL characters go. */
export function wellFormedText(value: string): string {
  const formed = value.isWellFormed() ? value : value.toWellFormed();
  return formed.includes('\u0000') ? formed.replace(/\u0000/g, '') : formed;
}

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * The value with every string (keys included) well-formed. Arrays and plain objects in which nothing changes are
 * returned as they are; a Date becomes its ISO string and any other object a plain object of its own enumerable
 * properties, as the canonical form writes them.
 */
function wellFormedJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return wellFormedText(value);
  if (value === null || typeof value !== 'object' || depth > 16) return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i += 1) {
      const formed = wellFormedJson(value[i], depth + 1);
      if (out === null && formed !== value[i]) out = value.slice(0, i);
      if (out !== null) out.push(formed);
    }
    return out ?? value;
  }
  const entries = Object.entries(value);
  let changed = !isPlain(value);
  const formed = entries.map(([k, v]) => {
    const key = wellFormedText(k);
    const inner = wellFormedJson(v, depth + 1);
    if (key !== k || inner !== v) changed = true;
    return [key, inner] as const;
  });
  return changed ? Object.fromEntries(formed) : value;
}

const text = (value: string | null, max: number): string | null =>
  value === null || value === undefined ? null : wellFormedText(value).slice(0, max);

/**
 * A draft whose every value the database accepts and returns as hashed, whatever a client sent: well-formed text
 * (a lone surrogate would be stored as U+FFFD and no longer match its hash; NUL is refused by PostgreSQL) cut to its
 * column's length. So no value a client chooses can keep a refusal or an intent off the record. The canonical JSON of
 * its fields, sources and detail comes with it (`rendered`): rendered first, the structured values are walked only
 * when that text shows something to mend.
 */
export function wellFormedDraft(d: AuditDraft): AuditDraft {
  let { fields, sources, detail } = d;
  let rendered = renderParts(d);
  // A shared list of fields was looked at once, when it was kept.
  if ((!isSharedFieldList(fields) && SUSPECT.test(rendered.fields)) || SUSPECT.test(rendered.sources) || SUSPECT.test(rendered.detail)) {
    fields = wellFormedJson(fields) as AuditDraft['fields'];
    sources = wellFormedJson(sources) as AuditDraft['sources'];
    detail = wellFormedJson(detail) as AuditDraft['detail'];
    rendered = renderParts({ fields, sources, detail });
  }
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
    fields,
    sources,
    detail,
    rendered,
  };
}
