import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { QueryProblem } from '../components/QueryProblem';
import { CONTROL_KIND_TEXT, CONTROL_STATE_COLOR, CONTROL_STATE_TEXT, formatAmount, formatDate, formatOrderRank, text } from '../format';
import { sourceByName } from '../sources/registry';
import type { QueryState } from '../useQuery';
import type { ControlOrder } from './orders';

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
          { title: '说明', render: (_, o) => o.rejectionReason ?? '—' },
        ]}
      />
    </Card>
  );
}
