import { maskIdNumber } from '../auth/masking/mask-id-number';
import { dateOf } from '../control/clock';
import type { JobFeature } from '../jobs/job-runner';
import { checkAuditDraft, type CheckActor } from './check-audit';
import { CHECK_QUEUES, CHECK_TASKS, type DishonestCheckService } from './dishonest-check.service';
import { currentEntries, latestRemovals } from './dishonest-list';
import { LIST_EXIT_NOTICE_DAYS, notifyListExit } from './list-exit';

/** IDs checked per round trip to the credit source, and per audit append. */
export const BATCH_CHUNK = 1000;

/**
 * Checks a batch's pending lines in chunks: one lookup in the credit source per chunk, the lines and the progress
 * updated and one CHECK entry per subject appended in one hub transaction. Resumable: a job that stops half-way
 * (a restart, the credit source down) carries on from the first line not yet checked when it runs again.
 */
export async function processBatch(service: DishonestCheckService, checkId: string): Promise<void> {
  const runtime = service.runtime;
  const [batch] = (await runtime.hub.query(
    `SELECT c.id, c.state, c.purpose, c.application_no AS "applicationNo", u.username, o.code AS "organisationCode", u.role
       FROM dishonest_check c JOIN hub_user u ON u.id = c.user_id JOIN organisation o ON o.id = c.organisation_id WHERE c.id = $1 AND c.kind = 'BATCH'`,
    [checkId],
  )) as Array<{ id: string; state: string; purpose: string; applicationNo: string; username: string; organisationCode: string; role: string }>;
  if (!batch || batch.state === 'DONE') return;
  await runtime.hub.query(`UPDATE dishonest_check SET state = 'RUNNING' WHERE id = $1 AND state = 'QUEUED'`, [checkId]);
  const actor: CheckActor = {
    requestId: `batch-${checkId}`,
    correlationId: null,
    username: batch.username,
    organisationCode: batch.organisationCode,
    role: batch.role,
    clientAddress: null,
    operationName: null,
  };
  let after = 0;
  for (;;) {
    const lines: Array<{ lineNo: number; idNumber: string; kind: string }> = await runtime.hub.query(
      `SELECT line_no AS "lineNo", id_number AS "idNumber", subject_kind AS kind FROM dishonest_check_line
        WHERE check_id = $1 AND line_no > $2 AND hit IS NULL AND error IS NULL ORDER BY line_no LIMIT ${BATCH_CHUNK}`,
      [checkId, after],
    );
    if (lines.length === 0) break;
    const entries = await service.lookup(lines.map((l) => l.idNumber));
    const hit = lines.map((l) => (entries.get(l.idNumber)?.length ?? 0) > 0);
    await runtime.hub.transaction(async (m) => {
      await m.query(
        `UPDATE dishonest_check_line l SET hit = t.hit, entries = t.entries, id_number = t.id
           FROM unnest($2::int[], $3::boolean[], $4::jsonb[], $5::varchar[]) AS t(n, hit, entries, id)
          WHERE l.check_id = $1 AND l.line_no = t.n`,
        [
          checkId,
          lines.map((l) => l.lineNo),
          hit,
          lines.map((l, i) => (hit[i] ? JSON.stringify(entries.get(l.idNumber)) : null)),
          lines.map((l, i) => (hit[i] ? l.idNumber : maskIdNumber(l.idNumber))),
        ],
      );
      await m.query(`UPDATE dishonest_check SET done = done + $2, hits = hits + $3 WHERE id = $1`, [
        checkId,
        lines.length,
        hit.filter(Boolean).length,
      ]);
      await service.append(
        lines.map((l) =>
          checkAuditDraft(actor, {
            checkId,
            operation: 'dishonestCheckBatch',
            purpose: batch.purpose,
            applicationNo: batch.applicationNo,
            outcome: 'ALLOWED',
            subject: { idNumber: l.idNumber, kind: l.kind, lineNo: l.lineNo },
          }),
        ),
      );
    });
    after = lines[lines.length - 1].lineNo;
  }
  await runtime.hub.query(`UPDATE dishonest_check SET state = 'DONE', finished_at = $2 WHERE id = $1`, [checkId, runtime.clock.now()]);
}

/**
 * Finds the subjects that agencies found on the list in the last 90 days and that have since left it (no current
 * entry in the credit source), and notifies those agencies (notifyListExit). Runs hourly and can be called.
 * Returns the number of notifications written.
 */
export async function sweepListExits(service: DishonestCheckService): Promise<number> {
  const runtime = service.runtime;
  const now = runtime.clock.now();
  const since = new Date(now.getTime() - LIST_EXIT_NOTICE_DAYS * 86_400_000);
  const credit = await service.creditDb();
  let notified = 0;
  let after = '';
  for (;;) {
    const rows: Array<{ idNumber: string }> = await runtime.hub.query(
      `SELECT DISTINCT l.id_number AS "idNumber" FROM dishonest_check_line l JOIN dishonest_check c ON c.id = l.check_id
        WHERE l.hit AND l.exit_notified_at IS NULL AND c.created_at >= $1 AND l.id_number > $2 ORDER BY 1 LIMIT ${BATCH_CHUNK}`,
      [since, after],
    );
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.idNumber);
    const current = await currentEntries(credit, ids);
    const gone = ids.filter((id) => !current.has(id));
    const removals = gone.length > 0 ? await latestRemovals(credit, gone) : new Map<string, string | null>();
    for (const id of gone) {
      const removedOn = removals.get(id);
      const reason = removedOn ? `${removedOn}移出名单` : `名单记录已撤销（${dateOf(now)}核实）`;
      notified += await runtime.hub.transaction((m) => notifyListExit(m, id, reason, { now, audit: runtime.audit }));
    }
    after = ids[ids.length - 1];
  }
  return notified;
}

/**
 * The checks' tasks for the hub's job runner (jobs/job-runner.ts): batches, and the hourly list-exit sweep, each in
 * one of the two check queues (`CHECK_QUEUES`) so that checks never hold more than two job slots.
 */
export function checkJobs(service: DishonestCheckService): JobFeature {
  return {
    name: 'checks',
    tasks: {
      [CHECK_TASKS.batch]: async (payload) => processBatch(service, String((payload as { checkId?: unknown }).checkId)),
      [CHECK_TASKS.sweep]: async () => void (await sweepListExits(service)),
    },
    crontab: [`30 * * * * ${CHECK_TASKS.sweep} ?jobKey=${CHECK_TASKS.sweep}&queue=${CHECK_QUEUES[0]}`],
  };
}
