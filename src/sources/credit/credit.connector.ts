import { AdministrativePenalty, ConsumptionRestriction, CreditRepair, DishonestDebtorEntry } from './entities';
import { EntityReader } from '../entity-reader';
import { groupBy } from '../group-by';
import { SourceConnector } from '../source-connector';

export interface CreditBundle {
  dishonestEntries: DishonestDebtorEntry[];
  consumptionRestrictions: ConsumptionRestriction[];
  administrativePenalties: AdministrativePenalty[];
  creditRepairs: CreditRepair[];
}

const reader = new EntityReader('credit');

export class CreditConnector extends SourceConnector<CreditBundle> {
  protected empty(): CreditBundle {
    return { dishonestEntries: [], consumptionRestrictions: [], administrativePenalties: [], creditRepairs: [] };
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, CreditBundle>> {
    const ds = this.db.dataSource;
    const by = 'subjectIdNumber';
    const [entries, restrictions, penalties, repairs] = await reader.readAll(ds, idNumbers, [
      { entity: DishonestDebtorEntry, by, order: [['listedOn', 'ASC']] },
      { entity: ConsumptionRestriction, by, order: [['issuedOn', 'ASC']] },
      { entity: AdministrativePenalty, by, order: [['decidedOn', 'ASC']] },
      { entity: CreditRepair, by, order: [['repairedOn', 'ASC']] },
    ]);
    const e = groupBy(entries, (r) => r.subjectIdNumber);
    const c = groupBy(restrictions, (r) => r.subjectIdNumber);
    const p = groupBy(penalties, (r) => r.subjectIdNumber);
    const r = groupBy(repairs, (x) => x.subjectIdNumber);
    const result = new Map<string, CreditBundle>();
    for (const id of idNumbers) {
      result.set(id, {
        dishonestEntries: e.get(id) ?? [],
        consumptionRestrictions: c.get(id) ?? [],
        administrativePenalties: p.get(id) ?? [],
        creditRepairs: r.get(id) ?? [],
      });
    }
    return result;
  }
}
