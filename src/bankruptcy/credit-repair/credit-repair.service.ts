import { may } from '../../auth/policy';
import type { RequestContext } from '../../context';
import { enqueue } from '../../control/control-jobs';
import { recordSteps } from '../../control/control-orders';
import type { ControlRuntime } from '../../control/control-runtime';
import { BankruptcyCase } from '../../entities/hub';
import { normaliseCaseNo } from '../../ids/case-number';
import { caseNoArgument } from '../../services/case-number-argument';
import { pastDateArgument } from '../../services/admin/date-argument';
import { lockCase } from '../../services/admin/lock-case';
import { managedBankruptcyCase } from '../../services/admin/managed-views';
import { requireOperation } from '../../services/admin/require-operation';
import { textArgument } from '../../services/admin/text-argument';
import { badUserInput, conflict, forbidden } from '../../schema/error-codes';
import { addBankruptcyEvent, bankruptcyAuditDraft, historyOf, notifyCase, type CaseOfStep } from '../bankruptcy-steps';
import { BANKRUPTCY_TASKS } from '../bankruptcy-tasks';
import { CREDIT_REPAIR_AGENCIES, deliveriesOf, requestsOfCase, requestState } from './credit-repair';

// Rulings in a bankruptcy case carry the case number with an ordinal: (2024)皖1524破1号之三.
const RULING_SUFFIX = /之[一二三四五六七八九十\d]{1,4}$/u;

/** The reorganisation plan's approval (the operator) and the administrator's credit-repair requests. */
export class CreditRepairService {
  constructor(readonly runtime: ControlRuntime) {}

  /** The operator records the ruling approving the plan (批准重整计划裁定): the case is then in REORGANISATION. */
  async recordPlanApproval(ctx: RequestContext, rawCaseNo: string, input: { rulingNo: string; rulingDate: string }) {
    requireOperation(ctx, 'Mutation.recordReorganisationPlanApproval');
    const caseNo = caseNoArgument('caseNo', rawCaseNo, 'BANKRUPTCY');
    if (input.rulingNo.length > 60) throw badUserInput('input.rulingNo', 'must be at most 60 characters');
    const rulingNo = normaliseCaseNo(input.rulingNo);
    if (rulingNo.replace(RULING_SUFFIX, '') !== caseNo || rulingNo === caseNo) {
      throw badUserInput('input.rulingNo', `must be a ruling in ${caseNo}, e.g. ${caseNo}之三`);
    }
    const rulingDate = pastDateArgument('input.rulingDate', input.rulingDate, this.runtime.clock.now());
    return ctx.hub.transaction(async (m) => {
      const c = await lockCase(m, BankruptcyCase, caseNo);
      if (rulingDate < c.acceptedOn) throw badUserInput('input.rulingDate', `must not be before the case was accepted (${c.acceptedOn})`);
      const [approved] = (await m.query(`SELECT ruling_no FROM reorganisation_plan_approval WHERE case_id = $1`, [c.id])) as unknown[];
      if (approved) throw conflict(`${caseNo} already has an approved reorganisation plan`, 'PLAN_APPROVED');
      if (c.status !== 'ACCEPTED' && c.status !== 'REORGANISATION') throw conflict(`${caseNo} is ${c.status}: no plan can be approved`, c.status);
      await m.query(
        `INSERT INTO reorganisation_plan_approval (case_id, ruling_no, ruling_date, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)`,
        [c.id, rulingNo, rulingDate, ctx.viewer.userId, this.runtime.clock.now()],
      );
      await m.query(`UPDATE bankruptcy_case SET status = 'REORGANISATION' WHERE id = $1`, [c.id]);
      await addBankruptcyEvent(m, this.runtime, c.id, {
        actor: ctx.viewer.username,
        action: 'PLAN_APPROVED',
        state: 'REORGANISATION',
        note: rulingNo,
      });
      await notifyCase(
        m,
        this.runtime,
        { caseId: c.id, courtId: c.courtId },
        'PLAN_APPROVED',
        `${caseNo}：重整计划已裁定批准（${rulingNo}，${rulingDate}）`,
      );
      const step = await caseOfStep(m, c.id);
      await recordSteps(this.runtime, [
        bankruptcyAuditDraft(step, c.id, 'PLAN_APPROVED', ctx.viewer.username, { rulingNo }),
        bankruptcyAuditDraft(step, c.id, 'NOTIFICATION', ctx.viewer.username, { notification: 'PLAN_APPROVED' }),
      ]);
      return managedBankruptcyCase(m, c.id);
    });
  }

  /**
   * The administrator asks the credit platform and the tax authority to repair the debtor's credit after the plan's
   * approval: one request, one delivery per agency, each queued in the same transaction (the outbox).
   */
  async request(ctx: RequestContext, rawCaseNo: string, input: { reasons: string; documents?: string[] | null }) {
    if (!may(ctx.viewer, 'Mutation.requestCreditRepair')) throw forbidden('Your role may not perform Mutation.requestCreditRepair');
    const reasons = textArgument('input.reasons', input.reasons, { max: 2000 });
    const rawDocuments = input.documents ?? [];
    if (rawDocuments.length > 20) throw badUserInput('input.documents', 'at most 20 documents');
    const documents = rawDocuments.map((d, i) => textArgument(`input.documents[${i}]`, d, { max: 200 }));
    const { bankruptcyCase } = await ctx.services.bankruptcyCases.findForViewer(ctx, rawCaseNo);
    const id = await ctx.hub.transaction(async (m) => {
      const c = await lockCase(m, BankruptcyCase, bankruptcyCase.caseNo);
      const [plan] = (await m.query(`SELECT ruling_no FROM reorganisation_plan_approval WHERE case_id = $1`, [c.id])) as unknown[];
      if (!plan) throw conflict(`${c.caseNo} has no approved reorganisation plan on record`, c.status);
      const previous = await deliveriesOf(
        m,
        (await requestsOfCase(m, c.id)).map((r) => r.id),
      );
      const byRequest = new Map<string, typeof previous>();
      for (const d of previous) byRequest.set(d.requestId, [...(byRequest.get(d.requestId) ?? []), d]);
      for (const ds of byRequest.values()) {
        const state = requestState(ds);
        if (state !== 'REFUSED') throw conflict(`${c.caseNo} already has a credit-repair request that is ${state}`, state);
      }
      const [{ id: requestId }] = (await m.query(
        `INSERT INTO credit_repair_request (case_id, reasons, documents, requested_by, created_at) VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING id`,
        [c.id, reasons, JSON.stringify(documents), ctx.viewer.userId, this.runtime.clock.now()],
      )) as Array<{ id: string }>;
      const step = await caseOfStep(m, c.id);
      const steps = [];
      for (const agency of CREDIT_REPAIR_AGENCIES) {
        const [{ id: deliveryId }] = (await m.query(
          `INSERT INTO credit_repair_delivery (request_id, source, state) VALUES ($1, $2, 'SENT') RETURNING id`,
          [requestId, agency.source],
        )) as Array<{ id: string }>;
        await addBankruptcyEvent(m, this.runtime, deliveryId, { actor: ctx.viewer.username, action: 'REQUESTED', state: 'SENT', note: null });
        await enqueue(m, BANKRUPTCY_TASKS.deliver, { kind: 'CREDIT_REPAIR', id: deliveryId }, `${BANKRUPTCY_TASKS.deliver}:${deliveryId}`);
        steps.push(bankruptcyAuditDraft(step, deliveryId, 'CREDIT_REPAIR_REQUESTED', ctx.viewer.username, { source: agency.source }));
      }
      await notifyCase(m, this.runtime, step, 'CREDIT_REPAIR_REQUESTED', `${c.caseNo}：管理人已申请信用修复（信用、税务）`);
      steps.push(bankruptcyAuditDraft(step, requestId, 'NOTIFICATION', ctx.viewer.username, { notification: 'CREDIT_REPAIR_REQUESTED' }));
      await recordSteps(this.runtime, steps);
      return requestId;
    });
    return (await this.ofCase(ctx, bankruptcyCase.id)).find((r) => r.id === id)!;
  }

  /** The credit-repair requests of a case the viewer is bound to, each with its agencies' states and history. */
  async ofCase(ctx: RequestContext, caseId: string) {
    const requests = await requestsOfCase(ctx.hub, caseId);
    const deliveries = await deliveriesOf(
      ctx.hub,
      requests.map((r) => r.id),
    );
    const history = await historyOf(
      ctx.hub,
      deliveries.map((d) => d.id),
    );
    return requests.map((r) => {
      const mine = deliveries.filter((d) => d.requestId === r.id);
      return {
        id: r.id,
        state: requestState(mine),
        reasons: r.reasons,
        documents: r.documents,
        requestedBy: r.requestedBy,
        createdAt: r.createdAt,
        rulingNo: mine[0]?.rulingNo ?? null,
        rulingDate: mine[0]?.rulingDate ?? null,
        agencies: mine.map((d) => ({
          source: d.source,
          state: d.state,
          outcome: d.outcome,
          deliveredAt: d.deliveredAt,
          answeredAt: d.answeredAt,
          history: history.get(d.id) ?? [],
        })),
      };
    });
  }

  /** The plan approval on record for a case, if any. */
  async planOf(ctx: RequestContext, caseId: string): Promise<{ rulingNo: string; rulingDate: string } | null> {
    const [plan] = (await ctx.hub.query(
      `SELECT ruling_no AS "rulingNo", ruling_date::text AS "rulingDate" FROM reorganisation_plan_approval WHERE case_id = $1`,
      [caseId],
    )) as Array<{ rulingNo: string; rulingDate: string }>;
    return plan ?? null;
  }
}

async function caseOfStep(m: { query: (q: string, p: unknown[]) => Promise<unknown> }, caseId: string): Promise<CaseOfStep> {
  const [row] = (await m.query(
    `SELECT c.id AS "caseId", c.case_no AS "caseNo", c.court_id AS "courtId", c.debtor_id AS "debtorId", s.kind AS "debtorKind", s.id_number AS "debtorIdNumber"
       FROM bankruptcy_case c JOIN subject s ON s.id = c.debtor_id WHERE c.id = $1`,
    [caseId],
  )) as CaseOfStep[];
  return row;
}
