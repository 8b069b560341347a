import type { DataSource, EntityManager } from 'typeorm';
import type { AuditDraft } from '../audit/audit-entry-hash';
import { notify, recordSteps } from '../control/control-orders';
import type { ControlRuntime } from '../control/control-runtime';

/** Who did a step: a user (username and organisation code) or the machinery (`system:bankruptcy`). */
export interface Actor {
  username: string;
  organisationCode: string | null;
}

export const SYSTEM: Actor = { username: 'system:bankruptcy', organisationCode: null };

/** The case a step belongs to on the audit log, and the debtor it concerns. */
export interface StepCase {
  caseKind: 'BANKRUPTCY' | 'EXECUTION';
  caseNo: string;
  subjectId: string;
  subjectKind: string;
  subjectIdNumber: string;
}

/** The audit entry of a bankruptcy-coordination step done by the machinery (kind CONTROL, `detail.step`). */
export function bankruptcyAuditDraft(c: StepCase, step: string, actor: Actor, detail: Record<string, unknown> = {}): AuditDraft {
  return {
    requestId: `bankruptcy-${step}-${c.caseNo}`.slice(0, 64),
    correlationId: null,
    kind: 'CONTROL',
    username: actor.username,
    organisationCode: actor.organisationCode,
    role: null,
    caseKind: c.caseKind,
    caseNo: c.caseNo,
    subjectId: c.subjectId,
    subjectKind: c.subjectKind,
    subjectIdNumber: c.subjectIdNumber,
    fields: [],
    sources: [],
    outcome: 'ALLOWED',
    clientAddress: null,
    operationName: null,
    detail: { step, ...detail },
  };
}

/** A notification with no control order attached (suspension, release task, transfer). */
export function tell(
  m: EntityManager | DataSource,
  runtime: ControlRuntime,
  n: { organisationId: string; userId?: string | null; kind: string; message: string },
): Promise<void> {
  return notify(m, runtime, { ...n, orderId: null });
}

export { recordSteps };
