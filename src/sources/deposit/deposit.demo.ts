import type { EntityManager } from 'typeorm';
import type { DemoIdentities } from '../../seed/demo-identities';
import { DEMO } from '../../seed/demo-identities';
import { BankAccount, DepositDeduction, DepositFreeze } from './entities';

/** Banks of the demo accounts: code (金融机构编码) and the branch. */
const BANK = {
  icbcJinzhai: ['102376500012', '中国工商银行金寨支行'],
  abcJinzhai: ['103376500027', '中国农业银行金寨支行'],
  bocJinzhai: ['104376500035', '中国银行金寨支行'],
  ccbJinzhai: ['105376500041', '中国建设银行金寨支行'],
  psbcJinzhai: ['403376500056', '中国邮政储蓄银行金寨县支行'],
  ruralJinzhai: ['402376500068', '安徽金寨农村商业银行'],
  huishangJinzhai: ['319376500073', '徽商银行六安金寨支行'],
  icbcHuoqiu: ['102376300019', '中国工商银行霍邱支行'],
  ccbHuoqiu: ['105376300024', '中国建设银行霍邱支行'],
} as const;

const LUAN = '六安市中级人民法院';
const HUOQIU = '霍邱县人民法院';
const JINZHAI = '金寨县人民法院';

export async function seedDepositDemo(m: EntityManager, p: DemoIdentities): Promise<void> {
  const account = (
    holder: { name: string; id: string },
    [bankCode, bankName]: readonly [string, string],
    accountNo: string,
    a: Partial<BankAccount>,
  ) =>
    m.save(
      m.create(BankAccount, {
        holderIdNumber: holder.id,
        holderName: holder.name,
        bankCode,
        bankName,
        accountNo,
        type: 'DEMAND',
        currency: 'CNY',
        status: 'NORMAL',
        ...a,
      }),
    );
  const freeze = (
    accountId: string,
    f: Pick<DepositFreeze, 'court' | 'caseNo' | 'amount' | 'rank' | 'frozenOn' | 'expiresOn'> & Partial<DepositFreeze>,
  ) => m.save(m.create(DepositFreeze, { accountId, releasedOn: null, ...f }));
  const deduction = (accountId: string, d: Pick<DepositDeduction, 'court' | 'caseNo' | 'amount' | 'deductedOn'> & Partial<DepositDeduction>) =>
    m.save(m.create(DepositDeduction, { accountId, ...d }));

  // 张伟: three banks; the salary account is already frozen by the intermediate court, so 金寨's freeze would queue.
  const zhangSalary = await account(p.zhangWei, BANK.icbcJinzhai, '6222021305001234567', { balance: '48620.35', openedOn: '2009-03-02' });
  await freeze(zhangSalary.id, {
    court: LUAN,
    caseNo: '(2023)皖15执45号',
    amount: '50000.00',
    rank: 0,
    frozenOn: '2024-01-15',
    expiresOn: '2025-01-14',
  });
  await freeze(zhangSalary.id, {
    court: LUAN,
    caseNo: '(2022)皖15执210号',
    amount: '20000.00',
    rank: 0,
    frozenOn: '2022-09-01',
    expiresOn: '2023-08-31',
    releasedOn: '2023-02-10',
  });
  await account(p.zhangWei, BANK.ccbJinzhai, '6217001630009876543', { type: 'TIME', balance: '200000.00', openedOn: '2021-06-18' });
  const zhangRural = await account(p.zhangWei, BANK.ruralJinzhai, '6230580000012345678', {
    balance: '3210.50',
    openedOn: '2015-11-09',
    status: 'DORMANT',
  });
  // The intermediate court froze what the dormant account held and deducted it the day the freeze was released.
  const ruralFreeze = await freeze(zhangRural.id, {
    court: LUAN,
    caseNo: '(2022)皖15执210号',
    amount: '18500.00',
    rank: 0,
    frozenOn: '2022-09-01',
    expiresOn: '2023-08-31',
    releasedOn: '2023-02-10',
  });
  await deduction(zhangRural.id, {
    court: LUAN,
    caseNo: '(2022)皖15执210号',
    amount: '18500.00',
    deductedOn: '2023-02-10',
    freezeId: ruralFreeze.id,
  });

  // 华兴建材: basic account frozen first by the intermediate court; general account with an earlier deduction.
  const huaxingBasic = await account(p.huaxing, BANK.bocJinzhai, '185712345678', { balance: '356200.00', openedOn: '2012-07-02' });
  await freeze(huaxingBasic.id, {
    court: LUAN,
    caseNo: '(2023)皖15执45号',
    amount: '300000.00',
    rank: 0,
    frozenOn: '2024-01-15',
    expiresOn: '2025-01-14',
  });
  const huaxingGeneral = await account(p.huaxing, BANK.huishangJinzhai, '1920101021000456789', { balance: '82000.00', openedOn: '2017-04-21' });
  await deduction(huaxingGeneral.id, { court: HUOQIU, caseNo: '(2023)皖1522执301号', amount: '41000.00', deductedOn: '2023-11-30' });

  // 李娜: 霍邱 froze first, 金寨 queues as 轮候 1.
  const liSalary = await account(p.liNa, BANK.abcJinzhai, '6228480398765432101', { balance: '12480.00', openedOn: '2013-09-10' });
  await freeze(liSalary.id, {
    court: HUOQIU,
    caseNo: '(2024)皖1522执12号',
    amount: '30000.00',
    rank: 0,
    frozenOn: '2024-02-20',
    expiresOn: '2025-02-19',
  });
  await freeze(liSalary.id, {
    court: JINZHAI,
    caseNo: DEMO.clerkCase2,
    amount: '86000.00',
    rank: 1,
    frozenOn: '2024-04-16',
    expiresOn: '2025-04-15',
  });
  await account(p.liNa, BANK.psbcJinzhai, '6210983760001122334', { balance: '5600.00', openedOn: '2019-01-07' });

  // 王强 (霍邱's respondent): frozen by 霍邱 in its own case.
  const wangSalary = await account(p.wangQiang, BANK.icbcHuoqiu, '6222021303005566778', { balance: '35000.00', openedOn: '2008-05-12' });
  await freeze(wangSalary.id, {
    court: HUOQIU,
    caseNo: DEMO.otherCourtCase,
    amount: '350000.00',
    rank: 0,
    frozenOn: '2024-02-20',
    expiresOn: '2025-02-19',
  });
  await account(p.wangQiang, BANK.ccbHuoqiu, '6217001630005566779', { balance: '8000.00', openedOn: '2016-10-30' });

  // 宏达茶业 (the bankruptcy debtor): frozen by two courts before the bankruptcy; an earlier deduction.
  const hongdaBasic = await account(p.hongda, BANK.ruralJinzhai, '20000123456789012', { balance: '18350.22', openedOn: '2010-03-15' });
  await freeze(hongdaBasic.id, {
    court: LUAN,
    caseNo: '(2023)皖15执88号',
    amount: '1200000.00',
    rank: 0,
    frozenOn: '2023-10-09',
    expiresOn: '2024-10-08',
  });
  await freeze(hongdaBasic.id, {
    court: HUOQIU,
    caseNo: '(2023)皖1522执412号',
    amount: '260000.00',
    rank: 1,
    frozenOn: '2023-12-01',
    expiresOn: '2024-11-30',
  });
  const hongdaAbc = await account(p.hongda, BANK.abcJinzhai, '12345601040012345', { balance: '2400.00', openedOn: '2014-08-20' });
  // In force when the bankruptcy is accepted: the freeze the acceptance sweep finds at the bank.
  await freeze(hongdaAbc.id, {
    court: LUAN,
    caseNo: '(2023)皖15民初45号',
    amount: '2400.00',
    rank: 0,
    frozenOn: '2026-06-10',
    expiresOn: '2027-06-09',
  });
  const hongdaTime = await account(p.hongda, BANK.icbcJinzhai, '1314050019200012345', { type: 'TIME', balance: '500000.00', openedOn: '2022-01-05' });
  const hongdaTimeFreeze = await freeze(hongdaTime.id, {
    court: JINZHAI,
    caseNo: '(2021)皖1524执77号',
    amount: '80000.00',
    rank: 0,
    frozenOn: '2021-11-02',
    expiresOn: '2022-11-01',
    releasedOn: '2022-06-30',
  });
  await deduction(hongdaTime.id, {
    court: JINZHAI,
    caseNo: '(2021)皖1524执77号',
    amount: '80000.00',
    deductedOn: '2022-06-30',
    freezeId: hongdaTimeFreeze.id,
  });
}
