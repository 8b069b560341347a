import { InitialVehicle1795313495016 } from './1795313495016-initial-vehicle';
import { VehicleAssistance1795500002000 } from './1795500002000-vehicle-assistance';

export const VEHICLE_MIGRATIONS = [InitialVehicle1795313495016, VehicleAssistance1795500002000];
