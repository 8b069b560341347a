import { In } from 'typeorm';
import { AdministrativePenalty, ConsumptionRestriction, CreditRepair, DishonestDebtorEntry } from '../entities/credit';
import { groupBy } from './group-by';
import { SourceConnector } from './source-connector';

export interface CreditBundle {
  dishonestEntries: DishonestDebtorEntry[];
  consumptionRestrictions: ConsumptionRestriction[];
  administrativePenalties: AdministrativePenalty[];
  creditRepairs: CreditRepair[];
}

export class CreditConnector extends SourceConnector<CreditBundle> {
  protected empty(): CreditBundle {
    return { dishonestEntries: [], consumptionRestrictions: [], administrativePenalties: [], creditRepairs: [] };
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, CreditBundle>> {
    const where = { subjectIdNumber: In([...idNumbers]) };
    const m = this.db.dataSource.manager;
    const [entries, restrictions, penalties, repairs] = await Promise.all([
      m.find(DishonestDebtorEntry, { where, order: { listedOn: 'ASC' } }),
      m.find(ConsumptionRestriction, { where, order: { issuedOn: 'ASC' } }),
      m.find(AdministrativePenalty, { where, order: { decidedOn: 'ASC' } }),
      m.find(CreditRepair, { where, order: { repairedOn: 'ASC' } }),
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
