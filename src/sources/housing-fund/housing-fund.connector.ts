import { FundAccount, FundEmployerAccount, FundFreeze } from './entities';
import { EntityReader } from '../entity-reader';
import { SourceConnector } from '../source-connector';

export interface HousingFundBundle {
  person: FundAccount | null;
  employer: FundEmployerAccount | null;
}

const reader = new EntityReader('housingFund');

/** A person's account with its freezes, and an enterprise's unit account: two statements, in parallel. */
export class HousingFundConnector extends SourceConnector<HousingFundBundle> {
  protected empty(): HousingFundBundle {
    return { person: null, employer: null };
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, HousingFundBundle>> {
    const ds = this.db.dataSource;
    const [persons, employers] = await reader.readAll(ds, idNumbers, [
      {
        entity: FundAccount,
        by: 'holderIdNumber',
        // A person keeps one live account; an older, closed one sorts first and the newest wins below.
        order: [['openedOn', 'ASC']],
        children: [
          {
            relation: 'freezes',
            entity: FundFreeze,
            foreignKey: 'accountNo',
            order: [
              ['rank', 'ASC'],
              ['frozenOn', 'ASC'],
            ],
          },
        ],
      },
      { entity: FundEmployerAccount, by: 'creditCode', order: [] },
    ]);
    const result = new Map<string, HousingFundBundle>();
    for (const p of persons) result.set(p.holderIdNumber, { person: p, employer: null });
    for (const e of employers) result.set(e.creditCode, { person: null, employer: e });
    return result;
  }
}
