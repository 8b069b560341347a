import { GraphQLError } from 'graphql';
import { may } from '../auth/policy';
import type { RequestContext } from '../context';
import { dateOf } from '../control/clock';
import type { ControlRuntime } from '../control/control-runtime';
import { badUserInput, forbidden } from '../schema/error-codes';
import { checkFirst, decodeCursor, encodeCursor } from '../services/pagination';
import { courtCodeArgument, dateArgument } from './supervision-arguments';
import { SUPERVISION_KINDS, type SupervisionItem, type SupervisionKind } from './supervision-item';
import { SUPERVISION_RULES, type RuleScope } from './supervision-rules';
import { supervisedCourt } from './supervision-scope';

export interface SupervisionFilterInput {
  court?: string | null;
  from?: string | null;
  to?: string | null;
  kinds?: string[] | null;
}

const ITEM_ID = /^[A-Z_]{1,40}:[A-Za-z]{1,30}:[0-9A-Za-z-]{1,40}$/;
/** Audit entries linked per item, newest first. */
const SEQS_PER_ITEM = 20;

/**
 * Supervision (seed 004 items 9 and 15): the measures and requests that break a rule, newest first by the day the
 * rule was broken, keyset-paged. Computed per call from the hub and the agencies' registers by the kind's rule.
 */
export class SupervisionService {
  constructor(private readonly runtime: ControlRuntime) {}

  async list(ctx: RequestContext, filter: SupervisionFilterInput | null, first: number, after: string | null) {
    if (!may(ctx.viewer, 'Query.supervision')) throw forbidden('Your role does not supervise measures');
    checkFirst(first);
    const f = filter ?? {};
    const from = dateArgument('filter.from', f.from);
    const to = dateArgument('filter.to', f.to);
    if (from && to && to < from) throw badUserInput('filter.to', 'must not be before filter.from');
    const kinds = (f.kinds?.length ? [...new Set(f.kinds)] : [...SUPERVISION_KINDS]) as SupervisionKind[];
    const courtCode = supervisedCourt(ctx, courtCodeArgument('filter.court', f.court));
    let cursor: [string, string] | null = null;
    if (after) {
      cursor = decodeCursor(after);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(cursor[0]) || !ITEM_ID.test(cursor[1])) throw badUserInput('after', 'not a cursor returned by this API');
    }
    const now = this.runtime.clock.now();
    const scope: RuleScope = { runtime: this.runtime, now, today: dateOf(now), courtCode, unavailable: new Set() };
    const found = (await Promise.all(kinds.map((k) => SUPERVISION_RULES[k](scope)))).flat();
    const inRange = found
      .filter((i) => (!from || i.since >= from) && (!to || i.since <= to))
      .sort((a, b) => b.since.localeCompare(a.since) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0));
    const start = cursor ? inRange.filter((i) => i.since < cursor[0] || (i.since === cursor[0] && i.id < cursor[1])) : inRange;
    const page = start.slice(0, first);
    await this.linkAuditEntries(ctx, page);
    const cursorOf = (i: SupervisionItem) => encodeCursor(i.since, i.id);
    return {
      edges: page.map((node) => ({ node, cursor: cursorOf(node) })),
      pageInfo: { hasNextPage: start.length > first, endCursor: page.length ? cursorOf(page[page.length - 1]) : null },
      totalCount: inRange.length,
      unavailableSources: [...scope.unavailable].sort(),
    };
  }

  /**
   * The audit entries that name an item's order: the control steps (kind CONTROL, under the case, `detail.orderId`)
   * and the operations on it (kind ADMIN, `detail.arguments.id`), two statements for the whole page.
   */
  private async linkAuditEntries(ctx: RequestContext, items: SupervisionItem[]): Promise<void> {
    const withOrder = items.filter((i) => i.orderId);
    if (withOrder.length === 0) return;
    const log = ctx.audit.log;
    if (!log) throw new GraphQLError('The audit log is switched off', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const ids = [...new Set(withOrder.map((i) => i.orderId!))];
    const [oldest] = (await this.runtime.hub.query(`SELECT min(created_at) AS at FROM control_order WHERE id::text = ANY($1)`, [ids])) as Array<{
      at: Date;
    }>;
    const rows: Array<{ seq: string; order_id: string }> = await log.db.query(
      `SELECT seq::text AS seq, detail->>'orderId' AS order_id FROM audit_entry
        WHERE kind = 'CONTROL' AND case_no = ANY($1) AND detail->>'orderId' = ANY($2)
       UNION ALL
       SELECT seq::text, detail->'arguments'->>'id' FROM audit_entry
        WHERE kind = 'ADMIN' AND at >= $3 AND detail->'arguments'->>'id' = ANY($2)`,
      [[...new Set(withOrder.map((i) => i.caseNo))], ids, new Date(new Date(oldest.at).getTime() - 60_000)],
    );
    const byOrder = new Map<string, bigint[]>();
    for (const r of rows) byOrder.set(r.order_id, [...(byOrder.get(r.order_id) ?? []), BigInt(r.seq)]);
    for (const i of withOrder) {
      const seqs = (byOrder.get(i.orderId!) ?? []).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
      i.auditSeqs = seqs.slice(0, SEQS_PER_ITEM).map(String);
    }
  }
}
