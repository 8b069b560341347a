import { In } from 'typeorm';
import { TaxArrear, TaxFiling, TaxRefund, Taxpayer } from '../entities/tax';
import { groupBy } from './group-by';
import { SourceConnector } from './source-connector';

export interface TaxBundle {
  profile: Taxpayer | null;
  filings: TaxFiling[];
  arrears: TaxArrear[];
  refunds: TaxRefund[];
}

export class TaxConnector extends SourceConnector<TaxBundle> {
  protected empty(): TaxBundle {
    return { profile: null, filings: [], arrears: [], refunds: [] };
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, TaxBundle>> {
    const ids = [...idNumbers];
    const m = this.db.dataSource.manager;
    const [profiles, filings, arrears, refunds] = await Promise.all([
      m.find(Taxpayer, { where: { idNumber: In(ids) } }),
      m.find(TaxFiling, { where: { taxpayerIdNumber: In(ids) }, order: { period: 'DESC' } }),
      m.find(TaxArrear, { where: { taxpayerIdNumber: In(ids) }, order: { since: 'ASC' } }),
      m.find(TaxRefund, { where: { taxpayerIdNumber: In(ids) }, order: { appliedOn: 'ASC' } }),
    ]);
    const byFiling = groupBy(filings, (r) => r.taxpayerIdNumber);
    const byArrear = groupBy(arrears, (r) => r.taxpayerIdNumber);
    const byRefund = groupBy(refunds, (r) => r.taxpayerIdNumber);
    const result = new Map<string, TaxBundle>();
    for (const id of ids) {
      result.set(id, {
        profile: profiles.find((p) => p.idNumber === id) ?? null,
        filings: byFiling.get(id) ?? [],
        arrears: byArrear.get(id) ?? [],
        refunds: byRefund.get(id) ?? [],
      });
    }
    return result;
  }
}
