import { defineSource } from '../source-definition';
import { VEHICLE_CONTROL } from './vehicle.control';
import { fromSource } from '../from-source';
import { Vehicle, VEHICLE_ENTITIES, VehicleEncumbrance } from './entities';
import { VEHICLE_MIGRATIONS } from './migrations';
import { VehicleConnector } from './vehicle.connector';
import { seedVehicleDemo } from './vehicle.demo';
import { VEHICLE_POLICY } from './vehicle.policy';
import { VehicleType } from './vehicle.type';
import { vehicleSynthetic } from './vehicle.synthetic';

/** 公安车管: vehicles by owner, with their mortgages and seizures. */
export const vehicle = defineSource({
  name: 'vehicle',
  entities: VEHICLE_ENTITIES,
  migrations: VEHICLE_MIGRATIONS,
  connectors: { vehicle: VehicleConnector },
  subject: {
    records: {
      vehicles: {
        type: () => [VehicleType],
        description: 'Vehicles (公安车管).',
        resolve: (s, ctx): Promise<unknown> => fromSource(ctx, 'vehicle', s.idNumber),
      },
    },
  },
  control: VEHICLE_CONTROL,
  policy: VEHICLE_POLICY,
  demo: { sentinel: Vehicle, seed: seedVehicleDemo },
  synthetic: { vehicles: Vehicle, encumbrances: VehicleEncumbrance },
  generate: vehicleSynthetic,
  floor: [
    `SELECT v.*, e.id AS e_id, e.kind AS e_kind, e.holder AS e_holder, e.case_no AS e_case_no, e.amount AS e_amount,
       e.registered_on AS e_registered_on, e.released_on AS e_released_on
     FROM vehicle v LEFT JOIN vehicle_encumbrance e ON e.vehicle_id = v.id
     WHERE v.owner_id_number = ANY($1) ORDER BY v.registered_on, e.registered_on`,
  ],
});
