import { ASSET, caseReaders, rules } from '../../auth/policy-rules';

export const CREDIT_POLICY = {
  ...rules('Subject', true, {
    credit: [caseReaders, `${ASSET}: credit (信用, 失信被执行人)`],
  }),
  ...rules('CreditRecord', true, {
    dishonest: [caseReaders, 'Dishonest-debtor status (seed 003 item 25)'],
    dishonestEntries: [caseReaders, 'Dishonest-debtor entries (seed 003 item 25)'],
    consumptionRestrictions: [caseReaders, 'Consumption restrictions (限制消费)'],
    administrativePenalties: [caseReaders, ASSET],
    creditRepairs: [caseReaders, 'Credit repair after an approved reorganisation plan (seed 000 item 22, 003 item 12)'],
  }),
  ...rules('DishonestEntry', true, {
    court: [caseReaders, 'Public list'],
    caseNo: [caseReaders, 'Public list'],
    obligation: [caseReaders, 'Public list'],
    circumstance: [caseReaders, 'Public list'],
    listedOn: [caseReaders, 'Public list'],
    removedOn: [caseReaders, 'Public list'],
  }),
  ...rules('ConsumptionRestriction', true, {
    court: [caseReaders, 'Court order'],
    caseNo: [caseReaders, 'Court order'],
    issuedOn: [caseReaders, 'Court order'],
    liftedOn: [caseReaders, 'Court order'],
  }),
  ...rules('AdministrativePenalty', true, {
    authority: [caseReaders, ASSET],
    decisionNo: [caseReaders, ASSET],
    reason: [caseReaders, ASSET],
    fine: [caseReaders, ASSET],
    decidedOn: [caseReaders, ASSET],
  }),
  ...rules('CreditRepair', true, {
    basisCaseNo: [caseReaders, 'Credit repair (seed 000 item 22)'],
    authority: [caseReaders, 'Credit repair (seed 000 item 22)'],
    description: [caseReaders, 'Credit repair (seed 000 item 22)'],
    repairedOn: [caseReaders, 'Credit repair (seed 000 item 22)'],
  }),
};
