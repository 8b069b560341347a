import { Card, DatePicker, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { QueryProblem } from '../../components/QueryProblem';
import { ALERT_RULE_TEXT, formatDateTime, text } from '../../format';
import { useQuery } from '../../useQuery';

const QUERY = `query AuditAlerts($since: DateTimeISO, $until: DateTimeISO) {
  auditAlerts(since: $since, until: $until) { rule description username subjectIdNumber windowStart windowEnd count threshold caseNos firstSeq lastSeq } }`;

export function Alerts() {
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const q = useQuery(QUERY, { since: range?.[0]?.toISOString() ?? null, until: range?.[1]?.toISOString() ?? null });
  return (
    <Card title="审计告警">
      <Space className="toolbar">
        时间范围（默认最近 7 天，最长 92 天）：
        <DatePicker.RangePicker showTime allowEmpty={[true, true]} onChange={(v) => setRange(v as any)} />
      </Space>
      <QueryProblem q={q} field="auditAlerts" subject="审计告警" />
      <Table
        loading={q.loading}
        size="small"
        rowKey={(r: any) => `${r.rule}-${r.firstSeq}-${r.lastSeq}-${r.username}`}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={q.data?.auditAlerts ?? []}
        locale={{ emptyText: '该时间范围内没有触发告警的访问' }}
        columns={[
          { title: '规则', render: (_, r: any) => <Tag color="volcano">{text(ALERT_RULE_TEXT, r.rule)}</Tag> },
          { title: '说明', dataIndex: 'description' },
          { title: '用户', render: (_, r: any) => r.username ?? '—' },
          { title: '主体', render: (_, r: any) => r.subjectIdNumber ?? '—' },
          { title: '次数 / 阈值', render: (_, r: any) => `${r.count} / ${r.threshold}` },
          { title: '时间窗', render: (_, r: any) => `${formatDateTime(r.windowStart)} 至 ${formatDateTime(r.windowEnd)}` },
          { title: '涉及案号', render: (_, r: any) => r.caseNos.join('、') || '—' },
          { title: '记录序号', render: (_, r: any) => `${r.firstSeq}–${r.lastSeq}` },
        ]}
      />
    </Card>
  );
}
