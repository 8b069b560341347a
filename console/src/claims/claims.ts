import { errorText } from '../api/errors';
import type { GraphQLError } from '../api/graphql';

export interface ClaimLine {
  type: string;
  period: string;
  principal: string;
  lateFees: string;
  overdueSince: string;
  days: number;
  priorityClass: string;
}

export interface BankruptcyClaim {
  id: string;
  kind: string;
  creditor: string | null;
  state: string;
  asOf: string;
  principal: string | null;
  lateFees: string | null;
  priorityClass: string;
  disputeReason: string | null;
  decidedBy: string | null;
  lines: ClaimLine[];
}

export interface CreditRepairRequest {
  id: string;
  state: string;
  reasons: string;
  documents: string[];
  createdAt: string;
  agencies: Array<{ source: string; state: string; outcome: string | null; answeredAt: string | null }>;
}

export interface CoordinationAnswer {
  bankruptcyCase: {
    status: string;
    reorganisationPlan: { rulingNo: string; rulingDate: string } | null;
    claims: BankruptcyClaim[] | null;
    creditRepairRequests: CreditRepairRequest[] | null;
  } | null;
}

export const COORDINATION_QUERY = `query BankruptcyCoordination($caseNo: String!) {
  bankruptcyCase(caseNo: $caseNo) { status reorganisationPlan { rulingNo rulingDate }
    claims { id kind creditor state asOf principal lateFees priorityClass disputeReason decidedBy
      lines { type period principal lateFees overdueSince days priorityClass } }
    creditRepairRequests { id state reasons documents createdAt agencies { source state outcome answeredAt } } } }`;

export const CLAIM_STATE_TEXT: Record<string, string> = { NOTICE_SENT: '已通知申报', FILED: '已申报待审查', CONFIRMED: '已确认', DISPUTED: '有异议' };
export const CLAIM_STATE_COLOR: Record<string, string> = { NOTICE_SENT: 'default', FILED: 'processing', CONFIRMED: 'success', DISPUTED: 'warning' };
export const CLAIM_KIND_TEXT: Record<string, string> = { TAX: '税款债权', SOCIAL_SECURITY: '社会保险费债权' };
export const PRIORITY_TEXT: Record<string, string> = { SOCIAL_INSURANCE: '社保（第二顺序）', TAX: '税款（第二顺序）', ORDINARY: '普通债权' };
export const REPAIR_STATE_TEXT: Record<string, string> = { PENDING: '办理中', GRANTED: '已修复', REFUSED: '未获修复', SENT: '已送达' };
export const REPAIR_STATE_COLOR: Record<string, string> = { PENDING: 'processing', SENT: 'processing', GRANTED: 'success', REFUSED: 'error' };
export const REPAIR_AGENCY_TEXT: Record<string, string> = { CREDIT: '信用主管部门', TAX: '税务机关' };

/** A refusal of a decision as a sentence: a CONFLICT names the state the claim is in. */
export function decisionErrorText(error: GraphQLError | undefined): string {
  if (error?.extensions?.code === 'CONFLICT')
    return `当前状态不允许此操作（${CLAIM_STATE_TEXT[String(error.extensions.state)] ?? error.extensions.state}）`;
  return errorText(error, '该债权');
}
