import type { EntityManager } from 'typeorm';
import type { DemoIdentities } from '../../seed/demo-identities';
import { DEMO } from '../../seed/demo-identities';
import { FundAccount, FundEmployerAccount, FundFreeze } from './entities';

export async function seedHousingFundDemo(m: EntityManager, p: DemoIdentities): Promise<void> {
  const account = (holder: { name: string; id: string }, a: Omit<FundAccount, 'holderIdNumber' | 'holderName'>) =>
    m.save(m.create(FundAccount, { holderIdNumber: holder.id, holderName: holder.name, ...a }));
  const freeze = (accountNo: string, f: Omit<FundFreeze, 'id' | 'accountNo' | 'releasedOn' | 'requestId'> & { releasedOn?: string }) =>
    m.save(m.create(FundFreeze, { accountNo, releasedOn: null, requestId: null, ...f }));
  const unit = (e: { name: string; id: string }, a: Omit<FundEmployerAccount, 'creditCode' | 'name'>) =>
    m.save(m.create(FundEmployerAccount, { creditCode: e.id, name: e.name, ...a }));

  await account(p.zhangWei, {
    accountNo: '341524010003127',
    employerName: p.huaxing.name,
    employerCreditCode: p.huaxing.id,
    balance: '86420.15',
    monthlyContribution: '2352.00',
    status: 'NORMAL',
    lastContributionMonth: '2024-03',
    openedOn: '2012-07-01',
  });
  await freeze('341524010003127', {
    court: '六安市中级人民法院',
    caseNo: '(2022)皖15执210号',
    amount: '20000.00',
    rank: 0,
    frozenOn: '2022-09-01',
    expiresOn: '2025-08-31',
    releasedOn: '2023-02-10',
  });
  // 李娜 works for the bankrupt 宏达茶业, which stopped paying in: her account is sealed, frozen by 霍邱 first.
  await account(p.liNa, {
    accountNo: '341524010008841',
    employerName: p.hongda.name,
    employerCreditCode: p.hongda.id,
    balance: '23150.00',
    monthlyContribution: '1440.00',
    status: 'SEALED',
    lastContributionMonth: '2023-09',
    openedOn: '2016-03-01',
  });
  await freeze('341524010008841', {
    court: '霍邱县人民法院',
    caseNo: '(2024)皖1522执12号',
    amount: '23150.00',
    rank: 0,
    frozenOn: '2024-02-20',
    expiresOn: '2027-02-19',
  });
  await freeze('341524010008841', {
    court: '金寨县人民法院',
    caseNo: DEMO.clerkCase2,
    amount: '23150.00',
    rank: 1,
    frozenOn: '2024-04-16',
    expiresOn: '2027-04-15',
  });
  await account(p.wangQiang, {
    accountNo: '341522010005530',
    employerName: null,
    employerCreditCode: null,
    balance: '41800.00',
    monthlyContribution: '0.00',
    status: 'SEALED',
    lastContributionMonth: '2021-12',
    openedOn: '2009-05-01',
  });
  await freeze('341522010005530', {
    court: '霍邱县人民法院',
    caseNo: DEMO.otherCourtCase,
    amount: '41800.00',
    rank: 0,
    frozenOn: '2024-02-20',
    expiresOn: '2027-02-19',
  });

  await unit(p.huaxing, {
    accountNo: '341524020001204',
    contributingEmployees: 1,
    monthlyContribution: '2352.00',
    status: 'NORMAL',
    lastContributionMonth: '2024-03',
    arrearsAmount: '4704.00',
    arrearsSince: '2024-01-01',
  });
  await unit(p.hongda, {
    accountNo: '341524020000962',
    contributingEmployees: 4,
    monthlyContribution: '6912.00',
    status: 'SEALED',
    lastContributionMonth: '2023-09',
    arrearsAmount: '48384.00',
    arrearsSince: '2023-10-01',
  });
}
