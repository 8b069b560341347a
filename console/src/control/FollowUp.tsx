import { Alert, DatePicker, Descriptions, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { graphql } from '../api/graphql';
import { CONTROL_KIND_TEXT, formatAmount, text } from '../format';
import { sourceByName } from '../sources/registry';
import { controlErrorText, type ControlOrder } from './orders';

/** What the clerk asks of a measure of the case: 续行 (renew), 解除 (release), 扣划 (deduct from a deposit freeze). */
export type FollowUpKind = 'RENEW' | 'RELEASE' | 'DEDUCT';

interface FollowUpForm {
  rulingNo: string;
  rulingDate: Dayjs;
  noticeNo: string;
  noticeDate: Dayjs;
  periodDays?: number;
  amount?: number;
}

const RENEW = `mutation RenewControlOrder($id: ID!, $input: FollowUpControlOrderInput!) { renewControlOrder(id: $id, input: $input) { id state } }`;
const RELEASE = `mutation ReleaseControlOrder($id: ID!, $input: FollowUpControlOrderInput!) { releaseControlOrder(id: $id, input: $input) { id state } }`;
const DRAFT = `mutation DraftDeduction($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id state } }`;
const SUBMIT = `mutation SubmitControlOrder($id: ID!) { submitControlOrder(id: $id) { id state } }`;

/** Legal maximum periods of a renewal, per asset class (as the hub checks them). */
const MAX_PERIOD: Record<string, number> = { REAL_ESTATE: 1095, VEHICLE: 730, DEPOSIT: 365, HOUSING_FUND: 365, EQUITY: 1095 };

/**
 * A renewal, release or deduction of one of the case's measures, with its own ruling and notice; it goes to the
 * court's approver like the original order. A refusal (period too long, more than the freeze holds …) is explained.
 */
export function FollowUp({ order, kind, onClose, onDone }: { order: ControlOrder; kind: FollowUpKind; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<FollowUpForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const what = text(CONTROL_KIND_TEXT, kind);
  const frozenLeft =
    order.amountFrozen !== null
      ? Math.max(0, Math.round(Number(order.amountFrozen) * 100) - Math.round(Number(order.amountDeducted ?? 0) * 100)) / 100
      : null;
  const submit = async (v: FollowUpForm) => {
    setBusy(true);
    setProblem(null);
    try {
      const basis = {
        rulingNo: v.rulingNo.trim(),
        rulingDate: v.rulingDate.format('YYYY-MM-DD'),
        noticeNo: v.noticeNo.trim(),
        noticeDate: v.noticeDate.format('YYYY-MM-DD'),
      };
      if (kind === 'DEDUCT') {
        const input = {
          caseNo: order.caseNo,
          kind: 'DEDUCT',
          subjectIdNumber: order.subjectIdNumber,
          source: order.source,
          assetKey: order.assetKey,
          amount: (v.amount ?? 0).toFixed(2),
          // The freeze itself or a renewal of it: the hub finds the freeze that registered it.
          freezeOrderId: order.id,
          ...basis,
        };
        const drafted = await graphql<{ draftControlOrder: { id: string } | null }>(DRAFT, { input });
        const id = drafted.data?.draftControlOrder?.id;
        if (!id) return setProblem(controlErrorText(drafted.errors[0]));
        const submitted = await graphql<{ submitControlOrder: { id: string } | null }>(SUBMIT, { id });
        if (!submitted.data?.submitControlOrder) {
          setProblem(`${controlErrorText(submitted.errors[0])}（已保存为草稿，未提交审批）`);
          return onDone();
        }
      } else {
        const input = kind === 'RENEW' ? { ...basis, periodDays: v.periodDays } : basis;
        const res = await graphql<Record<string, { id: string } | null>>(kind === 'RENEW' ? RENEW : RELEASE, { id: order.id, input });
        const done = res.data?.[kind === 'RENEW' ? 'renewControlOrder' : 'releaseControlOrder'];
        if (!done) return setProblem(controlErrorText(res.errors[0]));
      }
      onDone();
      onClose();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '提交失败，请重试。');
    } finally {
      setBusy(false);
    }
  };
  const asset = `${sourceByName(order.source)?.label ?? order.source} ${order.assetKey}`;
  return (
    <Modal
      open
      title={`${what}：${asset}`}
      okText="提交审批"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      className="follow-up-order"
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="案号">{order.caseNo}</Descriptions.Item>
        <Descriptions.Item label="被执行人">
          {order.subjectName}（{order.subjectIdNumber}）
        </Descriptions.Item>
        <Descriptions.Item label="原措施">
          {text(CONTROL_KIND_TEXT, order.kind)}
          {order.registrationNo ? `，登记编号 ${order.registrationNo}` : ''}
          {order.registeredUntil ? `，至 ${order.registeredUntil}` : ''}
        </Descriptions.Item>
        {kind === 'DEDUCT' && frozenLeft !== null && (
          <Descriptions.Item label="可扣划">
            {formatAmount(frozenLeft.toFixed(2))}（实际冻结 {formatAmount(order.amountFrozen)}，已扣划 {formatAmount(order.amountDeducted ?? '0')}）
          </Descriptions.Item>
        )}
      </Descriptions>
      <Form<FollowUpForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          rulingDate: dayjs(),
          noticeDate: dayjs(),
          periodDays: MAX_PERIOD[order.assetClass] ?? 365,
          amount: frozenLeft ?? undefined,
        }}
      >
        <Form.Item name="rulingNo" label="执行裁定书文号" rules={[{ required: true, whitespace: true, message: '请填写执行裁定书文号' }]}>
          <Input placeholder={`如 ${order.caseNo}之三`} />
        </Form.Item>
        <Form.Item name="rulingDate" label="裁定日期" rules={[{ required: true, message: '请选择裁定日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="noticeNo" label="协助执行通知书文号" rules={[{ required: true, whitespace: true, message: '请填写协助执行通知书文号' }]}>
          <Input placeholder={`如 ${order.caseNo}之四`} />
        </Form.Item>
        <Form.Item name="noticeDate" label="通知日期" rules={[{ required: true, message: '请选择通知日期' }]}>
          <DatePicker />
        </Form.Item>
        {kind === 'RENEW' && (
          <Form.Item name="periodDays" label="续行期限（天）" rules={[{ required: true, message: '请填写期限' }]}>
            <InputNumber min={1} max={MAX_PERIOD[order.assetClass] ?? 1095} />
          </Form.Item>
        )}
        {kind === 'DEDUCT' && (
          <Form.Item name="amount" label="扣划金额（元）" rules={[{ required: true, message: '请填写扣划金额' }]}>
            <InputNumber min={0.01} step={0.01} precision={2} style={{ width: 200 }} />
          </Form.Item>
        )}
      </Form>
      {problem && <Alert type="error" showIcon message={problem} className="follow-up-problem" role="alert" />}
    </Modal>
  );
}
