import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../api/graphql';
import { formatAmount, formatDate, INSURANCE_TYPE_TEXT, text } from '../format';
import type { QueryState } from '../useQuery';
import {
  CLAIM_KIND_TEXT,
  CLAIM_STATE_COLOR,
  CLAIM_STATE_TEXT,
  decisionErrorText,
  PRIORITY_TEXT,
  type BankruptcyClaim,
  type CoordinationAnswer,
} from './claims';

const CONFIRM = `mutation ConfirmClaim($id: ID!) { confirmClaim(id: $id) { id state } }`;
const DISPUTE = `mutation DisputeClaim($id: ID!, $reason: String!) { disputeClaim(id: $id, reason: $reason) { id state } }`;

/** The public creditors' claims (债权申报) as of the acceptance date; the administrator confirms or disputes each filed one. */
export function ClaimsCard({ q }: { q: QueryState<CoordinationAnswer> }) {
  const { message } = App.useApp();
  const [disputing, setDisputing] = useState<BankruptcyClaim | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const claims = q.data?.bankruptcyCase?.claims ?? [];

  const decide = async (query: string, variables: Record<string, unknown>, done: string) => {
    setBusy(true);
    try {
      const r = await graphql(query, variables);
      if (r.errors.length > 0) message.error(decisionErrorText(r.errors[0]));
      else {
        message.success(done);
        setDisputing(null);
        setReason('');
      }
    } catch {
      message.error('请求失败，请重试。');
    } finally {
      setBusy(false);
      q.reload();
    }
  };

  return (
    <Card
      title="债权申报（税务、社保）"
      className="bankruptcy-claims"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={q.reload} loading={q.loading} className="no-print">
          刷新
        </Button>
      }
    >
      <Table<BankruptcyClaim>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={claims}
        locale={{ emptyText: '本案受理时未经本平台发出债权申报通知' }}
        expandable={{
          rowExpandable: (c) => c.lines.length > 0,
          expandedRowRender: (c) => (
            <Table
              size="small"
              rowKey={(l) => `${l.type}-${l.period}`}
              pagination={false}
              dataSource={c.lines}
              columns={[
                { title: '税种/险种', render: (_, l) => text(INSURANCE_TYPE_TEXT, l.type) },
                { title: '所属期', dataIndex: 'period' },
                { title: '本金', render: (_, l) => formatAmount(l.principal) },
                { title: '滞纳金', render: (_, l) => formatAmount(l.lateFees) },
                { title: '滞纳起算', render: (_, l) => `${formatDate(l.overdueSince)}（${l.days} 天）` },
                { title: '本金顺序', render: (_, l) => text(PRIORITY_TEXT, l.priorityClass) },
              ]}
            />
          ),
        }}
        columns={[
          { title: '债权人', render: (_, c) => c.creditor ?? '—' },
          { title: '类别', render: (_, c) => text(CLAIM_KIND_TEXT, c.kind) },
          { title: '截至', render: (_, c) => formatDate(c.asOf) },
          { title: '本金', render: (_, c) => (c.principal === null ? '—' : formatAmount(c.principal)) },
          { title: '滞纳金（普通债权）', render: (_, c) => (c.lateFees === null ? '—' : formatAmount(c.lateFees)) },
          { title: '本金顺序', render: (_, c) => text(PRIORITY_TEXT, c.priorityClass) },
          {
            title: '状态',
            render: (_, c) => (
              <Tag className="claim-state" color={CLAIM_STATE_COLOR[c.state]}>
                {text(CLAIM_STATE_TEXT, c.state)}
              </Tag>
            ),
          },
          { title: '异议理由', render: (_, c) => c.disputeReason ?? '—' },
          {
            title: '',
            className: 'no-print',
            render: (_, c) =>
              c.state === 'FILED' ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    className="claim-confirm"
                    loading={busy}
                    onClick={() => decide(CONFIRM, { id: c.id }, '已确认该债权')}
                  >
                    确认
                  </Button>
                  <Button size="small" danger className="claim-dispute" disabled={busy} onClick={() => setDisputing(c)}>
                    异议
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        open={disputing !== null}
        title={`对${disputing?.creditor ?? ''}申报的债权提出异议`}
        okText="提交异议"
        cancelText="取消"
        okButtonProps={{ disabled: reason.trim() === '', loading: busy, className: 'claim-dispute-submit' }}
        onOk={() => disputing && decide(DISPUTE, { id: disputing.id, reason }, '已记录异议')}
        onCancel={() => setDisputing(null)}
      >
        <Input.TextArea
          className="claim-dispute-reason"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="异议理由"
        />
      </Modal>
    </Card>
  );
}
