import type { DataSource, EntityManager } from 'typeorm';
import type { Receipt } from '../control/agency-registry';
import { dateOf } from '../control/clock';
import type { ControlOrderRow, ControlState } from '../control/control-orders';
import type { ControlRuntime } from '../control/control-runtime';
import type { AcceptedCase } from './acceptance';
import { bankruptcyAuditDraft, tell, SYSTEM, type StepCase } from './steps';
import { calendarDaysFrom, mergeCalendar } from './working-calendar';
import { addWorkingDays } from './working-days';

export const RELEASE_TASK_STATES = ['AWAITING_RECEIPT', 'PENDING', 'RELEASING', 'RELEASED', 'NOT_REGISTERED', 'CANCELLED'] as const;
export type ReleaseTaskState = (typeof RELEASE_TASK_STATES)[number];
/** The states of a task still to be done (the others are final: released, nothing was registered, the case ended). */
export const OPEN_TASK_STATES: readonly ReleaseTaskState[] = ['AWAITING_RECEIPT', 'PENDING', 'RELEASING'];
export const OPEN_TASK_SQL = `('AWAITING_RECEIPT', 'PENDING', 'RELEASING')`;

/** Asset classes whose measure is a freeze (冻结) rather than a seizure (查封). */
const FROZEN_CLASSES = ['DEPOSIT', 'HOUSING_FUND', 'EQUITY'];
export const measureKindOf = (assetClass: string) => (FROZEN_CLASSES.includes(assetClass) ? 'FREEZE' : 'SEIZE');

/**
 * The due date of a task created today: ten working days on (RELEASE_TASK_WORKING_DAYS), over the environment's
 * HOLIDAYS and MAKEUP_WORKDAYS and the operator's working calendar, read in the caller's transaction.
 */
export async function dueOnFor(m: EntityManager, runtime: ControlRuntime, today: string): Promise<string> {
  const b = runtime.config.bankruptcy;
  return addWorkingDays(today, b.releaseWorkingDays, mergeCalendar(b, await calendarDaysFrom(m, today)));
}

/** The overdue rule: a task still open whose due date has passed (it is due until the end of its due date). */
export function isOverdue(task: { state: string; dueOn: string }, today: string): boolean {
  return (OPEN_TASK_STATES as readonly string[]).includes(task.state) && task.dueOn < today;
}

/** A release task as the API shows it (table release_task). */
export interface ReleaseTaskRow {
  id: string;
  bankruptcyCaseId: string;
  bankruptcyCaseNo: string;
  source: string;
  assetKey: string;
  measureKind: string;
  controlOrderId: string | null;
  releaseOrderId: string | null;
  orderingCourtId: string | null;
  orderingCourtName: string;
  orderingCaseNo: string | null;
  addressedCourtId: string;
  addressedCourtName: string;
  registryDetails: string | null;
  state: ReleaseTaskState;
  dueOn: string;
  receiptNo: string | null;
  releasedOn: string | null;
  handedOverAt: Date | null;
  createdAt: Date;
}

export const TASK_SELECT = `
  SELECT t.id, t.bankruptcy_case_id AS "bankruptcyCaseId", b.case_no AS "bankruptcyCaseNo", t.source, t.asset_key AS "assetKey",
         t.measure_kind AS "measureKind", t.control_order_id AS "controlOrderId", t.release_order_id AS "releaseOrderId",
         t.ordering_court_id AS "orderingCourtId", t.ordering_court_name AS "orderingCourtName", t.ordering_case_no AS "orderingCaseNo",
         t.addressed_court_id AS "addressedCourtId", ac.name AS "addressedCourtName", t.registry_details AS "registryDetails",
         t.state, t.due_on::text AS "dueOn", t.receipt_no AS "receiptNo", t.released_on::text AS "releasedOn",
         t.handed_over_at AS "handedOverAt", t.created_at AS "createdAt"
    FROM release_task t
    JOIN bankruptcy_case b ON b.id = t.bankruptcy_case_id
    JOIN organisation ac ON ac.id = t.addressed_court_id`;

export async function loadTask(db: DataSource | EntityManager, id: string, lock = false): Promise<ReleaseTaskRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  if (lock) await db.query(`SELECT 1 FROM release_task WHERE id = $1 FOR UPDATE`, [id]);
  const rows: ReleaseTaskRow[] = await db.query(`${TASK_SELECT} WHERE t.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface NewTask {
  measureKey: string;
  source: string;
  assetKey: string;
  measureKind: string;
  controlOrderId: string | null;
  orderingCourtId: string | null;
  orderingCourtName: string;
  orderingCaseNo: string | null;
  addressedCourtId: string;
  registryDetails: string | null;
  /** AWAITING_RECEIPT for a measure the agency has not answered yet; PENDING otherwise. */
  state?: 'AWAITING_RECEIPT' | 'PENDING';
}

/**
 * Inserts the tasks not there yet (keyed by bankruptcy case and measure, so a repeated sweep adds nothing) and tells
 * each addressed court. Returns how many were new.
 */
export async function insertTasks(m: EntityManager, runtime: ControlRuntime, b: AcceptedCase, stepCase: StepCase, tasks: NewTask[]): Promise<number> {
  const now = runtime.clock.now();
  const dueOn = await dueOnFor(m, runtime, dateOf(now));
  let added = 0;
  const steps = [];
  for (const t of tasks) {
    const inserted = (await m.query(
      `INSERT INTO release_task (bankruptcy_case_id, measure_key, source, asset_key, measure_kind, control_order_id, ordering_court_id, ordering_court_name,
                                 ordering_case_no, addressed_court_id, registry_details, state, due_on, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $14, $12, $13, $13)
       ON CONFLICT (bankruptcy_case_id, measure_key) DO NOTHING RETURNING id`,
      [
        b.id,
        t.measureKey,
        t.source,
        t.assetKey,
        t.measureKind,
        t.controlOrderId,
        t.orderingCourtId,
        t.orderingCourtName.slice(0, 200),
        t.orderingCaseNo?.slice(0, 40) ?? null,
        t.addressedCourtId,
        t.registryDetails?.slice(0, 500) ?? null,
        dueOn,
        now,
        t.state ?? 'PENDING',
      ],
    )) as Array<{ id: string }>;
    if (inserted.length === 0) continue;
    added++;
    const waiting = t.state === 'AWAITING_RECEIPT' ? '（协助执行回执到达后）' : '';
    await tell(m, runtime, {
      organisationId: t.addressedCourtId,
      kind: 'RELEASE_TASK',
      message: `${b.caseNo} 破产受理：请于${dueOn}前${waiting}解除${t.orderingCaseNo ?? t.orderingCourtName}对${t.assetKey}的${t.measureKind === 'FREEZE' ? '冻结' : '查封'}并移交管理人`,
    });
    steps.push(
      bankruptcyAuditDraft(stepCase, 'RELEASE_TASK', SYSTEM, {
        taskId: inserted[0].id,
        source: t.source,
        dueOn,
        measure: t.measureKey,
        state: t.state ?? 'PENDING',
      }),
    );
  }
  if (runtime.audit && steps.length > 0) await runtime.audit.writer.append(steps);
  return added;
}

/**
 * A release task for every measure made through the hub on the debtor's assets that is in force or waiting, and for
 * every seizure or freeze sent to its agency and not answered yet (SENT): that task waits for the receipt
 * (AWAITING_RECEIPT) — a measure the agency registers (ACTIVE or QUEUED) is then released like the others, one it
 * refuses leaves nothing to release (`measureReceiptArrived`). The orders are locked, so a receipt arriving meanwhile
 * finds the task. A renewal on its way needs no task: the measure it renews has one.
 */
export async function createHubReleaseTasks(m: EntityManager, runtime: ControlRuntime, b: AcceptedCase, stepCase: StepCase): Promise<number> {
  const orders = (await m.query(
    `SELECT o.id, o.source, o.asset_key, o.asset_class, o.court_id, court.name AS court_name, c.case_no, o.state
       FROM control_order o JOIN execution_case c ON c.id = o.case_id JOIN organisation court ON court.id = o.court_id
      WHERE o.subject_id = $1
        AND ((o.kind IN ('SEIZE', 'FREEZE', 'RENEW') AND o.state IN ('ACTIVE', 'QUEUED')) OR (o.kind IN ('SEIZE', 'FREEZE') AND o.state = 'SENT'))
      ORDER BY o.created_at, o.id FOR UPDATE OF o`,
    [b.debtorId],
  )) as Array<{
    id: string;
    source: string;
    asset_key: string;
    asset_class: string;
    court_id: string;
    court_name: string;
    case_no: string;
    state: string;
  }>;
  return insertTasks(
    m,
    runtime,
    b,
    stepCase,
    orders.map((o) => ({
      measureKey: `order:${o.id}`,
      source: o.source,
      assetKey: o.asset_key,
      measureKind: measureKindOf(o.asset_class),
      controlOrderId: o.id,
      orderingCourtId: o.court_id,
      orderingCourtName: o.court_name,
      orderingCaseNo: o.case_no,
      addressedCourtId: o.court_id,
      registryDetails: null,
      state: o.state === 'SENT' ? 'AWAITING_RECEIPT' : 'PENDING',
    })),
  );
}

/**
 * The receipt of a release order arrived (control/control-worker.ts): the task it carries becomes RELEASED and the
 * asset is handed over to the administrator (移交管理人) with the receipt's registration number; a refused release
 * puts the task back to PENDING. The administrator's firm and the accepting court are told.
 */
export async function releaseReceiptArrived(
  m: EntityManager,
  runtime: ControlRuntime,
  order: ControlOrderRow,
  state: ControlState,
  receipt: Receipt,
): Promise<ReturnType<typeof bankruptcyAuditDraft>[]> {
  if (order.kind === 'SEIZE' || order.kind === 'FREEZE') return measureReceiptArrived(m, runtime, order, state);
  if (order.kind !== 'RELEASE') return [];
  const [task] = (await m.query(`SELECT id FROM release_task WHERE release_order_id = $1 AND state = 'RELEASING' FOR UPDATE`, [order.id])) as Array<{
    id: string;
  }>;
  if (!task) return [];
  const now = runtime.clock.now();
  const t = (await loadTask(m, task.id))!;
  const [b] = (await m.query(
    `SELECT b.court_id, b.debtor_id, s.kind, s.id_number FROM bankruptcy_case b JOIN subject s ON s.id = b.debtor_id WHERE b.id = $1`,
    [t.bankruptcyCaseId],
  )) as Array<{ court_id: string; debtor_id: string; kind: string; id_number: string }>;
  const stepCase: StepCase = {
    caseKind: 'BANKRUPTCY',
    caseNo: t.bankruptcyCaseNo,
    subjectId: b.debtor_id,
    subjectKind: b.kind,
    subjectIdNumber: b.id_number,
  };
  if (state !== 'RELEASED') {
    await m.query(`UPDATE release_task SET state = 'PENDING', release_order_id = NULL, updated_at = $2 WHERE id = $1`, [t.id, now]);
    await tell(m, runtime, {
      organisationId: t.addressedCourtId,
      kind: 'RELEASE_REFUSED',
      message: `${t.bankruptcyCaseNo} 解除任务 ${t.assetKey}：协助执行被拒绝（${receipt.reason ?? ''}），请重新办理`,
    });
    return [bankruptcyAuditDraft(stepCase, 'RELEASE_REFUSED', SYSTEM, { taskId: t.id, orderId: order.id })];
  }
  const releasedOn = dateOf(now);
  await m.query(`UPDATE release_task SET state = 'RELEASED', receipt_no = $2, released_on = $3, handed_over_at = $4, updated_at = $4 WHERE id = $1`, [
    t.id,
    receipt.registrationNo,
    releasedOn,
    now,
  ]);
  await tellAdministratorAndCourt(m, runtime, t, b.court_id, receipt.registrationNo);
  return [bankruptcyAuditDraft(stepCase, 'HANDOVER', SYSTEM, { taskId: t.id, orderId: order.id, receiptNo: receipt.registrationNo })];
}

/** Released and handed over: the administrator's firm (current appointments) and the accepting court are told. */
export async function tellAdministratorAndCourt(
  m: EntityManager,
  runtime: ControlRuntime,
  t: ReleaseTaskRow,
  acceptingCourtId: string,
  receiptNo: string | null,
): Promise<void> {
  const message = `${t.bankruptcyCaseNo}：${t.orderingCaseNo ?? t.orderingCourtName}对${t.assetKey}的${t.measureKind === 'FREEZE' ? '冻结' : '查封'}已解除（回执${receiptNo ?? '—'}），财产移交管理人`;
  const firms = (await m.query(`SELECT DISTINCT firm_id FROM administrator_appointment WHERE case_id = $1 AND ended_at IS NULL`, [
    t.bankruptcyCaseId,
  ])) as Array<{ firm_id: string }>;
  for (const f of firms) await tell(m, runtime, { organisationId: f.firm_id, kind: 'HANDED_OVER', message });
  await tell(m, runtime, { organisationId: acceptingCourtId, kind: 'HANDED_OVER', message });
}

/**
 * The receipt of a seizure or freeze that was on its way when the debtor's bankruptcy was accepted: its task, waiting
 * for it, becomes PENDING when the agency registered the measure (the clerk then releases it with one action, by the
 * same due date), or NOT_REGISTERED when the agency refused it (nothing to release). The addressed court and the
 * clerk who drafted the order are told.
 */
async function measureReceiptArrived(
  m: EntityManager,
  runtime: ControlRuntime,
  order: ControlOrderRow,
  state: ControlState,
): Promise<ReturnType<typeof bankruptcyAuditDraft>[]> {
  const waiting = (await m.query(`SELECT id FROM release_task WHERE control_order_id = $1 AND state = 'AWAITING_RECEIPT' FOR UPDATE`, [
    order.id,
  ])) as Array<{ id: string }>;
  const steps = [];
  for (const { id } of waiting) {
    const t = (await loadTask(m, id))!;
    const registered = state === 'ACTIVE' || state === 'QUEUED';
    const next: ReleaseTaskState = registered ? 'PENDING' : 'NOT_REGISTERED';
    await m.query(`UPDATE release_task SET state = $2, updated_at = $3 WHERE id = $1`, [t.id, next, runtime.clock.now()]);
    const what = `${t.orderingCaseNo ?? t.orderingCourtName}对${t.assetKey}的${t.measureKind === 'FREEZE' ? '冻结' : '查封'}`;
    const message = registered
      ? `${t.bankruptcyCaseNo} 解除任务：${what}已登记（${state}），请于${t.dueOn}前解除并移交管理人`
      : `${t.bankruptcyCaseNo} 解除任务：${what}未获登记，无需解除`;
    await tell(m, runtime, { organisationId: t.addressedCourtId, userId: order.draftedBy, kind: 'RELEASE_TASK', message });
    const [b] = (await m.query(
      `SELECT b.debtor_id, s.kind, s.id_number FROM bankruptcy_case b JOIN subject s ON s.id = b.debtor_id WHERE b.id = $1`,
      [t.bankruptcyCaseId],
    )) as Array<{ debtor_id: string; kind: string; id_number: string }>;
    steps.push(
      bankruptcyAuditDraft(
        { caseKind: 'BANKRUPTCY', caseNo: t.bankruptcyCaseNo, subjectId: b.debtor_id, subjectKind: b.kind, subjectIdNumber: b.id_number },
        registered ? 'MEASURE_REGISTERED' : 'MEASURE_NOT_REGISTERED',
        SYSTEM,
        { taskId: t.id, orderId: order.id, state: next },
      ),
    );
  }
  return steps;
}
