import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { formatDate, text } from '../format';
import { sourceByName } from '../sources/registry';
import { MEASURE_TEXT, TASK_STATE_COLOR, TASK_STATE_TEXT, type ReleaseTask } from './tasks';

export function TaskState({ task }: { task: ReleaseTask }) {
  return (
    <span>
      <Tag color={TASK_STATE_COLOR[task.state] ?? 'orange'}>{text(TASK_STATE_TEXT, task.state)}</Tag>
      {task.overdue && <Tag color="red">已逾期</Tag>}
      {task.handedOver && <Tag color="purple">已移交管理人</Tag>}
    </span>
  );
}

/** The release tasks with their measure, ordering court, asset, state, due date and receipt; `action` adds a column. */
export function TaskTable({ tasks, loading, action }: { tasks: ReleaseTask[]; loading?: boolean; action?: (t: ReleaseTask) => ReactNode }) {
  return (
    <Table<ReleaseTask>
      className="release-tasks"
      loading={loading}
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={tasks}
      locale={{ emptyText: '没有解除任务' }}
      columns={[
        { title: '破产案件', dataIndex: 'bankruptcyCaseNo' },
        { title: '措施', render: (_, t) => text(MEASURE_TEXT, t.measureKind) },
        { title: '财产', render: (_, t) => `${sourceByName(t.source)?.label ?? t.source} ${t.assetKey}` },
        {
          title: '采取措施的法院 / 案号',
          render: (_, t) => (
            <span>
              {t.orderingCourtName} {t.orderingCaseNo ?? ''}
              {t.controlOrderId ? '' : '（登记部门记载，非经本平台）'}
            </span>
          ),
        },
        { title: '承办法院', dataIndex: 'addressedCourtName' },
        { title: '解除期限', render: (_, t) => formatDate(t.dueOn) },
        { title: '状态', render: (_, t) => <TaskState task={t} /> },
        { title: '解除回执', render: (_, t) => (t.receiptNo ? `${t.receiptNo}（${formatDate(t.releasedOn ?? '')}）` : '—') },
        ...(action ? [{ title: '操作', render: (_: unknown, t: ReleaseTask) => action(t) }] : []),
      ]}
    />
  );
}
