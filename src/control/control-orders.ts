import type { DataSource, EntityManager } from 'typeorm';
import type { AuditDraft } from '../audit/audit-entry-hash';
import type { ControlRuntime } from './control-runtime';
import type { ControlKind } from './source-control';

export const CONTROL_STATES = [
  'DRAFT',
  'PENDING_APPROVAL',
  'APPROVED',
  'SENT',
  'ACTIVE',
  'QUEUED',
  'REJECTED',
  'RENEWED',
  'RELEASED',
  'LAPSED',
  'EXECUTED',
  'WITHDRAWN',
] as const;
export type ControlState = (typeof CONTROL_STATES)[number];

/** A control order as the hub keeps it (table control_order). */
export interface ControlOrderRow {
  id: string;
  caseId: string;
  caseNo: string;
  courtId: string;
  courtName: string;
  subjectId: string;
  subjectKind: string;
  subjectIdNumber: string;
  subjectName: string;
  source: string;
  kind: ControlKind;
  assetClass: string;
  assetKey: string;
  amount: string | null;
  periodDays: number | null;
  rulingNo: string;
  rulingDate: string;
  noticeNo: string;
  noticeDate: string;
  parentId: string | null;
  /** Deductions: the freeze order they draw on (the one that registered the freeze, not a renewal of it). */
  freezeOrderId: string | null;
  state: ControlState;
  rank: number | null;
  registrationNo: string | null;
  registeredFrom: string | null;
  registeredUntil: string | null;
  amountFrozen: string | null;
  rejectionReason: string | null;
  draftedBy: string;
  draftedByUsername: string;
  approvedBy: string | null;
  /** When the approval sent it to its agency; an answer falls due from then (control/overdue-answers.ts). */
  sentAt: Date | null;
  deliveredAt: Date | null;
  answeredAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const ORDER_SELECT = `
  SELECT o.id, o.case_id AS "caseId", c.case_no AS "caseNo", o.court_id AS "courtId", court.name AS "courtName",
         o.subject_id AS "subjectId", s.kind AS "subjectKind", s.id_number AS "subjectIdNumber", s.name AS "subjectName",
         o.source, o.kind, o.asset_class AS "assetClass", o.asset_key AS "assetKey", o.amount::text AS amount, o.period_days AS "periodDays",
         o.ruling_no AS "rulingNo", o.ruling_date::text AS "rulingDate", o.notice_no AS "noticeNo", o.notice_date::text AS "noticeDate",
         o.parent_id AS "parentId", o.freeze_order_id AS "freezeOrderId", o.state, o.rank, o.registration_no AS "registrationNo", o.registered_from::text AS "registeredFrom",
         o.registered_until::text AS "registeredUntil", o.amount_frozen::text AS "amountFrozen", o.rejection_reason AS "rejectionReason",
         o.drafted_by AS "draftedBy", u.username AS "draftedByUsername", o.approved_by AS "approvedBy", o.sent_at AS "sentAt", o.delivered_at AS "deliveredAt",
         o.answered_at AS "answeredAt", o.version, o.created_at AS "createdAt", o.updated_at AS "updatedAt"
    FROM control_order o
    JOIN execution_case c ON c.id = o.case_id
    JOIN organisation court ON court.id = o.court_id
    JOIN subject s ON s.id = o.subject_id
    JOIN hub_user u ON u.id = o.drafted_by`;

export async function loadOrder(db: DataSource | EntityManager, id: string, lock = false): Promise<ControlOrderRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  if (lock) await db.query('SELECT 1 FROM control_order WHERE id = $1 FOR UPDATE', [id]);
  const rows: ControlOrderRow[] = await db.query(`${ORDER_SELECT} WHERE o.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface EventInput {
  actor: string | null;
  organisationCode: string | null;
  action: string;
  state: ControlState;
  note?: string | null;
}

/** One step of an order's history (who did what when); `at` from the runtime's clock. */
export async function addEvent(m: EntityManager | DataSource, runtime: ControlRuntime, orderId: string, e: EventInput): Promise<void> {
  await m.query(`INSERT INTO control_order_event (order_id, at, actor, organisation_code, action, state, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    orderId,
    runtime.clock.now(),
    e.actor,
    e.organisationCode,
    e.action,
    e.state,
    e.note?.slice(0, 500) ?? null,
  ]);
}

/** A notification to an organisation (or one of its users). */
export async function notify(
  m: EntityManager | DataSource,
  runtime: ControlRuntime,
  n: { organisationId: string; userId?: string | null; orderId: string | null; kind: string; message: string },
): Promise<void> {
  await m.query(`INSERT INTO notification (organisation_id, user_id, order_id, kind, message, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
    n.organisationId,
    n.userId ?? null,
    n.orderId,
    n.kind,
    n.message.slice(0, 500),
    runtime.clock.now(),
  ]);
}

/**
 * The audit entry of a step done by the machinery rather than a request (delivery, receipt, lapse, promotion,
 * notification): kind CONTROL, under the order's case and subject, the actor named (the worker, or an agency).
 */
export function controlAuditDraft(order: ControlOrderRow, step: string, actor: string, detail: Record<string, unknown> = {}): AuditDraft {
  return {
    requestId: `control-${order.id}`.slice(0, 64),
    correlationId: null,
    kind: 'CONTROL',
    username: actor,
    organisationCode: null,
    role: null,
    caseKind: 'EXECUTION',
    caseNo: order.caseNo,
    subjectId: order.subjectId,
    subjectKind: order.subjectKind,
    subjectIdNumber: order.subjectIdNumber,
    fields: [],
    sources: [{ source: order.source, state: 'OK' }],
    outcome: 'ALLOWED',
    clientAddress: null,
    operationName: null,
    detail: { step, orderId: order.id, kind: order.kind, ...detail },
  };
}

export async function recordSteps(runtime: ControlRuntime, drafts: AuditDraft[]): Promise<void> {
  if (runtime.audit && drafts.length > 0) await runtime.audit.writer.append(drafts);
}
