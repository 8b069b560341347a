import type { SourceControl } from '../../control/source-control';

/** 不动产查封: real estate is seized (at most 3 years, SPC rules), keyed by its unit code (不动产单元号). */
export const PROPERTY_CONTROL: SourceControl = {
  assets: { REAL_ESTATE: { kinds: ['SEIZE'], maxPeriodDays: 3 * 365 } },
  assetKey: 'unit code (不动产单元号)',
  classOf: () => 'REAL_ESTATE',
  registry: {
    assetTable: 'real_estate_unit',
    keyColumn: 'unit_code',
    ownerColumn: 'owner_id_number',
    valueColumn: 'reference_value',
    encumbranceTable: 'real_estate_encumbrance',
    assetIdColumn: 'unit_id',
    encumbranceKind: { SEIZE: 'SEIZURE', FREEZE: 'SEIZURE' },
    registrationPrefix: '不动产查封登记',
  },
};
