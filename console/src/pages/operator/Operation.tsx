import { Button, Card, Form, Input, message, Select } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText } from '../../api/errors';
import { graphql } from '../../api/graphql';

export interface FieldSpec {
  name: string;
  label: string;
  placeholder?: string;
  options?: Array<{ value: string; label: string }>;
  optional?: boolean;
  width?: number;
  /** Several lines (e.g. one party per line). */
  textarea?: boolean;
  /** Shown (and submitted) only while the form's other values satisfy this, e.g. a source only for an agency. */
  when?: (values: Record<string, string | undefined>) => boolean;
}

/**
 * One operation of the admin API as a form. `toVariables` shapes the form's values for the mutation; the answer
 * (an operator-facing record) goes to `onDone`. API errors are shown as sentences, naming the field at fault.
 */
export function Operation<D>({
  title,
  fields,
  mutation,
  toVariables,
  onDone,
  danger,
  extra,
}: {
  title: string;
  fields: FieldSpec[];
  mutation: string;
  toVariables: (values: Record<string, string>) => Record<string, unknown>;
  onDone: (data: D) => void;
  danger?: boolean;
  extra?: ReactNode;
}) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const watched = (Form.useWatch([], form) ?? {}) as Record<string, string | undefined>;
  const shown = fields.filter((f) => f.when?.(watched) ?? true);
  const submit = async (values: Record<string, string>) => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await graphql<D>(mutation, toVariables(values));
      if (r.errors.length) setProblem(r.errors[0].extensions?.code === 'FORBIDDEN' ? '您无权执行该操作' : errorText(r.errors[0]));
      else {
        message.success(`${title}：已完成`);
        onDone(r.data as D);
        form.resetFields();
      }
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={title} className="operation">
      <Form form={form} layout="inline" onFinish={submit}>
        {shown.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={f.optional ? [] : [{ required: true, whitespace: true, message: `请填写${f.label}` }]}
          >
            {f.options ? (
              <Select placeholder="请选择" allowClear={f.optional} style={{ width: f.width ?? 150 }} options={f.options} />
            ) : f.textarea ? (
              <Input.TextArea placeholder={f.placeholder} style={{ width: f.width ?? 420 }} autoSize={{ minRows: 2, maxRows: 6 }} />
            ) : (
              <Input placeholder={f.placeholder} style={{ width: f.width ?? 170 }} />
            )}
          </Form.Item>
        ))}
        {extra}
        <Form.Item>
          <Button type="primary" danger={danger} htmlType="submit" loading={busy}>
            {title}
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
