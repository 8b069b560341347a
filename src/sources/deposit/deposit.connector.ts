import { BankAccount, DepositDeduction, DepositFreeze } from './entities';
import { EntityReader } from '../entity-reader';
import { groupBy } from '../group-by';
import { SourceConnector } from '../source-connector';

const reader = new EntityReader('deposit');

/** Accounts by holder with their freezes (one statement), then the deductions of those accounts (one more). */
export class DepositConnector extends SourceConnector<BankAccount[]> {
  protected empty(): BankAccount[] {
    return [];
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, BankAccount[]>> {
    const ds = this.db.dataSource;
    const accounts = await reader.read(
      ds,
      idNumbers,
      {
        entity: BankAccount,
        by: 'holderIdNumber',
        order: [
          ['bankCode', 'ASC'],
          ['openedOn', 'ASC'],
        ],
      },
      {
        relation: 'freezes',
        entity: DepositFreeze,
        foreignKey: 'accountId',
        order: [
          ['rank', 'ASC'],
          ['frozenOn', 'ASC'],
        ],
      },
    );
    const deductions = groupBy(
      await reader.read(
        ds,
        accounts.map((a) => a.id),
        { entity: DepositDeduction, by: 'accountId', order: [['deductedOn', 'ASC']] },
      ),
      (d) => d.accountId,
    );
    for (const account of accounts) account.deductions = deductions.get(account.id) ?? [];
    return groupBy(accounts, (a) => a.holderIdNumber);
  }
}
