import { Alert, Button, Card, Form, Input, message, Modal, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { graphql } from '../api/graphql';
import { QueryProblem } from '../components/QueryProblem';
import { useQuery } from '../useQuery';
import { downloadResult, uploadBatch, type CheckBatch } from './batch-api';
import { checkErrorText } from './checks-text';

interface Restriction {
  code: string;
  measure: string;
  basis: string;
}
interface Purpose {
  purpose: string;
  label: string;
  declared: boolean;
  restrictions: Restriction[];
}
interface Result {
  idNumber: string;
  kind: string;
  hit: boolean;
  entries: Array<{ court: string; caseNo: string; listedOn: string }>;
  restrictions: Restriction[];
}
type Outcome = 'INTERCEPTED' | 'ALLOWED';
const OUTCOME_LABEL: Record<Outcome, string> = { INTERCEPTED: '已拦截', ALLOWED: '已准予' };
interface Check {
  checkId: string;
  purpose: string;
  applicationNo: string;
  results: Result[];
}

const PURPOSES = `query CheckPurposes { checkPurposes { purpose label declared restrictions { code measure basis } } }`;
const CHECK = `mutation CheckDishonest($input: CheckDishonestInput!) { checkDishonest(input: $input) {
  checkId purpose applicationNo results { idNumber kind hit entries { court caseNo listedOn } restrictions { code measure basis } } } }`;
const OUTCOME = `mutation ReportCheckOutcome($checkId: ID!, $subjectId: String!, $outcome: CheckOutcome!, $reason: String!) {
  reportCheckOutcome(checkId: $checkId, subjectId: $subjectId, outcome: $outcome, reason: $reason) { subjectId outcome } }`;
const BATCH = `query DishonestCheckBatch($id: ID!) { dishonestCheckBatch(id: $id) { id state total done hits errors resultUrl } }`;

/** 失信名单核查: an agency checks counterparties for a purpose it has declared, one by one (≤ 100) or as a CSV file. */
export function DishonestChecks() {
  const q = useQuery<{ checkPurposes: Purpose[] | null }>(PURPOSES, {});
  const declared = (q.data?.checkPurposes ?? []).filter((p) => p.declared);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <QueryProblem q={q} field="checkPurposes" />
      {q.data && declared.length === 0 && <Alert type="warning" showIcon message="本单位尚未申报核查用途，请联系运维管理员" />}
      <SingleCheck purposes={declared} />
      <BatchCheck purposes={declared} />
    </Space>
  );
}

function PurposeSelect({ purposes, value, onChange }: { purposes: Purpose[]; value?: string; onChange?: (v: string) => void }) {
  return (
    <Select
      aria-label="核查用途"
      style={{ width: 260 }}
      placeholder="选择核查用途"
      value={value}
      onChange={onChange}
      options={purposes.map((p) => ({ value: p.purpose, label: p.label }))}
    />
  );
}

function SingleCheck({ purposes }: { purposes: Purpose[] }) {
  const [form] = Form.useForm<{ purpose: string; applicationNo: string; subjects: string }>();
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<Check | null>(null);
  /** The hit subject and the outcome being reported for it. */
  const [reporting, setReporting] = useState<{ subjectId: string; outcome: Outcome } | null>(null);
  const [reason, setReason] = useState('');
  /** Outcomes reported, by subject. */
  const [reported, setReported] = useState<Record<string, Outcome>>({});
  const run = async (values: { purpose: string; applicationNo: string; subjects: string }) => {
    const subjects = values.subjects
      .split(/[\s,，;；]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    setBusy(true);
    try {
      const r = await graphql<{ checkDishonest: Check | null }>(CHECK, {
        input: { subjects, purpose: values.purpose, applicationNo: values.applicationNo },
      });
      if (r.data?.checkDishonest) {
        setCheck(r.data.checkDishonest);
        setReported({});
      } else message.error(checkErrorText(r.errors[0]));
    } finally {
      setBusy(false);
    }
  };
  const report = async () => {
    if (!check || !reporting) return;
    const r = await graphql<{ reportCheckOutcome: { subjectId: string; outcome: Outcome } | null }>(OUTCOME, {
      checkId: check.checkId,
      subjectId: reporting.subjectId,
      outcome: reporting.outcome,
      reason,
    });
    const done = r.data?.reportCheckOutcome;
    if (done) {
      setReported((before) => ({ ...before, [done.subjectId]: done.outcome }));
      message.success('已报告处理结果');
    } else message.error(checkErrorText(r.errors[0]));
    setReporting(null);
    setReason('');
  };
  const hits = check?.results.filter((r) => r.hit).length ?? 0;
  return (
    <Card title="单个核查（每次最多 100 个证件号码）">
      <Form form={form} layout="inline" onFinish={run} style={{ rowGap: 8 }}>
        <Form.Item name="purpose" label="核查用途" rules={[{ required: true, message: '请选择核查用途' }]}>
          <PurposeSelect purposes={purposes} />
        </Form.Item>
        <Form.Item name="applicationNo" label="申请编号" rules={[{ required: true, message: '请填写本单位的申请或案件编号' }]}>
          <Input aria-label="申请编号" placeholder="本单位的申请或案件编号" style={{ width: 220 }} maxLength={64} />
        </Form.Item>
        <Form.Item name="subjects" label="证件号码" rules={[{ required: true, message: '请填写证件号码' }]} style={{ width: '100%' }}>
          <Input.TextArea aria-label="证件号码" rows={3} placeholder="身份证号或统一社会信用代码，每行一个" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            核查
          </Button>
        </Form.Item>
      </Form>
      {check && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Typography.Text>
            核查编号 {check.checkId}，申请编号 {check.applicationNo}：共 {check.results.length} 个，命中 {hits} 个
            {hits > 0 && `，已报告处理结果 ${Object.keys(reported).length} 个（请对每个命中的主体报告处理结果）`}
          </Typography.Text>
          <Table<Result>
            rowKey="idNumber"
            size="small"
            pagination={false}
            dataSource={check.results}
            columns={[
              { title: '证件号码', dataIndex: 'idNumber' },
              { title: '核查结果', render: (_, r) => (r.hit ? <Tag color="red">命中失信名单</Tag> : <Tag color="green">未命中</Tag>) },
              { title: '执行法院', render: (_, r) => r.entries.map((e) => e.court).join('；') || '—' },
              { title: '执行案号', render: (_, r) => r.entries.map((e) => e.caseNo).join('；') || '—' },
              { title: '发布日期', render: (_, r) => r.entries.map((e) => e.listedOn).join('；') || '—' },
              {
                title: '适用的惩戒措施',
                render: (_, r) =>
                  r.restrictions.length === 0 ? (
                    '—'
                  ) : (
                    <ul style={{ margin: 0, paddingLeft: 16 }}>
                      {r.restrictions.map((x) => (
                        <li key={x.code} title={x.basis}>
                          {x.measure}
                        </li>
                      ))}
                    </ul>
                  ),
              },
              {
                title: '处理结果',
                render: (_, r) =>
                  !r.hit ? (
                    '—'
                  ) : reported[r.idNumber] ? (
                    <Tag>已报告：{OUTCOME_LABEL[reported[r.idNumber]]}</Tag>
                  ) : (
                    <Space size="small">
                      <Button size="small" danger onClick={() => setReporting({ subjectId: r.idNumber, outcome: 'INTERCEPTED' })}>
                        报告：已拦截
                      </Button>
                      <Button size="small" onClick={() => setReporting({ subjectId: r.idNumber, outcome: 'ALLOWED' })}>
                        报告：已准予
                      </Button>
                    </Space>
                  ),
              },
            ]}
          />
        </Space>
      )}
      <Modal
        title={`${reporting?.outcome === 'INTERCEPTED' ? '报告拦截' : '报告准予'}：${reporting?.subjectId ?? ''}`}
        open={reporting !== null}
        onOk={report}
        okButtonProps={{ disabled: reason.trim() === '' }}
        onCancel={() => setReporting(null)}
      >
        <Input.TextArea
          aria-label="处理说明"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="处理说明，如：取消中标资格"
        />
      </Modal>
    </Card>
  );
}

function BatchCheck({ purposes }: { purposes: Purpose[] }) {
  const [purpose, setPurpose] = useState<string>();
  const [applicationNo, setApplicationNo] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [batch, setBatch] = useState<CheckBatch | null>(null);
  useEffect(() => {
    if (!batch || batch.state === 'DONE') return;
    const timer = setTimeout(async () => {
      const r = await graphql<{ dishonestCheckBatch: CheckBatch | null }>(BATCH, { id: batch.id });
      if (r.data?.dishonestCheckBatch) setBatch(r.data.dishonestCheckBatch);
    }, 700);
    return () => clearTimeout(timer);
  }, [batch]);
  const start = async () => {
    if (!file || !purpose) return;
    setBusy(true);
    try {
      const { batch: started, error } = await uploadBatch(file, purpose, applicationNo.trim());
      if (started) setBatch(started);
      else message.error(checkErrorText(error ?? undefined));
    } finally {
      setBusy(false);
    }
  };
  const percent = batch && batch.total > 0 ? Math.floor((batch.done / batch.total) * 100) : 0;
  return (
    <Card title="批量核查（CSV 文件，最多 100,000 行）">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          每行一个证件号码（可在其后附姓名等列），首行可为表头；支持 Excel 导出的 UTF-8（含或不含 BOM）和 GBK 编码。无法核查的行在结果中按行号列出。
        </Typography.Text>
        <Space wrap>
          <PurposeSelect purposes={purposes} value={purpose} onChange={setPurpose} />
          <Input
            aria-label="批量申请编号"
            placeholder="本单位的申请或案件编号"
            style={{ width: 220 }}
            value={applicationNo}
            onChange={(e) => setApplicationNo(e.target.value)}
            maxLength={64}
          />
          <Upload
            accept=".csv,.txt"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button>选择文件</Button>
          </Upload>
          <Button type="primary" disabled={!file || !purpose || applicationNo.trim() === ''} loading={busy} onClick={start}>
            上传并核查
          </Button>
        </Space>
        {batch && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Progress percent={percent} status={batch.state === 'DONE' ? 'success' : 'active'} aria-label="核查进度" />
            <Typography.Text data-testid="batch-summary">
              {batch.state === 'DONE' ? '核查完成' : '核查中'}：共 {batch.total} 行，已处理 {batch.done} 行，命中 {batch.hits} 个，错误 {batch.errors}{' '}
              行
            </Typography.Text>
            {batch.state === 'DONE' && (
              <Button onClick={async () => void ((await downloadResult(batch)) || message.error('下载失败'))}>下载核查结果</Button>
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}
