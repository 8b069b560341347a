import type { DataSource, EntityManager } from 'typeorm';
import { ORDER_SELECT, type ControlOrderRow } from './control-orders';

/**
 * The rule for an agency's overdue answer (README "Asset control", Overdue answers): an order sent to its agency
 * (`SENT`, on approval) that has no answer once `answerDays` whole days have passed since it was sent. The days are
 * calendar days counted from the moment of sending (`ASSISTANCE_ANSWER_DAYS`, default 3). Whether the request reached
 * the agency's inbox does not matter: an undelivered request is late too.
 */
export function answerDueAt(sentAt: Date, answerDays: number): Date {
  return new Date(sentAt.getTime() + answerDays * 86_400_000);
}

export function isAnswerOverdue(order: Pick<ControlOrderRow, 'state' | 'sentAt' | 'answeredAt'>, now: Date, answerDays: number): boolean {
  return order.state === 'SENT' && !order.answeredAt && !!order.sentAt && answerDueAt(new Date(order.sentAt), answerDays) <= now;
}

/** The same rule as a SQL condition over `control_order` aliased `alias`, with the moment and the days as parameters. */
export function overdueAnswerCondition(alias: string, nowParam: string, daysParam: string): string {
  return (
    `${alias}.state = 'SENT' AND ${alias}.answered_at IS NULL AND ${alias}.sent_at IS NOT NULL ` +
    `AND ${alias}.sent_at + make_interval(days => ${daysParam}::int) <= ${nowParam}::timestamptz`
  );
}

export interface OverdueAnswersQuery {
  now: Date;
  answerDays: number;
  /** Only the orders of these courts (an approver's court; a procuratorate's courts under supervision). */
  courtIds?: string[];
  /** Only the orders of the cases this user is assigned to as clerk. */
  clerkId?: string;
  /** Only the orders whose court has not been told yet (the sweep's notifications). */
  notNotified?: boolean;
  /** Keyset page, oldest sent first: at most `first`, after the (sentAt, id) of the last one seen. */
  first: number;
  after?: { sentAt: string; id: string } | null;
}

/**
 * The orders whose answer is overdue, oldest sent first, with the number of them (all pages). One query for every
 * reader of the rule: the sweep that tells the courts, the clerks' and approvers' list, the supervision view.
 */
export async function overdueAnswers(db: DataSource | EntityManager, q: OverdueAnswersQuery): Promise<{ rows: ControlOrderRow[]; total: number }> {
  const params: unknown[] = [q.now, q.answerDays];
  const where = [overdueAnswerCondition('o', '$1', '$2')];
  if (q.courtIds) {
    params.push(q.courtIds);
    where.push(`o.court_id = ANY($${params.length}::uuid[])`);
  }
  if (q.clerkId) {
    params.push(q.clerkId);
    where.push(`EXISTS (SELECT 1 FROM execution_case_clerk k WHERE k.case_id = o.case_id AND k.user_id = $${params.length})`);
  }
  if (q.notNotified) where.push('o.overdue_notified_at IS NULL');
  const [{ total }] = (await db.query(`SELECT count(*)::int AS total FROM control_order o WHERE ${where.join(' AND ')}`, params)) as Array<{
    total: number;
  }>;
  if (q.after) {
    params.push(q.after.sentAt, q.after.id);
    where.push(`(o.sent_at, o.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const rows: ControlOrderRow[] = await db.query(
    `${ORDER_SELECT} WHERE ${where.join(' AND ')} ORDER BY o.sent_at, o.id LIMIT ${Math.max(0, Math.floor(q.first)) + 1}`,
    params,
  );
  return { rows, total };
}
