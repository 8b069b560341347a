import type { SourceControl } from '../../control/source-control';

/**
 * 住房公积金冻结: a person's fund account is frozen up to an amount (at most 1 year, as deposits), keyed by its fund
 * account no.; a freeze holds at most the balance less what earlier freezes hold. Freezes are numbered from 0.
 */
export const HOUSING_FUND_CONTROL: SourceControl = {
  assets: { HOUSING_FUND: { kinds: ['FREEZE'], maxPeriodDays: 365 } },
  assetKey: 'fund account no. (公积金账号)',
  classOf: () => 'HOUSING_FUND',
  registry: {
    assetTable: 'fund_account',
    idColumn: 'account_no',
    keyColumn: 'account_no',
    ownerColumn: 'holder_id_number',
    valueColumn: 'balance',
    balanceColumn: 'balance',
    encumbranceTable: 'fund_freeze',
    assetIdColumn: 'account_no',
    encumbranceKind: { SEIZE: 'FREEZE', FREEZE: 'FREEZE' },
    columns: { kind: null, holder: 'court', registeredOn: 'frozen_on' },
    firstRank: 0,
    registrationPrefix: '公积金冻结',
  },
};
