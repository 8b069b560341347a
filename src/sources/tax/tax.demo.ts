import type { EntityManager } from 'typeorm';
import type { DemoIdentities } from '../../seed/demo-identities';
import { TaxArrear, TaxFiling, TaxRefund, Taxpayer } from './entities';

export async function seedTaxDemo(m: EntityManager, p: DemoIdentities): Promise<void> {
  const taxpayer = (s: { name: string; id: string }, kind: Taxpayer['kind'], extra: Partial<Taxpayer> = {}) =>
    m.save(
      m.create(Taxpayer, {
        idNumber: s.id,
        name: s.name,
        kind,
        taxAuthority: '国家税务总局金寨县税务局',
        creditGrade: null,
        legalRepresentativeName: null,
        legalRepresentativeIdNumber: null,
        registeredOn: '2015-01-01',
        ...extra,
      }),
    );
  await taxpayer(p.zhangWei, 'PERSON');
  await taxpayer(p.huaxing, 'ENTERPRISE', {
    creditGrade: 'C',
    legalRepresentativeName: p.zhangWei.name,
    legalRepresentativeIdNumber: p.zhangWei.id,
    registeredOn: '2012-06-18',
  });
  await taxpayer(p.hongda, 'ENTERPRISE', {
    creditGrade: 'D',
    legalRepresentativeName: p.chenJing.name,
    legalRepresentativeIdNumber: p.chenJing.id,
    registeredOn: '2010-03-05',
  });
  for (const [id, periods] of [
    [p.huaxing.id, ['2024-01', '2024-02', '2024-03']],
    [p.hongda.id, ['2023-11', '2023-12', '2024-01']],
  ] as const) {
    for (const period of periods) {
      await m.save(
        m.create(TaxFiling, {
          taxpayerIdNumber: id,
          period,
          taxType: '增值税',
          taxableAmount: '182000.00',
          taxPaid: '23660.00',
          filedOn: `${period}-15`,
        }),
      );
    }
  }
  await m.save(
    m.create(TaxFiling, {
      taxpayerIdNumber: p.zhangWei.id,
      period: '2023',
      taxType: '个人所得税',
      taxableAmount: '156000.00',
      taxPaid: '8280.00',
      filedOn: '2024-03-30',
    }),
  );
  await m.save(
    m.create(TaxArrear, {
      taxpayerIdNumber: p.huaxing.id,
      taxType: '增值税',
      period: '2023-12',
      amount: '46820.00',
      lateFee: '2107.00',
      since: '2024-01-16',
    }),
  );
  await m.save(
    m.create(TaxArrear, {
      taxpayerIdNumber: p.hongda.id,
      taxType: '企业所得税',
      period: '2023',
      amount: '138400.00',
      lateFee: '9688.00',
      since: '2024-06-01',
    }),
  );
  // Owed before 宏达茶业's bankruptcy was accepted (2024-02-26): the tax claim of (2024)皖1524破1号.
  await m.save(
    m.create(TaxArrear, {
      taxpayerIdNumber: p.hongda.id,
      taxType: '增值税',
      period: '2023-12',
      amount: '52600.00',
      lateFee: '1078.30',
      since: '2024-01-16',
    }),
  );
  await m.save(
    m.create(TaxRefund, { taxpayerIdNumber: p.huaxing.id, kind: 'EXPORT_REBATE', amount: '73500.00', status: 'APPROVED', appliedOn: '2024-02-20' }),
  );
  await m.save(
    m.create(TaxRefund, { taxpayerIdNumber: p.hongda.id, kind: 'EXPORT_REBATE', amount: '215000.00', status: 'PENDING', appliedOn: '2024-01-08' }),
  );
}
