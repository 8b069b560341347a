import { Button, Input, message, Space, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../api/graphql';
import { AgencyInboxCard, AnswerDialog, useAgencyInbox } from '../../components/AgencyInbox';
import { controlErrorText } from '../../control/orders';
import { CONTROL_KIND_TEXT, formatAmount, formatDateTime, formatOrderRank, RECEIPT_DECISION_TEXT, text } from '../../format';

interface Receipt {
  decision: string;
  registrationNo: string | null;
  rank: number | null;
  reason: string | null;
  answeredAt: string;
}

interface AssistanceRequest {
  id: string;
  kind: string;
  state: string;
  court: string;
  caseNo: string;
  assetKey: string;
  subjectName: string;
  subjectIdNumber: string;
  amount: string | null;
  periodDays: number | null;
  rulingNo: string;
  noticeNo: string;
  receivedAt: string;
  receipt: Receipt | null;
}

const QUERY = `query AssistanceInbox($state: AssistanceRequestState) { assistanceInbox(state: $state, first: 50) { totalCount
  edges { node { id kind state court caseNo assetKey subjectName subjectIdNumber amount periodDays rulingNo noticeNo receivedAt
    receipt { decision registrationNo rank reason answeredAt } } } pageInfo { hasNextPage endCursor } } }`;
const ANSWER = `mutation AnswerAssistanceRequest($id: ID!, $input: AnswerAssistanceInput!) {
  answerAssistanceRequest(id: $id, input: $input) { decision rank registrationNo } }`;

/** 协助执行: the courts' requests to this agency; the agency registers the measure (回执 with its rank) or refuses. */
export function Inbox() {
  const inbox = useAgencyInbox<AssistanceRequest>(QUERY, 'assistanceInbox');
  const [answering, setAnswering] = useState<{ request: AssistanceRequest; decision: 'ACCEPTED' | 'REJECTED' } | null>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const answer = async () => {
    if (!answering) return;
    setBusy(true);
    try {
      const input =
        answering.decision === 'ACCEPTED'
          ? { decision: 'ACCEPTED', registrationNo: value.trim() || null }
          : { decision: 'REJECTED', reason: value.trim() };
      const r = await graphql<{ answerAssistanceRequest: { decision: string; rank: number | null } | null }>(ANSWER, {
        id: answering.request.id,
        input,
      });
      const receipt = r.data?.answerAssistanceRequest;
      if (!receipt) message.error(controlErrorText(r.errors[0]));
      else message.success(receipt.decision === 'ACCEPTED' ? `已登记，顺位：${formatOrderRank(receipt.rank)}` : '已回复拒绝协助');
      setAnswering(null);
      setValue('');
      inbox.q.reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <AgencyInboxCard<AssistanceRequest>
      inbox={inbox}
      title="协助执行请求"
      answeredLabel="已回复"
      answerTitle="回执"
      emptyText={{ PENDING: '没有待办理的协助执行请求', ANSWERED: '还没有回复过协助执行请求' }}
      columns={[
        { title: '法院', dataIndex: 'court' },
        { title: '案号', dataIndex: 'caseNo' },
        { title: '措施', render: (_, r) => text(CONTROL_KIND_TEXT, r.kind) },
        { title: '财产', dataIndex: 'assetKey' },
        { title: '被执行人', render: (_, r) => `${r.subjectName}（${r.subjectIdNumber}）` },
        { title: '金额', render: (_, r) => (r.amount ? formatAmount(r.amount) : '—') },
        { title: '期限', render: (_, r) => (r.periodDays ? `${r.periodDays} 天` : '—') },
        { title: '通知书', dataIndex: 'noticeNo' },
        { title: '收到时间', render: (_, r) => formatDateTime(r.receivedAt) },
      ]}
      answer={(r) =>
        r.receipt ? (
          <span>
            <Tag color={r.receipt.decision === 'ACCEPTED' ? 'green' : 'red'}>{text(RECEIPT_DECISION_TEXT, r.receipt.decision)}</Tag>
            {r.receipt.decision === 'ACCEPTED' ? formatOrderRank(r.receipt.rank) : r.receipt.reason}
          </span>
        ) : (
          <Space>
            <Button type="primary" size="small" onClick={() => setAnswering({ request: r, decision: 'ACCEPTED' })}>
              协助执行
            </Button>
            <Button danger size="small" onClick={() => setAnswering({ request: r, decision: 'REJECTED' })}>
              拒绝
            </Button>
          </Space>
        )
      }
    >
      <AnswerDialog
        open={!!answering}
        refusing={answering?.decision === 'REJECTED'}
        reasonMissing={!value.trim()}
        title={answering?.decision === 'ACCEPTED' ? '登记并回执' : '拒绝协助执行'}
        okText={answering?.decision === 'ACCEPTED' ? '登记' : '拒绝'}
        busy={busy}
        onCancel={() => setAnswering(null)}
        onOk={answer}
      >
        {answering?.decision === 'ACCEPTED' ? (
          <Input aria-label="登记编号" placeholder="登记编号（不填则由系统编号）" value={value} onChange={(e) => setValue(e.target.value)} />
        ) : (
          <Input.TextArea aria-label="拒绝理由" placeholder="拒绝理由（将告知法院）" value={value} onChange={(e) => setValue(e.target.value)} />
        )}
      </AnswerDialog>
    </AgencyInboxCard>
  );
}
