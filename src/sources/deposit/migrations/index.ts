import { InitialDeposit1796133326290 } from './1796133326290-initial-deposit';
import { DepositAssistance1796140003000 } from './1796140003000-deposit-assistance';
import { DepositDeductionFreeze1796143000000 } from './1796143000000-deposit-deduction-freeze';

export const DEPOSIT_MIGRATIONS = [InitialDeposit1796133326290, DepositAssistance1796140003000, DepositDeductionFreeze1796143000000];
