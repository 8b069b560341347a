import { Alert, Card, Descriptions, Typography } from 'antd';
import { errorAt, errorText } from '../../api/errors';
import { CaseToolbar } from '../../components/CaseToolbar';
import { QueryProblem } from '../../components/QueryProblem';
import { SubjectLoading, SubjectView } from '../../components/SubjectView';
import { CASE_STATUS_TEXT, formatAmount, formatDate, formatDateTime, text } from '../../format';
import { SUBJECT_SOURCES_SELECTION } from '../../sources/registry';
import type { SubjectAnswer } from '../../api/results';
import { useState } from 'react';
import { CaseOrders } from '../../control/CaseOrders';
import { ControlContext, type ControlTarget } from '../../control/ControlContext';
import { DraftOrder } from '../../control/DraftOrder';
import { CASE_ORDER_FIELDS, type ControlOrder } from '../../control/orders';
import { useQuery } from '../../useQuery';
import { SuspensionBanner } from '../../bankruptcy/SuspensionBanner';
import { ProposeTransfer } from '../../bankruptcy/ProposeTransfer';

interface Answer {
  executionCase: {
    caseNo: string;
    status: string;
    filedOn: string;
    amountDue: string;
    court: { name: string };
    respondents: SubjectAnswer[] | null;
  } | null;
}

// One request for the whole inquiry: the audit log then holds one entry per respondent for it, and the
// subject-read limit counts each respondent once.
const QUERY = `query ExecutionCaseInquiry($caseNo: String!) {
  executionCase(caseNo: $caseNo) { caseNo status filedOn amountDue court { name }
    respondents { id kind name idNumber phone address ${SUBJECT_SOURCES_SELECTION} } } }`;

// The case's measures are asked for apart: a refusal there must not hide the inquiry, and they reload on their own.
const ORDERS = `query ExecutionCaseOrders($caseNo: String!) { executionCase(caseNo: $caseNo) { controlOrders { ${CASE_ORDER_FIELDS} } } }`;

export function Inquiry({ caseNo }: { caseNo: string }) {
  const q = useQuery<Answer>(QUERY, { caseNo });
  const orders = useQuery<{ executionCase: { controlOrders: ControlOrder[] | null } | null }>(ORDERS, { caseNo });
  const [drafting, setDrafting] = useState<{ target: ControlTarget; subjectIdNumber: string; subjectName: string } | null>(null);
  const c = q.data?.executionCase;
  const respondentsError = errorAt(q.errors, ['executionCase', 'respondents']);
  return (
    <div className="inquiry">
      <CaseToolbar back="/cases" backText="返回我的案件" reload={q.reload} loading={q.loading} printable={!!c} />
      <Card
        title={
          <span>
            执行案件 <span className="case-no">{caseNo}</span>
          </span>
        }
        className="case-card"
      >
        <QueryProblem q={q} field="executionCase" />
        {c?.status === 'SUSPENDED' && <SuspensionBanner caseNo={caseNo} />}
        {c && (
          <Descriptions size="small" column={4}>
            <Descriptions.Item label="执行法院">{c.court.name}</Descriptions.Item>
            <Descriptions.Item label="立案日期">{formatDate(c.filedOn)}</Descriptions.Item>
            <Descriptions.Item label="执行标的">{formatAmount(c.amountDue)}</Descriptions.Item>
            <Descriptions.Item label="状态">{text(CASE_STATUS_TEXT, c.status)}</Descriptions.Item>
          </Descriptions>
        )}
        <Typography.Text type="secondary" className="print-only">
          查询时间：{formatDateTime(new Date().toISOString())}（北京时间）
        </Typography.Text>
      </Card>
      {q.loading && !c && (
        <>
          <SubjectLoading />
        </>
      )}
      {respondentsError && <Alert type="error" showIcon message={errorText(respondentsError, '该案件的被执行人')} />}
      {c?.respondents?.length === 0 && <Alert type="info" message="该案件没有登记被执行人" />}
      {c && c.status === 'ACTIVE' && <CaseOrders q={orders} />}
      {c?.respondents?.map((r, i) => (
        <ControlContext.Provider
          key={r.id ?? i}
          value={
            c.status === 'ACTIVE' && r.idNumber
              ? {
                  caseNo,
                  subjectIdNumber: r.idNumber,
                  subjectName: r.name,
                  onControl: (target) => setDrafting({ target, subjectIdNumber: r.idNumber ?? '', subjectName: r.name }),
                }
              : null
          }
        >
          {c.status === 'ACTIVE' && r.kind === 'ENTERPRISE' && r.idNumber && (
            <div className="respondent-actions">
              <ProposeTransfer caseNo={caseNo} respondentIdNumber={r.idNumber} respondentName={r.name} onDone={q.reload} />
            </div>
          )}
          <SubjectView subject={r} place={{ errors: q.errors, path: ['executionCase', 'respondents', i] }} />
        </ControlContext.Provider>
      ))}
      {drafting && <DraftOrder {...drafting} caseNo={caseNo} onClose={() => setDrafting(null)} onDone={orders.reload} />}
    </div>
  );
}
