import { may } from '../auth/policy';
import type { RequestContext } from '../context';
import { dateOf } from '../control/clock';
import { enqueue } from '../control/control-jobs';
import type { ControlRuntime } from '../control/control-runtime';
import { textArgument } from '../services/admin/text-argument';
import { checkFirst, connectionOf, decodeCursor, encodeCursor, type PageArgs } from '../services/pagination';
import { badUserInput, conflict, forbidden, notFound, sourceUnavailable } from '../schema/error-codes';
import type { SourceName } from '../sources/source-name';
import { answerBankruptcyRequest, type BankruptcyAnswer, type BankruptcyReceipt } from './bankruptcy-inbox';
import { processorOf } from './bankruptcy-jobs';
import { BANKRUPTCY_TASKS } from './bankruptcy-tasks';
import type { ClaimAnswer, ClaimLine } from './claims/claim-processor';
import { CLAIMANTS } from './claims/claims';

/** The sources that take bankruptcy requests: the claimants and the credit platform. */
const COORDINATING_SOURCES = ['tax', 'socialSecurity', 'credit'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface HandClaimLine {
  type: string;
  period: string;
  principal: string;
  lateFees: string;
  overdueSince: string;
}

/**
 * The agency's side of bankruptcy coordination through the API: its inbox of claim notices and credit-repair
 * requests, and answering one by hand (the sources in ASSISTANCE_MANUAL_SOURCES, whose reference processor does not
 * run). A hand answer goes through the same inbox transaction as the processor's; a second answer is a CONFLICT.
 */
export class BankruptcyInboxService {
  constructor(private readonly runtime: ControlRuntime) {}

  async inbox(ctx: RequestContext, page: PageArgs, state: 'PENDING' | 'ANSWERED' | null) {
    checkFirst(page.first);
    if (!may(ctx.viewer, 'Query.bankruptcyInbox')) throw forbidden('Only agencies have a bankruptcy inbox');
    const db = await this.database(await this.sourceOf(ctx));
    const params: unknown[] = [];
    const where: string[] = [];
    if (state === 'PENDING') where.push('r.request_id IS NULL');
    if (state === 'ANSWERED') where.push('r.request_id IS NOT NULL');
    const total = await db.query(
      `SELECT count(*)::int AS count FROM bankruptcy_inbox i LEFT JOIN bankruptcy_receipt r USING (request_id) ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    );
    if (page.after) {
      const [at, id] = decodeCursor(page.after);
      if (Number.isNaN(Date.parse(at)) || !UUID.test(id)) throw badUserInput('after', 'not a cursor returned by this API');
      params.push(at, id);
      where.push(`(i.received_at, i.request_id) > ($1::timestamptz, $2::uuid)`);
    }
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT i.request_id AS id, i.kind, i.court, i.case_no AS "caseNo", i.subject_id_number AS "subjectIdNumber", i.subject_name AS "subjectName",
              i.as_of::text AS "asOf", i.ruling_no AS "rulingNo", i.ruling_date::text AS "rulingDate", i.received_at AS "receivedAt",
              r.decision, r.reason, r.answered_by AS "answeredBy", r.answered_at AS "answeredAt"
         FROM bankruptcy_inbox i LEFT JOIN bankruptcy_receipt r USING (request_id)
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.received_at, i.request_id LIMIT ${page.first + 1}`,
      params,
    );
    const nodes: Array<Record<string, unknown>> = rows.map((row) => ({ ...row, state: row.decision ? 'ANSWERED' : 'PENDING' }));
    return connectionOf(nodes, page.first, (n) => encodeCursor(new Date(n.receivedAt as string).toISOString(), String(n.id)), total[0].count);
  }

  /** The agency files its claim by hand, line by line; the totals are the lines'. */
  async fileClaim(ctx: RequestContext, id: string, input: { creditor?: string | null; lines: HandClaimLine[] }) {
    if (!may(ctx.viewer, 'Mutation.fileClaim')) throw forbidden('Only agencies file claims');
    if (input.lines.length > 50) throw badUserInput('input.lines', 'at most 50 lines');
    const creditor = input.creditor ? textArgument('input.creditor', input.creditor, { max: 100 }) : null;
    const source = await this.sourceOf(ctx);
    const claimant = CLAIMANTS.find((c) => c.source === source);
    if (!claimant) throw forbidden('Your agency files no claims');
    const lines = input.lines.map((l, i): ClaimLine => {
      const at = `input.lines[${i}]`;
      if (l.principal.startsWith('-')) throw badUserInput(`${at}.principal`, 'must not be negative');
      if (l.lateFees.startsWith('-')) throw badUserInput(`${at}.lateFees`, 'must not be negative');
      return {
        type: textArgument(`${at}.type`, l.type, { max: 20 }),
        period: textArgument(`${at}.period`, l.period, { max: 15 }),
        principal: Number(l.principal).toFixed(2),
        lateFees: Number(l.lateFees).toFixed(2),
        overdueSince: l.overdueSince,
        days: 0,
        priorityClass: claimant.priorityClass,
      };
    });
    const cents = (v: string) => Math.round(Number(v) * 100);
    const answer: ClaimAnswer = {
      creditor,
      lines,
      principal: (lines.reduce((s, l) => s + cents(l.principal), 0) / 100).toFixed(2),
      lateFees: (lines.reduce((s, l) => s + cents(l.lateFees), 0) / 100).toFixed(2),
    };
    return this.answer(ctx, source, id, 'CLAIM_NOTICE', async (request) => {
      // Days late as of the acceptance date, as the processor states them.
      for (const line of answer.lines)
        line.days = Math.max(0, (Date.parse(`${request.as_of}T00:00:00Z`) - Date.parse(`${line.overdueSince}T00:00:00Z`)) / 86_400_000);
      return { decision: 'FILED', answer: answer as unknown as Record<string, unknown>, reason: null };
    });
  }

  /** The agency grants (its registry updated as the processor would) or refuses a credit repair by hand. */
  async answerCreditRepair(ctx: RequestContext, id: string, input: { decision: 'GRANTED' | 'REFUSED'; reason?: string | null }) {
    if (!may(ctx.viewer, 'Mutation.answerCreditRepair')) throw forbidden('Only agencies answer credit-repair requests');
    const reason = input.decision === 'REFUSED' ? textArgument('input.reason', input.reason ?? '', { max: 300 }) : null;
    const source = await this.sourceOf(ctx);
    const today = dateOf(this.runtime.clock.now());
    const grant = processorOf(source, 'CREDIT_REPAIR', today);
    if (!grant) throw forbidden('Your agency repairs no credit');
    return this.answer(ctx, source, id, 'CREDIT_REPAIR', (request, m) =>
      reason !== null ? Promise.resolve({ decision: 'REFUSED', answer: {}, reason }) : grant(m, request),
    );
  }

  private async answer(
    ctx: RequestContext,
    source: SourceName,
    id: string,
    kind: 'CLAIM_NOTICE' | 'CREDIT_REPAIR',
    decide: (
      request: Parameters<Parameters<typeof answerBankruptcyRequest>[3]>[1],
      m: Parameters<Parameters<typeof answerBankruptcyRequest>[3]>[0],
    ) => Promise<BankruptcyAnswer>,
  ): Promise<BankruptcyReceipt> {
    if (!UUID.test(id)) throw notFound('No such request in your inbox');
    const db = await this.database(source);
    const [request] = (await db.query(`SELECT kind FROM bankruptcy_inbox WHERE request_id = $1`, [id])) as Array<{ kind: string }>;
    if (!request || request.kind !== kind) throw notFound('No such request in your inbox');
    const answered = await answerBankruptcyRequest(db, id, ctx.viewer.username, (m, r) => decide(r, m));
    if (!answered) throw notFound('No such request in your inbox');
    if (!answered.written) throw conflict('This request has already been answered', 'ANSWERED');
    await enqueue(this.runtime.hub, BANKRUPTCY_TASKS.collect, { kind, id }, `${BANKRUPTCY_TASKS.collect}:${id}`);
    return answered.receipt;
  }

  private async database(source: SourceName) {
    return this.runtime.sourceDatabases[source].ready().catch(() => {
      throw sourceUnavailable(source, 'ERROR');
    });
  }

  private sourceOf(ctx: RequestContext): SourceName {
    const source = ctx.viewer.organisationSource;
    if (!source || !COORDINATING_SOURCES.includes(source)) throw forbidden('Your agency takes no bankruptcy requests');
    return source as SourceName;
  }
}
