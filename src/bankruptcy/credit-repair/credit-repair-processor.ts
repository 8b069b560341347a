import type { EntityManager } from 'typeorm';
import type { BankruptcyAnswer, InboxRow } from '../bankruptcy-inbox';

/** A dishonest-list entry the credit platform removed when it granted a repair. */
export interface ReleasedEntry {
  court: string;
  caseNo: string;
  listedOn: string;
}

/**
 * The credit platform grants the repair of a debtor whose reorganisation plan a court approved (seed 000 item 22, 003
 * item 12): it records the repair (`credit_repair`, naming the request) and removes the debtor's entries from the
 * dishonest-debtor list as of today (`removed_on`). A second processing of the same request finds its repair and
 * changes nothing.
 */
export async function grantCreditRepair(m: EntityManager, request: InboxRow, today: string): Promise<BankruptcyAnswer> {
  const authority = typeof request.content.authority === 'string' ? request.content.authority : '社会信用体系建设主管部门';
  const description = `重整计划经${request.court}裁定批准（${request.ruling_no ?? request.case_no}），依法修复信用记录`;
  await m.query(
    `INSERT INTO credit_repair (subject_id_number, basis_case_no, authority, description, repaired_on, request_id)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (request_id) DO NOTHING`,
    [request.subject_id_number, request.case_no, authority.slice(0, 100), description.slice(0, 300), today, request.request_id],
  );
  const removed = (await m.query(
    `UPDATE dishonest_debtor_entry SET removed_on = $2 WHERE subject_id_number = $1 AND removed_on IS NULL
     RETURNING court, case_no, listed_on::text AS listed_on`,
    [request.subject_id_number, today],
  )) as unknown[];
  // TypeORM returns [rows, count] for UPDATE … RETURNING.
  const rows = (Array.isArray(removed[0]) ? removed[0] : removed) as Array<{ court: string; case_no: string; listed_on: string }>;
  const releasedEntries: ReleasedEntry[] = rows.map((r) => ({ court: r.court, caseNo: r.case_no, listedOn: r.listed_on }));
  return { decision: 'GRANTED', answer: { authority, repairedOn: today, releasedEntries }, reason: null };
}

/** Grades a repair lifts to M; A, B and M stand. */
const REPAIRED_GRADES = new Set(['C', 'D']);

/**
 * The tax authority re-evaluates the debtor's 纳税信用等级 after an approved reorganisation plan: a C or D grade (or
 * none) earned before the plan is re-evaluated as M, the grade of an enterprise starting afresh without a record
 * against it; A, B and M are kept. Each re-evaluation is recorded (`tax_credit_evaluation`: previous and new grade,
 * basis). A debtor unknown to the tax authority is refused (NOT_REGISTERED).
 */
export async function reevaluateTaxCredit(m: EntityManager, request: InboxRow, today: string): Promise<BankruptcyAnswer> {
  const [taxpayer] = (await m.query(`SELECT credit_grade FROM taxpayer WHERE id_number = $1 FOR UPDATE`, [request.subject_id_number])) as Array<{
    credit_grade: string | null;
  }>;
  if (!taxpayer) return { decision: 'REFUSED', answer: {}, reason: 'NOT_REGISTERED: the debtor is not a registered taxpayer' };
  const previousGrade = taxpayer.credit_grade;
  const newGrade = previousGrade === null || REPAIRED_GRADES.has(previousGrade) ? 'M' : previousGrade;
  await m.query(`UPDATE taxpayer SET credit_grade = $2 WHERE id_number = $1`, [request.subject_id_number, newGrade]);
  await m.query(
    `INSERT INTO tax_credit_evaluation (taxpayer_id_number, request_id, previous_grade, new_grade, basis, evaluated_on)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (request_id) DO NOTHING`,
    [
      request.subject_id_number,
      request.request_id,
      previousGrade,
      newGrade,
      `重整计划批准 ${request.ruling_no ?? request.case_no}`.slice(0, 300),
      today,
    ],
  );
  return { decision: 'GRANTED', answer: { previousGrade, newGrade, evaluatedOn: today }, reason: null };
}
