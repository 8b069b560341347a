import { Button, Card, Input, message, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { graphql } from '../../api/graphql';
import type { Connection } from '../../api/results';
import { QueryProblem } from '../../components/QueryProblem';
import { StateTag } from '../../control/CaseOrders';
import { controlErrorText, ORDER_FIELDS, type ControlOrder } from '../../control/orders';
import { CONTROL_KIND_TEXT, formatDate, formatDateTime, text } from '../../format';
import { sourceByName } from '../../sources/registry';
import { useQuery } from '../../useQuery';

const QUERY = `query ApprovalQueue { approvalQueue(first: 50) { totalCount edges { node { ${ORDER_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const APPROVE = `mutation ApproveControlOrder($id: ID!) { approveControlOrder(id: $id) { id state } }`;
const REJECT = `mutation RejectControlOrder($id: ID!, $reason: String!) { rejectControlOrder(id: $id, reason: $reason) { id state } }`;

/** 待审批: the court's control orders the clerks submitted; the 执行局长 approves (sent to the agency) or rejects. */
export function ApprovalQueue() {
  const q = useQuery<{ approvalQueue: Connection<ControlOrder> | null }>(QUERY, {});
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<ControlOrder | null>(null);
  const [reason, setReason] = useState('');
  const act = async (id: string, mutation: string, variables: Record<string, unknown>, done: string) => {
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
  const orders = (q.data?.approvalQueue?.edges ?? []).map((e) => e.node);
  return (
    <Card title="待审批的执行措施" extra={<Button onClick={q.reload}>刷新</Button>}>
      <QueryProblem q={q} field="approvalQueue" subject="审批队列" />
      <Table<ControlOrder>
        loading={q.loading}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={orders}
        locale={{ emptyText: '没有待审批的执行措施' }}
        columns={[
          { title: '案号', dataIndex: 'caseNo' },
          { title: '措施', render: (_, o) => text(CONTROL_KIND_TEXT, o.kind) },
          { title: '财产', render: (_, o) => `${sourceByName(o.source)?.label ?? o.source} ${o.assetKey}` },
          { title: '被执行人', render: (_, o) => `${o.subjectName}（${o.subjectIdNumber}）` },
          { title: '裁定书 / 通知书', render: (_, o) => `${o.rulingNo}（${formatDate(o.rulingDate)}）/ ${o.noticeNo}` },
          { title: '期限', render: (_, o) => (o.periodDays ? `${o.periodDays} 天` : '—') },
          { title: '承办人', dataIndex: 'draftedByUsername' },
          { title: '提交时间', render: (_, o) => formatDateTime(o.createdAt) },
          { title: '状态', render: (_, o) => <StateTag state={o.state} /> },
          {
            title: '操作',
            render: (_, o) => (
              <Space>
                <Button
                  type="primary"
                  size="small"
                  loading={busy === o.id}
                  onClick={() => act(o.id, APPROVE, { id: o.id }, '已批准，正在送达协助执行部门')}
                >
                  批准
                </Button>
                <Button danger size="small" disabled={busy === o.id} onClick={() => setRejecting(o)}>
                  驳回
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!rejecting}
        title="驳回执行措施"
        okText="驳回"
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        cancelText="取消"
        onCancel={() => setRejecting(null)}
        onOk={async () => {
          if (!rejecting) return;
          await act(rejecting.id, REJECT, { id: rejecting.id, reason: reason.trim() }, '已驳回');
          setRejecting(null);
          setReason('');
        }}
      >
        <Input.TextArea aria-label="驳回理由" placeholder="驳回理由（将告知承办书记员）" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Card>
  );
}
