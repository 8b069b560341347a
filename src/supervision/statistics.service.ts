import { GraphQLError } from 'graphql';
import { may } from '../auth/policy';
import type { RequestContext } from '../context';
import { addDays, dateOf } from '../control/clock';
import type { ControlRuntime } from '../control/control-runtime';
import { answerDueAt } from '../control/overdue-answers';
import { badUserInput, forbidden } from '../schema/error-codes';
import { dateArgument } from './supervision-arguments';
import { supervisedCourt } from './supervision-scope';

export const STATISTICS_GROUPS = ['COURT', 'AGENCY', 'MONTH'] as const;
export type StatisticsGroup = (typeof STATISTICS_GROUPS)[number];

export const MAX_STATISTICS_DAYS = 366;
/** The court code in a case number: `(2024)皖1524执123号` → 皖1524 (as ids/case-number.ts parses it). */
const COURT_OF_CASE = '^\\(\\d{4}\\)(\\D\\d+)';
const ZONE = 'Asia/Shanghai';

export interface OrderCount {
  kind: string;
  outcome: string;
  count: number;
}

/** One group's counts: never an identity, only numbers. */
export interface StatisticsRow {
  key: string;
  label: string;
  inquiries: number;
  subjectsRead: number;
  orders: number;
  ordersByKindAndOutcome: OrderCount[];
  sent: number;
  receipts: number;
  receiptsWithinDeadline: number;
  releases: number;
  releasesOnTime: number;
  /** Dishonest-list checks made in the period (src/checks), the subjects found on the list, the checks intercepted. */
  listChecks: number;
  listHits: number;
  listInterceptions: number;
}

const blank = (key: string): StatisticsRow => ({
  key,
  label: key,
  inquiries: 0,
  subjectsRead: 0,
  orders: 0,
  ordersByKindAndOutcome: [],
  sent: 0,
  receipts: 0,
  receiptsWithinDeadline: 0,
  releases: 0,
  releasesOnTime: 0,
  listChecks: 0,
  listHits: 0,
  listInterceptions: 0,
});

/** A CSV cell a spreadsheet will not run as a formula. */
function cell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rows as CSV (UTF-8, CRLF): fixed columns, then one column per order kind and outcome that occurs. */
export function statisticsCsv(rows: StatisticsRow[]): string {
  const pairs = [...new Set(rows.flatMap((r) => r.ordersByKindAndOutcome.map((o) => `${o.kind}/${o.outcome}`)))].sort();
  const header = [
    '分组',
    '名称',
    '查询次数',
    '被查询主体数',
    '控制措施',
    '已送达',
    '回执',
    '期限内回执',
    '解除',
    '按期解除',
    '名单核查',
    '名单命中',
    '拦截',
    ...pairs.map((p) => `措施 ${p}`),
  ];
  const lines = rows.map((r) => {
    const byPair = new Map(r.ordersByKindAndOutcome.map((o) => [`${o.kind}/${o.outcome}`, o.count]));
    return [
      r.key,
      r.label,
      r.inquiries,
      r.subjectsRead,
      r.orders,
      r.sent,
      r.receipts,
      r.receiptsWithinDeadline,
      r.releases,
      r.releasesOnTime,
      r.listChecks,
      r.listHits,
      r.listInterceptions,
      ...pairs.map((p) => byPair.get(p) ?? 0),
    ];
  });
  return [header, ...lines].map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Counts for the joint meetings (seed 000 item 8, 001 三(五)): per court, agency or month, the inquiries and subjects
 * read (from the audit log), the control orders by kind and outcome, receipts within the answer deadline and releases
 * on time (from the hub's orders). Counts only; a court's own auditor counts its own court.
 */
export class StatisticsService {
  constructor(private readonly runtime: ControlRuntime) {}

  async statistics(ctx: RequestContext, fromArg: string, toArg: string, groupBy: StatisticsGroup) {
    if (!may(ctx.viewer, 'Query.statistics')) throw forbidden('Your role does not see the statistics');
    const from = dateArgument('from', fromArg)!;
    const to = dateArgument('to', toArg)!;
    if (to < from) throw badUserInput('to', 'must not be before from');
    if (addDays(from, MAX_STATISTICS_DAYS) <= to) throw badUserInput('to', `the period may span at most ${MAX_STATISTICS_DAYS} days`);
    if (!STATISTICS_GROUPS.includes(groupBy)) throw badUserInput('groupBy', `one of ${STATISTICS_GROUPS.join(', ')}`);
    const court = supervisedCourt(ctx, null);
    // Days in the courts' zone (UTC+8): [from 00:00, to + 1 00:00).
    const start = new Date(`${from}T00:00:00+08:00`);
    const end = new Date(`${addDays(to, 1)}T00:00:00+08:00`);
    const rows = new Map<string, StatisticsRow>();
    const rowOf = (key: string) => rows.get(key) ?? rows.set(key, blank(key)).get(key)!;

    for (const r of await this.reads(ctx, groupBy, start, end, court)) {
      const row = rowOf(r.key);
      row.inquiries = r.inquiries;
      row.subjectsRead = r.subjects_read;
    }
    await this.orders(groupBy, start, end, court, rowOf);
    await this.checks(groupBy, start, end, court, rowOf);
    await this.label(groupBy, rows);
    const list = [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
    for (const row of list) row.ordersByKindAndOutcome.sort((a, b) => a.kind.localeCompare(b.kind) || a.outcome.localeCompare(b.outcome));
    return { from, to, groupBy, answerDeadlineDays: this.runtime.config.answerDays, rows: list, csv: statisticsCsv(list) };
  }

  /**
   * Inquiries (requests that read a case party) and subjects read (distinct case parties released), from READ entries
   * in the period: an index-only scan of the (kind, at) index for courts and months; the agencies consulted come from
   * each entry's sources.
   */
  private async reads(ctx: RequestContext, groupBy: StatisticsGroup, start: Date, end: Date, court: string | null) {
    const log = ctx.audit.log;
    if (!log) throw new GraphQLError('The audit log is switched off', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const params: unknown[] = [start, end];
    const param = (value: unknown) => `$${params.push(value)}`;
    const courtOfCase = () => `substring(e.case_no from ${param(COURT_OF_CASE)})`;
    const key = groupBy === 'COURT' ? courtOfCase() : groupBy === 'MONTH' ? `to_char(e.at AT TIME ZONE '${ZONE}', 'YYYY-MM')` : `s.source`;
    const agencies = groupBy === 'AGENCY' ? `CROSS JOIN LATERAL json_to_recordset(e.sources) AS s(source text)` : '';
    let where = `e.kind = 'READ' AND e.at >= $1 AND e.at < $2 AND e.subject_id IS NOT NULL`;
    if (court) where += ` AND ${courtOfCase()} = ${param(court)}`;
    const rows: Array<{ key: string | null; inquiries: number; subjects_read: number }> = await log.db.query(
      `SELECT ${key} AS key, count(DISTINCT e.request_id)::int AS inquiries,
              count(DISTINCT e.subject_id_number) FILTER (WHERE e.outcome IN ('ALLOWED', 'PARTIAL'))::int AS subjects_read
         FROM audit_entry e ${agencies}
        WHERE ${where} GROUP BY 1`,
      params,
    );
    return rows.filter((r): r is { key: string; inquiries: number; subjects_read: number } => r.key !== null);
  }

  /** Control orders drafted in the period, counted by kind and outcome (their state now), with their answers' timeliness. */
  private async orders(groupBy: StatisticsGroup, start: Date, end: Date, court: string | null, rowOf: (key: string) => StatisticsRow) {
    const params: unknown[] = [start, end];
    if (court) params.push(court);
    const orders: Array<{
      kind: string;
      state: string;
      source: string;
      court: string;
      created_at: Date;
      sent_at: Date | null;
      answered_at: Date | null;
    }> = await this.runtime.hub.query(
      `SELECT o.kind, o.state, o.source, court.code AS court, o.created_at, o.sent_at, o.answered_at
           FROM control_order o JOIN organisation court ON court.id = o.court_id
          WHERE o.created_at >= $1 AND o.created_at < $2 ${court ? 'AND court.code = $3' : ''}`,
      params,
    );
    const days = this.runtime.config.answerDays;
    for (const o of orders) {
      const row = rowOf(groupBy === 'COURT' ? o.court : groupBy === 'AGENCY' ? o.source : dateOf(new Date(o.created_at)).slice(0, 7));
      row.orders += 1;
      const pair = row.ordersByKindAndOutcome.find((p) => p.kind === o.kind && p.outcome === o.state);
      if (pair) pair.count += 1;
      else row.ordersByKindAndOutcome.push({ kind: o.kind, outcome: o.state, count: 1 });
      if (!o.sent_at) continue;
      const sentAt = new Date(o.sent_at);
      const answeredAt = o.answered_at ? new Date(o.answered_at) : null;
      const inTime = answeredAt !== null && answeredAt <= answerDueAt(sentAt, days);
      row.sent += 1;
      if (answeredAt) row.receipts += 1;
      if (inTime) row.receiptsWithinDeadline += 1;
      if (o.kind === 'RELEASE') {
        row.releases += 1;
        if (inTime) row.releasesOnTime += 1;
      }
    }
  }

  /**
   * Dishonest-list checks made in the period (dishonest_check, one per single check or batch): the checks, the subjects
   * found on the list (their lines that hit) and, of those, the subjects the agency reported INTERCEPTED (one outcome
   * per subject). A check belongs to
   * the organisation that made it: by AGENCY its organisation code, by MONTH the month it was made; by COURT only a
   * check a court made itself counts (an agency's check is no court's, and a court's own auditor sees its court's).
   */
  private async checks(groupBy: StatisticsGroup, start: Date, end: Date, court: string | null, rowOf: (key: string) => StatisticsRow) {
    const params: unknown[] = [start, end];
    const where = ['c.created_at >= $1', 'c.created_at < $2'];
    if (groupBy === 'COURT') where.push(`org.kind = 'COURT'`);
    if (court) where.push(`org.code = $${params.push(court)}`);
    const key = groupBy === 'MONTH' ? `to_char(c.created_at AT TIME ZONE '${ZONE}', 'YYYY-MM')` : 'org.code';
    const rows: Array<{ key: string; checks: number; hits: number; intercepted: number }> = await this.runtime.hub.query(
      `SELECT ${key} AS key, count(*)::int AS checks, coalesce(sum(c.hits), 0)::int AS hits,
              coalesce(sum(i.n), 0)::int AS intercepted
         FROM dishonest_check c JOIN organisation org ON org.id = c.organisation_id
         CROSS JOIN LATERAL (SELECT count(*) AS n FROM dishonest_check_line l WHERE l.check_id = c.id AND l.hit AND l.outcome = 'INTERCEPTED') i
        WHERE ${where.join(' AND ')} GROUP BY 1`,
      params,
    );
    for (const r of rows) {
      const row = rowOf(r.key);
      row.listChecks = r.checks;
      row.listHits = r.hits;
      row.listInterceptions = r.intercepted;
    }
  }

  /** Courts and agencies by their organisations' names (an agency's source or its code); months as they are. */
  private async label(groupBy: StatisticsGroup, rows: Map<string, StatisticsRow>) {
    if (groupBy === 'MONTH' || rows.size === 0) return;
    const names: Array<{ key: string; name: string }> =
      groupBy === 'COURT'
        ? await this.runtime.hub.query(`SELECT code AS key, name FROM organisation WHERE code = ANY($1)`, [[...rows.keys()]])
        : await this.runtime.hub.query(
            `SELECT key, name FROM (
               SELECT DISTINCT ON (source) source AS key, name FROM organisation WHERE kind = 'AGENCY' AND source = ANY($1) ORDER BY source, code) agencies
             UNION ALL SELECT code, name FROM organisation WHERE code = ANY($1) AND (source IS NULL OR source <> ALL($1))`,
            [[...rows.keys()]],
          );
    for (const n of names) rows.get(n.key)!.label = n.name;
  }
}
