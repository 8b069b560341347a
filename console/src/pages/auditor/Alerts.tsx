import { Card, DatePicker, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { QueryProblem } from '../../components/QueryProblem';
import { ALERT_RULE_TEXT, formatDateTime, text } from '../../format';
import type { AuditAlert } from '../../api/results';
import { useQuery } from '../../useQuery';

const QUERY = `query AuditAlerts($since: DateTimeISO, $until: DateTimeISO) {
  auditAlerts(since: $since, until: $until) { rule description username subjectIdNumber windowStart windowEnd count threshold caseNos firstSeq lastSeq } }`;

/** The API describes an alert in English; the console says it in Chinese from the rule and its counts. */
function describe(r: AuditAlert): string {
  const who = r.username ?? '某用户';
  switch (r.rule) {
    case 'BULK_READS':
      return `${who} 在一小时内查询了 ${r.count} 个不同主体（阈值 ${r.threshold}）`;
    case 'OFF_HOURS':
      return `${who} 在工作时间（周一至周五 08:30–18:00）以外查询主体 ${r.count} 次`;
    case 'REPEATED_REFUSALS':
      return `${who} 在一小时内被拒绝 ${r.count} 次（阈值 ${r.threshold}）`;
    case 'SUBJECT_MANY_CASES':
      return `同一主体在 ${r.count} 个不同案件下被查询（阈值 ${r.threshold}）`;
    default:
      return `触发 ${r.count} 次（阈值 ${r.threshold}）`;
  }
}

export function Alerts() {
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const q = useQuery<{ auditAlerts: AuditAlert[] }>(QUERY, { since: range?.[0]?.toISOString() ?? null, until: range?.[1]?.toISOString() ?? null });
  return (
    <Card title="审计告警">
      <Space className="toolbar">
        时间范围（默认最近 7 天，最长 92 天）：
        <DatePicker.RangePicker showTime allowEmpty={[true, true]} onChange={(v) => setRange(v)} />
      </Space>
      <QueryProblem q={q} field="auditAlerts" subject="审计告警" />
      <Table
        loading={q.loading}
        size="small"
        rowKey={(r) => `${r.rule}-${r.firstSeq}-${r.lastSeq}-${r.username}`}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={q.data?.auditAlerts ?? []}
        locale={{ emptyText: '该时间范围内没有触发告警的访问' }}
        columns={[
          { title: '规则', width: 140, render: (_, r) => <Tag color="volcano">{text(ALERT_RULE_TEXT, r.rule)}</Tag> },
          { title: '说明', render: (_, r) => describe(r) },
          { title: '用户', width: 110, render: (_, r) => r.username ?? '—' },
          { title: '主体', width: 170, render: (_, r) => r.subjectIdNumber ?? '—' },
          {
            title: '时间窗',
            width: 170,
            render: (_, r) => (
              <>
                {formatDateTime(r.windowStart)}
                <br />
                {formatDateTime(r.windowEnd)}
              </>
            ),
          },
          { title: '涉及案号', width: 200, render: (_, r) => r.caseNos.join('、') || '—' },
          { title: '记录序号', width: 90, render: (_, r) => `${r.firstSeq}–${r.lastSeq}` },
        ]}
      />
    </Card>
  );
}
