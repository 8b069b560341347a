import { InitialVehicle1795313495016 } from './1795313495016-initial-vehicle';
import { AddReferenceValue1796133474746 } from './1796133474746-add-reference-value';
import { VehicleAssistance1796140002000 } from './1796140002000-vehicle-assistance';

export const VEHICLE_MIGRATIONS = [InitialVehicle1795313495016, AddReferenceValue1796133474746, VehicleAssistance1796140002000];
