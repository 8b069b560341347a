import { Alert, DatePicker, Descriptions, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { graphql } from '../api/graphql';
import { CONTROL_KIND_TEXT, text } from '../format';
import type { ControlTarget } from './ControlContext';
import { controlErrorText } from './orders';

interface DraftForm {
  rulingNo: string;
  rulingDate: Dayjs;
  noticeNo: string;
  noticeDate: Dayjs;
  periodDays: number;
}

const DRAFT = `mutation DraftControlOrder($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id state } }`;
const SUBMIT = `mutation SubmitControlOrder($id: ID!) { submitControlOrder(id: $id) { id state } }`;

/** Default periods: 3 years for real estate, 2 for vehicles and other movables, 1 for accounts. */
const PERIOD: Record<string, number> = { PROPERTY: 1095, VEHICLE: 730 };

/**
 * The clerk's draft of a seizure or freeze, submitted for approval in one step. A refusal (over-seizure, not the
 * owner …) is explained; a draft refused at submission stays a draft in the case's list.
 */
export function DraftOrder({
  target,
  caseNo,
  subjectIdNumber,
  subjectName,
  onClose,
  onDone,
}: {
  target: ControlTarget;
  caseNo: string;
  subjectIdNumber: string;
  subjectName: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<DraftForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const what = text(CONTROL_KIND_TEXT, target.kind);
  const submit = async (v: DraftForm) => {
    setBusy(true);
    setProblem(null);
    try {
      const input = {
        caseNo,
        kind: target.kind,
        subjectIdNumber,
        source: target.source,
        assetKey: target.assetKey,
        periodDays: v.periodDays,
        rulingNo: v.rulingNo.trim(),
        rulingDate: v.rulingDate.format('YYYY-MM-DD'),
        noticeNo: v.noticeNo.trim(),
        noticeDate: v.noticeDate.format('YYYY-MM-DD'),
      };
      const drafted = await graphql<{ draftControlOrder: { id: string; state: string } | null }>(DRAFT, { input });
      const id = drafted.data?.draftControlOrder?.id;
      if (!id) {
        setProblem(controlErrorText(drafted.errors[0]));
        return;
      }
      const submitted = await graphql<{ submitControlOrder: { id: string; state: string } | null }>(SUBMIT, { id });
      if (!submitted.data?.submitControlOrder) {
        setProblem(`${controlErrorText(submitted.errors[0])}（已保存为草稿，未提交审批）`);
        onDone();
        return;
      }
      onDone();
      onClose();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '提交失败，请重试。');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${what}：${target.label}`}
      okText="提交审批"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      className="draft-order"
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="案号">{caseNo}</Descriptions.Item>
        <Descriptions.Item label="被执行人">
          {subjectName}（{subjectIdNumber}）
        </Descriptions.Item>
        <Descriptions.Item label="财产">{target.label}</Descriptions.Item>
      </Descriptions>
      <Form<DraftForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ rulingDate: dayjs(), noticeDate: dayjs(), periodDays: PERIOD[target.source] ?? 365 }}
      >
        <Form.Item name="rulingNo" label="执行裁定书文号" rules={[{ required: true, whitespace: true, message: '请填写执行裁定书文号' }]}>
          <Input placeholder={`如 ${caseNo}之一`} />
        </Form.Item>
        <Form.Item name="rulingDate" label="裁定日期" rules={[{ required: true, message: '请选择裁定日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="noticeNo" label="协助执行通知书文号" rules={[{ required: true, whitespace: true, message: '请填写协助执行通知书文号' }]}>
          <Input placeholder={`如 ${caseNo}之二`} />
        </Form.Item>
        <Form.Item name="noticeDate" label="通知日期" rules={[{ required: true, message: '请选择通知日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="periodDays" label={`${what}期限（天）`} rules={[{ required: true, message: '请填写期限' }]}>
          <InputNumber min={1} max={1095} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon message={problem} className="draft-problem" role="alert" />}
    </Modal>
  );
}
