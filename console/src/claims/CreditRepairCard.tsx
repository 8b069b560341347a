import { App, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors';
import { graphql } from '../api/graphql';
import { formatDate, formatDateTime, text } from '../format';
import type { QueryState } from '../useQuery';
import { REPAIR_AGENCY_TEXT, REPAIR_STATE_COLOR, REPAIR_STATE_TEXT, type CoordinationAnswer } from './claims';

const REQUEST = `mutation RequestCreditRepair($caseNo: String!, $input: CreditRepairInput!) { requestCreditRepair(caseNo: $caseNo, input: $input) { id state } }`;

/** After the plan's approval, the administrator files the credit repair (信用修复) and follows each agency's answer. */
export function CreditRepairCard({ caseNo, q }: { caseNo: string; q: QueryState<CoordinationAnswer> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reasons: string; documents: string }>();
  const [busy, setBusy] = useState(false);
  const c = q.data?.bankruptcyCase;
  if (!c) return null;
  const requests = c.creditRepairRequests ?? [];
  const open = requests.some((r) => r.state !== 'REFUSED');

  const submit = async (values: { reasons: string; documents?: string }) => {
    setBusy(true);
    try {
      const documents = (values.documents ?? '')
        .split('\n')
        .map((d) => d.trim())
        .filter(Boolean);
      const r = await graphql(REQUEST, { caseNo, input: { reasons: values.reasons, documents } });
      if (r.errors.length > 0)
        message.error(r.errors[0].extensions?.code === 'CONFLICT' ? '当前不能申请信用修复（尚无批准的重整计划或已有申请）' : errorText(r.errors[0]));
      else {
        message.success('信用修复申请已送达信用、税务部门');
        form.resetFields();
      }
    } catch {
      message.error('请求失败，请重试。');
    } finally {
      setBusy(false);
      q.reload();
    }
  };

  return (
    <Card title="信用修复" className="credit-repair">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label="重整计划批准裁定">{c.reorganisationPlan?.rulingNo ?? '尚未批准'}</Descriptions.Item>
        <Descriptions.Item label="裁定日期">{formatDate(c.reorganisationPlan?.rulingDate)}</Descriptions.Item>
      </Descriptions>
      {requests.map((r) => (
        <Card key={r.id} size="small" className="credit-repair-request" style={{ marginTop: 12 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <span>
              申请于 {formatDateTime(r.createdAt)}：
              <Tag className="credit-repair-state" color={REPAIR_STATE_COLOR[r.state]}>
                {text(REPAIR_STATE_TEXT, r.state)}
              </Tag>
            </span>
            <span>理由：{r.reasons}</span>
            {r.agencies.map((a) => (
              <span key={a.source} className={`credit-repair-agency agency-${a.source.toLowerCase()}`}>
                {text(REPAIR_AGENCY_TEXT, a.source)}：<Tag color={REPAIR_STATE_COLOR[a.state]}>{text(REPAIR_STATE_TEXT, a.state)}</Tag>
                {a.outcome ?? ''}
              </span>
            ))}
          </Space>
        </Card>
      ))}
      {c.reorganisationPlan && !open && (
        <Form form={form} layout="vertical" onFinish={submit} className="credit-repair-form no-print" style={{ marginTop: 12 }}>
          <Form.Item name="reasons" label="申请理由" rules={[{ required: true, message: '请填写申请理由' }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="documents" label="附送材料（每行一份）">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} className="credit-repair-submit">
            申请信用修复
          </Button>
        </Form>
      )}
    </Card>
  );
}
