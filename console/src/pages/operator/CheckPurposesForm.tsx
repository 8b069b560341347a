import { Button, Card, Form, Input, message, Select } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api/errors';
import { graphql } from '../../api/graphql';

export interface PurposeOption {
  purpose: string;
  label: string;
}

export interface PurposesDraft {
  code: string;
  purposes: string[];
}

const DECLARE = `mutation DeclareCheckPurposes($organisationCode: String!, $purposes: [CheckPurpose!]!) {
  declareCheckPurposes(organisationCode: $organisationCode, purposes: $purposes) { code name purposes } }`;

/**
 * 申报核查用途: the purposes an agency may check the dishonest-debtor list for. The operator picks an agency (or the
 * list's 修改 fills it in with what is declared now) and sets the whole list; an empty list withdraws every purpose.
 */
export function CheckPurposesForm({ options, draft, onDone }: { options: PurposeOption[]; draft: PurposesDraft | null; onDone: () => void }) {
  const [form] = Form.useForm<PurposesDraft>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState<PurposesDraft | null>(null);
  if (draft !== shown) {
    setShown(draft);
    if (draft) form.setFieldsValue(draft);
  }
  const submit = async (values: PurposesDraft) => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await graphql(DECLARE, { organisationCode: values.code.trim(), purposes: values.purposes ?? [] });
      if (r.errors.length) setProblem(r.errors[0].extensions?.code === 'FORBIDDEN' ? '您无权执行该操作' : errorText(r.errors[0]));
      else {
        message.success('申报核查用途：已完成');
        form.resetFields();
        onDone();
      }
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="申报核查用途" className="operation">
      <Form form={form} layout="inline" onFinish={submit} aria-label="申报核查用途">
        <Form.Item name="code" label="协助单位代码" rules={[{ required: true, whitespace: true, message: '请填写协助单位代码' }]}>
          <Input placeholder="如 AG-SAMR" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="purposes" label="核查用途">
          <Select
            mode="multiple"
            allowClear
            placeholder="不选即撤销全部用途"
            style={{ minWidth: 320 }}
            options={options.map((o) => ({ value: o.purpose, label: o.label }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            申报核查用途
          </Button>
        </Form.Item>
      </Form>
      {problem && (
        <div className="operation-problem" role="alert">
          {problem}
        </div>
      )}
    </Card>
  );
}
