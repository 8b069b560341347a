import { Button, Card, Modal, Segmented, Space, Table, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import type { Connection } from '../api/results';
import { useQuery, type QueryState } from '../useQuery';
import { QueryProblem } from './QueryProblem';

export type InboxState = 'PENDING' | 'ANSWERED';

export interface AgencyInboxData<T> {
  /** The query's top field. */
  field: string;
  state: InboxState;
  setState: (state: InboxState) => void;
  q: QueryState<Record<string, Connection<T> | null>>;
  rows: T[];
}

/**
 * An agency inbox's first 50 requests in one state, pending first. `field` is the query's top field
 * (`assistanceInbox`, `bankruptcyInbox`); the query takes `$state`.
 */
export function useAgencyInbox<T>(query: string, field: string): AgencyInboxData<T> {
  const [state, setState] = useState<InboxState>('PENDING');
  const q = useQuery<Record<string, Connection<T> | null>>(query, { state });
  const rows = (q.data?.[field]?.edges ?? []).map((e) => e.node);
  return { field, state, setState, q, rows };
}

/**
 * The page every agency inbox is: a card with the state filter (待办理 / answered) and a refresh button, the
 * query's refusal, and a table of the requests whose last column is the answer or, while pending, the actions.
 * The answer dialogs go in `children`.
 */
export function AgencyInboxCard<T extends { id: string }>({
  inbox,
  title,
  className,
  answeredLabel,
  answerTitle,
  emptyText,
  columns,
  answer,
  children,
}: {
  inbox: AgencyInboxData<T>;
  /** The page's title, also the subject of its refusals. */
  title: string;
  className?: string;
  /** The filter's second option (已回复, 已答复). */
  answeredLabel: string;
  /** The last column's title once answered (回执, 答复); 办理 while pending. */
  answerTitle: string;
  emptyText: Record<InboxState, string>;
  columns: TableColumnsType<T>;
  /** The last column: the answer given, or the buttons that give it. */
  answer: (row: T) => ReactNode;
  children?: ReactNode;
}) {
  const { field, state, setState, q, rows } = inbox;
  return (
    <Card
      title={title}
      className={className}
      extra={
        <Space>
          <Segmented
            value={state}
            onChange={(v) => setState(v as InboxState)}
            options={[
              { value: 'PENDING', label: '待办理' },
              { value: 'ANSWERED', label: answeredLabel },
            ]}
          />
          <Button onClick={q.reload}>刷新</Button>
        </Space>
      }
    >
      <QueryProblem q={q} field={field} subject={title} />
      <Table<T>
        loading={q.loading}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: emptyText[state] }}
        columns={[...columns, { title: state === 'PENDING' ? '办理' : answerTitle, render: (_, r) => answer(r) }]}
      />
      {children}
    </Card>
  );
}

/**
 * The dialog that answers one request yes or no. Saying no is the danger button and needs its reason
 * (`reasonMissing` keeps the button off until one is written).
 */
export function AnswerDialog({
  open,
  refusing,
  reasonMissing,
  title,
  okText,
  busy,
  onCancel,
  onOk,
  children,
}: {
  open: boolean;
  refusing: boolean;
  reasonMissing: boolean;
  title: ReactNode;
  okText: string;
  busy: boolean;
  onCancel: () => void;
  onOk: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: refusing, disabled: refusing && reasonMissing, loading: busy }}
      cancelText="取消"
      onCancel={onCancel}
      onOk={onOk}
    >
      {children}
    </Modal>
  );
}
