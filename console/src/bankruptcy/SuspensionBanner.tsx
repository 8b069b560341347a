import { Alert } from 'antd';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { useQuery } from '../useQuery';
import { TRANSFER_STATE_TEXT } from './tasks';

interface Suspension {
  reason: string;
  suspendedAt: string;
  bankruptcyCaseNo: string | null;
  transferState: string | null;
}

const QUERY = `query CaseSuspension($caseNo: String!) { executionCase(caseNo: $caseNo) { status suspension { reason suspendedAt bankruptcyCaseNo transferState } } }`;

/** On a suspended (中止) case: why, since when, and where its measures are released. */
export function SuspensionBanner({ caseNo }: { caseNo: string }) {
  const q = useQuery<{ executionCase: { status: string; suspension: Suspension | null } | null }>(QUERY, { caseNo });
  const s = q.data?.executionCase?.suspension;
  if (!s) return null;
  return (
    <Alert
      className="suspension-banner"
      type="warning"
      showIcon
      message={`本案执行中止${s.bankruptcyCaseNo ? `（破产案件 ${s.bankruptcyCaseNo}）` : s.transferState ? `（执转破${TRANSFER_STATE_TEXT[s.transferState] ?? s.transferState}）` : ''}`}
      description={
        <span>
          {s.reason}（{formatDateTime(s.suspendedAt)}）。中止期间不得采取新的执行措施；已采取的查封、冻结请在{' '}
          <Link to="/release-tasks">破产解除任务</Link> 中解除。
        </span>
      }
    />
  );
}
