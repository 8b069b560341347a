import { TaxArrear, TaxFiling, TaxRefund, Taxpayer } from './entities';
import { EntityReader } from '../entity-reader';
import { groupBy } from '../group-by';
import { SourceConnector } from '../source-connector';

export interface TaxBundle {
  profile: Taxpayer | null;
  filings: TaxFiling[];
  arrears: TaxArrear[];
  refunds: TaxRefund[];
}

const reader = new EntityReader('tax');

export class TaxConnector extends SourceConnector<TaxBundle> {
  protected empty(): TaxBundle {
    return { profile: null, filings: [], arrears: [], refunds: [] };
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, TaxBundle>> {
    const ids = [...idNumbers];
    const ds = this.db.dataSource;
    const [profiles, filings, arrears, refunds] = await reader.readAll(ds, ids, [
      { entity: Taxpayer, by: 'idNumber', order: [] },
      { entity: TaxFiling, by: 'taxpayerIdNumber', order: [['period', 'DESC']] },
      { entity: TaxArrear, by: 'taxpayerIdNumber', order: [['since', 'ASC']] },
      { entity: TaxRefund, by: 'taxpayerIdNumber', order: [['appliedOn', 'ASC']] },
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
