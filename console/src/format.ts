/** 2024-03-01 (a LocalDate is already in this form; a date-time is shown in Beijing time). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return formatDateTime(value).slice(0, 10);
}

/** 2024-03-01 14:05:09, Beijing time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** ¥1,234,567.00 from a Decimal string, without going through a float. */
export function formatAmount(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) return value;
  const cents = ((m[3] ?? '') + '00').slice(0, 2);
  return `${m[1]}¥${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

export function formatArea(value: string | null | undefined): string {
  return value ? `${value} ㎡` : '—';
}

export const ROLE_TEXT: Record<string, string> = {
  CLERK: '执行书记员',
  ADMINISTRATOR: '破产管理人',
  AUDITOR: '审计员',
  ADMIN: '运维管理员',
  APPROVER: '执行局长',
  AGENCY: '协助执行部门',
  JUDGE: '破产审判庭法官',
};
export const ORG_KIND_TEXT: Record<string, string> = {
  COURT: '法院',
  ADMINISTRATOR_FIRM: '管理人机构',
  PROCURATORATE: '检察院',
  OPERATOR: '运维中心',
  AGENCY: '政府部门',
};
export const CASE_STATUS_TEXT: Record<string, string> = {
  ACTIVE: '执行中',
  SUSPENDED: '中止执行',
  CLOSED: '已结案',
  ACCEPTED: '已受理',
  REORGANISATION: '重整',
  LIQUIDATION: '清算',
};
export const SUBJECT_KIND_TEXT: Record<string, string> = { PERSON: '自然人', ENTERPRISE: '法人' };
export const ENCUMBRANCE_TEXT: Record<string, string> = { MORTGAGE: '抵押', SEIZURE: '查封' };
export const VEHICLE_STATUS_TEXT: Record<string, string> = { NORMAL: '正常', SEIZED: '查封', MORTGAGED: '抵押', SCRAPPED: '报废' };
export const INSURED_TEXT: Record<string, string> = { INSURED: '参保缴费', SUSPENDED: '暂停缴费', TERMINATED: '终止参保' };
export const INSURANCE_TYPE_TEXT: Record<string, string> = {
  PENSION: '养老',
  MEDICAL: '医疗',
  UNEMPLOYMENT: '失业',
  WORK_INJURY: '工伤',
  MATERNITY: '生育',
};
export const REFUND_KIND_TEXT: Record<string, string> = { EXPORT_REBATE: '出口退税', OVERPAYMENT: '多缴退税', VAT_CREDIT: '增值税留抵退税' };
export const REFUND_STATUS_TEXT: Record<string, string> = { PENDING: '待审核', APPROVED: '已批准', PAID: '已退付' };
export const SOURCE_STATE_TEXT: Record<string, string> = { OK: '正常', TIMEOUT: '超时', ERROR: '无法连接', OPEN: '暂停查询' };
export const AUDIT_KIND_TEXT: Record<string, string> = {
  READ: '查询主体',
  REFUSAL: '拒绝访问',
  ADMIN: '运维操作',
  AUDIT: '审计操作',
  AUTH_FAILURE: '登录失败',
};
export const AUDIT_OUTCOME_TEXT: Record<string, string> = {
  ALLOWED: '全部放行',
  PARTIAL: '部分放行',
  DENIED: '拒绝',
  FAILED: '失败',
  REQUESTED: '已申请',
};
export const FIELD_OUTCOME_TEXT: Record<string, string> = { ALLOW: '放行', MASK: '脱敏', DENY: '拒绝', FAILED: '数据源未响应' };
export const POLICY_OUTCOME_TEXT: Record<string, string> = { ALLOW: '放行', MASK: '脱敏', DENY: '拒绝' };
export const ALERT_RULE_TEXT: Record<string, string> = {
  BULK_READS: '批量查询',
  OFF_HOURS: '非工作时间查询',
  REPEATED_REFUSALS: '多次被拒',
  SUBJECT_MANY_CASES: '同一主体多案查询',
};
export const PROBLEM_TEXT: Record<string, string> = {
  HASH_MISMATCH: '条目内容在写入后被修改',
  CHAIN_BROKEN: '条目与前一条目不衔接',
  GAP: '条目缺失（被删除）',
  DUPLICATE: '条目重复',
  TIME_REVERSED: '条目时间早于前一条目',
  HEAD_MISMATCH: '链头与最后一条目不一致',
  CHECKPOINT_MISMATCH: '链与已签名检查点不符（链被整体改写）',
  CHECKPOINT_SIGNATURE: '检查点签名无效或密钥未知',
  CHECKPOINT_MISSING: '库外保存的检查点在数据库中被删除',
  TRUNCATED: '链在链头或检查点之前中断',
};

export function text(map: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return map[value] ?? value;
}
export const REFERENCE_BASIS_TEXT: Record<string, string> = {
  APPRAISAL: '评估',
  ONLINE_INQUIRY: '网络询价',
  TAX_ASSESSMENT: '计税价格',
  REGISTERED_CAPITAL_SHARE: '注册资本×持股比例',
};
export const DEPOSIT_TYPE_TEXT: Record<string, string> = { DEMAND: '活期', TIME: '定期' };
export const DEPOSIT_STATUS_TEXT: Record<string, string> = { NORMAL: '正常', DORMANT: '久悬', CLOSED: '已销户' };
export const HOUSING_FUND_STATUS_TEXT: Record<string, string> = { NORMAL: '正常缴存', SEALED: '封存', CLOSED: '已销户' };
export const REGISTRATION_STATUS_TEXT: Record<string, string> = { EXISTING: '存续', REVOKED: '吊销', CANCELLED: '注销' };

/** A freeze's place: 0 is the effective freeze (首封), n ≥ 1 queues behind it (轮候 n). */
export function formatRank(rank: number | null | undefined): string {
  if (rank === null || rank === undefined) return '—';
  return rank === 0 ? '首封' : `轮候 ${rank}`;
}

/** 35.0000 → 35%. */
export function formatPercent(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const m = /^(-?\d+)(?:\.(\d*?))?0*$/.exec(value);
  if (!m) return `${value}%`;
  return `${m[1]}${m[2] ? `.${m[2]}` : ''}%`;
}

export const CONTROL_STATE_TEXT: Record<string, string> = {
  DRAFT: '草稿',
  PENDING_APPROVAL: '待审批',
  APPROVED: '已批准',
  SENT: '已送达',
  ACTIVE: '已生效',
  QUEUED: '轮候中',
  REJECTED: '已驳回',
  RENEWED: '已续封',
  RELEASED: '已解除',
  LAPSED: '已失效',
  EXECUTED: '已扣划',
  WITHDRAWN: '已撤回',
};
export const CONTROL_STATE_COLOR: Record<string, string> = {
  DRAFT: 'default',
  PENDING_APPROVAL: 'gold',
  APPROVED: 'blue',
  SENT: 'blue',
  ACTIVE: 'green',
  QUEUED: 'orange',
  REJECTED: 'red',
  RENEWED: 'cyan',
  RELEASED: 'default',
  LAPSED: 'default',
  EXECUTED: 'purple',
  WITHDRAWN: 'default',
};
export const CONTROL_KIND_TEXT: Record<string, string> = { SEIZE: '查封', FREEZE: '冻结', DEDUCT: '扣划', RENEW: '续行', RELEASE: '解除' };
export const RECEIPT_DECISION_TEXT: Record<string, string> = { ACCEPTED: '已协助执行', REJECTED: '拒绝协助' };

/** A control order's place: 1 is in force (首封), n > 1 waits behind n − 1 others (轮候 n − 1). */
export function formatOrderRank(rank: number | null | undefined): string {
  if (rank === null || rank === undefined) return '—';
  return rank <= 1 ? '首封' : `轮候 ${rank - 1}`;
}
