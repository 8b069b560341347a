import { Button, Card, Form, Input, message, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../api/graphql';
import { errorText } from '../api/errors';
import type { Connection } from '../api/results';
import { QueryProblem } from '../components/QueryProblem';
import { formatDate, formatDateTime, text } from '../format';
import { useQuery } from '../useQuery';
import { CONSENT_TEXT, TRANSFER_FIELDS, TRANSFER_STATE_TEXT, type BankruptcyTransfer } from './tasks';

const QUERY = `query BankruptcyTransfers { bankruptcyTransfers(first: 50) { totalCount edges { node { ${TRANSFER_FIELDS} } } } }`;
const ACCEPT = `mutation AcceptBankruptcyTransfer($id: ID!, $input: AcceptBankruptcyTransferInput!) { acceptBankruptcyTransfer(id: $id, input: $input) { id state bankruptcyCaseNo } }`;
const RETURN = `mutation ReturnBankruptcyTransfer($id: ID!, $reason: String!) { returnBankruptcyTransfer(id: $id, reason: $reason) { id state } }`;

interface AcceptForm {
  caseNo: string;
  acceptanceRulingNo: string;
  acceptedOn: string;
  firmCode?: string;
  decisionNo?: string;
}

/** 执转破移送: the transfers addressed to the tribunal's court; accept (the bankruptcy case opens) or return with reasons. */
export function TransferInbox() {
  const q = useQuery<{ bankruptcyTransfers: Connection<BankruptcyTransfer> | null }>(QUERY, {});
  const [accepting, setAccepting] = useState<BankruptcyTransfer | null>(null);
  const [returning, setReturning] = useState<BankruptcyTransfer | null>(null);
  const [reason, setReason] = useState('');
  const [form] = Form.useForm<AcceptForm>();
  const run = async (mutation: string, variables: Record<string, unknown>, done: string) => {
    const r = await graphql(mutation, variables);
    if (r.errors.length) {
      message.error(r.errors[0].extensions?.code === 'CONFLICT' ? '该移送已处理，请刷新' : errorText(r.errors[0], '该移送'));
      return false;
    }
    message.success(done);
    q.reload();
    return true;
  };
  const transfers = (q.data?.bankruptcyTransfers?.edges ?? []).map((e) => e.node);
  return (
    <Card title="执转破移送审查" extra={<Button onClick={q.reload}>刷新</Button>}>
      <QueryProblem q={q} field="bankruptcyTransfers" subject="移送" />
      <Table<BankruptcyTransfer>
        className="transfers"
        loading={q.loading}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={transfers}
        locale={{ emptyText: '没有移送' }}
        columns={[
          { title: '执行案件', render: (_, t) => `${t.executionCaseNo}（${t.executionCourtName}）` },
          { title: '债务人', render: (_, t) => `${t.debtorName}（${t.debtorIdNumber}）` },
          { title: '同意移送', render: (_, t) => `${text(CONSENT_TEXT, t.consentBy)} ${t.consentDocumentNo}（${formatDate(t.consentDate)}）` },
          { title: '移送时间', render: (_, t) => formatDateTime(t.createdAt) },
          {
            title: '审查期限',
            render: (_, t) => (
              <span>
                {formatDate(t.decideBy)} {t.overdue && <Tag color="red">已逾期</Tag>}
              </span>
            ),
          },
          {
            title: '状态',
            render: (_, t) => (
              <span>
                <Tag>{text(TRANSFER_STATE_TEXT, t.state)}</Tag>
                {t.bankruptcyCaseNo ?? t.returnReason ?? ''}
              </span>
            ),
          },
          {
            title: '操作',
            render: (_, t) =>
              t.state === 'PROPOSED' ? (
                <Space>
                  <Button type="primary" size="small" onClick={() => setAccepting(t)}>
                    受理
                  </Button>
                  <Button danger size="small" onClick={() => setReturning(t)}>
                    退回
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        open={!!accepting}
        title="受理破产申请"
        okText="受理"
        cancelText="取消"
        onCancel={() => setAccepting(null)}
        onOk={async () => {
          if (!accepting) return;
          const v = await form.validateFields();
          const administrator = v.firmCode && v.decisionNo ? { firmCode: v.firmCode, decisionNo: v.decisionNo, validFrom: v.acceptedOn } : null;
          const ok = await run(
            ACCEPT,
            { id: accepting.id, input: { caseNo: v.caseNo, acceptanceRulingNo: v.acceptanceRulingNo, acceptedOn: v.acceptedOn, administrator } },
            '已受理：执行中止，解除任务已发出',
          );
          if (ok) setAccepting(null);
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="caseNo" label="破产案号" rules={[{ required: true }]}>
            <Input placeholder="(2026)皖1524破3号" />
          </Form.Item>
          <Form.Item name="acceptanceRulingNo" label="受理裁定书号" rules={[{ required: true }]}>
            <Input placeholder="(2026)皖1524破申5号" />
          </Form.Item>
          <Form.Item name="acceptedOn" label="受理日期（YYYY-MM-DD）" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
            <Input placeholder="2026-12-01" />
          </Form.Item>
          <Form.Item name="firmCode" label="管理人机构代码（可选）">
            <Input placeholder="AF-3415-001" />
          </Form.Item>
          <Form.Item name="decisionNo" label="指定管理人决定书号（可选）">
            <Input placeholder="(2026)皖1524破3号之一" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!returning}
        title="退回移送"
        okText="退回"
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        cancelText="取消"
        onCancel={() => setReturning(null)}
        onOk={async () => {
          if (!returning) return;
          if (await run(RETURN, { id: returning.id, reason: reason.trim() }, '已退回，执行恢复')) setReturning(null);
          setReason('');
        }}
      >
        <Input.TextArea
          aria-label="退回理由"
          placeholder="退回理由（将告知移送法院的书记员）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
