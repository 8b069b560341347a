import { Vehicle, VehicleEncumbrance } from './entities';
import { EntityReader } from '../entity-reader';
import { groupBy } from '../group-by';
import { SourceConnector } from '../source-connector';

const reader = new EntityReader('vehicle');

export class VehicleConnector extends SourceConnector<Vehicle[]> {
  protected empty(): Vehicle[] {
    return [];
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, Vehicle[]>> {
    const vehicles = await reader.read(
      this.db.dataSource,
      idNumbers,
      { entity: Vehicle, by: 'ownerIdNumber', order: [['registeredOn', 'ASC']] },
      { relation: 'encumbrances', entity: VehicleEncumbrance, foreignKey: 'vehicleId', order: [['registeredOn', 'ASC']] },
    );
    return groupBy(vehicles, (v) => v.ownerIdNumber);
  }
}
