import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api/errors';
import { graphql } from '../../api/graphql';
import { PROBLEM_TEXT, text } from '../../format';

const QUERY = `query VerifyAuditLog($fromSeq: String, $toSeq: String) {
  verifyAuditLog(fromSeq: $fromSeq, toSeq: $toSeq) { ok fromSeq toSeq entriesChecked checkpointsChecked firstBadSeq problem message } }`;

/** What the page shows of a verification report (the API's English `message` is not shown). */
interface Verification {
  ok: boolean;
  firstBadSeq: string | null;
  problem: string | null;
  fromSeq: string;
  toSeq: string;
  entriesChecked: number;
  checkpointsChecked: number;
}

export function Verify() {
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<Verification | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (v: { fromSeq?: string; toSeq?: string }) => {
    setRunning(true);
    setResult(null);
    setFailure(null);
    try {
      const r = await graphql<{ verifyAuditLog: Verification }>(QUERY, { fromSeq: v.fromSeq?.trim() || null, toSeq: v.toSeq?.trim() || null });
      if (r.data?.verifyAuditLog) setResult(r.data.verifyAuditLog);
      else setFailure(errorText(r.errors[0], '审计日志'));
    } catch (e) {
      setFailure(e instanceof Error ? e.message : '校验失败');
    } finally {
      setRunning(false);
    }
  };
  return (
    <Card title="审计日志完整性校验">
      <p className="hint">重新计算每条记录的哈希，检查链接、序号连续、时间顺序和每个已签名检查点。不填序号即校验全部记录。</p>
      <Form layout="inline" onFinish={run}>
        <Form.Item name="fromSeq" label="起始序号">
          <Input allowClear style={{ width: 120 }} placeholder="1" />
        </Form.Item>
        <Form.Item name="toSeq" label="截止序号">
          <Input allowClear style={{ width: 120 }} placeholder="最新" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} loading={running}>
            开始校验
          </Button>
        </Form.Item>
      </Form>
      {running && <Alert style={{ marginTop: 16 }} type="info" showIcon message="正在逐条校验审计日志，记录较多时需要一些时间…" />}
      {failure && <Alert style={{ marginTop: 16 }} type="error" showIcon message={failure} />}
      {result &&
        (result.ok ? (
          <Result
            status="success"
            title="审计日志完整"
            subTitle={`已校验第 ${result.fromSeq}–${result.toSeq} 条，共 ${result.entriesChecked} 条记录、${result.checkpointsChecked} 个签名检查点，未发现篡改。`}
          />
        ) : (
          <Result
            status="error"
            title={`审计日志自第 ${result.firstBadSeq} 条起不完整`}
            subTitle={`问题：${text(PROBLEM_TEXT, result.problem)}（${result.problem}）。已校验 ${result.entriesChecked} 条记录、${result.checkpointsChecked} 个签名检查点；请保全数据库与库外检查点文件，并通知运维中心。`}
          />
        ))}
    </Card>
  );
}
