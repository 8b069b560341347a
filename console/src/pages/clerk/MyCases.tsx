import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { CursorPager } from '../../components/CursorPager';
import { QueryProblem } from '../../components/QueryProblem';
import { CASE_STATUS_TEXT, formatAmount, formatDate, text } from '../../format';
import { Link, navigate } from '../../router';
import type { Connection } from '../../api/results';
import { useQuery } from '../../useQuery';

interface MyCase {
  caseNo: string;
  status: string;
  filedOn: string;
  amountDue: string;
  court: { name: string };
}

const QUERY = `query MyExecutionCases($first: Int!, $after: String, $includeClosed: Boolean!) {
  myExecutionCases(first: $first, after: $after, includeClosed: $includeClosed) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { caseNo status filedOn amountDue court { name } } } } }`;

export function MyCases() {
  const [stack, setStack] = useState<Array<string | null>>([null]);
  const [includeClosed, setIncludeClosed] = useState(true);
  const [search, setSearch] = useState('');
  const q = useQuery<{ myExecutionCases: Connection<MyCase> }>(QUERY, { first: 20, after: stack[stack.length - 1], includeClosed });
  const conn = q.data?.myExecutionCases;
  const rows = useMemo(() => (conn?.edges ?? []).map((e) => e.node).filter((c) => !search || c.caseNo.includes(search.trim())), [conn, search]);
  const open = () => search.trim() && navigate(`/inquiry/${search.trim()}`);
  return (
    <Card title="我的执行案件">
      <Space className="toolbar" wrap>
        <Input
          allowClear
          style={{ width: 340 }}
          prefix={<SearchOutlined />}
          placeholder="按案号查找，如 (2024)皖1524执123号"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onPressEnter={open}
          aria-label="案号"
        />
        <Button type="primary" onClick={open} disabled={!search.trim()}>
          查询该案
        </Button>
        <span>
          <Switch
            size="small"
            checked={includeClosed}
            onChange={(v) => {
              setIncludeClosed(v);
              setStack([null]);
            }}
          />{' '}
          显示已结案案件
        </span>
      </Space>
      <QueryProblem q={q} field="myExecutionCases" />
      <Table
        loading={q.loading}
        rowKey="caseNo"
        size="middle"
        pagination={false}
        dataSource={rows}
        rowClassName={(r) => (r.status === 'CLOSED' ? 'row-closed' : '')}
        locale={{
          emptyText: search
            ? `本页没有案号包含“${search}”的案件；可点“查询该案”直接查询`
            : includeClosed
              ? '您目前没有被分配的执行案件'
              : '您目前没有执行中的案件（已结案案件已隐藏）',
        }}
        columns={[
          {
            title: '案号',
            render: (_, r) => (r.status === 'CLOSED' ? <span>{r.caseNo}</span> : <Link to={`/inquiry/${r.caseNo}`}>{r.caseNo}</Link>),
          },
          { title: '执行法院', render: (_, r) => r.court.name },
          { title: '立案日期', render: (_, r) => formatDate(r.filedOn) },
          { title: '执行标的', align: 'right', render: (_, r) => formatAmount(r.amountDue) },
          { title: '状态', render: (_, r) => <Tag color={r.status === 'CLOSED' ? 'default' : 'processing'}>{text(CASE_STATUS_TEXT, r.status)}</Tag> },
          {
            title: '',
            render: (_, r) =>
              r.status === 'CLOSED' ? (
                <Typography.Text type="secondary">已结案，不可查询</Typography.Text>
              ) : (
                <Link to={`/inquiry/${r.caseNo}`}>财产查询</Link>
              ),
          },
        ]}
      />
      <CursorPager
        stack={stack}
        hasNext={!!conn?.pageInfo.hasNextPage}
        endCursor={conn?.pageInfo.endCursor}
        onChange={setStack}
        info={conn ? `共 ${conn.totalCount} 件` : undefined}
      />
    </Card>
  );
}
