import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Connection } from '../api/results';
import { CursorPager } from '../components/CursorPager';
import { QueryProblem } from '../components/QueryProblem';
import { CONTROL_KIND_TEXT, CONTROL_STATE_TEXT, formatAmount, formatDate } from '../format';
import { Link } from '../router';
import { useQuery } from '../useQuery';
import { ASSET_CLASS_TEXT, SOURCE_TEXT, SUPERVISION_KIND_COLOR, SUPERVISION_KIND_TEXT, type SupervisionItemRow } from './supervision-text';

const QUERY = `query Supervision($filter: SupervisionFilter, $first: Int!, $after: String) {
  supervision(filter: $filter, first: $first, after: $after) {
    totalCount unavailableSources pageInfo { hasNextPage endCursor }
    edges { node { id kind caseNo courtCode courtName source assetClass orderId orderKind orderState registrationNo subjectKind subjectIdNumber
      subjectName amount claim covered startedOn endsOn legalMaxDays since daysOverdue auditCaseNo auditSeqs } } } }`;

type Answer = { supervision: Connection<SupervisionItemRow> & { totalCount: number; unavailableSources: string[] } };

interface FilterForm {
  court?: string;
  kinds?: string[];
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toFilter(v: FilterForm): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (v.court?.trim()) f.court = v.court.trim();
  if (v.kinds?.length) f.kinds = v.kinds;
  if (v.range?.[0]) f.from = v.range[0].format('YYYY-MM-DD');
  if (v.range?.[1]) f.to = v.range[1].format('YYYY-MM-DD');
  return f;
}

/** What the rule weighed, in one line. */
function figures(i: SupervisionItemRow): string {
  if (i.kind === 'OVER_SEIZURE') return `申请标的（含费用）${formatAmount(i.claim)}，在先措施已控制 ${formatAmount(i.covered)}`;
  if (i.kind === 'ANSWER_OVERDUE') return `${formatDate(i.startedOn)} 送达，应于 ${formatDate(i.since)} 前回复`;
  const period = `${formatDate(i.startedOn)} 至 ${formatDate(i.endsOn)}`;
  return i.legalMaxDays ? `${period}（法定最长 ${i.legalMaxDays} 天）` : period;
}

/** The auditor's supervision list: measures and requests that break a rule, with links into the audit log. */
export function SupervisionList() {
  const [filter, setFilter] = useState<Record<string, unknown>>({});
  const [stack, setStack] = useState<Array<string | null>>([null]);
  const q = useQuery<Answer>(QUERY, { first: 20, after: stack[stack.length - 1], filter });
  const conn = q.data?.supervision;
  return (
    <Card title="执行监督" extra={conn ? <span className="supervision-total">共 {conn.totalCount} 项</span> : null}>
      <Form<FilterForm>
        layout="inline"
        className="filters"
        onFinish={(v) => {
          setFilter(toFilter(v));
          setStack([null]);
        }}
      >
        <Form.Item name="court" label="法院">
          <Input allowClear placeholder="法院代码，如 皖1524" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="kinds" label="类别">
          <Select
            mode="multiple"
            allowClear
            placeholder="全部"
            style={{ minWidth: 200 }}
            options={Object.entries(SUPERVISION_KIND_TEXT).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="range" label="发生日期">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            查询
          </Button>
        </Form.Item>
      </Form>
      <QueryProblem q={q} field="supervision" subject="执行监督" />
      {conn?.unavailableSources.length ? (
        <Alert
          type="warning"
          showIcon
          message={`以下部门的登记簿未能读取，其中的问题未列出：${conn.unavailableSources.map((s) => SOURCE_TEXT[s] ?? s).join('、')}`}
        />
      ) : null}
      <Table<SupervisionItemRow>
        loading={q.loading}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={(conn?.edges ?? []).map((e) => e.node)}
        locale={{ emptyText: Object.keys(filter).length ? '没有符合这些条件的问题' : '没有发现违规的措施' }}
        columns={[
          {
            title: '类别',
            dataIndex: 'kind',
            render: (k: string) => <Tag color={SUPERVISION_KIND_COLOR[k]}>{SUPERVISION_KIND_TEXT[k] ?? k}</Tag>,
          },
          { title: '案号', dataIndex: 'caseNo' },
          { title: '法院', render: (_: unknown, i) => i.courtName ?? i.courtCode },
          {
            title: '财产',
            render: (_: unknown, i) => `${ASSET_CLASS_TEXT[i.assetClass] ?? i.assetClass}（${SOURCE_TEXT[i.source] ?? i.source}）`,
          },
          {
            title: '措施',
            render: (_: unknown, i) =>
              i.orderKind
                ? `${CONTROL_KIND_TEXT[i.orderKind] ?? i.orderKind} · ${CONTROL_STATE_TEXT[i.orderState ?? ''] ?? i.orderState}`
                : '登记簿记录',
          },
          {
            title: '被执行人',
            render: (_: unknown, i) => (
              <span className="masked">
                {i.subjectName ?? '—'} {i.subjectIdNumber}
              </span>
            ),
          },
          { title: '金额', dataIndex: 'amount', render: (v: string | null) => formatAmount(v) },
          { title: '情况', render: (_: unknown, i) => figures(i) },
          { title: '发生日期', dataIndex: 'since' },
          { title: '已超', dataIndex: 'daysOverdue', render: (d: number) => `${d} 天` },
          {
            title: '审计记录',
            render: (_: unknown, i) => (
              <Space direction="vertical" size={0}>
                <Link to={`/audit/${i.auditCaseNo}`}>查看该案审计日志</Link>
                {i.auditSeqs.length ? <span className="audit-seqs">序号 {i.auditSeqs.join('、')}</span> : null}
              </Space>
            ),
          },
        ]}
      />
      <CursorPager
        stack={stack}
        hasNext={!!conn?.pageInfo.hasNextPage}
        endCursor={conn?.pageInfo.endCursor}
        onChange={setStack}
        info="按发生日期由近及远；被执行人身份已脱敏"
      />
    </Card>
  );
}
