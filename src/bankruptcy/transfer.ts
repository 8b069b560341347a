import type { EntityManager } from 'typeorm';
import { may } from '../auth/policy';
import type { RequestContext } from '../context';
import { addDays, dateOf } from '../control/clock';
import type { ControlRuntime } from '../control/control-runtime';
import { parseCaseNo } from '../ids/case-number';
import { badUserInput, conflict, forbidden, notFound } from '../schema/error-codes';
import { caseNoArgument } from '../services/case-number-argument';
import { isUniqueViolation } from '../services/admin/unique-violation';
import { textArgument } from '../services/admin/text-argument';
import { subjectIdArgument } from '../services/subject-id-argument';
import { checkFirst, connectionOf, decodeCursor, encodeCursor, type PageArgs } from '../services/pagination';
import { acceptBankruptcy } from './acceptance';
import { bankruptcyAuditDraft, recordSteps, tell, type Actor } from './steps';

export const TRANSFER_STATES = ['PROPOSED', 'ACCEPTED', 'RETURNED'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];
/** Who gave the written consent to the transfer: 申请执行人 or 被执行人. */
export const CONSENT_PARTIES = ['APPLICANT', 'RESPONDENT'] as const;

export interface TransferRow {
  id: string;
  executionCaseId: string;
  executionCaseNo: string;
  executionCourtId: string;
  executionCourtName: string;
  debtorId: string;
  debtorName: string;
  debtorIdNumber: string;
  courtId: string;
  tribunalCourtName: string;
  consentBy: string;
  consentDocumentNo: string;
  consentDate: string;
  state: TransferState;
  decideBy: string;
  returnReason: string | null;
  bankruptcyCaseNo: string | null;
  proposedById: string;
  proposedBy: string;
  createdAt: Date;
  decidedAt: Date | null;
}

const TRANSFER_SELECT = `
  SELECT t.id, t.execution_case_id AS "executionCaseId", c.case_no AS "executionCaseNo", c.court_id AS "executionCourtId", ec.name AS "executionCourtName",
         t.debtor_id AS "debtorId", s.name AS "debtorName", s.id_number AS "debtorIdNumber", t.court_id AS "courtId", tc.name AS "tribunalCourtName",
         t.consent_by AS "consentBy", t.consent_document_no AS "consentDocumentNo", t.consent_date::text AS "consentDate", t.state,
         t.decide_by::text AS "decideBy", t.return_reason AS "returnReason", b.case_no AS "bankruptcyCaseNo", t.proposed_by AS "proposedById",
         u.username AS "proposedBy", t.created_at AS "createdAt", t.decided_at AS "decidedAt"
    FROM bankruptcy_transfer t
    JOIN execution_case c ON c.id = t.execution_case_id
    JOIN organisation ec ON ec.id = c.court_id
    JOIN organisation tc ON tc.id = t.court_id
    JOIN subject s ON s.id = t.debtor_id
    JOIN hub_user u ON u.id = t.proposed_by
    LEFT JOIN bankruptcy_case b ON b.id = t.bankruptcy_case_id`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadTransfer(m: EntityManager, id: string, lock = false): Promise<TransferRow | null> {
  if (!UUID.test(id)) return null;
  if (lock) await m.query(`SELECT 1 FROM bankruptcy_transfer WHERE id = $1 FOR UPDATE`, [id]);
  const rows: TransferRow[] = await m.query(`${TRANSFER_SELECT} WHERE t.id = $1`, [id]);
  return rows[0] ?? null;
}

export const isTransferOverdue = (t: { state: string; decideBy: string }, today: string) => t.state === 'PROPOSED' && t.decideBy < today;

const actorOf = (ctx: RequestContext): Actor => ({ username: ctx.viewer.username, organisationCode: ctx.viewer.organisationCode });
const NOT_VISIBLE = 'No such transfer for you';

export interface ProposeInput {
  respondentIdNumber: string;
  consentBy: string;
  consentDocumentNo: string;
  consentDate: string;
  courtCode?: string | null;
}

export interface AcceptInput {
  caseNo: string;
  acceptanceRulingNo: string;
  acceptedOn: string;
  administrator?: { firmCode: string; decisionNo: string; validFrom: string; validTo?: string | null } | null;
}

/** 执转破: proposal by the assigned clerk, decision by the bankruptcy tribunal (JUDGE) of the receiving court. */
export class TransferService {
  constructor(private readonly runtime: ControlRuntime) {}

  async propose(ctx: RequestContext, rawCaseNo: string, input: ProposeInput): Promise<TransferRow> {
    if (!may(ctx.viewer, 'Mutation.proposeBankruptcyTransfer')) throw forbidden('Your role proposes no transfers');
    const caseNo = caseNoArgument('caseNo', rawCaseNo, 'EXECUTION');
    const { idNumber } = subjectIdArgument('input.respondentIdNumber', input.respondentIdNumber, 'ENTERPRISE');
    const consentDocumentNo = textArgument('input.consentDocumentNo', input.consentDocumentNo, { max: 60 });
    const today = dateOf(this.runtime.clock.now());
    if (input.consentDate > today) throw badUserInput('input.consentDate', 'must not be in the future');
    const courtCode = input.courtCode == null ? null : textArgument('input.courtCode', input.courtCode, { max: 16 });
    return ctx.hub.transaction(async (m) => {
      const [c] = (await m.query(
        `SELECT c.id, c.status, c.court_id FROM execution_case c JOIN execution_case_clerk k ON k.case_id = c.id AND k.user_id = $2
          WHERE c.case_no = $1 FOR UPDATE OF c`,
        [caseNo, ctx.viewer.userId],
      )) as Array<{ id: string; status: string; court_id: string }>;
      if (!c) throw forbidden('You have no access to this case');
      if (c.status !== 'ACTIVE') throw conflict(`Case ${caseNo} is ${c.status}; only an active execution can be transferred`, c.status);
      const [subject] = (await m.query(
        `SELECT s.id, s.kind FROM subject s JOIN execution_case_respondent r ON r.subject_id = s.id AND r.case_id = $1 WHERE s.id_number = $2`,
        [c.id, idNumber],
      )) as Array<{ id: string; kind: string }>;
      if (!subject) throw badUserInput('input.respondentIdNumber', 'not a respondent of this case');
      let courtId = c.court_id;
      if (courtCode) {
        const [court] = (await m.query(`SELECT id FROM organisation WHERE code = $1 AND kind = 'COURT' AND disabled_at IS NULL`, [
          courtCode,
        ])) as Array<{
          id: string;
        }>;
        if (!court) throw badUserInput('input.courtCode', `no enabled court with code ${courtCode}`);
        courtId = court.id;
      }
      const now = this.runtime.clock.now();
      const decideBy = addDays(today, this.runtime.config.bankruptcy.transferDecisionDays);
      const [{ id }] = (await m.query(
        `INSERT INTO bankruptcy_transfer (execution_case_id, debtor_id, court_id, proposed_by, consent_by, consent_document_no, consent_date, state, decide_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'PROPOSED', $8, $9) RETURNING id`,
        [c.id, subject.id, courtId, ctx.viewer.userId, input.consentBy, consentDocumentNo, input.consentDate, decideBy, now],
      )) as Array<{ id: string }>;
      await m.query(`UPDATE execution_case SET status = 'SUSPENDED' WHERE id = $1`, [c.id]);
      await m.query(`INSERT INTO execution_suspension (execution_case_id, transfer_id, reason, suspended_at) VALUES ($1, $2, $3, $4)`, [
        c.id,
        id,
        `执转破：已移送破产审查，待受理法院于${decideBy}前决定`,
        now,
      ]);
      const t = (await loadTransfer(m, id))!;
      await tell(m, this.runtime, {
        organisationId: courtId,
        kind: 'TRANSFER_PROPOSED',
        message: `${caseNo} 执转破移送：${t.debtorName}，请于${decideBy}前决定是否受理`,
      });
      await recordSteps(this.runtime, [
        bankruptcyAuditDraft(
          { caseKind: 'EXECUTION', caseNo, subjectId: subject.id, subjectKind: subject.kind, subjectIdNumber: idNumber },
          'TRANSFER_PROPOSED',
          actorOf(ctx),
          { transferId: id, decideBy },
        ),
      ]);
      return t;
    });
  }

  async list(ctx: RequestContext, page: PageArgs, state: TransferState | null) {
    checkFirst(page.first);
    if (!may(ctx.viewer, 'Query.bankruptcyTransfers')) throw forbidden('Your role decides no transfers');
    const where = ['t.court_id = $1'];
    const params: unknown[] = [ctx.viewer.organisationId];
    if (state) {
      params.push(state);
      where.push(`t.state = $${params.length}`);
    }
    const [{ count }] = await ctx.hub.query(`SELECT count(*)::int AS count FROM bankruptcy_transfer t WHERE ${where.join(' AND ')}`, params);
    if (page.after) {
      const [at, id] = decodeCursor(page.after);
      if (Number.isNaN(Date.parse(at)) || !UUID.test(id)) throw badUserInput('after', 'not a cursor returned by this API');
      params.push(at, id);
      where.push(`(t.created_at, t.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows: TransferRow[] = await ctx.hub.query(
      `${TRANSFER_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.created_at, t.id LIMIT ${page.first + 1}`,
      params,
    );
    return connectionOf(rows, page.first, (t) => encodeCursor(new Date(t.createdAt).toISOString(), t.id), count);
  }

  /** The transfer, locked, if the viewer is a judge of its receiving court and it is still PROPOSED. */
  private async decidable(ctx: RequestContext, m: EntityManager, id: string, operation: string): Promise<TransferRow> {
    if (!may(ctx.viewer, operation)) throw forbidden('Your role decides no transfers');
    const t = await loadTransfer(m, id, true);
    if (!t || t.courtId !== ctx.viewer.organisationId) throw notFound(NOT_VISIBLE);
    if (t.state !== 'PROPOSED') throw conflict(`The transfer is already ${t.state}`, t.state);
    return t;
  }

  async accept(ctx: RequestContext, id: string, input: AcceptInput): Promise<TransferRow> {
    const caseNo = caseNoArgument('input.caseNo', input.caseNo, 'BANKRUPTCY');
    const rulingNo = caseNoArgument('input.acceptanceRulingNo', input.acceptanceRulingNo, 'BANKRUPTCY');
    const today = dateOf(this.runtime.clock.now());
    if (input.acceptedOn > today) throw badUserInput('input.acceptedOn', 'must not be in the future');
    const courtCode = parseCaseNo(caseNo)!.courtCode;
    if (courtCode !== ctx.viewer.organisationCode)
      throw badUserInput('input.caseNo', `must be a case of your court (${ctx.viewer.organisationCode})`);
    if (parseCaseNo(rulingNo)!.courtCode !== courtCode)
      throw badUserInput('input.acceptanceRulingNo', `must be a ruling of your court (${courtCode})`);
    try {
      return await ctx.hub.transaction(async (m) => {
        const t = await this.decidable(ctx, m, id, 'Mutation.acceptBankruptcyTransfer');
        if (input.acceptedOn < dateOf(new Date(t.createdAt))) throw badUserInput('input.acceptedOn', 'must not be before the transfer was proposed');
        const [existing] = (await m.query(`SELECT 1 FROM bankruptcy_case WHERE case_no = $1`, [caseNo])) as unknown[];
        if (existing) throw badUserInput('input.caseNo', `bankruptcy case ${caseNo} already exists`);
        const [{ id: bankruptcyCaseId }] = (await m.query(
          `INSERT INTO bankruptcy_case (case_no, court_id, debtor_id, acceptance_ruling_no, status, accepted_on) VALUES ($1, $2, $3, $4, 'ACCEPTED', $5) RETURNING id`,
          [caseNo, t.courtId, t.debtorId, rulingNo, input.acceptedOn],
        )) as Array<{ id: string }>;
        if (input.administrator) await this.appoint(m, bankruptcyCaseId, caseNo, input.acceptedOn, input.administrator);
        const now = this.runtime.clock.now();
        await m.query(`UPDATE bankruptcy_transfer SET state = 'ACCEPTED', bankruptcy_case_id = $2, decided_by = $3, decided_at = $4 WHERE id = $1`, [
          t.id,
          bankruptcyCaseId,
          ctx.viewer.userId,
          now,
        ]);
        await tell(m, this.runtime, {
          organisationId: t.executionCourtId,
          userId: t.proposedById,
          kind: 'TRANSFER_ACCEPTED',
          message: `${t.executionCaseNo} 执转破：${t.tribunalCourtName}已受理破产（${caseNo}），本案执行中止`,
        });
        await recordSteps(this.runtime, [
          bankruptcyAuditDraft(
            { caseKind: 'BANKRUPTCY', caseNo, subjectId: t.debtorId, subjectKind: 'ENTERPRISE', subjectIdNumber: t.debtorIdNumber },
            'TRANSFER_ACCEPTED',
            actorOf(ctx),
            { transferId: t.id, executionCaseNo: t.executionCaseNo },
          ),
        ]);
        await acceptBankruptcy(
          m,
          this.runtime,
          { id: bankruptcyCaseId, caseNo, courtId: t.courtId, debtorId: t.debtorId, acceptedOn: input.acceptedOn },
          actorOf(ctx),
        );
        return (await loadTransfer(m, t.id))!;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw badUserInput('input.caseNo', `bankruptcy case ${caseNo} already exists`);
      throw error;
    }
  }

  /** The administrator appointed with the acceptance (the same rules as the operator's `appointAdministrator`). */
  private async appoint(m: EntityManager, caseId: string, caseNo: string, acceptedOn: string, a: NonNullable<AcceptInput['administrator']>) {
    const firmCode = textArgument('input.administrator.firmCode', a.firmCode, { max: 32 });
    const decisionNo = textArgument('input.administrator.decisionNo', a.decisionNo, { max: 60 });
    if (!decisionNo.startsWith(caseNo.replace(/号$/, ''))) throw badUserInput('input.administrator.decisionNo', `must be a decision in ${caseNo}`);
    if (a.validFrom < acceptedOn) throw badUserInput('input.administrator.validFrom', `must not be before the acceptance (${acceptedOn})`);
    if (a.validTo && a.validTo < a.validFrom) throw badUserInput('input.administrator.validTo', 'must not be before input.administrator.validFrom');
    const [firm] = (await m.query(`SELECT id, kind, disabled_at FROM organisation WHERE code = $1`, [firmCode])) as Array<{
      id: string;
      kind: string;
      disabled_at: Date | null;
    }>;
    if (!firm) throw notFound(`No organisation with code ${firmCode}`);
    if (firm.kind !== 'ADMINISTRATOR_FIRM' || firm.disabled_at)
      throw badUserInput('input.administrator.firmCode', `${firmCode} is not an enabled ADMINISTRATOR_FIRM`);
    await m.query(`INSERT INTO administrator_appointment (case_id, firm_id, decision_no, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5)`, [
      caseId,
      firm.id,
      decisionNo,
      a.validFrom,
      a.validTo ?? null,
    ]);
  }

  async return(ctx: RequestContext, id: string, rawReason: string): Promise<TransferRow> {
    const reason = textArgument('reason', rawReason, { max: 300 });
    return ctx.hub.transaction(async (m) => {
      const t = await this.decidable(ctx, m, id, 'Mutation.returnBankruptcyTransfer');
      const now = this.runtime.clock.now();
      await m.query(`UPDATE bankruptcy_transfer SET state = 'RETURNED', return_reason = $2, decided_by = $3, decided_at = $4 WHERE id = $1`, [
        t.id,
        reason,
        ctx.viewer.userId,
        now,
      ]);
      await m.query(`UPDATE execution_suspension SET resumed_at = $2 WHERE transfer_id = $1 AND resumed_at IS NULL`, [t.id, now]);
      // The execution resumes unless something else (a bankruptcy acceptance) still holds it.
      await m.query(
        `UPDATE execution_case SET status = 'ACTIVE' WHERE id = $1 AND status = 'SUSPENDED'
            AND NOT EXISTS (SELECT 1 FROM execution_suspension WHERE execution_case_id = $1 AND resumed_at IS NULL)`,
        [t.executionCaseId],
      );
      await tell(m, this.runtime, {
        organisationId: t.executionCourtId,
        userId: t.proposedById,
        kind: 'TRANSFER_RETURNED',
        message: `${t.executionCaseNo} 执转破移送被退回：${reason}；本案恢复执行`,
      });
      await recordSteps(this.runtime, [
        bankruptcyAuditDraft(
          { caseKind: 'EXECUTION', caseNo: t.executionCaseNo, subjectId: t.debtorId, subjectKind: 'ENTERPRISE', subjectIdNumber: t.debtorIdNumber },
          'TRANSFER_RETURNED',
          actorOf(ctx),
          { transferId: t.id },
        ),
      ]);
      return (await loadTransfer(m, t.id))!;
    });
  }
}
