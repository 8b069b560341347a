import type { DataSource, EntityManager } from 'typeorm';
import { enqueue } from '../../control/control-jobs';
import { recordSteps } from '../../control/control-orders';
import type { ControlRuntime } from '../../control/control-runtime';
import { addBankruptcyEvent, bankruptcyAuditDraft, notifyCase, type CaseOfStep } from '../bankruptcy-steps';
import { BANKRUPTCY_TASKS } from '../bankruptcy-tasks';
import type { ClaimLine, ClaimPriorityClass } from './claim-processor';

export const CLAIM_STATES = ['NOTICE_SENT', 'FILED', 'CONFIRMED', 'DISPUTED'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];
export const CLAIM_KINDS = ['TAX', 'SOCIAL_SECURITY'] as const;

/** The agencies a claim notice goes to at acceptance (000 items 14, 20), the kind of their claim and its principal's class. */
export const CLAIMANTS = [
  { source: 'tax', kind: 'TAX', priorityClass: 'TAX', label: '税务机关' },
  { source: 'socialSecurity', kind: 'SOCIAL_SECURITY', priorityClass: 'SOCIAL_INSURANCE', label: '社会保险经办机构' },
] as const satisfies ReadonlyArray<{ source: string; kind: (typeof CLAIM_KINDS)[number]; priorityClass: ClaimPriorityClass; label: string }>;

/** A claim as the hub keeps it (table bankruptcy_claim), with its case. */
export interface ClaimRow extends CaseOfStep {
  id: string;
  courtName: string;
  debtorName: string;
  source: string;
  kind: string;
  priorityClass: string;
  state: ClaimState;
  asOf: string;
  creditor: string | null;
  principal: string | null;
  lateFees: string | null;
  lines: ClaimLine[];
  disputeReason: string | null;
  deliveredAt: Date | null;
  filedAt: Date | null;
  filedBy: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  createdAt: Date;
}

export const CLAIM_SELECT = `
  SELECT cl.id, cl.case_id AS "caseId", c.case_no AS "caseNo", c.court_id AS "courtId", court.name AS "courtName",
         c.debtor_id AS "debtorId", s.kind AS "debtorKind", s.id_number AS "debtorIdNumber", s.name AS "debtorName",
         cl.source, cl.kind, cl.priority_class AS "priorityClass", cl.state, cl.as_of::text AS "asOf", cl.creditor,
         cl.principal::text AS principal, cl.late_fees::text AS "lateFees", cl.lines, cl.dispute_reason AS "disputeReason",
         cl.delivered_at AS "deliveredAt", cl.filed_at AS "filedAt", cl.filed_by AS "filedBy", cl.decided_at AS "decidedAt",
         u.username AS "decidedBy", cl.created_at AS "createdAt"
    FROM bankruptcy_claim cl
    JOIN bankruptcy_case c ON c.id = cl.case_id
    JOIN organisation court ON court.id = c.court_id
    JOIN subject s ON s.id = c.debtor_id
    LEFT JOIN hub_user u ON u.id = cl.decided_by`;

export async function loadClaim(db: DataSource | EntityManager, id: string, lock = false): Promise<ClaimRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  if (lock) await db.query('SELECT 1 FROM bankruptcy_claim WHERE id = $1 FOR UPDATE', [id]);
  const rows: ClaimRow[] = await db.query(`${CLAIM_SELECT} WHERE cl.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function claimsOfCase(db: DataSource | EntityManager, caseId: string): Promise<ClaimRow[]> {
  return db.query(`${CLAIM_SELECT} WHERE cl.case_id = $1 ORDER BY cl.created_at, cl.kind`, [caseId]);
}

/**
 * At the acceptance of a bankruptcy case, a claim notice (债权申报通知) to the tax and the social-security agency, in
 * the caller's transaction (the outbox): one claim per agency in NOTICE_SENT, as of the acceptance date, and its
 * delivery job, committed with the acceptance or not at all. A case that already has its notices gets none again.
 */
export async function sendClaimNotices(
  m: EntityManager,
  bankruptcyCase: { id: string; caseNo: string; courtId: string; debtorId: string; acceptedOn: string },
  runtime: ControlRuntime,
  actor: string,
): Promise<void> {
  const [debtor] = (await m.query(`SELECT kind, id_number FROM subject WHERE id = $1`, [bankruptcyCase.debtorId])) as Array<{
    kind: string;
    id_number: string;
  }>;
  const c: CaseOfStep = {
    caseId: bankruptcyCase.id,
    caseNo: bankruptcyCase.caseNo,
    courtId: bankruptcyCase.courtId,
    debtorId: bankruptcyCase.debtorId,
    debtorKind: debtor.kind,
    debtorIdNumber: debtor.id_number,
  };
  const steps = [];
  for (const claimant of CLAIMANTS) {
    const [agency] = (await m.query(
      `SELECT name FROM organisation WHERE kind = 'AGENCY' AND source = $1 AND disabled_at IS NULL ORDER BY code LIMIT 1`,
      [claimant.source],
    )) as Array<{ name: string }>;
    const inserted = (await m.query(
      `INSERT INTO bankruptcy_claim (case_id, source, kind, priority_class, state, as_of, creditor, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'NOTICE_SENT', $5, $6, $7, $7) ON CONFLICT (case_id, source) DO NOTHING RETURNING id`,
      [
        c.caseId,
        claimant.source,
        claimant.kind,
        claimant.priorityClass,
        bankruptcyCase.acceptedOn,
        agency?.name ?? claimant.label,
        runtime.clock.now(),
      ],
    )) as Array<{ id: string }>;
    if (inserted.length === 0) continue;
    const id = inserted[0].id;
    await addBankruptcyEvent(m, runtime, id, { actor, action: 'NOTICE_SENT', state: 'NOTICE_SENT', note: `as of ${bankruptcyCase.acceptedOn}` });
    await enqueue(m, BANKRUPTCY_TASKS.deliver, { kind: 'CLAIM_NOTICE', id }, `${BANKRUPTCY_TASKS.deliver}:${id}`);
    steps.push(bankruptcyAuditDraft(c, id, 'CLAIM_NOTICE', actor, { source: claimant.source, asOf: bankruptcyCase.acceptedOn }));
  }
  if (steps.length === 0) return;
  await notifyCase(m, runtime, c, 'CLAIM_NOTICE_SENT', `${c.caseNo}：已受理，债权申报通知已送达税务、社保机关（截至${bankruptcyCase.acceptedOn}）`);
  steps.push(bankruptcyAuditDraft(c, c.caseId, 'NOTIFICATION', actor, { notification: 'CLAIM_NOTICE_SENT' }));
  await recordSteps(runtime, steps);
}
