import { Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { CursorPager } from '../../components/CursorPager';
import { QueryProblem } from '../../components/QueryProblem';
import { CASE_STATUS_TEXT, formatDate, text } from '../../format';
import { Link } from '../../router';
import type { Connection } from '../../api/results';
import { useQuery } from '../../useQuery';

const QUERY = `query MyBankruptcyCases($first: Int!, $after: String) {
  myBankruptcyCases(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { caseNo status acceptedOn acceptanceRulingNo court { name } appointment { decisionNo validFrom validTo } } } } }`;

interface MyBankruptcyCase {
  caseNo: string;
  status: string;
  acceptedOn: string;
  acceptanceRulingNo: string | null;
  court: { name: string };
  appointment: { decisionNo: string | null; validFrom: string; validTo: string | null } | null;
}

export function MyBankruptcyCases() {
  const [stack, setStack] = useState<Array<string | null>>([null]);
  const q = useQuery<{ myBankruptcyCases: Connection<MyBankruptcyCase> }>(QUERY, { first: 20, after: stack[stack.length - 1] });
  const conn = q.data?.myBankruptcyCases;
  return (
    <Card title="我的破产案件">
      <QueryProblem q={q} field="myBankruptcyCases" />
      <Table
        loading={q.loading}
        rowKey={(r) => r.caseNo}
        pagination={false}
        dataSource={(conn?.edges ?? []).map((e) => e.node)}
        locale={{ emptyText: '贵所目前没有有效的管理人指定（指定已到期或已终止的案件不再列出）' }}
        columns={[
          { title: '案号', render: (_, r) => <Link to={`/bankruptcy/${r.caseNo}`}>{r.caseNo}</Link> },
          { title: '受理法院', render: (_, r) => r.court.name },
          { title: '受理日期', render: (_, r) => formatDate(r.acceptedOn) },
          { title: '受理裁定书', render: (_, r) => r.acceptanceRulingNo ?? '—' },
          { title: '指定管理人决定书', render: (_, r) => r.appointment?.decisionNo ?? '—' },
          {
            title: '指定期间',
            render: (_, r) =>
              r.appointment
                ? `${formatDate(r.appointment.validFrom)} 至 ${r.appointment.validTo ? formatDate(r.appointment.validTo) : '程序终结'}`
                : '—',
          },
          { title: '状态', render: (_, r) => <Tag>{text(CASE_STATUS_TEXT, r.status)}</Tag> },
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
