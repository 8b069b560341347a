import { In } from 'typeorm';
import { Vehicle } from '../entities/vehicle';
import { groupBy } from './group-by';
import { SourceConnector } from './source-connector';

export class VehicleConnector extends SourceConnector<Vehicle[]> {
  protected empty(): Vehicle[] {
    return [];
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, Vehicle[]>> {
    const vehicles = await this.db.dataSource.getRepository(Vehicle).find({
      where: { ownerIdNumber: In([...idNumbers]) },
      relations: { encumbrances: true },
      order: { registeredOn: 'ASC', encumbrances: { registeredOn: 'ASC' } },
    });
    return groupBy(vehicles, (v) => v.ownerIdNumber);
  }
}
