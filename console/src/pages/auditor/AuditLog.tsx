import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, message, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../api/errors';
import { graphql, type GraphQLResult } from '../../api/graphql';
import { CursorPager } from '../../components/CursorPager';
import { QueryProblem } from '../../components/QueryProblem';
import { downloadCsv } from '../../csv';
import { AUDIT_KIND_TEXT, AUDIT_OUTCOME_TEXT, ROLE_TEXT } from '../../format';
import type { AuditEntryRow, Connection } from '../../api/results';
import { useQuery } from '../../useQuery';
import { AuditEntryDetail } from './AuditEntryDetail';
import { ENTRY_COLUMNS, ENTRY_CSV_HEADER, ENTRY_LIST_FIELDS, entryCsvRow } from './audit-columns';

const QUERY = `query AuditEntries($first: Int!, $after: String, $filter: AuditEntryFilter) {
  auditEntries(first: $first, after: $after, filter: $filter) { pageInfo { hasNextPage endCursor } edges { node { ${ENTRY_LIST_FIELDS} } } } }`;

type Answer = { auditEntries: Connection<AuditEntryRow> };

const EXPORT_PAGE = 40;
const EXPORT_MAX = 2000;

const options = (map: Record<string, string>) => Object.entries(map).map(([value, label]) => ({ value, label }));

interface FilterForm {
  username?: string;
  organisation?: string;
  role?: string;
  caseNo?: string;
  subjectId?: string;
  outcome?: string;
  kind?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toFilter(v: FilterForm): Record<string, string> {
  const f: Record<string, string> = {};
  for (const key of ['username', 'organisation', 'role', 'caseNo', 'subjectId', 'outcome', 'kind'] as const) {
    const value = v[key]?.trim();
    if (value) f[key] = value;
  }
  if (v.range?.[0]) f.from = v.range[0].toISOString();
  if (v.range?.[1]) f.to = v.range[1].toISOString();
  return f;
}

export function AuditLog({ initialFilter }: { initialFilter?: Record<string, string> }) {
  const [filter, setFilter] = useState<Record<string, string>>(initialFilter ?? {});
  const [stack, setStack] = useState<Array<string | null>>([null]);
  const [selected, setSelected] = useState<AuditEntryRow | null>(null);
  const [exporting, setExporting] = useState(false);
  const q = useQuery<Answer>(QUERY, { first: 20, after: stack[stack.length - 1], filter });
  const conn = q.data?.auditEntries;

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows: AuditEntryRow[] = [];
      let after: string | null = null;
      do {
        const r: GraphQLResult<Answer> = await graphql<Answer>(QUERY, { first: EXPORT_PAGE, after, filter });
        if (!r.data?.auditEntries) throw new Error(errorText(r.errors[0], '审计日志'));
        rows.push(...r.data.auditEntries.edges.map((e) => e.node));
        after = r.data.auditEntries.pageInfo.hasNextPage ? r.data.auditEntries.pageInfo.endCursor : null;
      } while (after && rows.length < EXPORT_MAX);
      downloadCsv(`审计日志-${new Date().toISOString().slice(0, 10)}.csv`, ENTRY_CSV_HEADER, rows.map(entryCsvRow));
      message.success(`已导出 ${rows.length} 条记录${after ? `（仅前 ${EXPORT_MAX} 条；完整导出请用 npm run audit:export）` : ''}`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : '导出失败');
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      title="审计日志"
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportCsv}>
          导出 CSV
        </Button>
      }
    >
      <Form<FilterForm>
        layout="inline"
        className="filters"
        initialValues={initialFilter}
        onFinish={(v) => {
          setFilter(toFilter(v));
          setStack([null]);
        }}
      >
        <Form.Item name="username" label="用户">
          <Input allowClear placeholder="用户名" style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="organisation" label="机构">
          <Input allowClear placeholder="机构代码" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(ROLE_TEXT)} />
        </Form.Item>
        <Form.Item name="caseNo" label="案号">
          <Input allowClear placeholder="如 (2024)皖1524执123号" style={{ width: 210 }} />
        </Form.Item>
        <Form.Item name="subjectId" label="主体证件号">
          <Input allowClear placeholder="完整身份证号或信用代码" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind" label="类别">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(AUDIT_KIND_TEXT)} />
        </Form.Item>
        <Form.Item name="outcome" label="结果">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(AUDIT_OUTCOME_TEXT)} />
        </Form.Item>
        <Form.Item name="range" label="时间">
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            查询
          </Button>
        </Form.Item>
      </Form>
      <QueryProblem q={q} field="auditEntries" subject="审计日志" />
      <Table
        loading={q.loading}
        size="small"
        rowKey="seq"
        pagination={false}
        dataSource={(conn?.edges ?? []).map((e) => e.node)}
        columns={ENTRY_COLUMNS}
        onRow={(r) => ({ onClick: () => setSelected(r), style: { cursor: 'pointer' } })}
        locale={{ emptyText: Object.keys(filter).length ? '没有符合这些条件的审计记录' : '审计日志中还没有记录' }}
      />
      <CursorPager
        stack={stack}
        hasNext={!!conn?.pageInfo.hasNextPage}
        endCursor={conn?.pageInfo.endCursor}
        onChange={setStack}
        info="点击一行查看详情；最新的在前"
      />
      <AuditEntryDetail entry={selected} onClose={() => setSelected(null)} />
    </Card>
  );
}
