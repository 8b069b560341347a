import { Card, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { CursorPager } from '../../components/CursorPager';
import { QueryProblem } from '../../components/QueryProblem';
import { AUDIT_OUTCOME_TEXT, formatDateTime, ROLE_TEXT, text } from '../../format';
import type { Connection } from '../../api/results';
import { useQuery } from '../../useQuery';

interface Access {
  seq: string;
  at: string;
  username: string | null;
  organisation: string | null;
  role: string | null;
  caseNo: string | null;
  outcome: string;
  fields: Array<{ path: string }>;
}

const QUERY = `query SubjectAccessHistory($subjectId: String!, $first: Int!, $after: String) {
  subjectAccessHistory(subjectId: $subjectId, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { seq at username organisation role caseNo outcome fields { path } } } } }`;

export function SubjectHistory() {
  const [subjectId, setSubjectId] = useState('');
  const [stack, setStack] = useState<Array<string | null>>([null]);
  const q = useQuery<{ subjectAccessHistory: Connection<Access> }>(
    QUERY,
    subjectId ? { subjectId, first: 10, after: stack[stack.length - 1] } : null,
  );
  const conn = q.data?.subjectAccessHistory;
  return (
    <Card title="主体访问记录">
      <Input.Search
        enterButton="查询"
        style={{ maxWidth: 480 }}
        placeholder="被查询人的完整身份证号或统一社会信用代码"
        onSearch={(v) => {
          setSubjectId(v.trim());
          setStack([null]);
        }}
      />
      <p className="hint">谁在何时、依据哪个案件查询了该主体，最新的在前。</p>
      {subjectId && <QueryProblem q={q} field="subjectAccessHistory" subject="该主体的访问记录" />}
      {subjectId && (
        <>
          <Table
            loading={q.loading}
            size="small"
            rowKey="seq"
            pagination={false}
            dataSource={(conn?.edges ?? []).map((e) => e.node)}
            locale={{ emptyText: '没有人查询过该主体' }}
            columns={[
              { title: '序号', dataIndex: 'seq' },
              { title: '时间', render: (_, r) => formatDateTime(r.at) },
              { title: '用户', dataIndex: 'username' },
              { title: '机构', dataIndex: 'organisation' },
              { title: '角色', render: (_, r) => text(ROLE_TEXT, r.role) },
              { title: '案号', dataIndex: 'caseNo' },
              { title: '结果', render: (_, r) => <Tag>{text(AUDIT_OUTCOME_TEXT, r.outcome)}</Tag> },
              { title: '读取字段数', render: (_, r) => r.fields.length },
            ]}
          />
          <CursorPager stack={stack} hasNext={!!conn?.pageInfo.hasNextPage} endCursor={conn?.pageInfo.endCursor} onChange={setStack} />
        </>
      )}
    </Card>
  );
}
