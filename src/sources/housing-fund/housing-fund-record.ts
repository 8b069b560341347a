import type { HousingFundBundle } from './housing-fund.connector';
import type { HousingFund } from './housing-fund.type';

/** A person's account or an enterprise's unit account, as one HousingFund. */
export function toHousingFund(b: HousingFundBundle): HousingFund {
  const p = b.person;
  const e = b.employer;
  const account = p ?? e;
  return {
    registered: account !== null,
    accountNo: account?.accountNo ?? null,
    status: account?.status ?? null,
    monthlyContribution: account?.monthlyContribution ?? null,
    lastContributionMonth: account?.lastContributionMonth ?? null,
    employer: p?.employerCreditCode || p?.employerName ? { name: p.employerName, creditCode: p.employerCreditCode } : null,
    balance: p?.balance ?? null,
    freezes: p ? (p.freezes ?? []) : null,
    contributingEmployees: e?.contributingEmployees ?? null,
    arrearsAmount: e?.arrearsAmount ?? null,
    arrearsSince: e?.arrearsSince ?? null,
  };
}
