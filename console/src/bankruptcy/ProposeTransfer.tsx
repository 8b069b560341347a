import { Button, Form, Input, message, Modal, Radio } from 'antd';
import { useState } from 'react';
import { graphql } from '../api/graphql';
import { errorText } from '../api/errors';
import { CONSENT_TEXT } from './tasks';

const PROPOSE = `mutation ProposeBankruptcyTransfer($caseNo: String!, $input: ProposeBankruptcyTransferInput!) {
  proposeBankruptcyTransfer(caseNo: $caseNo, input: $input) { id state decideBy } }`;

interface ProposeForm {
  consentBy: string;
  consentDocumentNo: string;
  consentDate: string;
  courtCode?: string;
}

/**
 * 执转破: the assigned clerk moves the execution of an enterprise respondent into bankruptcy review, with the written
 * consent of the applicant or the respondent. The execution is suspended at once; the tribunal's judge decides.
 */
export function ProposeTransfer({
  caseNo,
  respondentIdNumber,
  respondentName,
  onDone,
}: {
  caseNo: string;
  respondentIdNumber: string;
  respondentName: string;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ProposeForm>();
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    const input = {
      respondentIdNumber,
      consentBy: v.consentBy,
      consentDocumentNo: v.consentDocumentNo.trim(),
      consentDate: v.consentDate.trim(),
      courtCode: v.courtCode?.trim() || null,
    };
    const r = await graphql<{ proposeBankruptcyTransfer: { decideBy: string } }>(PROPOSE, { caseNo, input });
    setBusy(false);
    if (r.errors.length) {
      message.error(r.errors[0].extensions?.code === 'CONFLICT' ? '本案已移送或不在执行中，请刷新' : errorText(r.errors[0], '该案件'));
      return;
    }
    message.success(`已移送破产审查，本案执行中止；审查期限 ${r.data?.proposeBankruptcyTransfer.decideBy ?? ''}`);
    setOpen(false);
    form.resetFields();
    onDone();
  };
  return (
    <>
      <Button className="propose-transfer" onClick={() => setOpen(true)}>
        移送破产审查（执转破）
      </Button>
      <Modal
        open={open}
        title={`移送破产审查：${respondentName}`}
        okText="移送"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={submit}
      >
        <Form form={form} layout="vertical" initialValues={{ consentBy: 'APPLICANT' }}>
          <Form.Item name="consentBy" label="同意移送方" rules={[{ required: true }]}>
            <Radio.Group options={Object.entries(CONSENT_TEXT).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="consentDocumentNo" label="同意移送破产审查书编号" rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input placeholder="同意移送破产审查书2026-12" />
          </Form.Item>
          <Form.Item name="consentDate" label="同意日期（YYYY-MM-DD）" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
            <Input placeholder="2026-11-30" />
          </Form.Item>
          <Form.Item name="courtCode" label="受移送法院代码（可选，默认本院）">
            <Input placeholder="皖1524" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
