import { BankAccount } from './bank-account.entity';
import { DepositDeduction } from './deposit-deduction.entity';
import { DepositFreeze } from './deposit-freeze.entity';

export { BankAccount, DepositDeduction, DepositFreeze };
export const DEPOSIT_ENTITIES = [BankAccount, DepositFreeze, DepositDeduction];
