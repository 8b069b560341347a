import { EnterpriseRegistration, EquityFreeze, Shareholding } from './entities';
import { EntityReader } from '../entity-reader';
import { groupBy } from '../group-by';
import { SourceConnector } from '../source-connector';

export interface MarketSupervisionBundle {
  registration: EnterpriseRegistration | null;
  shareholdings: Shareholding[];
  /** Registered capital of each enterprise held, by credit code (to value the equity). */
  capitalOf: ReadonlyMap<string, string>;
}

const reader = new EntityReader('marketSupervision');

/**
 * The subjects' registrations and shareholdings, each with its freezes and the registration of the enterprise held:
 * one statement for any number of subjects.
 */
export class MarketSupervisionConnector extends SourceConnector<MarketSupervisionBundle> {
  protected empty(): MarketSupervisionBundle {
    return { registration: null, shareholdings: [], capitalOf: new Map() };
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, MarketSupervisionBundle>> {
    const ds = this.db.dataSource;
    const [registrations, shareholdings] = await reader.readAll(ds, idNumbers, [
      { entity: EnterpriseRegistration, by: 'creditCode', order: [] },
      {
        entity: Shareholding,
        by: 'holderIdNumber',
        order: [['targetCreditCode', 'ASC']],
        children: [
          {
            relation: 'freezes',
            entity: EquityFreeze,
            foreignKey: 'shareholdingId',
            order: [
              ['rank', 'ASC'],
              ['frozenOn', 'ASC'],
            ],
          },
          { relation: 'target', entity: EnterpriseRegistration, foreignKey: 'creditCode', parentKey: 'targetCreditCode', order: [] },
        ],
      },
    ]);
    const held = shareholdings.flatMap((s) => s.target ?? []);
    const capitalOf = new Map([...registrations, ...held].map((r) => [r.creditCode, r.registeredCapital]));
    const byHolder = groupBy(shareholdings, (s) => s.holderIdNumber);
    const result = new Map<string, MarketSupervisionBundle>();
    for (const id of idNumbers) {
      result.set(id, { registration: registrations.find((r) => r.creditCode === id) ?? null, shareholdings: byHolder.get(id) ?? [], capitalOf });
    }
    return result;
  }
}
