import type { EntityManager } from 'typeorm';
import { may } from '../auth/policy';
import type { RequestContext } from '../context';
import { dateOf } from '../control/clock';
import { enqueue, TASKS } from '../control/control-jobs';
import { addEvent, loadOrder, ORDER_SELECT, type ControlOrderRow, type ControlState } from '../control/control-orders';
import { controlOf, type ControlRuntime } from '../control/control-runtime';
import { freezeChainInForce, freezeHolding, freezeRootOf } from '../control/deductions';
import { followUpControlOrder } from '../control/follow-up';
import { answerDueAt, isAnswerOverdue, overdueAnswers } from '../control/overdue-answers';
import { weighOverSeizure, type WeighedMeasure } from '../control/over-seizure';
import { readAsset, type AssetFacts, type MeasureKind } from '../control/source-control';
import { badUserInput, conflict, forbidden, notFound, refused, sourceUnavailable } from '../schema/error-codes';
import type { SourceName } from '../sources/source-name';
import { caseNoArgument } from './case-number-argument';
import { subjectIdArgument } from './subject-id-argument';
import { checkFirst, connectionOf, decodeCursor, encodeCursor, type PageArgs } from './pagination';

export interface DraftInput {
  caseNo: string;
  kind: MeasureKind;
  /** Deductions: the freeze order drawn on (a freeze of this case on the account, or a renewal of one). */
  freezeOrderId?: string | null;
  subjectIdNumber: string;
  source: string;
  assetKey: string;
  amount?: string | null;
  periodDays?: number | null;
  rulingNo: string;
  rulingDate: string;
  noticeNo: string;
  noticeDate: string;
}

export interface FollowUpInput {
  periodDays?: number | null;
  rulingNo: string;
  rulingDate: string;
  noticeNo: string;
  noticeDate: string;
}

const NOT_VISIBLE = 'No such control order for you';
/** States in which a measure holds, or will hold, an asset of the case. */
const WEIGHED_STATES: ControlState[] = ['PENDING_APPROVAL', 'APPROVED', 'SENT', 'ACTIVE', 'QUEUED'];

const text = (value: string | null | undefined, argument: string, max = 60) => {
  const v = (value ?? '').trim();
  if (!v || v.length > max) throw badUserInput(argument, `required, at most ${max} characters`);
  return v;
};
const date = (value: string, argument: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw badUserInput(argument, 'a date YYYY-MM-DD');
  return value;
};
const amountOf = (value: string | null | undefined): number | null => {
  if (value == null || value === '') return null;
  if (!/^\d{1,16}(\.\d{1,2})?$/.test(value)) throw badUserInput('input.amount', 'a positive amount in yuan, at most two decimals');
  return Number(value);
};

/**
 * Control orders: the clerk drafts and submits, the court's approver approves or rejects, the job worker delivers
 * (control/control-worker.ts). Who may do what follows the policy (`may`); the state machine is checked under a row
 * lock, so of two racing transitions one wins and the other is a CONFLICT.
 */
/** What a seizure secures: its asset's value net of mortgages and of the seizures ranked before it; null when unknown. */
function coverOf(o: ControlOrderRow, facts: AssetFacts | null): number | null {
  if (!facts || facts.value === null) return null;
  const ahead = facts.seizures.filter((s) => s.requestId !== o.id && (o.rank === null || (s.rank ?? 0) < o.rank));
  if (ahead.some((s) => s.amount === null)) return 0; // an earlier seizure of unknown size may take it all
  return Number(facts.value) - Number(facts.mortgages) - ahead.reduce((sum, s) => sum + Number(s.amount), 0);
}

export class ControlOrderService {
  constructor(private readonly runtime: ControlRuntime) {}

  async draft(ctx: RequestContext, input: DraftInput): Promise<ControlOrderRow> {
    if (!may(ctx.viewer, 'Mutation.draftControlOrder')) throw forbidden('Your role does not draft control orders');
    const caseNo = caseNoArgument('input.caseNo', input.caseNo, 'EXECUTION');
    const [c] = (await ctx.hub.query(
      `SELECT c.id, c.status, c.amount_due::text AS amount_due, c.court_id FROM execution_case c
         JOIN execution_case_clerk k ON k.case_id = c.id AND k.user_id = $2 WHERE c.case_no = $1`,
      [caseNo, ctx.viewer.userId],
    )) as Array<{ id: string; status: string; amount_due: string; court_id: string }>;
    if (!c) throw forbidden('You have no access to this case');
    if (c.status !== 'ACTIVE') throw refused('CASE_NOT_ACTIVE', `Case ${caseNo} is not active`, 'input.caseNo');
    const { idNumber } = subjectIdArgument('input.subjectIdNumber', input.subjectIdNumber);
    const [subject] = (await ctx.hub.query(
      `SELECT s.id FROM subject s JOIN execution_case_respondent r ON r.subject_id = s.id AND r.case_id = $1 WHERE s.id_number = $2`,
      [c.id, idNumber],
    )) as Array<{ id: string }>;
    if (!subject) throw refused('NOT_RESPONDENT', 'The subject is not a respondent of this case', 'input.subjectIdNumber');
    const control = controlOf(input.source);
    if (!control) throw refused('NOT_CONTROLLABLE', `The ${input.source} source takes no control orders`, 'input.source');
    const assetKey = text(input.assetKey, 'input.assetKey', 100);
    const assetClass = control.classOf(assetKey);
    const rules = control.assets[assetClass];
    if (!rules || !rules.kinds.includes(input.kind))
      throw refused('KIND_NOT_ALLOWED', `${input.kind} is not possible on ${assetClass}`, 'input.kind');
    const periodDays = input.periodDays ?? null;
    if (input.kind !== 'DEDUCT') {
      if (periodDays === null || !Number.isInteger(periodDays) || periodDays < 1)
        throw badUserInput('input.periodDays', 'a period of at least one day');
      if (periodDays > rules.maxPeriodDays) {
        throw refused(
          'PERIOD_TOO_LONG',
          `The period of ${periodDays} days exceeds the legal maximum of ${rules.maxPeriodDays} days for ${assetClass}`,
          'input.periodDays',
        );
      }
    }
    const amount = amountOf(input.amount);
    if (input.kind !== 'SEIZE' && amount === null) throw badUserInput('input.amount', 'required for freezes and deductions');
    if (amount !== null && (amount <= 0 || amount > Number(c.amount_due))) {
      throw refused('AMOUNT_OUT_OF_RANGE', `The amount must be positive and at most the amount due (${c.amount_due})`, 'input.amount');
    }
    if (input.kind !== 'DEDUCT' && input.freezeOrderId) throw badUserInput('input.freezeOrderId', 'only a deduction draws on a freeze');
    const facts = await this.asset(input.source, assetKey);
    if (!facts || facts.ownerIdNumber !== idNumber)
      throw refused('NOT_OWNER', `The ${input.source} source has no such asset registered to that respondent`, 'input.assetKey');
    return ctx.hub.transaction(async (m) => {
      let freezeOrderId: string | null = null;
      if (input.kind === 'DEDUCT') {
        const freeze = await this.freezeToDeductFrom(m, { caseId: c.id, source: input.source, assetKey }, input.freezeOrderId ?? null);
        await this.checkDeduction(m, freeze, amount!, null);
        freezeOrderId = freeze.id;
      }
      const [{ id }] = (await m.query(
        `INSERT INTO control_order (case_id, court_id, subject_id, source, kind, asset_class, asset_key, amount, period_days, ruling_no, ruling_date, notice_no, notice_date,
                                    state, drafted_by, created_at, updated_at, freeze_order_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'DRAFT', $14, $15, $15, $16) RETURNING id`,
        [
          c.id,
          c.court_id,
          subject.id,
          input.source,
          input.kind,
          assetClass,
          assetKey,
          input.amount || null,
          periodDays,
          text(input.rulingNo, 'input.rulingNo'),
          date(input.rulingDate, 'input.rulingDate'),
          text(input.noticeNo, 'input.noticeNo'),
          date(input.noticeDate, 'input.noticeDate'),
          ctx.viewer.userId,
          this.runtime.clock.now(),
          freezeOrderId,
        ],
      )) as Array<{ id: string }>;
      await addEvent(m, this.runtime, id, this.by(ctx, 'DRAFTED', 'DRAFT', freezeOrderId ? `from freeze ${freezeOrderId}` : null));
      return (await loadOrder(m, id))!;
    });
  }

  async submit(ctx: RequestContext, id: string): Promise<ControlOrderRow> {
    return this.transition(ctx, id, 'Mutation.submitControlOrder', ['DRAFT'], async (m, order) => {
      if (order.draftedBy !== ctx.viewer.userId) throw forbidden(NOT_VISIBLE);
      await this.weigh(m, order);
      return { state: 'PENDING_APPROVAL', action: 'SUBMITTED' };
    });
  }

  async approve(ctx: RequestContext, id: string): Promise<ControlOrderRow> {
    return this.transition(ctx, id, 'Mutation.approveControlOrder', ['PENDING_APPROVAL'], async (m, order) => {
      if (order.draftedBy === ctx.viewer.userId) throw forbidden('No one approves their own order');
      await this.weigh(m, order);
      await m.query(`UPDATE control_order SET approved_by = $2, sent_at = $3 WHERE id = $1`, [order.id, ctx.viewer.userId, this.runtime.clock.now()]);
      await addEvent(m, this.runtime, order.id, this.by(ctx, 'APPROVED', 'APPROVED'));
      // The outbox: the delivery job commits with the approval, or neither does.
      await enqueue(m, TASKS.deliver, { orderId: order.id }, order.id);
      return { state: 'SENT', action: 'QUEUED_FOR_DELIVERY' };
    });
  }

  async reject(ctx: RequestContext, id: string, reason: string): Promise<ControlOrderRow> {
    const why = text(reason, 'reason', 300);
    return this.transition(ctx, id, 'Mutation.rejectControlOrder', ['PENDING_APPROVAL'], async (m, order) => {
      await m.query(`UPDATE control_order SET rejection_reason = $2, approved_by = $3 WHERE id = $1`, [order.id, why, ctx.viewer.userId]);
      return { state: 'REJECTED', action: 'REJECTED', note: why };
    });
  }

  /** A renewal (续行) or release (解除) of a measure in force or waiting: a new order, submitted for approval at once. */
  async followUp(ctx: RequestContext, id: string, kind: 'RENEW' | 'RELEASE', input: FollowUpInput): Promise<ControlOrderRow> {
    const operation = kind === 'RENEW' ? 'Mutation.renewControlOrder' : 'Mutation.releaseControlOrder';
    if (!may(ctx.viewer, operation)) throw forbidden('Your role does not draft control orders');
    return ctx.hub.transaction(async (m) => {
      const parent = await this.visible(ctx, m, id, true);
      const actor = { userId: ctx.viewer.userId, username: ctx.viewer.username, organisationCode: ctx.viewer.organisationCode };
      return followUpControlOrder(m, this.runtime, actor, parent.id, kind, input);
    });
  }

  async find(ctx: RequestContext, id: string): Promise<ControlOrderRow> {
    if (!may(ctx.viewer, 'Query.controlOrder')) throw forbidden(NOT_VISIBLE);
    return this.visible(ctx, ctx.hub.manager, id, false);
  }

  async ofCase(ctx: RequestContext, caseId: string): Promise<ControlOrderRow[]> {
    return ctx.hub.query(`${ORDER_SELECT} WHERE o.case_id = $1 ORDER BY o.created_at, o.id`, [caseId]);
  }

  async approvalQueue(ctx: RequestContext, page: PageArgs) {
    checkFirst(page.first);
    if (!may(ctx.viewer, 'Query.approvalQueue')) throw forbidden('Your role approves no orders');
    const params: unknown[] = [ctx.viewer.organisationId];
    let after = '';
    if (page.after) {
      const [at, id] = decodeCursor(page.after);
      if (Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw badUserInput('after', 'not a cursor returned by this API');
      params.push(at, id);
      after = `AND (o.updated_at, o.id) > ($2::timestamptz, $3::uuid)`;
    }
    const where = `o.court_id = $1 AND o.state = 'PENDING_APPROVAL'`;
    const rows: ControlOrderRow[] = await ctx.hub.query(
      `${ORDER_SELECT} WHERE ${where} ${after} ORDER BY o.updated_at, o.id LIMIT ${page.first + 1}`,
      params,
    );
    const [{ count }] = await ctx.hub.query(`SELECT count(*)::int AS count FROM control_order o WHERE ${where}`, [ctx.viewer.organisationId]);
    return connectionOf(rows, page.first, (o) => encodeCursor(new Date(o.updatedAt).toISOString(), o.id), count);
  }

  /**
   * Orders whose agency has not answered in time (control/overdue-answers.ts), oldest sent first: an approver's are
   * their court's, a clerk's those of their cases.
   */
  async overdue(ctx: RequestContext, page: PageArgs) {
    checkFirst(page.first);
    if (!may(ctx.viewer, 'Query.overdueControlOrders')) throw forbidden('Your role follows no control orders');
    let after: { sentAt: string; id: string } | null = null;
    if (page.after) {
      const [at, id] = decodeCursor(page.after);
      if (Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw badUserInput('after', 'not a cursor returned by this API');
      after = { sentAt: at, id };
    }
    const scope = ctx.viewer.role === 'APPROVER' ? { courtIds: [ctx.viewer.organisationId] } : { clerkId: ctx.viewer.userId };
    const { rows, total } = await overdueAnswers(ctx.hub, {
      now: this.runtime.clock.now(),
      answerDays: this.runtime.config.answerDays,
      ...scope,
      first: page.first,
      after,
    });
    return connectionOf(rows, page.first, (o) => encodeCursor(new Date(o.sentAt!).toISOString(), o.id), total);
  }

  /** When the agency's answer falls due (sent + ASSISTANCE_ANSWER_DAYS); null before the order is sent. */
  answerDueAt(order: Pick<ControlOrderRow, 'sentAt'>): Date | null {
    return order.sentAt ? answerDueAt(new Date(order.sentAt), this.runtime.config.answerDays) : null;
  }

  answerOverdue(order: Pick<ControlOrderRow, 'state' | 'sentAt' | 'answeredAt'>): boolean {
    return isAnswerOverdue(order, this.runtime.clock.now(), this.runtime.config.answerDays);
  }

  /** A deduction's freeze (an order of the same case, so visible to whoever sees the deduction). */
  async freezeOrder(ctx: RequestContext, order: Pick<ControlOrderRow, 'freezeOrderId'>): Promise<ControlOrderRow | null> {
    return order.freezeOrderId ? loadOrder(ctx.hub, order.freezeOrderId) : null;
  }

  /** A freeze (or a renewal of one): what deductions took from it so far; null for other orders. */
  async amountDeducted(ctx: RequestContext, order: Pick<ControlOrderRow, 'id'>): Promise<string | null> {
    const root = await freezeRootOf(ctx.hub, order.id);
    return root ? (await freezeHolding(ctx.hub, root)).deducted.toFixed(2) : null;
  }

  async history(orderId: string, ctx: RequestContext) {
    return ctx.hub.query(
      `SELECT at, actor, organisation_code AS "organisationCode", action, state, note FROM control_order_event WHERE order_id = $1 ORDER BY id`,
      [orderId],
    );
  }

  /** The order if the viewer is a clerk assigned to its case, or an approver of its court. */
  private async visible(ctx: RequestContext, m: EntityManager, id: string, lock: boolean): Promise<ControlOrderRow> {
    const order = await loadOrder(m, id, lock);
    if (!order) throw notFound(NOT_VISIBLE);
    if (ctx.viewer.role === 'APPROVER' ? order.courtId === ctx.viewer.organisationId : await this.assigned(m, ctx, order.caseId)) return order;
    throw notFound(NOT_VISIBLE);
  }

  private async assigned(m: EntityManager, ctx: RequestContext, caseId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM execution_case_clerk WHERE case_id = $1 AND user_id = $2`, [caseId, ctx.viewer.userId]);
    return rows.length > 0;
  }

  private async transition(
    ctx: RequestContext,
    id: string,
    operation: string,
    from: ControlState[],
    step: (m: EntityManager, order: ControlOrderRow) => Promise<{ state: ControlState; action: string; note?: string }>,
  ): Promise<ControlOrderRow> {
    if (!may(ctx.viewer, operation)) throw forbidden('Your role may not do this');
    return ctx.hub.transaction(async (m) => {
      const order = await this.visible(ctx, m, id, true);
      if (!from.includes(order.state)) throw conflict(`Not possible while the order is ${order.state}`, order.state);
      const [c] = (await m.query(`SELECT status FROM execution_case WHERE id = $1`, [order.caseId])) as Array<{ status: string }>;
      if (c.status !== 'ACTIVE' && order.kind !== 'RELEASE') throw refused('CASE_NOT_ACTIVE', `Case ${order.caseNo} is not active`);
      const next = await step(m, order);
      await m.query(`UPDATE control_order SET state = $2, updated_at = $3, version = version + 1 WHERE id = $1 AND version = $4`, [
        order.id,
        next.state,
        this.runtime.clock.now(),
        order.version,
      ]);
      await addEvent(m, this.runtime, order.id, this.by(ctx, next.action, next.state, next.note));
      return (await loadOrder(m, order.id))!;
    });
  }

  /**
   * The checks at submission and again at approval: a seizure or freeze against over-seizure, a deduction against
   * what its freeze still holds (renewals and releases need neither).
   */
  private async weigh(m: EntityManager, order: ControlOrderRow): Promise<void> {
    if (order.kind === 'SEIZE' || order.kind === 'FREEZE') await this.checkOverSeizure(m, order);
    if (order.kind === 'DEDUCT') {
      const freeze = order.freezeOrderId ? await loadOrder(m, order.freezeOrderId, true) : null;
      if (!freeze) throw refused('NOT_FROZEN', 'The deduction names no freeze of this case on the account');
      if ((await freezeChainInForce(m, freeze.id)).length === 0)
        throw refused('NOT_FROZEN', `The freeze ${freeze.id} the deduction draws on is no longer in force (${freeze.state})`);
      await this.checkDeduction(m, freeze, Number(order.amount), order.id);
    }
  }

  /**
   * The freeze a deduction draws on: the one named (a FREEZE order of the case on this account, or a renewal of one),
   * or else the case's only freeze in force on the account. It must be in force (ACTIVE: first in line); a freeze
   * waiting in line (轮候) holds nothing yet. Returns the FREEZE order that registered it, locked.
   */
  private async freezeToDeductFrom(
    m: EntityManager,
    on: { caseId: string; source: string; assetKey: string },
    named: string | null,
  ): Promise<ControlOrderRow> {
    let candidates: string[];
    if (named) {
      if (!/^[0-9a-f-]{36}$/i.test(named)) throw badUserInput('input.freezeOrderId', 'not a control order id');
      candidates = [named];
    } else {
      const rows: Array<{ id: string }> = await m.query(
        `SELECT id FROM control_order WHERE case_id = $1 AND source = $2 AND asset_key = $3 AND state = 'ACTIVE' AND kind IN ('FREEZE', 'RENEW') ORDER BY created_at, id`,
        [on.caseId, on.source, on.assetKey],
      );
      candidates = rows.map((r) => r.id);
    }
    const roots = new Map<string, ControlOrderRow>();
    for (const id of candidates) {
      const root = await freezeRootOf(m, id);
      if (root && root.caseId === on.caseId && root.source === on.source && root.assetKey === on.assetKey) roots.set(root.id, root);
    }
    if (named && roots.size === 0) throw refused('NOT_FROZEN', 'The order named is not a freeze of this case on that account', 'input.freezeOrderId');
    if (roots.size === 0) throw refused('NOT_FROZEN', 'This case holds no freeze in force on that account', 'input.assetKey');
    if (roots.size > 1)
      throw refused('FREEZE_NOT_NAMED', `This case holds ${roots.size} freezes on that account: name the one to deduct from`, 'input.freezeOrderId');
    const root = [...roots.values()][0];
    await m.query('SELECT 1 FROM control_order WHERE id = $1 FOR UPDATE', [root.id]);
    const inForce = await freezeChainInForce(m, root.id);
    if (inForce.length === 0) {
      const state = root.state === 'RENEWED' ? 'no longer in force' : root.state;
      throw refused(
        'NOT_FROZEN',
        `The freeze ${root.id} is not in force (${state}): only a freeze first in line can be deducted from`,
        'input.freezeOrderId',
      );
    }
    return (await loadOrder(m, root.id))!;
  }

  /** A deduction takes at most what its freeze froze, less what earlier deductions took or are about to take. */
  private async checkDeduction(m: EntityManager, freeze: ControlOrderRow, amount: number, except: string | null): Promise<void> {
    const held = await freezeHolding(m, freeze, except ?? undefined);
    if (Math.round(amount * 100) > Math.round(held.available * 100)) {
      throw refused(
        'EXCEEDS_FROZEN',
        `The deduction of ${amount.toFixed(2)} yuan exceeds what the freeze holds: ${held.frozen.toFixed(2)} yuan frozen, ` +
          `${held.deducted.toFixed(2)} deducted, ${held.pending.toFixed(2)} in deductions under way; at most ${held.available.toFixed(2)} yuan`,
        'input.amount',
      );
    }
  }

  /** The over-seizure check (README "Over-seizure"): refuses an order the case's other measures make unnecessary. */
  private async checkOverSeizure(m: EntityManager, order: ControlOrderRow): Promise<void> {
    // The case row is locked: two of its orders weighed at once would each miss the other.
    const [c] = (await m.query(`SELECT amount_due::text AS amount_due FROM execution_case WHERE id = $1 FOR UPDATE`, [order.caseId])) as Array<{
      amount_due: string;
    }>;
    // A measure is weighed by the order that registered it (its kind, asset and amounts): while it is in force or on
    // its way, and also once RENEWED when a renewal of its chain now holds it (ACTIVE, or QUEUED behind another court).
    const others: ControlOrderRow[] = await m.query(
      `${ORDER_SELECT} WHERE o.case_id = $1 AND o.id <> $2 AND o.kind IN ('SEIZE', 'FREEZE')
          AND (o.state = ANY($3) OR (o.state = 'RENEWED' AND EXISTS (
            WITH RECURSIVE chain AS (
              SELECT r.id, r.state FROM control_order r WHERE r.parent_id = o.id AND r.kind = 'RENEW'
              UNION ALL SELECT r.id, r.state FROM control_order r JOIN chain ON r.parent_id = chain.id AND r.kind = 'RENEW')
            SELECT 1 FROM chain WHERE chain.state IN ('ACTIVE', 'QUEUED'))))`,
      [order.caseId, order.id, WEIGHED_STATES],
    );
    // Each asset is read once, however many of the case's measures hold it.
    const assets = new Map<string, Promise<AssetFacts | null>>();
    const factsOf = (o: ControlOrderRow) => {
      const key = `${o.source}|${o.assetKey}`;
      if (!assets.has(key))
        assets.set(
          key,
          this.asset(o.source, o.assetKey).catch(() => null),
        );
      return assets.get(key)!;
    };
    const weighed: WeighedMeasure[] = [];
    for (const o of others)
      weighed.push({ id: o.id, covers: o.kind === 'FREEZE' ? Number(o.amountFrozen ?? o.amount ?? 0) : coverOf(o, await factsOf(o)) });
    const verdict = weighOverSeizure(Number(c.amount_due), this.runtime.config.costRate, weighed);
    if (verdict.over) {
      throw refused(
        'OVER_SEIZURE',
        `Over-seizure: the case's other measures already secure ${verdict.covered.toFixed(2)} yuan of a claim of ${verdict.claim.toFixed(2)} yuan ` +
          `(amount due ${c.amount_due} plus ${(this.runtime.config.costRate * 100).toFixed(0)} % costs); this measure is not needed`,
      );
    }
  }

  private async asset(source: string, key: string) {
    const control = controlOf(source)!;
    const db = await this.runtime.sourceDatabases[source as SourceName].ready().catch(() => {
      throw sourceUnavailable(source, 'ERROR');
    });
    return readAsset(db, control.registry, key, dateOf(this.runtime.clock.now()));
  }

  private by(ctx: RequestContext, action: string, state: ControlState, note?: string | null) {
    return { actor: ctx.viewer.username, organisationCode: ctx.viewer.organisationCode, action, state, note: note ?? null };
  }
}
