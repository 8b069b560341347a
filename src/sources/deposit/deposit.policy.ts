import { allow, ASSET, caseReaders, EXEC, mask, rules } from '../../auth/policy-rules';

const FREEZES = `${ASSET}: earlier freezes decide whether a new one takes effect or queues (轮候)`;

export const DEPOSIT_POLICY = {
  ...rules('Subject', true, {
    deposits: [caseReaders, `${ASSET}: bank deposits (存款), the asset courts seize most`],
  }),
  ...rules('DepositAccount', true, {
    bankCode: [caseReaders, `${ASSET}: the bank that receives the freeze or deduction order`],
    bankName: [caseReaders, ASSET],
    accountNo: [
      allow('CLERK').and(mask('ADMINISTRATOR')),
      `${EXEC}: the freeze order names the account; bankruptcy: the administrator takes over the accounts through the bank, the last four digits identify them`,
      { mask: 'accountNo' },
    ],
    type: [caseReaders, ASSET],
    currency: [caseReaders, ASSET],
    balance: [caseReaders, `${ASSET}: what a freeze can reach`],
    openedOn: [caseReaders, ASSET],
    status: [caseReaders, ASSET],
    freezes: [caseReaders, FREEZES],
    deductions: [caseReaders, `${ASSET}: what other courts have already taken`],
  }),
  ...rules('DepositFreeze', true, {
    id: [caseReaders, `${ASSET}: which freeze a deduction (DepositDeduction.freezeId) drew on`],
    court: [caseReaders, FREEZES],
    caseNo: [caseReaders, FREEZES],
    amount: [caseReaders, FREEZES],
    rank: [caseReaders, FREEZES],
    frozenOn: [caseReaders, FREEZES],
    expiresOn: [caseReaders, FREEZES],
    releasedOn: [caseReaders, FREEZES],
  }),
  ...rules('DepositDeduction', true, {
    court: [caseReaders, ASSET],
    caseNo: [caseReaders, ASSET],
    amount: [caseReaders, ASSET],
    deductedOn: [caseReaders, ASSET],
    freezeId: [caseReaders, `${ASSET}: which freeze the amount was taken from`],
  }),
};
