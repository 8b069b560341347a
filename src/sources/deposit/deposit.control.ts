import type { SourceControl } from '../../control/source-control';

/**
 * 存款冻结、扣划: an account is frozen up to an amount (at most 1 year, SPC rules) and a frozen amount deducted (扣划),
 * keyed by the bank's code and the account no. (`102376500012:6222021305001234567`). A freeze holds at most the
 * balance less what earlier freezes hold. The register numbers its freezes from 0 (the effective one; n = 轮候 n).
 */
export const DEPOSIT_CONTROL: SourceControl = {
  assets: { DEPOSIT: { kinds: ['FREEZE', 'DEDUCT'], maxPeriodDays: 365 } },
  assetKey: 'bank code and account no. (金融机构编码:账号)',
  classOf: () => 'DEPOSIT',
  registry: {
    assetTable: 'bank_account',
    keyColumn: ['bank_code', 'account_no'],
    ownerColumn: 'holder_id_number',
    valueColumn: 'balance',
    balanceColumn: 'balance',
    encumbranceTable: 'deposit_freeze',
    assetIdColumn: 'account_id',
    encumbranceKind: { SEIZE: 'FREEZE', FREEZE: 'FREEZE' },
    columns: { kind: null, holder: 'court', registeredOn: 'frozen_on' },
    firstRank: 0,
    registrationPrefix: '存款冻结',
    deductions: {
      table: 'deposit_deduction',
      assetIdColumn: 'account_id',
      court: 'court',
      date: 'deducted_on',
      freezeIdColumn: 'freeze_id',
      registrationPrefix: '存款扣划',
    },
  },
};
