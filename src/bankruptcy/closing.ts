import type { EntityManager } from 'typeorm';
import type { ControlRuntime } from '../control/control-runtime';
import type { BankruptcyOutcome } from '../entities/hub/bankruptcy-case.entity';
import { debtorStepCase, type AcceptedCase } from './acceptance';
import { bankruptcyAuditDraft, recordSteps, tell, type Actor } from './steps';

export interface ClosingSummary {
  resumed: string[];
  terminated: string[];
  cancelledTasks: number;
}

const OUTCOME_TEXT: Record<BankruptcyOutcome, string> = { DISMISSED: '驳回破产申请', WITHDRAWN: '准许撤回破产申请', CONCLUDED: '终结破产程序' };

/**
 * What the end of a bankruptcy case does to the executions its acceptance suspended, in the closing transaction.
 * Dismissed (驳回) or withdrawn (撤回): each resumes (恢复执行) unless something else still holds it, and the release
 * tasks not started yet are CANCELLED (the measures stay for the resumed execution; a release already on its way
 * goes on). Concluded (破产程序终结): each terminates (终结执行, the execution case CLOSED) and the release tasks stay.
 * The suspensions of a transfer (执转破) that opened the case end with it. Clerks, the accepting court and the
 * administrator are told; every step is audited.
 */
export async function closeBankruptcy(
  m: EntityManager,
  runtime: ControlRuntime,
  b: AcceptedCase,
  closing: { outcome: BankruptcyOutcome; rulingNo: string; date: string },
  actor: Actor,
): Promise<ClosingSummary> {
  const stepCase = await debtorStepCase(m, b);
  const now = runtime.clock.now();
  const suspensions = (await m.query(
    `SELECT x.id, x.execution_case_id, c.case_no, c.court_id FROM execution_suspension x JOIN execution_case c ON c.id = x.execution_case_id
      WHERE (x.bankruptcy_case_id = $1 OR x.transfer_id IN (SELECT id FROM bankruptcy_transfer WHERE bankruptcy_case_id = $1))
        AND x.resumed_at IS NULL AND x.terminated_at IS NULL
      ORDER BY c.case_no, x.id FOR UPDATE OF x, c`,
    [b.id],
  )) as Array<{ id: string; execution_case_id: string; case_no: string; court_id: string }>;
  const resume = closing.outcome !== 'CONCLUDED';
  const summary: ClosingSummary = { resumed: [], terminated: [], cancelledTasks: 0 };
  const steps = [];
  const cases = new Map<string, { caseNo: string; courtId: string }>();
  for (const x of suspensions) {
    await m.query(`UPDATE execution_suspension SET ${resume ? 'resumed_at' : 'terminated_at'} = $2 WHERE id = $1`, [x.id, now]);
    cases.set(x.execution_case_id, { caseNo: x.case_no, courtId: x.court_id });
  }
  const why = `${b.caseNo} ${OUTCOME_TEXT[closing.outcome]}（${closing.rulingNo}，${closing.date}）`;
  for (const [id, c] of cases) {
    let message: string;
    if (resume) {
      const [held] = (await m.query(
        `SELECT 1 FROM execution_suspension WHERE execution_case_id = $1 AND resumed_at IS NULL AND terminated_at IS NULL LIMIT 1`,
        [id],
      )) as unknown[];
      if (held) continue; // still held by another suspension: it resumes when that one ends
      await m.query(`UPDATE execution_case SET status = 'ACTIVE' WHERE id = $1 AND status = 'SUSPENDED'`, [id]);
      summary.resumed.push(c.caseNo);
      message = `${c.caseNo}：${why}，本案恢复执行`;
      steps.push(bankruptcyAuditDraft({ ...stepCase, caseKind: 'EXECUTION', caseNo: c.caseNo }, 'RESUMPTION', actor, { bankruptcyCaseNo: b.caseNo }));
    } else {
      await m.query(`UPDATE execution_case SET status = 'CLOSED', closed_at = $2 WHERE id = $1 AND status <> 'CLOSED'`, [id, now]);
      summary.terminated.push(c.caseNo);
      message = `${c.caseNo}：${why}，本案终结执行`;
      steps.push(
        bankruptcyAuditDraft({ ...stepCase, caseKind: 'EXECUTION', caseNo: c.caseNo }, 'TERMINATION', actor, { bankruptcyCaseNo: b.caseNo }),
      );
    }
    const clerks = (await m.query(`SELECT user_id FROM execution_case_clerk WHERE case_id = $1`, [id])) as Array<{ user_id: string }>;
    for (const k of clerks) {
      await tell(m, runtime, { organisationId: c.courtId, userId: k.user_id, kind: resume ? 'EXECUTION_RESUMED' : 'EXECUTION_TERMINATED', message });
    }
  }
  if (resume) {
    const cancelled = (await m.query(
      `SELECT id, addressed_court_id FROM release_task WHERE bankruptcy_case_id = $1 AND state IN ('AWAITING_RECEIPT', 'PENDING') FOR UPDATE`,
      [b.id],
    )) as Array<{ id: string; addressed_court_id: string }>;
    await m.query(`UPDATE release_task SET state = 'CANCELLED', updated_at = $2 WHERE id = ANY($1::uuid[])`, [cancelled.map((t) => t.id), now]);
    summary.cancelledTasks = cancelled.length;
    for (const courtId of new Set(cancelled.map((t) => t.addressed_court_id))) {
      await tell(m, runtime, {
        organisationId: courtId,
        kind: 'RELEASE_TASK_CANCELLED',
        message: `${why}：尚未办理的解除任务已撤销，查封、冻结继续有效`,
      });
    }
  }
  const firms = (await m.query(`SELECT DISTINCT firm_id FROM administrator_appointment WHERE case_id = $1 AND ended_at IS NULL`, [b.id])) as Array<{
    firm_id: string;
  }>;
  for (const organisationId of [b.courtId, ...firms.map((f) => f.firm_id)]) {
    await tell(m, runtime, { organisationId, kind: 'BANKRUPTCY_CLOSED', message: why });
  }
  steps.push(
    bankruptcyAuditDraft(stepCase, 'CASE_CLOSED', actor, {
      outcome: closing.outcome,
      rulingNo: closing.rulingNo,
      date: closing.date,
      resumed: summary.resumed.length,
      terminated: summary.terminated.length,
      cancelledTasks: summary.cancelledTasks,
    }),
  );
  await recordSteps(runtime, steps);
  return summary;
}
