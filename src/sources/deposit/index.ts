import { defineSource } from '../source-definition';
import { fromSource } from '../from-source';
import { BankAccount, DEPOSIT_ENTITIES, DepositDeduction, DepositFreeze } from './entities';
import { DEPOSIT_MIGRATIONS } from './migrations';
import { DepositConnector } from './deposit.connector';
import { DEPOSIT_CONTROL } from './deposit.control';
import { seedDepositDemo } from './deposit.demo';
import { DEPOSIT_POLICY } from './deposit.policy';
import { generateDeposits } from './deposit.synthetic';
import { DepositAccount } from './deposit.type';

/**
 * 存款: accounts by holder at each bank, with freezes (冻结) and deductions (扣划).
 *
 * Keys: an account is the asset (bank_code, account_no), unique in bank_account; `bank_account.id` (uuid) only links
 * its freezes and deductions (`account_id`). A freeze's place in the queue is its `rank` (0 the effective freeze,
 * n the n-th 轮候). Orders to a bank name the account by bank code and account no.
 */
export const deposit = defineSource({
  name: 'deposit',
  entities: DEPOSIT_ENTITIES,
  migrations: DEPOSIT_MIGRATIONS,
  connectors: { deposit: DepositConnector },
  subject: {
    records: {
      deposits: {
        type: () => [DepositAccount],
        description: 'Bank accounts (存款), with freezes and deductions.',
        resolve: (s, ctx): Promise<unknown> => fromSource(ctx, 'deposit', s.idNumber),
      },
    },
  },
  policy: DEPOSIT_POLICY,
  demo: { sentinel: BankAccount, seed: seedDepositDemo },
  synthetic: { accounts: BankAccount, freezes: DepositFreeze, deductions: DepositDeduction },
  generate: generateDeposits,
  control: DEPOSIT_CONTROL,
  floor: [
    `SELECT a.*, f.id AS f_id, f.court AS f_court, f.case_no AS f_case_no, f.amount AS f_amount, f.rank AS f_rank,
       f.frozen_on AS f_frozen_on, f.expires_on AS f_expires_on, f.released_on AS f_released_on
     FROM bank_account a LEFT JOIN deposit_freeze f ON f.account_id = a.id
     WHERE a.holder_id_number = ANY($1) ORDER BY a.bank_code, a.opened_on, a.id, f.rank, f.frozen_on`,
    `SELECT d.* FROM deposit_deduction d JOIN bank_account a ON a.id = d.account_id WHERE a.holder_id_number = ANY($1) ORDER BY d.deducted_on`,
  ],
});
