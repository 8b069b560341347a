import { Alert, Button, Input, message, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors';
import { graphql, type GraphQLError } from '../api/graphql';
import { AgencyInboxCard, AnswerDialog, useAgencyInbox } from '../components/AgencyInbox';
import { formatDate, formatDateTime, text } from '../format';

interface BankruptcyRequest {
  id: string;
  kind: string;
  state: string;
  court: string;
  caseNo: string;
  subjectName: string;
  subjectIdNumber: string;
  asOf: string;
  rulingNo: string | null;
  receivedAt: string;
  decision: string | null;
  reason: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

interface ClaimLineRow {
  key: number;
  type: string;
  period: string;
  principal: string;
  lateFees: string;
  overdueSince: string;
}

export const BANKRUPTCY_REQUEST_KIND_TEXT: Record<string, string> = { CLAIM_NOTICE: '债权申报通知', CREDIT_REPAIR: '信用修复申请' };
export const BANKRUPTCY_DECISION_TEXT: Record<string, string> = { FILED: '已申报债权', GRANTED: '已修复', REFUSED: '不予修复' };
const DECISION_COLOR: Record<string, string> = { FILED: 'blue', GRANTED: 'green', REFUSED: 'red' };

const QUERY = `query BankruptcyInbox($state: BankruptcyRequestState) { bankruptcyInbox(state: $state, first: 50) { totalCount
  edges { node { id kind state court caseNo subjectName subjectIdNumber asOf rulingNo receivedAt decision reason answeredBy answeredAt } }
  pageInfo { hasNextPage endCursor } } }`;
const FILE_CLAIM = `mutation FileClaim($id: ID!, $input: FileClaimInput!) { fileClaim(id: $id, input: $input) { decision answeredBy } }`;
const ANSWER_REPAIR = `mutation AnswerCreditRepair($id: ID!, $input: AnswerCreditRepairInput!) {
  answerCreditRepair(id: $id, input: $input) { decision answeredBy } }`;

const LINE_FIELDS: Record<string, string> = { type: '类型', period: '所属期', principal: '本金', lateFees: '滞纳金', overdueSince: '欠缴起始日' };

/**
 * An answer refused by the API, in Chinese. A line's problem names the line and the field: the service's own
 * BAD_USER_INPUT carries `argument` (input.lines[0].principal); a value the schema refused names it in the message.
 */
export function answerErrorText(error: GraphQLError | undefined): string {
  if (!error) return '';
  const code = error.extensions?.code;
  if (code === 'CONFLICT') return '该事项已经答复，请刷新后查看。';
  if (code === 'NOT_FOUND') return '本机构的破产协同事项中没有该事项，请刷新后重试。';
  if (code === 'FORBIDDEN') return '您无权办理该事项';
  if (code !== 'BAD_USER_INPUT') return errorText(error, '该事项');
  const argument = error.extensions?.argument ?? /at "([^"]+)"/.exec(error.message)?.[1];
  const line = argument ? /input\.lines\[(\d+)\]\.(\w+)/.exec(argument) : null;
  const where = line
    ? `第 ${Number(line[1]) + 1} 行的${LINE_FIELDS[line[2]] ?? line[2]}`
    : argument === 'input.reason'
      ? '理由'
      : argument === 'input.lines'
        ? '申报明细'
        : '';
  const problem = /must not be negative/.test(error.message)
    ? '不能为负数'
    : /at most (\d+) lines/.test(error.message)
      ? `最多 ${/at most (\d+) lines/.exec(error.message)![1]} 行`
      : /must be at most (\d+) characters/.test(error.message)
        ? `最多 ${/must be at most (\d+) characters/.exec(error.message)![1]} 个字符`
        : /must not be empty|must be at least/.test(error.message)
          ? '不能为空'
          : /control or invisible characters/.test(error.message)
            ? '含有不可见字符'
            : /LocalDate|date/i.test(error.message)
              ? '日期格式不正确，应如 2024-03-01'
              : /Decimal|amount/i.test(error.message)
                ? '金额格式不正确，应如 1500.00'
                : '不符合要求';
  return `输入有误：${where ? `「${where}」` : ''}${problem}`;
}

let nextLineKey = 1;
const emptyLine = (): ClaimLineRow => ({ key: nextLineKey++, type: '', period: '', principal: '', lateFees: '0.00', overdueSince: '' });

/** 破产协同: the claim notices and credit-repair requests delivered to this agency, answered here by hand. */
export function AgencyBankruptcyInbox() {
  const inbox = useAgencyInbox<BankruptcyRequest>(QUERY, 'bankruptcyInbox');
  const [filing, setFiling] = useState<BankruptcyRequest | null>(null);
  const [lines, setLines] = useState<ClaimLineRow[]>([]);
  const [repair, setRepair] = useState<{ request: BankruptcyRequest; decision: 'GRANTED' | 'REFUSED' } | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const openClaim = (request: BankruptcyRequest) => {
    setFiling(request);
    setLines([emptyLine()]);
    setProblem(null);
  };
  const openRepair = (request: BankruptcyRequest, decision: 'GRANTED' | 'REFUSED') => {
    setRepair({ request, decision });
    setReason('');
    setProblem(null);
  };
  const setLine = (key: number, field: keyof Omit<ClaimLineRow, 'key'>, value: string) =>
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, [field]: value } : l)));

  const fileClaim = async () => {
    if (!filing) return;
    setBusy(true);
    try {
      const input = {
        lines: lines.map((l) => ({
          type: l.type.trim(),
          period: l.period.trim(),
          principal: l.principal.trim(),
          lateFees: l.lateFees.trim(),
          overdueSince: l.overdueSince.trim(),
        })),
      };
      const r = await graphql<{ fileClaim: { decision: string } | null }>(FILE_CLAIM, { id: filing.id, input });
      if (!r.data?.fileClaim) {
        setProblem(answerErrorText(r.errors[0]));
        return;
      }
      message.success(`已向 ${filing.caseNo} 申报债权`);
      setFiling(null);
      inbox.q.reload();
    } finally {
      setBusy(false);
    }
  };

  const answerRepair = async () => {
    if (!repair) return;
    setBusy(true);
    try {
      const input = repair.decision === 'GRANTED' ? { decision: 'GRANTED' } : { decision: 'REFUSED', reason: reason.trim() };
      const r = await graphql<{ answerCreditRepair: { decision: string } | null }>(ANSWER_REPAIR, { id: repair.request.id, input });
      if (!r.data?.answerCreditRepair) {
        setProblem(answerErrorText(r.errors[0]));
        return;
      }
      message.success(r.data.answerCreditRepair.decision === 'GRANTED' ? '已同意信用修复' : '已答复不予修复');
      setRepair(null);
      inbox.q.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <AgencyInboxCard<BankruptcyRequest>
      inbox={inbox}
      title="破产协同事项"
      className="bankruptcy-inbox"
      answeredLabel="已答复"
      answerTitle="答复"
      emptyText={{ PENDING: '没有待办理的破产协同事项', ANSWERED: '还没有答复过破产协同事项' }}
      columns={[
        { title: '事项', render: (_, r) => text(BANKRUPTCY_REQUEST_KIND_TEXT, r.kind) },
        { title: '法院', dataIndex: 'court' },
        { title: '案号', dataIndex: 'caseNo' },
        { title: '债务人', render: (_, r) => `${r.subjectName}（${r.subjectIdNumber}）` },
        {
          title: '基准日',
          render: (_, r) => (r.kind === 'CREDIT_REPAIR' && r.rulingNo ? `${formatDate(r.asOf)}（${r.rulingNo}）` : `${formatDate(r.asOf)}（受理日）`),
        },
        { title: '收到时间', render: (_, r) => formatDateTime(r.receivedAt) },
      ]}
      answer={(r) =>
        r.decision ? (
          <span className="bankruptcy-answer">
            <Tag color={DECISION_COLOR[r.decision]}>{text(BANKRUPTCY_DECISION_TEXT, r.decision)}</Tag>
            {r.reason ? `${r.reason} ` : ''}
            {r.answeredBy ? `${r.answeredBy}，` : ''}
            {formatDateTime(r.answeredAt)}
          </span>
        ) : r.kind === 'CLAIM_NOTICE' ? (
          <Button type="primary" size="small" onClick={() => openClaim(r)}>
            申报债权
          </Button>
        ) : (
          <Space>
            <Button type="primary" size="small" onClick={() => openRepair(r, 'GRANTED')}>
              同意修复
            </Button>
            <Button danger size="small" onClick={() => openRepair(r, 'REFUSED')}>
              不予修复
            </Button>
          </Space>
        )
      }
    >
      <Modal
        open={!!filing}
        width={880}
        title={filing ? `申报债权：${filing.caseNo}（受理日 ${formatDate(filing.asOf)}）` : ''}
        okText="申报"
        cancelText="取消"
        okButtonProps={{ disabled: lines.length === 0, loading: busy, className: 'claim-file-submit' }}
        onCancel={() => setFiling(null)}
        onOk={fileClaim}
      >
        <Space direction="vertical" style={{ width: '100%' }} className="claim-lines">
          {lines.map((l, i) => (
            <Space key={l.key} wrap className="claim-line">
              <span>第 {i + 1} 行</span>
              <Input
                aria-label={`第 ${i + 1} 行类型`}
                placeholder="类型，如 PENSION、增值税"
                style={{ width: 170 }}
                value={l.type}
                onChange={(e) => setLine(l.key, 'type', e.target.value)}
              />
              <Input
                aria-label={`第 ${i + 1} 行所属期`}
                placeholder="所属期，如 2024-03"
                style={{ width: 120 }}
                value={l.period}
                onChange={(e) => setLine(l.key, 'period', e.target.value)}
              />
              <Input
                aria-label={`第 ${i + 1} 行本金`}
                placeholder="本金"
                style={{ width: 110 }}
                value={l.principal}
                onChange={(e) => setLine(l.key, 'principal', e.target.value)}
              />
              <Input
                aria-label={`第 ${i + 1} 行滞纳金`}
                placeholder="滞纳金"
                style={{ width: 100 }}
                value={l.lateFees}
                onChange={(e) => setLine(l.key, 'lateFees', e.target.value)}
              />
              <Input
                aria-label={`第 ${i + 1} 行欠缴起始日`}
                placeholder="欠缴起始日 2024-04-16"
                style={{ width: 160 }}
                value={l.overdueSince}
                onChange={(e) => setLine(l.key, 'overdueSince', e.target.value)}
              />
              <Button size="small" onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>
                删除
              </Button>
            </Space>
          ))}
          <Button onClick={() => setLines((ls) => [...ls, emptyLine()])}>添加一行</Button>
          {problem && <Alert type="error" showIcon message={problem} className="claim-file-problem" />}
        </Space>
      </Modal>
      <AnswerDialog
        open={!!repair}
        refusing={repair?.decision === 'REFUSED'}
        reasonMissing={!reason.trim()}
        title={repair?.decision === 'GRANTED' ? `同意信用修复：${repair.request.caseNo}` : '不予信用修复'}
        okText={repair?.decision === 'GRANTED' ? '同意修复' : '不予修复'}
        busy={busy}
        onCancel={() => setRepair(null)}
        onOk={answerRepair}
      >
        {repair?.decision === 'GRANTED' ? (
          <p>
            同意后将按规定修复 {repair.request.subjectName} 的信用记录（重整计划批准裁定：{repair.request.rulingNo ?? '—'}），并告知法院和管理人。
          </p>
        ) : (
          <Input.TextArea
            aria-label="不予修复的理由"
            placeholder="理由（将告知法院和管理人）"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        {problem && <Alert type="error" showIcon message={problem} style={{ marginTop: 12 }} />}
      </AnswerDialog>
    </AgencyInboxCard>
  );
}
