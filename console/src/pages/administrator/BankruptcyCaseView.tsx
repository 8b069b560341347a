import { Alert, Card, Descriptions } from 'antd';
import { errorAt, errorText } from '../../api/errors';
import { BankruptcyCoordination } from '../../claims/BankruptcyCoordination';
import { CaseToolbar } from '../../components/CaseToolbar';
import { QueryProblem } from '../../components/QueryProblem';
import { SubjectLoading, SubjectView } from '../../components/SubjectView';
import { CASE_STATUS_TEXT, formatDate, text } from '../../format';
import { SUBJECT_SOURCES_SELECTION } from '../../sources/registry';
import type { SubjectAnswer } from '../../api/results';
import { useQuery } from '../../useQuery';
import { CaseReleases } from '../../bankruptcy/CaseReleases';

interface Answer {
  bankruptcyCase: {
    caseNo: string;
    status: string;
    acceptedOn: string;
    acceptanceRulingNo: string | null;
    court: { name: string };
    appointment: { decisionNo: string | null; validFrom: string; validTo: string | null; firm: { name: string } } | null;
    debtor: SubjectAnswer | null;
  } | null;
}

const QUERY = `query BankruptcyDebtor($caseNo: String!) {
  bankruptcyCase(caseNo: $caseNo) { caseNo status acceptedOn acceptanceRulingNo court { name }
    appointment { decisionNo validFrom validTo firm { name } }
    debtor { id kind name idNumber ${SUBJECT_SOURCES_SELECTION} } } }`;

export function BankruptcyCaseView({ caseNo }: { caseNo: string }) {
  const q = useQuery<Answer>(QUERY, { caseNo });
  const c = q.data?.bankruptcyCase;
  const debtorError = errorAt(q.errors, ['bankruptcyCase', 'debtor']);
  return (
    <div className="inquiry">
      <CaseToolbar back="/bankruptcy" backText="返回我的破产案件" reload={q.reload} loading={q.loading} printable={!!c} />
      <Card
        title={
          <span>
            破产案件 <span className="case-no">{caseNo}</span>
          </span>
        }
        className="case-card"
      >
        <QueryProblem q={q} field="bankruptcyCase" />
        {c && (
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="受理法院">{c.court.name}</Descriptions.Item>
            <Descriptions.Item label="受理日期">{formatDate(c.acceptedOn)}</Descriptions.Item>
            <Descriptions.Item label="状态">{text(CASE_STATUS_TEXT, c.status)}</Descriptions.Item>
            <Descriptions.Item label="受理裁定书">{c.acceptanceRulingNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="指定管理人决定书">{c.appointment?.decisionNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="管理人">{c.appointment?.firm.name ?? '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {c && <CaseReleases caseNo={caseNo} />}
      {q.loading && !c && <SubjectLoading />}
      {debtorError && <Alert type="error" showIcon message={errorText(debtorError, '该案件的债务人')} />}
      {c?.debtor && <SubjectView subject={c.debtor} place={{ errors: q.errors, path: ['bankruptcyCase', 'debtor'] }} />}
      {c && <BankruptcyCoordination caseNo={caseNo} />}
    </div>
  );
}
