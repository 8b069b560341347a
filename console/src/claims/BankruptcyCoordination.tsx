import { useQuery } from '../useQuery';
import { COORDINATION_QUERY, type CoordinationAnswer } from './claims';
import { ClaimsCard } from './ClaimsCard';
import { CreditRepairCard } from './CreditRepairCard';

/** The administrator's claims and credit repair of a bankruptcy case, below the debtor's inquiry. */
export function BankruptcyCoordination({ caseNo }: { caseNo: string }) {
  const q = useQuery<CoordinationAnswer>(COORDINATION_QUERY, { caseNo });
  if (!q.data?.bankruptcyCase) return null;
  return (
    <>
      <ClaimsCard q={q} />
      <CreditRepairCard caseNo={caseNo} q={q} />
    </>
  );
}
