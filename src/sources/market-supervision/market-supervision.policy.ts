import { ASSET, BANKR, caseReaders, EXEC, rules } from '../../auth/policy-rules';

const EQUITY = `${ASSET}: equity (股权) can be frozen and sold`;
const FREEZES = `${ASSET}: earlier equity freezes decide whether a new one takes effect or queues (轮候)`;

export const MARKET_SUPERVISION_POLICY = {
  ...rules('Subject', true, {
    marketRegistration: [
      caseReaders,
      `${EXEC}: the registered address is the enterprise's service address (seed 003 item 24); ${BANKR}: the debtor's registration`,
    ],
    shareholdings: [caseReaders, EQUITY],
  }),
  ...rules('MarketRegistration', true, {
    name: [caseReaders, ASSET],
    status: [caseReaders, `${ASSET}: a revoked or cancelled enterprise changes who answers for it`],
    registeredAddress: [caseReaders, `${EXEC}: service address (注册住所, seed 003 item 24); ${BANKR}: the debtor's seat`],
    legalRepresentative: [caseReaders, 'The natural person answerable for the enterprise (限制消费 reaches the legal representative)'],
    registeredCapital: [caseReaders, `${ASSET}: values the equity in it; unpaid capital is a claim of the debtor`],
    establishedOn: [caseReaders, ASSET],
    businessScope: [caseReaders, ASSET],
    registrationAuthority: [caseReaders, `${ASSET}: the authority that registers an equity freeze`],
  }),
  ...rules('Shareholding', true, {
    targetName: [caseReaders, EQUITY],
    targetCreditCode: [caseReaders, EQUITY],
    sharePercent: [caseReaders, EQUITY],
    subscribedCapital: [caseReaders, EQUITY],
    referenceValue: [caseReaders, `${EQUITY}; the reference value weighs a seizure against the amount due`],
    referenceValueBasis: [caseReaders, EQUITY],
    referenceValueOn: [caseReaders, EQUITY],
    freezes: [caseReaders, FREEZES],
  }),
  ...rules('EquityFreeze', true, {
    court: [caseReaders, FREEZES],
    caseNo: [caseReaders, FREEZES],
    rank: [caseReaders, FREEZES],
    frozenOn: [caseReaders, FREEZES],
    expiresOn: [caseReaders, FREEZES],
    releasedOn: [caseReaders, FREEZES],
  }),
};
