import type { DataSource, EntityManager } from 'typeorm';
import type { AuditDraft } from '../audit/audit-entry-hash';
import type { AuditLog } from '../audit/audit-log';
import { addDishonestListExitListener, type DishonestListExitListener } from '../bankruptcy/credit-repair/dishonest-list-exit';
import { dateOf } from '../control/clock';
import { CHECK_PURPOSE_TABLE, isCheckPurpose } from './check-purposes';

/** How far back a check makes its agency one to tell when the subject leaves the list. */
export const LIST_EXIT_NOTICE_DAYS = 90;

const WORKER = 'system:check-worker';

/**
 * Tells every agency that checked this subject with a hit in the last 90 days that it has left the dishonest-debtor
 * list (obligation fulfilled, credit repaired …): one notification per check, to the checking agency, naming the
 * subject, the reason and the check's purpose and application number; each check line is told once. Runs in the
 * caller's transaction (`m`), so a credit repair and its notices commit together; with `audit`, each notification is
 * also an audit entry (kind CHECK). Returns the number of notifications written.
 */
export async function notifyListExit(
  m: EntityManager | DataSource,
  subjectIdNumber: string,
  reason: string,
  options: { now?: Date; audit?: AuditLog | null } = {},
): Promise<number> {
  const drafts = await listExitNotices(m, subjectIdNumber, reason, options.now ?? new Date());
  if (options.audit && drafts.length > 0) await options.audit.writer.append(drafts);
  return drafts.length;
}

/**
 * The notifications of `notifyListExit`, written in `m`; returns their audit entries (one per notification) for the
 * caller to record with its own steps.
 */
export async function listExitNotices(m: EntityManager | DataSource, subjectIdNumber: string, reason: string, now: Date): Promise<AuditDraft[]> {
  const since = new Date(now.getTime() - LIST_EXIT_NOTICE_DAYS * 86_400_000);
  const lines: Array<{
    checkId: string;
    lineNo: number;
    organisationId: string;
    organisationCode: string;
    purpose: string;
    applicationNo: string;
    checkedAt: Date;
  }> = await m.query(
    `UPDATE dishonest_check_line l SET exit_notified_at = $3
         FROM dishonest_check c JOIN organisation o ON o.id = c.organisation_id
        WHERE c.id = l.check_id AND l.id_number = $1 AND l.hit AND l.exit_notified_at IS NULL AND c.created_at >= $2
        RETURNING l.check_id AS "checkId", l.line_no AS "lineNo", c.organisation_id AS "organisationId", o.code AS "organisationCode",
                  c.purpose, c.application_no AS "applicationNo", c.created_at AS "checkedAt"`,
    [subjectIdNumber, since, now],
  );
  const rows = Array.isArray(lines[0]) ? (lines[0] as unknown as typeof lines) : lines;
  const drafts: AuditDraft[] = [];
  for (const line of rows) {
    const purpose = isCheckPurpose(line.purpose) ? CHECK_PURPOSE_TABLE[line.purpose].label : line.purpose;
    const message = `${subjectIdNumber} 已移出失信被执行人名单（${reason}）。贵单位曾于${dateOf(new Date(line.checkedAt))}为${purpose}核查（申请编号 ${line.applicationNo}），可据此调整相关限制。`;
    await m.query(
      `INSERT INTO notification (organisation_id, user_id, order_id, kind, message, created_at) VALUES ($1, NULL, NULL, 'LIST_EXIT', $2, $3)`,
      [line.organisationId, message.slice(0, 500), now],
    );
    drafts.push({
      requestId: `check-${line.checkId}`.slice(0, 64),
      correlationId: null,
      kind: 'CHECK',
      username: WORKER,
      organisationCode: line.organisationCode,
      role: null,
      caseKind: null,
      caseNo: null,
      subjectId: null,
      subjectKind: null,
      subjectIdNumber,
      fields: [],
      sources: [{ source: 'credit', state: 'OK' }],
      outcome: 'ALLOWED',
      clientAddress: null,
      operationName: null,
      detail: {
        step: 'LIST_EXIT_NOTIFICATION',
        checkId: line.checkId,
        line: line.lineNo,
        purpose: line.purpose,
        applicationNo: line.applicationNo,
        reason,
      },
    });
  }
  return drafts;
}

/**
 * A granted credit repair that took the debtor off the list tells the agencies that checked it (a hit in the last
 * 90 days), in the transaction that records the repair; the notices' audit entries go with the repair's steps.
 */
export const creditRepairListExitNotices: DishonestListExitListener = (m, runtime, exit) =>
  listExitNotices(m, exit.case.debtorIdNumber, `信用修复，依据${exit.case.caseNo}`, runtime.clock.now());

let registered = false;

/** Registers `creditRepairListExitNotices` once per process (every hub started shares the listener list). */
export function registerListExitNotices(): void {
  if (registered) return;
  registered = true;
  addDishonestListExitListener(creditRepairListExitNotices);
}
