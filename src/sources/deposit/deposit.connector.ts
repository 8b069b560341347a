import { BankAccount, DepositDeduction, DepositFreeze } from './entities';
import { EntityReader } from '../entity-reader';
import { groupBy } from '../group-by';
import { SourceConnector } from '../source-connector';

const reader = new EntityReader('deposit');

/** Accounts by holder with their freezes and deductions, in one statement. */
export class DepositConnector extends SourceConnector<BankAccount[]> {
  protected empty(): BankAccount[] {
    return [];
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, BankAccount[]>> {
    const ds = this.db.dataSource;
    const [accounts] = await reader.readAll(ds, idNumbers, [
      {
        entity: BankAccount,
        by: 'holderIdNumber',
        order: [
          ['bankCode', 'ASC'],
          ['openedOn', 'ASC'],
        ],
        children: [
          {
            relation: 'freezes',
            entity: DepositFreeze,
            foreignKey: 'accountId',
            order: [
              ['rank', 'ASC'],
              ['frozenOn', 'ASC'],
            ],
          },
          { relation: 'deductions', entity: DepositDeduction, foreignKey: 'accountId', order: [['deductedOn', 'ASC']] },
        ],
      },
    ]);
    return groupBy(accounts, (a) => a.holderIdNumber);
  }
}
