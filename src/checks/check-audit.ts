import type { AuditDraft } from '../audit/audit-entry-hash';
import type { AuditOutcome } from '../entities/hub/audit-entry.entity';

/** Who asked, as the request's audit record knows it (src/audit/request-audit.ts), or the worker on their behalf. */
export interface CheckActor {
  requestId: string;
  correlationId: string | null;
  username: string;
  organisationCode: string;
  role: string;
  clientAddress: string | null;
  operationName: string | null;
}

export interface CheckAuditInput {
  checkId: string | null;
  operation: 'checkDishonest' | 'dishonestCheckBatch';
  purpose: string;
  applicationNo: string;
  outcome: AuditOutcome;
  /** The subject checked (one entry per subject); null for the entry of a whole batch or a refusal. */
  subject?: { idNumber: string; kind: string; lineNo?: number } | null;
  detail?: Record<string, unknown>;
}

const cut = (value: string | null, length: number): string | null => (value == null ? null : value.slice(0, length));

/**
 * A check's entry (kind CHECK): under its purpose and the agency's application number, one per subject checked
 * (with the one field read, `dishonest`, and the credit source), or one for a batch upload or a refused check.
 * Whether the subject was on the list is a value read, and is not recorded.
 */
export function checkAuditDraft(actor: CheckActor, input: CheckAuditInput): AuditDraft {
  return {
    requestId: actor.requestId.slice(0, 64),
    correlationId: actor.correlationId,
    kind: 'CHECK',
    username: actor.username,
    organisationCode: actor.organisationCode,
    role: actor.role,
    caseKind: null,
    caseNo: null,
    subjectId: null,
    subjectKind: input.subject?.kind ?? null,
    subjectIdNumber: input.subject?.idNumber ?? null,
    fields: input.subject ? [{ path: 'dishonest', outcome: 'ALLOW' }] : [],
    sources: input.subject ? [{ source: 'credit', state: 'OK' }] : [],
    outcome: input.outcome,
    clientAddress: cut(actor.clientAddress, 64),
    operationName: cut(actor.operationName, 100),
    detail: {
      operation: input.operation,
      checkId: input.checkId,
      purpose: input.purpose,
      applicationNo: input.applicationNo,
      ...(input.subject?.lineNo !== undefined ? { line: input.subject.lineNo } : {}),
      ...(input.detail ?? {}),
    },
  };
}
