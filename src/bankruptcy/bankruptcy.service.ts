import { may } from '../auth/policy';
import type { RequestContext } from '../context';
import { dateOf } from '../control/clock';
import type { ControlRuntime } from '../control/control-runtime';
import { badUserInput, conflict, forbidden, notFound } from '../schema/error-codes';
import { textArgument } from '../services/admin/text-argument';
import { checkFirst, connectionOf, decodeCursor, encodeCursor, type PageArgs } from '../services/pagination';
import { isOverdue, loadTask, OPEN_TASK_SQL, TASK_SELECT, tellAdministratorAndCourt, type ReleaseTaskRow } from './release-tasks';
import { bankruptcyAuditDraft, recordSteps } from './steps';
import { TransferService } from './transfer';

const NOT_VISIBLE = 'No such release task for you';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReleaseInput {
  rulingNo?: string | null;
  rulingDate?: string | null;
  noticeNo?: string | null;
  noticeDate?: string | null;
}

/**
 * Release tasks and suspensions as the API shows them, the clerk's one-action release, and the transfers (执转破).
 * The runtime is the control machinery's (clock, settings, audit); acceptance itself is `acceptBankruptcy`.
 */
export class BankruptcyCoordinationService {
  readonly transfers: TransferService;

  constructor(readonly runtime: ControlRuntime) {
    this.transfers = new TransferService(runtime);
  }

  private today() {
    return dateOf(this.runtime.clock.now());
  }

  /** A task with its derived fields (overdue, handed over). */
  view(t: ReleaseTaskRow) {
    return { ...t, overdue: isOverdue(t, this.today()), handedOver: t.handedOverAt !== null };
  }

  async ofCase(ctx: RequestContext, bankruptcyCaseId: string) {
    const rows: ReleaseTaskRow[] = await ctx.hub.query(`${TASK_SELECT} WHERE t.bankruptcy_case_id = $1 ORDER BY t.due_on, t.created_at, t.id`, [
      bankruptcyCaseId,
    ]);
    return rows.map((t) => this.view(t));
  }

  async suspendedExecutions(ctx: RequestContext, bankruptcyCaseId: string) {
    return ctx.hub.query(
      `SELECT c.case_no AS "caseNo", o.name AS "courtName", x.reason, x.suspended_at AS "suspendedAt", x.resumed_at AS "resumedAt", x.terminated_at AS "terminatedAt"
         FROM execution_suspension x JOIN execution_case c ON c.id = x.execution_case_id JOIN organisation o ON o.id = c.court_id
        WHERE x.bankruptcy_case_id = $1 ORDER BY c.case_no`,
      [bankruptcyCaseId],
    );
  }

  /** Why an execution case is suspended now (the latest suspension still in force), or null. */
  async suspensionOf(ctx: RequestContext, executionCaseId: string) {
    const [row] = await ctx.hub.query(
      `SELECT x.reason, x.suspended_at AS "suspendedAt", b.case_no AS "bankruptcyCaseNo", x.transfer_id AS "transferId", t.state AS "transferState"
         FROM execution_suspension x LEFT JOIN bankruptcy_case b ON b.id = x.bankruptcy_case_id LEFT JOIN bankruptcy_transfer t ON t.id = x.transfer_id
        WHERE x.execution_case_id = $1 AND x.resumed_at IS NULL ORDER BY x.suspended_at DESC, x.id LIMIT 1`,
      [executionCaseId],
    );
    return row ?? null;
  }

  /**
   * The clerk's tasks: those addressed to their court, for a hub measure only when they are a clerk of the case that
   * ordered it (they release it through that case), for an outside measure any clerk of the court. Earliest due first.
   */
  async clerkTasks(ctx: RequestContext, page: PageArgs) {
    checkFirst(page.first);
    if (!may(ctx.viewer, 'Query.releaseTasks')) throw forbidden('Your role has no release tasks');
    const params: unknown[] = [ctx.viewer.organisationId, ctx.viewer.userId];
    const where = [
      `t.addressed_court_id = $1`,
      `(t.control_order_id IS NULL OR EXISTS (SELECT 1 FROM control_order o JOIN execution_case_clerk k ON k.case_id = o.case_id
          WHERE o.id = t.control_order_id AND k.user_id = $2))`,
    ];
    const [{ count }] = await ctx.hub.query(`SELECT count(*)::int AS count FROM release_task t WHERE ${where.join(' AND ')}`, params);
    if (page.after) {
      const [due, id] = decodeCursor(page.after);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || !UUID.test(id)) throw badUserInput('after', 'not a cursor returned by this API');
      params.push(due, id);
      where.push(`(t.due_on, t.id) > ($3::date, $4::uuid)`);
    }
    const rows: ReleaseTaskRow[] = await ctx.hub.query(
      `${TASK_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.due_on, t.id LIMIT ${page.first + 1}`,
      params,
    );
    return connectionOf(
      rows.map((t) => this.view(t)),
      page.first,
      (t) => encodeCursor(t.dueOn, t.id),
      count,
    );
  }

  /** Auditors: every task past its due date and not released, earliest due first; no asset and no debtor. */
  async overdueTasks(ctx: RequestContext, page: PageArgs) {
    checkFirst(page.first);
    if (!may(ctx.viewer, 'Query.overdueReleaseTasks')) throw forbidden('Your role supervises no release tasks');
    const params: unknown[] = [this.today()];
    const where = [`t.state IN ${OPEN_TASK_SQL}`, `t.due_on < $1`];
    const [{ count }] = await ctx.hub.query(`SELECT count(*)::int AS count FROM release_task t WHERE ${where.join(' AND ')}`, params);
    if (page.after) {
      const [due, id] = decodeCursor(page.after);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || !UUID.test(id)) throw badUserInput('after', 'not a cursor returned by this API');
      params.push(due, id);
      where.push(`(t.due_on, t.id) > ($2::date, $3::uuid)`);
    }
    const rows: ReleaseTaskRow[] = await ctx.hub.query(
      `${TASK_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.due_on, t.id LIMIT ${page.first + 1}`,
      params,
    );
    return connectionOf(rows, page.first, (t) => encodeCursor(t.dueOn, t.id), count);
  }

  /** The task if the viewer's court is addressed (and, for a hub measure, they are a clerk of its case). */
  private async visibleTask(ctx: RequestContext, id: string, operation: string): Promise<ReleaseTaskRow> {
    if (!may(ctx.viewer, operation)) throw forbidden('Your role releases no measures');
    const t = await loadTask(ctx.hub, id);
    if (!t || t.addressedCourtId !== ctx.viewer.organisationId) throw notFound(NOT_VISIBLE);
    if (t.controlOrderId) {
      const rows: unknown[] = await ctx.hub.query(
        `SELECT 1 FROM control_order o JOIN execution_case_clerk k ON k.case_id = o.case_id WHERE o.id = $1 AND k.user_id = $2`,
        [t.controlOrderId, ctx.viewer.userId],
      );
      if (rows.length === 0) throw notFound(NOT_VISIBLE);
    }
    return t;
  }

  /**
   * The one action: a release order of the measure, drafted and submitted (the existing `releaseControlOrder` path:
   * approval, delivery, receipt); the task is RELEASING until the receipt. By default the legal basis is the
   * acceptance ruling and the notice is numbered after the ordering case.
   */
  async releaseFromTask(ctx: RequestContext, id: string, input: ReleaseInput | null) {
    const t = await this.visibleTask(ctx, id, 'Mutation.releaseFromTask');
    if (!t.controlOrderId) throw conflict('A measure made outside the hub is released on paper: record its receipt (recordOutsideRelease)', t.state);
    if (t.state !== 'PENDING') throw conflict(`The task is ${t.state}`, t.state);
    const [b] = (await ctx.hub.query(`SELECT acceptance_ruling_no, accepted_on::text AS accepted_on FROM bankruptcy_case WHERE id = $1`, [
      t.bankruptcyCaseId,
    ])) as Array<{ acceptance_ruling_no: string | null; accepted_on: string }>;
    const today = this.today();
    const release = await ctx.services.controlOrders.followUp(ctx, t.controlOrderId, 'RELEASE', {
      rulingNo: input?.rulingNo ?? b.acceptance_ruling_no ?? t.bankruptcyCaseNo,
      rulingDate: input?.rulingDate ?? b.accepted_on,
      noticeNo: input?.noticeNo ?? `${(t.orderingCaseNo ?? t.bankruptcyCaseNo).replace(/号$/, '')}解字1号`,
      noticeDate: input?.noticeDate ?? today,
    });
    const moved = await ctx.hub.transaction(async (m) => {
      const locked = (await loadTask(m, t.id, true))!;
      if (locked.state !== 'PENDING') return null;
      await m.query(`UPDATE release_task SET state = 'RELEASING', release_order_id = $2, updated_at = $3 WHERE id = $1`, [
        t.id,
        release.id,
        this.runtime.clock.now(),
      ]);
      return (await loadTask(m, t.id))!;
    });
    if (!moved) throw conflict('The task changed meanwhile', (await loadTask(ctx.hub, t.id))!.state);
    return this.view(moved);
  }

  /** A measure made outside the hub, released by its court on paper: the registry's receipt recorded, the asset handed over. */
  async recordOutsideRelease(ctx: RequestContext, id: string, input: { receiptNo: string; releasedOn: string }) {
    const t = await this.visibleTask(ctx, id, 'Mutation.recordOutsideRelease');
    const receiptNo = textArgument('input.receiptNo', input.receiptNo, { max: 64 });
    if (input.releasedOn > this.today()) throw badUserInput('input.releasedOn', 'must not be in the future');
    if (t.controlOrderId) throw conflict('A measure made through the hub is released from the task (releaseFromTask)', t.state);
    return ctx.hub.transaction(async (m) => {
      const locked = (await loadTask(m, t.id, true))!;
      if (locked.state !== 'PENDING') throw conflict(`The task is ${locked.state}`, locked.state);
      const now = this.runtime.clock.now();
      await m.query(
        `UPDATE release_task SET state = 'RELEASED', receipt_no = $2, released_on = $3, handed_over_at = $4, updated_at = $4 WHERE id = $1`,
        [t.id, receiptNo, input.releasedOn, now],
      );
      const [b] = (await m.query(
        `SELECT b.court_id, b.debtor_id, s.kind, s.id_number FROM bankruptcy_case b JOIN subject s ON s.id = b.debtor_id WHERE b.id = $1`,
        [t.bankruptcyCaseId],
      )) as Array<{ court_id: string; debtor_id: string; kind: string; id_number: string }>;
      await tellAdministratorAndCourt(m, this.runtime, t, b.court_id, receiptNo);
      await recordSteps(this.runtime, [
        bankruptcyAuditDraft(
          { caseKind: 'BANKRUPTCY', caseNo: t.bankruptcyCaseNo, subjectId: b.debtor_id, subjectKind: b.kind, subjectIdNumber: b.id_number },
          'HANDOVER',
          { username: ctx.viewer.username, organisationCode: ctx.viewer.organisationCode },
          { taskId: t.id, receiptNo },
        ),
      ]);
      return this.view((await loadTask(m, t.id))!);
    });
  }
}
