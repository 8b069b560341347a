import type { EntityManager } from 'typeorm';
import { dateOf } from '../control/clock';
import { enqueue } from '../control/control-jobs';
import type { ControlRuntime } from '../control/control-runtime';
import { sendClaimNotices } from './claims/claims';
import { BANKRUPTCY_TASKS } from './jobs';
import { createHubReleaseTasks } from './release-tasks';
import { bankruptcyAuditDraft, recordSteps, tell, type Actor, type StepCase } from './steps';

/** The bankruptcy case as accepted: what the acceptance steps need of it. */
export interface AcceptedCase {
  id: string;
  caseNo: string;
  courtId: string;
  debtorId: string;
  acceptedOn: string;
}

export interface AcceptanceSummary {
  suspended: string[];
  releaseTasks: number;
}

/** The debtor of a bankruptcy case as the audit log names it. */
export async function debtorStepCase(m: EntityManager, c: AcceptedCase): Promise<StepCase> {
  const [s] = (await m.query(`SELECT kind, id_number FROM subject WHERE id = $1`, [c.debtorId])) as Array<{ kind: string; id_number: string }>;
  return { caseKind: 'BANKRUPTCY', caseNo: c.caseNo, subjectId: c.debtorId, subjectKind: s.kind, subjectIdNumber: s.id_number };
}

/**
 * What accepting a bankruptcy case sets off (破产法 art. 19), in the accepting transaction: every execution against
 * the debtor is suspended (中止) and its clerks told; every measure made through the hub that holds a debtor's asset
 * gets a release task; the tax and social-security agencies get claim notices; and the sweep of the agencies' registries for the measures made elsewhere is enqueued
 * (job `bankruptcy_sweep`, idempotent, retried while an agency is down). Both the operator's `createBankruptcyCase` and
 * the judge's `acceptBankruptcyTransfer` call this, and only this.
 */
export async function acceptBankruptcy(
  m: EntityManager,
  runtime: ControlRuntime,
  bankruptcyCase: AcceptedCase,
  actor: Actor,
): Promise<AcceptanceSummary> {
  const stepCase = await debtorStepCase(m, bankruptcyCase);
  const suspended = await suspendExecutions(m, runtime, bankruptcyCase, stepCase, actor);
  const releaseTasks = await createHubReleaseTasks(m, runtime, bankruptcyCase, stepCase);
  await enqueue(m, BANKRUPTCY_TASKS.sweep, { bankruptcyCaseId: bankruptcyCase.id }, `${BANKRUPTCY_TASKS.sweep}:${bankruptcyCase.id}`);
  // The public creditors file their claims as of the acceptance date (seed 000 items 14, 20).
  await sendClaimNotices(m, bankruptcyCase, runtime, actor.username);
  await recordSteps(runtime, [
    bankruptcyAuditDraft(stepCase, 'ACCEPTANCE_SWEEP', actor, { suspended: suspended.length, releaseTasks, registriesQueued: true }),
  ]);
  return { suspended, releaseTasks };
}

/**
 * Every execution case against the debtor that is active (or already suspended pending a transfer) is suspended by
 * this bankruptcy case; the assigned clerks are notified. Returns the case numbers newly suspended by it.
 */
async function suspendExecutions(m: EntityManager, runtime: ControlRuntime, b: AcceptedCase, stepCase: StepCase, actor: Actor): Promise<string[]> {
  const cases = (await m.query(
    `SELECT c.id, c.case_no, c.court_id, c.status FROM execution_case c
       JOIN execution_case_respondent r ON r.case_id = c.id
      WHERE r.subject_id = $1 AND c.status IN ('ACTIVE', 'SUSPENDED') ORDER BY c.case_no FOR UPDATE OF c`,
    [b.debtorId],
  )) as Array<{ id: string; case_no: string; court_id: string; status: string }>;
  const now = runtime.clock.now();
  const done: string[] = [];
  const steps = [];
  for (const c of cases) {
    const inserted = (await m.query(
      `INSERT INTO execution_suspension (execution_case_id, bankruptcy_case_id, reason, suspended_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (bankruptcy_case_id, execution_case_id) WHERE bankruptcy_case_id IS NOT NULL DO NOTHING RETURNING id`,
      [c.id, b.id, `破产受理 ${b.caseNo}（${b.acceptedOn}）：执行中止（企业破产法第十九条）`, now],
    )) as unknown[];
    if (inserted.length === 0) continue;
    if (c.status === 'ACTIVE') await m.query(`UPDATE execution_case SET status = 'SUSPENDED' WHERE id = $1`, [c.id]);
    const clerks = (await m.query(`SELECT user_id FROM execution_case_clerk WHERE case_id = $1`, [c.id])) as Array<{ user_id: string }>;
    for (const k of clerks) {
      await tell(m, runtime, {
        organisationId: c.court_id,
        userId: k.user_id,
        kind: 'EXECUTION_SUSPENDED',
        message: `${c.case_no}：被执行人已被受理破产（${b.caseNo}，${b.acceptedOn}），本案执行中止；请按解除任务解除查封、冻结并移交管理人`,
      });
    }
    steps.push(bankruptcyAuditDraft({ ...stepCase, caseKind: 'EXECUTION', caseNo: c.case_no }, 'SUSPENSION', actor, { bankruptcyCaseNo: b.caseNo }));
    done.push(c.case_no);
  }
  await recordSteps(runtime, steps);
  return done;
}

/** Today's date at the courts, from the runtime's clock. */
export const todayOf = (runtime: ControlRuntime) => dateOf(runtime.clock.now());
