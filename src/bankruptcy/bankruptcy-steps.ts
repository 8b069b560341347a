import type { DataSource, EntityManager } from 'typeorm';
import type { AuditDraft } from '../audit/audit-entry-hash';
import { notify } from '../control/control-orders';
import type { ControlRuntime } from '../control/control-runtime';

/** The case a claim or a credit repair belongs to, as its steps need it. */
export interface CaseOfStep {
  caseId: string;
  caseNo: string;
  courtId: string;
  debtorId: string;
  debtorKind: string;
  debtorIdNumber: string;
}

/** One step of a claim's or a credit-repair delivery's history (who did what when); `at` from the runtime's clock. */
export async function addBankruptcyEvent(
  m: EntityManager | DataSource,
  runtime: ControlRuntime,
  refId: string,
  e: { actor: string | null; action: string; state: string; note?: string | null },
): Promise<void> {
  await m.query(`INSERT INTO bankruptcy_event (ref_id, at, actor, action, state, note) VALUES ($1, $2, $3, $4, $5, $6)`, [
    refId,
    runtime.clock.now(),
    e.actor,
    e.action,
    e.state,
    e.note?.slice(0, 500) ?? null,
  ]);
}

export async function historyOf(db: DataSource | EntityManager, refIds: string[]) {
  if (refIds.length === 0) return new Map<string, Array<{ at: Date; actor: string | null; action: string; state: string; note: string | null }>>();
  const rows: Array<{ refId: string; at: Date; actor: string | null; action: string; state: string; note: string | null }> = await db.query(
    `SELECT ref_id AS "refId", at, actor, action, state, note FROM bankruptcy_event WHERE ref_id = ANY($1::uuid[]) ORDER BY id`,
    [refIds],
  );
  const byRef = new Map<string, Array<{ at: Date; actor: string | null; action: string; state: string; note: string | null }>>();
  for (const { refId, ...event } of rows) byRef.set(refId, [...(byRef.get(refId) ?? []), event]);
  return byRef;
}

/**
 * Notifies the court of the case and the firms currently appointed its administrator (and, when given, the agencies
 * answering for `source`): a bankruptcy step concerns all of them.
 */
export async function notifyCase(
  m: EntityManager,
  runtime: ControlRuntime,
  c: Pick<CaseOfStep, 'caseId' | 'courtId'>,
  kind: string,
  message: string,
  also: { agencySource?: string } = {},
): Promise<void> {
  const firms: Array<{ firm_id: string }> = await m.query(
    `SELECT DISTINCT firm_id FROM administrator_appointment WHERE case_id = $1 AND ended_at IS NULL`,
    [c.caseId],
  );
  const agencies: Array<{ id: string }> = also.agencySource
    ? await m.query(`SELECT id FROM organisation WHERE kind = 'AGENCY' AND source = $1 AND disabled_at IS NULL`, [also.agencySource])
    : [];
  for (const organisationId of [c.courtId, ...firms.map((f) => f.firm_id), ...agencies.map((a) => a.id)]) {
    await notify(m, runtime, { organisationId, orderId: null, kind, message });
  }
}

/**
 * The audit entry of a bankruptcy step done by the machinery or on behalf of a request (notice, delivery, filing,
 * decision, repair, notification): kind CONTROL, under the bankruptcy case and its debtor.
 */
export function bankruptcyAuditDraft(c: CaseOfStep, refId: string, step: string, actor: string, detail: Record<string, unknown> = {}): AuditDraft {
  return {
    requestId: `bankruptcy-${refId}`.slice(0, 64),
    correlationId: null,
    kind: 'CONTROL',
    username: actor.slice(0, 64),
    organisationCode: null,
    role: null,
    caseKind: 'BANKRUPTCY',
    caseNo: c.caseNo,
    subjectId: c.debtorId,
    subjectKind: c.debtorKind,
    subjectIdNumber: c.debtorIdNumber,
    fields: [],
    sources: typeof detail.source === 'string' ? [{ source: detail.source, state: 'OK' }] : [],
    outcome: 'ALLOWED',
    clientAddress: null,
    operationName: null,
    detail: { step, refId, ...detail },
  };
}
