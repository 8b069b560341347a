/**
 * What supervision lists (seed 004 items 9 and 15: measures beyond scope, amount or time). Each kind is found by one
 * function of `SUPERVISION_RULES` (supervision-rules.ts).
 */
export const SUPERVISION_KINDS = [
  'MEASURE_PAST_PERIOD',
  'OVER_SEIZURE',
  'ANSWER_OVERDUE',
  'RELEASE_OVERDUE_AFTER_ACCEPTANCE',
  'ORDER_ON_SUSPENDED_CASE',
] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

/** One measure or request that breaks a rule, with the figures that show it; the subject as the policy shows it. */
export interface SupervisionItem {
  /** Stable: the kind and the order or register row it is about. */
  id: string;
  kind: SupervisionKind;
  caseNo: string;
  courtCode: string;
  courtName: string | null;
  source: string;
  assetClass: string;
  /** The hub's control order behind it, when there is one. */
  orderId: string | null;
  orderKind: string | null;
  orderState: string | null;
  registrationNo: string | null;
  subjectKind: string | null;
  subjectIdNumber: string | null;
  subjectName: string | null;
  /** The measure's amount: frozen (else asked) for a freeze, the register's amount for a register row. */
  amount: string | null;
  /** Over-seizure: the claim (amount due plus costs) and what the case's earlier measures already secured. */
  claim: string | null;
  covered: string | null;
  startedOn: string | null;
  endsOn: string | null;
  /** The legal maximum period of the asset class, in days. */
  legalMaxDays: number | null;
  /**
   * When the rule was first broken (the day after the period, the registration, the answer's deadline, the day after a
   * release task's due date, the day an order was drafted on a suspended case or its case was suspended).
   */
  since: string;
  daysOverdue: number;
  /** Audit entries behind the item: the case number to filter the log by, and the entries that name its order. */
  auditCaseNo: string;
  auditSeqs: string[];
}
