import { dateOf } from '../control/clock';
import type { ControlRuntime } from '../control/control-runtime';
import { OPEN_TASK_SQL } from './release-tasks';
import { bankruptcyAuditDraft, recordSteps, SYSTEM, tell } from './steps';

/**
 * The deadline check (job `bankruptcy_deadlines`, hourly, and callable directly): release tasks past their due date
 * are flagged once to the accepting court, and transfers left undecided past their deadline are flagged once to the
 * tribunal's court and to the proposing clerk. Auditors see overdue tasks through `overdueReleaseTasks`.
 */
export async function flagOverdue(runtime: ControlRuntime): Promise<{ tasks: number; transfers: number }> {
  const today = dateOf(runtime.clock.now());
  return runtime.hub.transaction(async (m) => {
    const now = runtime.clock.now();
    const tasks = (await m.query(
      `SELECT t.id, t.asset_key, t.due_on::text AS due_on, t.ordering_court_name, t.ordering_case_no, b.case_no, b.court_id, b.debtor_id, s.kind, s.id_number
         FROM release_task t JOIN bankruptcy_case b ON b.id = t.bankruptcy_case_id JOIN subject s ON s.id = b.debtor_id
        WHERE t.state IN ${OPEN_TASK_SQL} AND t.due_on < $1 AND t.overdue_flagged_at IS NULL FOR UPDATE OF t`,
      [today],
    )) as Array<Record<string, string>>;
    const steps = [];
    for (const t of tasks) {
      await m.query(`UPDATE release_task SET overdue_flagged_at = $2 WHERE id = $1`, [t.id, now]);
      await tell(m, runtime, {
        organisationId: t.court_id,
        kind: 'RELEASE_OVERDUE',
        message: `${t.case_no}：${t.ordering_case_no ?? t.ordering_court_name}对${t.asset_key}的解除已逾期（应于${t.due_on}前完成）`,
      });
      steps.push(
        bankruptcyAuditDraft(
          { caseKind: 'BANKRUPTCY', caseNo: t.case_no, subjectId: t.debtor_id, subjectKind: t.kind, subjectIdNumber: t.id_number },
          'RELEASE_OVERDUE',
          SYSTEM,
          { taskId: t.id, dueOn: t.due_on },
        ),
      );
    }
    const transfers = (await m.query(
      `SELECT t.id, t.court_id, t.proposed_by, t.decide_by::text AS decide_by, c.case_no, c.court_id AS execution_court_id, t.debtor_id, s.kind, s.id_number
         FROM bankruptcy_transfer t JOIN execution_case c ON c.id = t.execution_case_id JOIN subject s ON s.id = t.debtor_id
        WHERE t.state = 'PROPOSED' AND t.decide_by < $1 AND t.overdue_flagged_at IS NULL FOR UPDATE OF t`,
      [today],
    )) as Array<Record<string, string>>;
    for (const t of transfers) {
      await m.query(`UPDATE bankruptcy_transfer SET overdue_flagged_at = $2 WHERE id = $1`, [t.id, now]);
      const message = `${t.case_no} 执转破移送：审查期限已届满（应于${t.decide_by}前决定）`;
      await tell(m, runtime, { organisationId: t.court_id, kind: 'TRANSFER_OVERDUE', message });
      await tell(m, runtime, { organisationId: t.execution_court_id, userId: t.proposed_by, kind: 'TRANSFER_OVERDUE', message });
      steps.push(
        bankruptcyAuditDraft(
          { caseKind: 'EXECUTION', caseNo: t.case_no, subjectId: t.debtor_id, subjectKind: t.kind, subjectIdNumber: t.id_number },
          'TRANSFER_OVERDUE',
          SYSTEM,
          { transferId: t.id, decideBy: t.decide_by },
        ),
      );
    }
    await recordSteps(runtime, steps);
    return { tasks: tasks.length, transfers: transfers.length };
  });
}
