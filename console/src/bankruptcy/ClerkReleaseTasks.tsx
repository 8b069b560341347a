import { Button, Card, DatePicker, Input, message, Modal, Space } from 'antd';
import { useState } from 'react';
import { graphql } from '../api/graphql';
import type { Connection } from '../api/results';
import { QueryProblem } from '../components/QueryProblem';
import { controlErrorText } from '../control/orders';
import { useQuery } from '../useQuery';
import { TASK_FIELDS, type ReleaseTask } from './tasks';
import { TaskTable } from './TaskTable';

const QUERY = `query ReleaseTasks { releaseTasks(first: 50) { totalCount edges { node { ${TASK_FIELDS} } } } }`;
const RELEASE = `mutation ReleaseFromTask($id: ID!) { releaseFromTask(id: $id) { id state releaseOrderId } }`;
const OUTSIDE = `mutation RecordOutsideRelease($id: ID!, $input: OutsideReleaseInput!) { recordOutsideRelease(id: $id, input: $input) { id state } }`;

/** 破产解除任务: the measures the court must release after a bankruptcy acceptance, each in one action. */
export function ClerkReleaseTasks() {
  const q = useQuery<{ releaseTasks: Connection<ReleaseTask> | null }>(QUERY, {});
  const [busy, setBusy] = useState<string | null>(null);
  const [outside, setOutside] = useState<ReleaseTask | null>(null);
  const [receiptNo, setReceiptNo] = useState('');
  const [releasedOn, setReleasedOn] = useState<string | null>(null);
  const run = async (id: string, mutation: string, variables: Record<string, unknown>, done: string) => {
    setBusy(id);
    try {
      const r = await graphql(mutation, variables);
      if (r.errors.length) message.error(controlErrorText(r.errors[0]));
      else message.success(done);
      q.reload();
    } finally {
      setBusy(null);
    }
  };
  const tasks = (q.data?.releaseTasks?.edges ?? []).map((e) => e.node);
  return (
    <Card title="破产解除任务" extra={<Button onClick={q.reload}>刷新</Button>}>
      <QueryProblem q={q} field="releaseTasks" subject="解除任务" />
      <TaskTable
        tasks={tasks}
        loading={q.loading}
        action={(t) =>
          t.state !== 'PENDING' ? null : t.controlOrderId ? (
            <Button
              type="primary"
              size="small"
              loading={busy === t.id}
              onClick={() => run(t.id, RELEASE, { id: t.id }, '已提交解除，待执行局长审批')}
            >
              一键解除
            </Button>
          ) : (
            <Space>
              <Button size="small" onClick={() => setOutside(t)}>
                登记解除回执
              </Button>
            </Space>
          )
        }
      />
      <Modal
        open={!!outside}
        title="登记解除回执"
        okText="登记"
        cancelText="取消"
        okButtonProps={{ disabled: !receiptNo.trim() || !releasedOn }}
        onCancel={() => setOutside(null)}
        onOk={async () => {
          if (!outside || !releasedOn) return;
          await run(outside.id, OUTSIDE, { id: outside.id, input: { receiptNo: receiptNo.trim(), releasedOn } }, '已登记，财产移交管理人');
          setOutside(null);
          setReceiptNo('');
        }}
      >
        <p>{outside?.registryDetails}</p>
        <Input aria-label="解除回执编号" placeholder="登记部门的解除登记编号" value={receiptNo} onChange={(e) => setReceiptNo(e.target.value)} />
        <DatePicker aria-label="解除日期" style={{ marginTop: 8 }} onChange={(d) => setReleasedOn(d ? d.format('YYYY-MM-DD') : null)} />
      </Modal>
    </Card>
  );
}
