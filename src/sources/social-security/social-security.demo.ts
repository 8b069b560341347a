import type { EntityManager } from 'typeorm';
import type { DemoIdentities } from '../../seed/demo-identities';
import { ContributionArrear, InsuredEmployer, InsuredPerson } from './entities';

export async function seedSocialSecurityDemo(m: EntityManager, p: DemoIdentities): Promise<void> {
  const person = (
    s: { name: string; id: string },
    phone: string,
    address: string,
    employer: { name: string; id: string } | null,
    base: string | null,
  ) =>
    m.save(
      m.create(InsuredPerson, {
        idNumber: s.id,
        name: s.name,
        phone,
        address,
        insuredStatus: employer ? 'INSURED' : 'SUSPENDED',
        employerIdNumber: employer?.id ?? null,
        employerName: employer?.name ?? null,
        contributionBase: base,
        insuranceTypes: employer ? ['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'WORK_INJURY'] : ['PENSION'],
        medicalPlan: '城镇职工基本医疗保险',
        medicalAccountBalance: '3260.45',
        designatedHospital: '金寨县人民医院',
      }),
    );
  await person(p.zhangWei, '13805641234', '安徽省六安市金寨县梅山镇红军路128号3栋502室', p.huaxing, '9800.00');
  await person(p.liNa, '15956427788', '安徽省六安市金寨县江店镇幸福路22号', p.hongda, '4200.00');
  await person(p.wangQiang, '18705646610', '安徽省六安市霍邱县城关镇蓼都大道9号2栋301室', null, null);
  await person(p.chenJing, '13966231090', '安徽省六安市金寨县油坊店乡茶园路3号', p.hongda, '7600.00');
  await person(p.zhaoLei, '17756420315', '安徽省六安市金寨县油坊店乡东莲村4组12号', p.hongda, '3900.00');
  await person(p.zhouMin, '19956428873', '安徽省六安市金寨县梅山镇梅山路40号', p.hongda, '4100.00');
  const employer = (s: { name: string; id: string }, count: number, arrears: string, since: string | null) =>
    m.save(
      m.create(InsuredEmployer, {
        idNumber: s.id,
        name: s.name,
        insuredEmployeeCount: count,
        arrearsAmount: arrears,
        arrearsSince: since,
        registeredOn: '2012-07-01',
      }),
    );
  await employer(p.huaxing, 1, '0.00', null);
  await employer(p.hongda, 4, '58230.00', '2023-10-01');
  // 宏达茶业's 58,230.00 unpaid since October 2023, per insurance type and month (each due by the 15th of the next).
  const monthly = { PENSION: '9200.00', MEDICAL: '3730.00', UNEMPLOYMENT: '577.50', WORK_INJURY: '412.50', MATERNITY: '637.50' } as const;
  for (const [period, overdueSince] of [
    ['2023-10', '2023-11-16'],
    ['2023-11', '2023-12-16'],
    ['2023-12', '2024-01-16'],
    ['2024-01', '2024-02-16'],
  ]) {
    for (const [insuranceType, amount] of Object.entries(monthly)) {
      await m.save(
        m.create(ContributionArrear, {
          employerIdNumber: p.hongda.id,
          insuranceType: insuranceType as keyof typeof monthly,
          period,
          amount,
          overdueSince,
        }),
      );
    }
  }
}
