import { VehicleEncumbrance } from './vehicle-encumbrance.entity';
import { Vehicle } from './vehicle.entity';

export { Vehicle, VehicleEncumbrance };
export const VEHICLE_ENTITIES = [Vehicle, VehicleEncumbrance];
