import { In } from 'typeorm';
import { RealEstateUnit } from '../entities/property';
import { groupBy } from './group-by';
import { SourceConnector } from './source-connector';

export class PropertyConnector extends SourceConnector<RealEstateUnit[]> {
  protected empty(): RealEstateUnit[] {
    return [];
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, RealEstateUnit[]>> {
    const units = await this.db.dataSource.getRepository(RealEstateUnit).find({
      where: { ownerIdNumber: In([...idNumbers]) },
      relations: { encumbrances: true },
      order: { registeredOn: 'ASC', encumbrances: { registeredOn: 'ASC' } },
    });
    return groupBy(units, (u) => u.ownerIdNumber);
  }
}
