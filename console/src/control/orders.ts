import { errorText } from '../api/errors';
import type { GraphQLError } from '../api/graphql';
import { formatAmount } from '../format';

export const ORDER_FIELDS = `id caseNo kind state source assetClass assetKey subjectName subjectIdNumber amount periodDays rulingNo rulingDate
  noticeNo noticeDate rank registrationNo registeredFrom registeredUntil amountFrozen rejectionReason draftedByUsername deliveredAt createdAt`;

/** The case's list also shows deductions, follow-ups under way and overdue answers (kept out of the approval queue's
 *  page of 50, whose query would pass the cost limit). */
export const CASE_ORDER_FIELDS = `${ORDER_FIELDS} amountDeducted freezeOrderId parentId answerOverdue`;

export interface ControlOrder {
  id: string;
  caseNo: string;
  kind: string;
  state: string;
  source: string;
  assetClass: string;
  assetKey: string;
  subjectName: string;
  subjectIdNumber: string;
  amount: string | null;
  periodDays: number | null;
  rulingNo: string;
  rulingDate: string;
  noticeNo: string;
  noticeDate: string;
  rank: number | null;
  registrationNo: string | null;
  registeredFrom: string | null;
  registeredUntil: string | null;
  amountFrozen: string | null;
  /** Freezes and their renewals: what deductions took so far. */
  amountDeducted?: string | null;
  /** Deductions: the freeze drawn on. */
  freezeOrderId?: string | null;
  /** Renewals and releases: the order they follow. */
  parentId?: string | null;
  rejectionReason: string | null;
  draftedByUsername: string;
  deliveredAt: string | null;
  /** Sent, and the agency has not answered in time. */
  answerOverdue?: boolean | null;
  createdAt: string;
}

const REASON_TEXT: Record<string, string> = {
  CASE_NOT_ACTIVE: '该案件已结案，不能再采取控制措施',
  NOT_RESPONDENT: '该主体不是本案被执行人',
  NOT_CONTROLLABLE: '该部门暂不接受网络查控',
  KIND_NOT_ALLOWED: '该类财产不能采取此种措施',
  PERIOD_TOO_LONG: '期限超过法定最长期限',
  AMOUNT_OUT_OF_RANGE: '金额须大于零且不超过执行标的',
  NOT_OWNER: '登记部门查无该被执行人名下的这项财产',
  NOT_FROZEN: '本案在该账户上没有已生效的冻结，不能扣划（轮候冻结在转为正式冻结前不能扣划）',
  FREEZE_NOT_NAMED: '本案在该账户上有多项冻结，请从要扣划的那一项冻结发起扣划',
};

/** The deduction refusal in plain words, with the figures the API gives. */
export function exceedsFrozenText(message: string): string {
  const m = /([\d.]+) yuan frozen, ([\d.]+) deducted, ([\d.]+) in deductions under way; at most ([\d.]+) yuan/.exec(message);
  if (!m) return '扣划金额超过该冻结尚余的冻结金额。';
  return (
    `扣划金额超过该冻结尚可扣划的金额：实际冻结 ${formatAmount(m[1])}，已扣划 ${formatAmount(m[2])}，` +
    `正在办理的扣划 ${formatAmount(m[3])}，最多还可扣划 ${formatAmount(m[4])}。`
  );
}

/** The over-seizure refusal in plain words, with the figures the API gives. */
export function overSeizureText(message: string): string {
  const m = /secure ([\d.]+) yuan of a claim of ([\d.]+) yuan \(amount due ([\d.]+) plus (\d+) % costs\)/.exec(message);
  if (!m) return '超标的查封：本案已有的查封、冻结措施已足以清偿债权，不需要再采取这项措施。';
  return (
    `超标的查封：本案已有的查封、冻结措施已可清偿 ${formatAmount(m[1])}，` +
    `达到债权额 ${formatAmount(m[2])}（执行标的 ${formatAmount(m[3])} 加 ${m[4]}% 执行费用），不需要再采取这项措施。`
  );
}

/** A control-order mutation's error as a sentence. */
export function controlErrorText(error: GraphQLError | undefined): string {
  if (!error) return '';
  const reason = error.extensions?.reason;
  if (reason === 'OVER_SEIZURE') return overSeizureText(error.message);
  if (reason === 'EXCEEDS_FROZEN') return exceedsFrozenText(error.message);
  if (reason && REASON_TEXT[reason]) return REASON_TEXT[reason];
  if (error.extensions?.code === 'CONFLICT') return '该措施的状态已经改变，请刷新后重试。';
  if (error.extensions?.code === 'FORBIDDEN') return '您无权进行该操作';
  return errorText(error, '该措施');
}
