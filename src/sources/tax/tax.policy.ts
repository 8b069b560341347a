import { allow, ASSET, BANKR, caseReaders, EXEC, rules } from '../../auth/policy-rules';

export const TAX_POLICY = {
  ...rules('Subject', true, {
    tax: [caseReaders, `${ASSET}: tax (纳税)`],
  }),
  ...rules('TaxRecord', true, {
    registered: [caseReaders, ASSET],
    taxAuthority: [caseReaders, ASSET],
    creditGrade: [caseReaders, ASSET],
    legalRepresentative: [caseReaders, 'The natural person answerable for the enterprise (限制消费 reaches the legal representative)'],
    filings: [
      allow('ADMINISTRATOR'),
      `${BANKR}: the administrator takes over all tax affairs; clerks need only arrears and refunds (data minimisation)`,
    ],
    arrears: [caseReaders, `${EXEC}: competing public claims; ${BANKR}: tax claims`],
    refundsDue: [caseReaders, `${ASSET}: refunds due, incl. export rebates, are reachable assets`],
    totalArrears: [caseReaders, ASSET],
  }),
  ...rules('TaxFiling', true, {
    period: [allow('ADMINISTRATOR'), BANKR],
    taxType: [allow('ADMINISTRATOR'), BANKR],
    taxableAmount: [allow('ADMINISTRATOR'), BANKR],
    taxPaid: [allow('ADMINISTRATOR'), BANKR],
    filedOn: [allow('ADMINISTRATOR'), BANKR],
  }),
  ...rules('TaxArrear', true, {
    taxType: [caseReaders, ASSET],
    period: [caseReaders, ASSET],
    amount: [caseReaders, ASSET],
    lateFee: [caseReaders, ASSET],
    since: [caseReaders, ASSET],
  }),
  ...rules('TaxRefund', true, {
    kind: [caseReaders, ASSET],
    amount: [caseReaders, ASSET],
    status: [caseReaders, ASSET],
    appliedOn: [caseReaders, ASSET],
  }),
};
