/** How the supervision pages name kinds, sources and asset classes. */
export const SUPERVISION_KIND_TEXT: Record<string, string> = {
  MEASURE_PAST_PERIOD: '措施超期',
  OVER_SEIZURE: '超标的查封',
  ANSWER_OVERDUE: '回执超期',
  RELEASE_OVERDUE_AFTER_ACCEPTANCE: '破产受理后逾期未解除',
  ORDER_ON_SUSPENDED_CASE: '中止执行期间采取措施',
};
export const SUPERVISION_KIND_COLOR: Record<string, string> = {
  MEASURE_PAST_PERIOD: 'orange',
  OVER_SEIZURE: 'red',
  ANSWER_OVERDUE: 'gold',
  RELEASE_OVERDUE_AFTER_ACCEPTANCE: 'volcano',
  ORDER_ON_SUSPENDED_CASE: 'magenta',
};
export const ASSET_CLASS_TEXT: Record<string, string> = {
  REAL_ESTATE: '不动产',
  VEHICLE: '车辆',
  DEPOSIT: '存款',
  HOUSING_FUND: '公积金',
  EQUITY: '股权',
};
export const SOURCE_TEXT: Record<string, string> = {
  PROPERTY: '不动产登记',
  VEHICLE: '车管',
  DEPOSIT: '银行',
  HOUSING_FUND: '公积金',
  MARKET_SUPERVISION: '市场监管',
  property: '不动产登记',
  vehicle: '车管',
  deposit: '银行',
  housingFund: '公积金',
  marketSupervision: '市场监管',
};

export interface SupervisionItemRow {
  id: string;
  kind: string;
  caseNo: string;
  courtCode: string;
  courtName: string | null;
  source: string;
  assetClass: string;
  orderId: string | null;
  orderKind: string | null;
  orderState: string | null;
  registrationNo: string | null;
  subjectKind: string | null;
  subjectIdNumber: string | null;
  subjectName: string | null;
  amount: string | null;
  claim: string | null;
  covered: string | null;
  startedOn: string | null;
  endsOn: string | null;
  legalMaxDays: number | null;
  since: string;
  daysOverdue: number;
  auditCaseNo: string;
  auditSeqs: string[];
}

export interface StatisticsRowData {
  key: string;
  label: string;
  inquiries: number;
  subjectsRead: number;
  orders: number;
  ordersByKindAndOutcome: Array<{ kind: string; outcome: string; count: number }>;
  sent: number;
  receipts: number;
  receiptsWithinDeadline: number;
  releases: number;
  releasesOnTime: number;
  listChecks: number;
  listHits: number;
  listInterceptions: number;
}

/** Text the server already wrote as CSV, saved as a file with a BOM so Excel reads the Chinese. */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF' + text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
