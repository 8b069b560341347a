/** Release tasks and transfers as the console asks for them (README "Bankruptcy coordination"). */
export const TASK_FIELDS = `id bankruptcyCaseNo source assetKey measureKind controlOrderId releaseOrderId orderingCourtName orderingCaseNo
  addressedCourtName registryDetails state dueOn overdue receiptNo releasedOn handedOver handedOverAt`;

export interface ReleaseTask {
  id: string;
  bankruptcyCaseNo: string;
  source: string;
  assetKey: string;
  measureKind: string;
  controlOrderId: string | null;
  releaseOrderId: string | null;
  orderingCourtName: string;
  orderingCaseNo: string | null;
  addressedCourtName: string;
  registryDetails: string | null;
  state: string;
  dueOn: string;
  overdue: boolean;
  receiptNo: string | null;
  releasedOn: string | null;
  handedOver: boolean;
  handedOverAt: string | null;
}

export const TASK_STATE_TEXT: Record<string, string> = {
  AWAITING_RECEIPT: '待登记回执',
  PENDING: '待解除',
  RELEASING: '解除中',
  RELEASED: '已解除',
  NOT_REGISTERED: '未获登记，无需解除',
  CANCELLED: '已撤销（恢复执行）',
};
/** The tag colour of a task's state: done green, under way blue, closed without a release grey, to do orange. */
export const TASK_STATE_COLOR: Record<string, string> = {
  RELEASED: 'green',
  RELEASING: 'blue',
  AWAITING_RECEIPT: 'blue',
  NOT_REGISTERED: 'default',
  CANCELLED: 'default',
};
export const MEASURE_TEXT: Record<string, string> = { SEIZE: '查封', FREEZE: '冻结' };

export const TRANSFER_FIELDS = `id executionCaseNo executionCourtName debtorName debtorIdNumber tribunalCourtName consentBy consentDocumentNo consentDate
  state decideBy overdue returnReason bankruptcyCaseNo proposedBy createdAt decidedAt`;

export interface BankruptcyTransfer {
  id: string;
  executionCaseNo: string;
  executionCourtName: string;
  debtorName: string;
  debtorIdNumber: string;
  tribunalCourtName: string;
  consentBy: string;
  consentDocumentNo: string;
  consentDate: string;
  state: string;
  decideBy: string;
  overdue: boolean;
  returnReason: string | null;
  bankruptcyCaseNo: string | null;
  proposedBy: string;
  createdAt: string;
  decidedAt: string | null;
}

export const TRANSFER_STATE_TEXT: Record<string, string> = { PROPOSED: '待审查', ACCEPTED: '已受理', RETURNED: '已退回' };
export const CONSENT_TEXT: Record<string, string> = { APPLICANT: '申请执行人', RESPONDENT: '被执行人' };
