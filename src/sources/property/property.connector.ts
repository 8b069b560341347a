import { RealEstateEncumbrance, RealEstateUnit } from './entities';
import { EntityReader } from '../entity-reader';
import { groupBy } from '../group-by';
import { SourceConnector } from '../source-connector';

const reader = new EntityReader('property');

export class PropertyConnector extends SourceConnector<RealEstateUnit[]> {
  protected empty(): RealEstateUnit[] {
    return [];
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, RealEstateUnit[]>> {
    const units = await reader.read(
      this.db.dataSource,
      idNumbers,
      { entity: RealEstateUnit, by: 'ownerIdNumber', order: [['registeredOn', 'ASC']] },
      { relation: 'encumbrances', entity: RealEstateEncumbrance, foreignKey: 'unitId', order: [['registeredOn', 'ASC']] },
    );
    return groupBy(units, (u) => u.ownerIdNumber);
  }
}
