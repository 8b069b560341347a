import type { DataSource, EntityManager } from 'typeorm';
import type { CaseOfStep } from '../bankruptcy-steps';

export const CREDIT_REPAIR_DELIVERY_STATES = ['SENT', 'GRANTED', 'REFUSED'] as const;
export type CreditRepairDeliveryState = (typeof CREDIT_REPAIR_DELIVERY_STATES)[number];
/** A request is PENDING while an agency has not answered, GRANTED when all granted, else REFUSED (in part or whole). */
export const CREDIT_REPAIR_STATES = ['PENDING', 'GRANTED', 'REFUSED'] as const;

/** The agencies a credit-repair request goes to: the credit platform and the tax authority (seed 000 item 22). */
export const CREDIT_REPAIR_AGENCIES = [
  { source: 'credit', label: '社会信用体系建设主管部门' },
  { source: 'tax', label: '税务机关' },
] as const;

/** One agency's part of a credit-repair request (table credit_repair_delivery), with its request and case. */
export interface CreditRepairDeliveryRow extends CaseOfStep {
  id: string;
  requestId: string;
  courtName: string;
  debtorName: string;
  source: string;
  state: CreditRepairDeliveryState;
  outcome: string | null;
  deliveredAt: Date | null;
  answeredAt: Date | null;
  answeredBy: string | null;
  reasons: string;
  documents: string[];
  rulingNo: string;
  rulingDate: string;
}

export const DELIVERY_SELECT = `
  SELECT d.id, d.request_id AS "requestId", r.case_id AS "caseId", c.case_no AS "caseNo", c.court_id AS "courtId", court.name AS "courtName",
         c.debtor_id AS "debtorId", s.kind AS "debtorKind", s.id_number AS "debtorIdNumber", s.name AS "debtorName",
         d.source, d.state, d.outcome, d.delivered_at AS "deliveredAt", d.answered_at AS "answeredAt", d.answered_by AS "answeredBy",
         r.reasons, r.documents, p.ruling_no AS "rulingNo", p.ruling_date::text AS "rulingDate"
    FROM credit_repair_delivery d
    JOIN credit_repair_request r ON r.id = d.request_id
    JOIN bankruptcy_case c ON c.id = r.case_id
    JOIN organisation court ON court.id = c.court_id
    JOIN subject s ON s.id = c.debtor_id
    JOIN reorganisation_plan_approval p ON p.case_id = c.id`;

export async function loadDelivery(db: DataSource | EntityManager, id: string, lock = false): Promise<CreditRepairDeliveryRow | null> {
  if (lock) await db.query('SELECT 1 FROM credit_repair_delivery WHERE id = $1 FOR UPDATE', [id]);
  const rows: CreditRepairDeliveryRow[] = await db.query(`${DELIVERY_SELECT} WHERE d.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface CreditRepairRequestRow {
  id: string;
  caseId: string;
  reasons: string;
  documents: string[];
  requestedBy: string;
  createdAt: Date;
}

export async function requestsOfCase(db: DataSource | EntityManager, caseId: string): Promise<CreditRepairRequestRow[]> {
  return db.query(
    `SELECT r.id, r.case_id AS "caseId", r.reasons, r.documents, u.username AS "requestedBy", r.created_at AS "createdAt"
       FROM credit_repair_request r JOIN hub_user u ON u.id = r.requested_by WHERE r.case_id = $1 ORDER BY r.created_at, r.id`,
    [caseId],
  );
}

export async function deliveriesOf(db: DataSource | EntityManager, requestIds: string[]): Promise<CreditRepairDeliveryRow[]> {
  if (requestIds.length === 0) return [];
  return db.query(`${DELIVERY_SELECT} WHERE d.request_id = ANY($1::uuid[]) ORDER BY d.source`, [requestIds]);
}

/** The request's state from its agencies' answers. */
export function requestState(deliveries: Array<{ state: CreditRepairDeliveryState }>): (typeof CREDIT_REPAIR_STATES)[number] {
  if (deliveries.some((d) => d.state === 'SENT')) return 'PENDING';
  return deliveries.every((d) => d.state === 'GRANTED') ? 'GRANTED' : 'REFUSED';
}
