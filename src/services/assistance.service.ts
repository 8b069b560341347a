import { may } from '../auth/policy';
import type { RequestContext } from '../context';
import { applyRequest, type ManualAnswer } from '../control/agency-registry';
import { dateOf } from '../control/clock';
import { enqueue, TASKS } from '../control/control-jobs';
import { controlOf, type ControlRuntime } from '../control/control-runtime';
import { badUserInput, conflict, forbidden, notFound, sourceUnavailable } from '../schema/error-codes';
import type { SourceName } from '../sources/source-name';
import { checkFirst, connectionOf, decodeCursor, encodeCursor, type PageArgs } from './pagination';

/** The agency's side through the API: its inbox, and answering a request by hand (manual mode). */
export class AssistanceService {
  constructor(private readonly runtime: ControlRuntime) {}

  async inbox(ctx: RequestContext, page: PageArgs, state: 'PENDING' | 'ANSWERED' | null) {
    checkFirst(page.first);
    if (!may(ctx.viewer, 'Query.assistanceInbox')) throw forbidden('Only agencies have an assistance inbox');
    const source = await this.sourceOf(ctx);
    const db = await this.runtime.sourceDatabases[source].ready().catch(() => {
      throw sourceUnavailable(source, 'ERROR');
    });
    const params: unknown[] = [];
    const where: string[] = [];
    if (state === 'PENDING') where.push('r.request_id IS NULL');
    if (state === 'ANSWERED') where.push('r.request_id IS NOT NULL');
    const total = await db.query(
      `SELECT count(*)::int AS count FROM assistance_inbox i LEFT JOIN assistance_receipt r USING (request_id) ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    );
    if (page.after) {
      const [at, id] = decodeCursor(page.after);
      if (Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw badUserInput('after', 'not a cursor returned by this API');
      params.push(at, id);
      where.push(`(i.received_at, i.request_id) > ($1::timestamptz, $2::uuid)`);
    }
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT i.request_id AS id, i.kind, i.asset_key AS "assetKey", i.subject_id_number AS "subjectIdNumber", i.subject_name AS "subjectName", i.court,
              i.case_no AS "caseNo", i.amount::text AS amount, i.period_days AS "periodDays", i.ruling_no AS "rulingNo", i.notice_no AS "noticeNo",
              i.original_request_id AS "originalRequestId", i.received_at AS "receivedAt",
              r.decision, r.registration_no AS "registrationNo", r.rank, r.registered_from::text AS "registeredFrom", r.registered_until::text AS "registeredUntil",
              r.amount_frozen::text AS "amountFrozen", r.reason, r.answered_by AS "answeredBy", r.answered_at AS "answeredAt"
         FROM assistance_inbox i LEFT JOIN assistance_receipt r USING (request_id)
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.received_at, i.request_id LIMIT ${page.first + 1}`,
      params,
    );
    const nodes: Array<Record<string, unknown>> = rows.map((row) => ({
      ...row,
      state: row.decision ? 'ANSWERED' : 'PENDING',
      receipt: row.decision ? row : null,
    }));
    return connectionOf(nodes, page.first, (n) => encodeCursor(new Date(n.receivedAt as string).toISOString(), String(n.id)), total[0].count);
  }

  /** An agency user's answer; the registry applies it like the reference processor would. A second answer is a CONFLICT. */
  async answer(ctx: RequestContext, id: string, answer: ManualAnswer) {
    if (!may(ctx.viewer, 'Mutation.answerAssistanceRequest')) throw forbidden('Only agencies answer assistance requests');
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('No such request in your inbox');
    if (answer.decision === 'REJECTED' && !answer.reason?.trim()) throw badUserInput('input.reason', 'a rejection needs a reason');
    const source = await this.sourceOf(ctx);
    const db = await this.runtime.sourceDatabases[source].ready().catch(() => {
      throw sourceUnavailable(source, 'ERROR');
    });
    const applied = await applyRequest(db, controlOf(source)!, id, dateOf(this.runtime.clock.now()), ctx.viewer.username, answer);
    if (!applied) throw notFound('No such request in your inbox');
    if (!applied.written) throw conflict('This request has already been answered', 'ANSWERED');
    await enqueue(this.runtime.hub, TASKS.collect, { orderId: id }, `${TASKS.collect}:${id}`);
    if (applied.promoted.length > 0) await enqueue(this.runtime.hub, TASKS.sweep, { source }, `${TASKS.sweep}:${source}`);
    return applied.receipt;
  }

  private sourceOf(ctx: RequestContext): SourceName {
    const source = ctx.viewer.organisationSource;
    if (!source || !controlOf(source)) throw forbidden('Your agency answers for no controllable source');
    return source as SourceName;
  }
}
