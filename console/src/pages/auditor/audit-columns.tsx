import { Tag } from 'antd';
import type { AuditEntryRow } from '../../api/results';
import { AUDIT_KIND_TEXT, AUDIT_OUTCOME_TEXT, formatDateTime, ROLE_TEXT, text } from '../../format';

export const ENTRY_LIST_FIELDS = 'seq at kind username organisation role caseNo subjectIdNumber outcome operationName';

const OUTCOME_COLOR: Record<string, string> = { ALLOWED: 'green', PARTIAL: 'gold', DENIED: 'red', FAILED: 'red', REQUESTED: 'blue' };

export const ENTRY_COLUMNS = [
  { title: '序号', dataIndex: 'seq', width: 70 },
  { title: '时间', width: 160, render: (_: unknown, r: AuditEntryRow) => formatDateTime(r.at) },
  { title: '类别', render: (_: unknown, r: AuditEntryRow) => text(AUDIT_KIND_TEXT, r.kind) },
  { title: '用户', render: (_: unknown, r: AuditEntryRow) => r.username ?? '—' },
  { title: '机构', render: (_: unknown, r: AuditEntryRow) => r.organisation ?? '—' },
  { title: '角色', render: (_: unknown, r: AuditEntryRow) => text(ROLE_TEXT, r.role) },
  { title: '案号', render: (_: unknown, r: AuditEntryRow) => r.caseNo ?? '—' },
  { title: '主体证件号', render: (_: unknown, r: AuditEntryRow) => r.subjectIdNumber ?? '—' },
  { title: '结果', render: (_: unknown, r: AuditEntryRow) => <Tag color={OUTCOME_COLOR[r.outcome]}>{text(AUDIT_OUTCOME_TEXT, r.outcome)}</Tag> },
];

export const ENTRY_CSV_HEADER = ['序号', '时间', '类别', '用户', '机构', '角色', '案号', '主体证件号', '结果', '操作名称'];
export const entryCsvRow = (r: AuditEntryRow) => [
  r.seq,
  formatDateTime(r.at),
  text(AUDIT_KIND_TEXT, r.kind),
  r.username,
  r.organisation,
  text(ROLE_TEXT, r.role),
  r.caseNo,
  r.subjectIdNumber,
  text(AUDIT_OUTCOME_TEXT, r.outcome),
  r.operationName,
];
