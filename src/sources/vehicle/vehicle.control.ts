import type { SourceControl } from '../../control/source-control';

/** 车辆查封: vehicles are seized (movables: at most 2 years, SPC rules), keyed by VIN. */
export const VEHICLE_CONTROL: SourceControl = {
  assets: { VEHICLE: { kinds: ['SEIZE'], maxPeriodDays: 2 * 365 } },
  assetKey: 'VIN (车辆识别代号)',
  classOf: () => 'VEHICLE',
  registry: {
    assetTable: 'vehicle',
    keyColumn: 'vin',
    ownerColumn: 'owner_id_number',
    valueColumn: 'reference_value',
    encumbranceTable: 'vehicle_encumbrance',
    assetIdColumn: 'vehicle_id',
    encumbranceKind: { SEIZE: 'SEIZURE', FREEZE: 'SEIZURE' },
    registrationPrefix: '车辆查封登记',
  },
};
