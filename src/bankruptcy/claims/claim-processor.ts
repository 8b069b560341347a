import type { EntityManager } from 'typeorm';
import type { BankruptcyAnswer, InboxRow } from '../bankruptcy-inbox';

/**
 * Priority of a claim in the distribution (企业破产法 art. 113): social insurance and taxes owed come second, after
 * employees' wages; late fees (滞纳金) are ordinary claims (普通债权), whatever the principal's class.
 */
export const CLAIM_PRIORITY_CLASSES = ['SOCIAL_INSURANCE', 'TAX', 'ORDINARY'] as const;
export type ClaimPriorityClass = (typeof CLAIM_PRIORITY_CLASSES)[number];

/** 滞纳金: 0.05 % of the amount per day late (税收征收管理法 art. 32, 社会保险法 art. 86). */
export const LATE_FEE_RATE_PER_DAY = 0.0005;

/** One line of a claim: a tax type and period, or an insurance type over its months. */
export interface ClaimLine {
  type: string;
  period: string;
  principal: string;
  lateFees: string;
  overdueSince: string;
  /** Days late up to the acceptance date. */
  days: number;
  priorityClass: ClaimPriorityClass;
}

export interface ClaimAnswer {
  creditor: string | null;
  lines: ClaimLine[];
  principal: string;
  lateFees: string;
}

const cents = (v: string | number) => Math.round(Number(v) * 100);
const yuan = (c: number) => (c / 100).toFixed(2);
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * Days late and the late fee as of `asOf` (the acceptance date: late fees stop when the case is accepted, 企业破产法
 * art. 46): from the first day late up to the day before acceptance, i.e. `asOf − overdueSince` days.
 */
export function lateFeeAsOf(amount: string, overdueSince: string, asOf: string): { days: number; fee: string } {
  const days = Math.max(0, dayNumber(asOf) - dayNumber(overdueSince));
  return { days, fee: yuan(Math.round(cents(amount) * LATE_FEE_RATE_PER_DAY * days)) };
}

function answerOf(creditor: string | null, lines: ClaimLine[]): BankruptcyAnswer {
  const answer: ClaimAnswer = {
    creditor,
    lines,
    principal: yuan(lines.reduce((s, l) => s + cents(l.principal), 0)),
    lateFees: yuan(lines.reduce((s, l) => s + cents(l.lateFees), 0)),
  };
  return { decision: 'FILED', answer: answer as unknown as Record<string, unknown>, reason: null };
}

/**
 * The tax authority's claim: every arrear (欠税) of the debtor overdue on or before the acceptance date, one line per
 * tax type and period, its principal (a TAX claim) and its late fee to the acceptance date at the statutory rate
 * (an ORDINARY claim). The registry's own `late_fee` is the fee as last assessed; the claim recomputes it as of the
 * acceptance date, which is what the administrator checks it against.
 */
export async function computeTaxClaim(m: EntityManager, request: InboxRow): Promise<BankruptcyAnswer> {
  const [taxpayer] = (await m.query(`SELECT tax_authority FROM taxpayer WHERE id_number = $1`, [request.subject_id_number])) as Array<{
    tax_authority: string;
  }>;
  const rows: Array<{ tax_type: string; period: string; amount: string; since: string }> = await m.query(
    `SELECT tax_type, period, amount::text AS amount, since::text AS since FROM tax_arrear
      WHERE taxpayer_id_number = $1 AND since <= $2 ORDER BY since, tax_type, period`,
    [request.subject_id_number, request.as_of],
  );
  const lines = rows.map((r): ClaimLine => {
    const { days, fee } = lateFeeAsOf(r.amount, r.since, request.as_of);
    return { type: r.tax_type, period: r.period, principal: yuan(cents(r.amount)), lateFees: fee, overdueSince: r.since, days, priorityClass: 'TAX' };
  });
  return answerOf(taxpayer?.tax_authority ?? null, lines);
}

/**
 * The social-security agency's claim: the employer's unpaid contributions overdue on or before the acceptance date,
 * one line per insurance type (its months summed), principal a SOCIAL_INSURANCE claim, late fees (each month's from
 * its own first day late) ORDINARY.
 */
export async function computeSocialSecurityClaim(m: EntityManager, request: InboxRow): Promise<BankruptcyAnswer> {
  const rows: Array<{ insurance_type: string; period: string; amount: string; overdue_since: string }> = await m.query(
    `SELECT insurance_type, period, amount::text AS amount, overdue_since::text AS overdue_since FROM contribution_arrear
      WHERE employer_id_number = $1 AND overdue_since <= $2 ORDER BY insurance_type, period`,
    [request.subject_id_number, request.as_of],
  );
  const byType = new Map<string, typeof rows>();
  for (const r of rows) byType.set(r.insurance_type, [...(byType.get(r.insurance_type) ?? []), r]);
  const lines = [...byType.entries()].map(([type, months]): ClaimLine => {
    const fees = months.map((r) => lateFeeAsOf(r.amount, r.overdue_since, request.as_of));
    const first = months[0];
    const last = months[months.length - 1];
    return {
      type,
      period: first.period === last.period ? first.period : `${first.period}/${last.period}`,
      principal: yuan(months.reduce((s, r) => s + cents(r.amount), 0)),
      lateFees: yuan(fees.reduce((s, f) => s + cents(f.fee), 0)),
      overdueSince: months.map((r) => r.overdue_since).sort()[0],
      days: Math.max(...fees.map((f) => f.days)),
      priorityClass: 'SOCIAL_INSURANCE',
    };
  });
  return answerOf(null, lines);
}
