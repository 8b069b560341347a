import { InitialDeposit1796133326290 } from './1796133326290-initial-deposit';
import { DepositAssistance1796140003000 } from './1796140003000-deposit-assistance';

export const DEPOSIT_MIGRATIONS = [InitialDeposit1796133326290, DepositAssistance1796140003000];
