import { InitialVehicle1795313495016 } from './1795313495016-initial-vehicle';

export const VEHICLE_MIGRATIONS = [InitialVehicle1795313495016];
