import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { QueryProblem } from '../components/QueryProblem';
import { CONTROL_KIND_TEXT, CONTROL_STATE_COLOR, CONTROL_STATE_TEXT, formatAmount, formatDate, formatOrderRank, text } from '../format';
import { sourceByName } from '../sources/registry';
import type { QueryState } from '../useQuery';
import { FollowUp, type FollowUpKind } from './FollowUp';
import type { ControlOrder } from './orders';

/** What the clerk may ask of a measure now: renew or release one in force or waiting; deduct from a deposit freeze in force. */
function actionsOf(o: ControlOrder): FollowUpKind[] {
  if (o.kind === 'RELEASE' || o.kind === 'DEDUCT' || (o.state !== 'ACTIVE' && o.state !== 'QUEUED')) return [];
  const kinds: FollowUpKind[] = ['RENEW', 'RELEASE'];
  if (o.state === 'ACTIVE' && o.assetClass === 'DEPOSIT') kinds.push('DEDUCT');
  return kinds;
}

export function StateTag({ state }: { state: string }) {
  return (
    <Tag className="order-state" color={CONTROL_STATE_COLOR[state]}>
      {text(CONTROL_STATE_TEXT, state)}
    </Tag>
  );
}

/** The case's seizures and freezes (执行措施), oldest first: state, the agency's receipt and the rank. */
export function CaseOrders({ q }: { q: QueryState<{ executionCase: { controlOrders: ControlOrder[] | null } | null }> }) {
  const orders = q.data?.executionCase?.controlOrders ?? [];
  const [asking, setAsking] = useState<{ order: ControlOrder; kind: FollowUpKind } | null>(null);
  // A follow-up (a renewal or release of the measure, or a deduction drawing on the freeze) already waiting for approval
  // or the agency: the measure takes no other until it is answered.
  const followed = new Set(
    orders
      .filter((o) => ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SENT'].includes(o.state))
      .map((o) => o.parentId ?? (o.kind === 'DEDUCT' ? o.freezeOrderId : null))
      .filter(Boolean),
  );
  return (
    <Card
      title="执行措施（查封、冻结）"
      className="case-orders"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={q.reload} loading={q.loading} className="no-print">
          刷新
        </Button>
      }
    >
      <QueryProblem q={q} field="executionCase" subject="本案的执行措施" />
      <Table<ControlOrder>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={orders}
        locale={{ emptyText: '本案尚未采取查封、冻结措施；可在财产查询结果中对财产点击“查封”或“冻结”' }}
        columns={[
          { title: '措施', render: (_, o) => text(CONTROL_KIND_TEXT, o.kind) },
          { title: '财产', render: (_, o) => `${sourceByName(o.source)?.label ?? o.source} ${o.assetKey}` },
          { title: '被执行人', dataIndex: 'subjectName' },
          { title: '状态', render: (_, o) => <StateTag state={o.state} /> },
          {
            title: '顺位',
            render: (_, o) => (o.state === 'ACTIVE' || o.state === 'QUEUED' ? <Tag className="order-rank">{formatOrderRank(o.rank)}</Tag> : '—'),
          },
          { title: '登记编号（回执）', render: (_, o) => o.registrationNo ?? '—' },
          {
            title: '期限',
            render: (_, o) =>
              o.registeredFrom ? `${formatDate(o.registeredFrom)} 至 ${formatDate(o.registeredUntil)}` : o.periodDays ? `${o.periodDays} 天` : '—',
          },
          { title: '实际冻结', render: (_, o) => (o.amountFrozen ? formatAmount(o.amountFrozen) : '—') },
          {
            title: '说明',
            render: (_, o) =>
              o.answerOverdue ? (
                <Tag color="warning" className="answer-overdue">
                  协助单位逾期未回复
                </Tag>
              ) : (
                (o.rejectionReason ?? (o.amountDeducted && Number(o.amountDeducted) > 0 ? `已扣划 ${formatAmount(o.amountDeducted)}` : '—'))
              ),
          },
          {
            title: '操作',
            className: 'no-print',
            render: (_, o) =>
              followed.has(o.id) ? (
                '办理中'
              ) : (
                <Space size={4}>
                  {actionsOf(o).map((kind) => (
                    <Button key={kind} size="small" className={`order-${kind.toLowerCase()}`} onClick={() => setAsking({ order: o, kind })}>
                      {text(CONTROL_KIND_TEXT, kind)}
                    </Button>
                  ))}
                </Space>
              ),
          },
        ]}
      />
      {asking && <FollowUp order={asking.order} kind={asking.kind} onClose={() => setAsking(null)} onDone={q.reload} />}
    </Card>
  );
}
