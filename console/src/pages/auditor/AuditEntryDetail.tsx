import { Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { AUDIT_KIND_TEXT, AUDIT_OUTCOME_TEXT, FIELD_OUTCOME_TEXT, formatDateTime, ROLE_TEXT, SOURCE_STATE_TEXT, text } from '../../format';
import { sourceByName } from '../../sources/registry';
import type { AuditEntryFull, Connection } from '../../api/results';
import { useQuery } from '../../useQuery';

// The list asks for few fields (the query cost limit); the detail fetches the entries of that millisecond in full.
const QUERY = `query AuditEntryDetail($filter: AuditEntryFilter) {
  auditEntries(first: 10, filter: $filter) { edges { node {
    seq at requestId kind username organisation role caseKind caseNo subjectId subjectKind subjectIdNumber outcome clientAddress operationName detail prevHash hash
    fields { path outcome } sources { source state } } } } }`;

export function AuditEntryDetail({ entry, onClose }: { entry: { seq: string; at: string; username?: string | null } | null; onClose: () => void }) {
  const from = entry ? new Date(entry.at) : null;
  const q = useQuery<{ auditEntries: Connection<AuditEntryFull> }>(
    QUERY,
    entry && from ? { filter: { from: from.toISOString(), to: new Date(from.getTime() + 1).toISOString() } } : null,
  );
  const e = q.data?.auditEntries?.edges.map((x) => x.node).find((n) => n.seq === entry?.seq);
  return (
    <Drawer open={!!entry} onClose={onClose} width={720} title={entry ? `审计记录 第 ${entry.seq} 条` : ''} loading={q.loading}>
      {e ? (
        <>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label="时间" span={2}>
              {formatDateTime(e.at)}
            </Descriptions.Item>
            <Descriptions.Item label="类别">{text(AUDIT_KIND_TEXT, e.kind)}</Descriptions.Item>
            <Descriptions.Item label="结果">{text(AUDIT_OUTCOME_TEXT, e.outcome)}</Descriptions.Item>
            <Descriptions.Item label="用户">{e.username ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="角色">{text(ROLE_TEXT, e.role)}</Descriptions.Item>
            <Descriptions.Item label="机构代码">{e.organisation ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="来源地址">{e.clientAddress ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="案号（法律依据）" span={2}>
              {e.caseNo ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label="查询主体（证件号已脱敏）">{e.subjectIdNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="主体标识">{e.subjectId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="操作名称">{e.operationName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="请求编号">{e.requestId}</Descriptions.Item>
            <Descriptions.Item label="详情" span={2}>
              <Typography.Text code className="wrap">
                {e.detail ?? '—'}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="前一条哈希" span={2}>
              <Typography.Text code className="wrap">
                {e.prevHash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="本条哈希" span={2}>
              <Typography.Text code className="wrap">
                {e.hash}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            查询的数据源
          </Typography.Title>
          {e.sources.length === 0
            ? '无'
            : e.sources.map((s) => (
                <Tag key={s.source} color={s.state === 'OK' ? 'green' : 'red'}>
                  {sourceByName(s.source)?.label ?? s.source}：{text(SOURCE_STATE_TEXT, s.state)}
                </Tag>
              ))}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            读取的字段（只记录读了哪些字段，不记录内容）
          </Typography.Title>
          <FieldSummary fields={e.fields} />
          <Table
            size="small"
            rowKey="path"
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            dataSource={exceptionsFirst(e.fields)}
            locale={{ emptyText: '本条记录不涉及主体字段' }}
            columns={[
              { title: '字段路径', dataIndex: 'path' },
              {
                title: '结果',
                render: (_, f) => (
                  <Tag color={f.outcome === 'ALLOW' ? 'green' : f.outcome === 'MASK' ? 'orange' : 'red'}>{text(FIELD_OUTCOME_TEXT, f.outcome)}</Tag>
                ),
              },
            ]}
          />
        </>
      ) : (
        !q.loading && '未找到该条记录的详情'
      )}
    </Drawer>
  );
}

const OUTCOME_ORDER = ['FAILED', 'DENY', 'MASK', 'ALLOW'];

/** Fields refused, failed or masked come before those released as they were: what an auditor looks for first. */
function exceptionsFirst(fields: Array<{ path: string; outcome: string }>) {
  const rank = (o: string) => (OUTCOME_ORDER.indexOf(o) + OUTCOME_ORDER.length + 1) % (OUTCOME_ORDER.length + 1);
  return [...fields].sort((a, b) => rank(a.outcome) - rank(b.outcome) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function FieldSummary({ fields }: { fields: Array<{ outcome: string }> }) {
  const counts = new Map<string, number>();
  for (const f of fields) counts.set(f.outcome, (counts.get(f.outcome) ?? 0) + 1);
  if (counts.size === 0) return null;
  return (
    <div style={{ marginBottom: 8 }}>
      {OUTCOME_ORDER.filter((o) => counts.has(o)).map((o) => (
        <Tag key={o} color={o === 'ALLOW' ? 'green' : o === 'MASK' ? 'orange' : 'red'}>
          {text(FIELD_OUTCOME_TEXT, o)} {counts.get(o)} 项
        </Tag>
      ))}
    </div>
  );
}
