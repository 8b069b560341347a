import type { SourceControl } from '../../control/source-control';

/**
 * 股权冻结: a shareholding is frozen (at most 3 years, SPC rules), keyed by the holder's ID and the company's credit
 * code (`<holder>:<company>`); its value is the appraisal when there is one. The register keeps no amount on an
 * equity freeze and numbers its freezes from 0.
 */
export const MARKET_SUPERVISION_CONTROL: SourceControl = {
  assets: { EQUITY: { kinds: ['FREEZE'], maxPeriodDays: 3 * 365 } },
  assetKey: "holder's ID and the company's credit code (股东证件号:统一社会信用代码)",
  classOf: () => 'EQUITY',
  registry: {
    assetTable: 'shareholding',
    keyColumn: ['holder_id_number', 'target_credit_code'],
    ownerColumn: 'holder_id_number',
    valueColumn: 'appraised_value',
    encumbranceTable: 'equity_freeze',
    assetIdColumn: 'shareholding_id',
    encumbranceKind: { SEIZE: 'FREEZE', FREEZE: 'FREEZE' },
    columns: { kind: null, holder: 'court', registeredOn: 'frozen_on', amount: null },
    firstRank: 0,
    registrationPrefix: '股权冻结',
  },
};
