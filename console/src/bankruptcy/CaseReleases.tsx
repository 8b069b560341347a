import { Button, Card, Table } from 'antd';
import { formatDateTime } from '../format';
import { useQuery } from '../useQuery';
import { TASK_FIELDS, type ReleaseTask } from './tasks';
import { TaskTable } from './TaskTable';

interface Suspended {
  caseNo: string;
  courtName: string;
  reason: string;
  suspendedAt: string;
}

const QUERY = `query BankruptcyReleases($caseNo: String!) { bankruptcyCase(caseNo: $caseNo) {
  suspendedExecutions { caseNo courtName reason suspendedAt } releaseTasks { ${TASK_FIELDS} } } }`;

/** The administrator follows the acceptance: the executions it suspended, the releases and the hand-overs. */
export function CaseReleases({ caseNo }: { caseNo: string }) {
  const q = useQuery<{ bankruptcyCase: { suspendedExecutions: Suspended[] | null; releaseTasks: ReleaseTask[] | null } | null }>(QUERY, { caseNo });
  const c = q.data?.bankruptcyCase;
  if (!c) return null;
  const tasks = c.releaseTasks ?? [];
  const handed = tasks.filter((t) => t.handedOver).length;
  return (
    <>
      <Card title="中止执行的案件" className="suspended-executions" size="small">
        <Table<Suspended>
          size="small"
          rowKey="caseNo"
          pagination={false}
          dataSource={c.suspendedExecutions ?? []}
          locale={{ emptyText: '没有中止执行的案件' }}
          columns={[
            { title: '执行案件', dataIndex: 'caseNo' },
            { title: '执行法院', dataIndex: 'courtName' },
            { title: '中止原因', dataIndex: 'reason' },
            { title: '中止时间', render: (_, s) => formatDateTime(s.suspendedAt) },
          ]}
        />
      </Card>
      <Card
        title={`解除与移交（已移交 ${handed} / ${tasks.length}）`}
        className="case-releases"
        size="small"
        extra={<Button onClick={q.reload}>刷新</Button>}
      >
        <TaskTable tasks={tasks} loading={q.loading} />
      </Card>
    </>
  );
}
