import { allow, ASSET, BANKR, caseReaders, EXEC, mask, rules } from '../../auth/policy-rules';

// Administrators read enterprise debtors only: what they see here is the debtor's unit account. A person's own
// account (balance, employer, freezes) is no asset of the debtor and stays with the clerks; the account no. an
// administrator is shown, whoever holds it, is masked to its last four digits.
const PERSON = `${EXEC}: a person's fund can be frozen and drawn (公积金); not the debtor enterprise's asset`;
const UNIT = `${ASSET}: the unit account shows whether the enterprise still pays its staff's fund`;

export const HOUSING_FUND_POLICY = {
  ...rules('Subject', true, {
    housingFund: [caseReaders, `${ASSET}: housing provident fund (公积金)`],
  }),
  ...rules('HousingFund', true, {
    registered: [caseReaders, ASSET],
    accountNo: [
      allow('CLERK').and(mask('ADMINISTRATOR')),
      `${EXEC}: the freeze order names the account; ${BANKR}: identifies the unit account`,
      { mask: 'accountNo' },
    ],
    status: [caseReaders, UNIT],
    monthlyContribution: [caseReaders, UNIT],
    lastContributionMonth: [caseReaders, UNIT],
    employer: [allow('CLERK'), PERSON],
    balance: [allow('CLERK'), PERSON],
    freezes: [allow('CLERK'), `${PERSON}; earlier freezes decide whether a new one queues (轮候)`],
    contributingEmployees: [caseReaders, `${BANKR}: employees whose fund the debtor pays`],
    arrearsAmount: [caseReaders, `${BANKR}: unpaid fund contributions are employee claims; ${EXEC}: competing claims`],
    arrearsSince: [caseReaders, ASSET],
  }),
  ...rules('FundEmployer', true, {
    name: [allow('CLERK'), PERSON],
    creditCode: [allow('CLERK'), PERSON],
  }),
  ...rules('FundFreeze', true, {
    court: [allow('CLERK'), PERSON],
    caseNo: [allow('CLERK'), PERSON],
    amount: [allow('CLERK'), PERSON],
    rank: [allow('CLERK'), PERSON],
    frozenOn: [allow('CLERK'), PERSON],
    expiresOn: [allow('CLERK'), PERSON],
    releasedOn: [allow('CLERK'), PERSON],
  }),
};
