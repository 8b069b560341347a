import type { EntityManager } from 'typeorm';
import type { DemoIdentities } from '../../seed/demo-identities';
import { DEMO } from '../../seed/demo-identities';
import { AdministrativePenalty, ConsumptionRestriction, CreditRepair, DishonestDebtorEntry } from './entities';

export async function seedCreditDemo(m: EntityManager, p: DemoIdentities): Promise<void> {
  await m.save(
    m.create(DishonestDebtorEntry, {
      subjectIdNumber: p.liNa.id,
      subjectName: p.liNa.name,
      court: '金寨县人民法院',
      caseNo: DEMO.clerkCase2,
      obligation: '支付货款86000元及利息',
      circumstance: '有履行能力而拒不履行生效法律文书确定义务',
      listedOn: '2024-05-10',
      removedOn: null,
    }),
  );
  await m.save(
    m.create(ConsumptionRestriction, {
      subjectIdNumber: p.liNa.id,
      court: '金寨县人民法院',
      caseNo: DEMO.clerkCase2,
      issuedOn: '2024-04-20',
      liftedOn: null,
    }),
  );
  await m.save(
    m.create(ConsumptionRestriction, {
      subjectIdNumber: p.huaxing.id,
      court: '金寨县人民法院',
      caseNo: DEMO.clerkCase,
      issuedOn: '2024-03-25',
      liftedOn: null,
    }),
  );
  await m.save(
    m.create(AdministrativePenalty, {
      subjectIdNumber: p.huaxing.id,
      authority: '金寨县生态环境分局',
      decisionNo: '金环罚〔2023〕17号',
      reason: '未按规定处置建筑垃圾',
      fine: '50000.00',
      decidedOn: '2023-09-12',
    }),
  );
  await m.save(
    m.create(CreditRepair, {
      subjectIdNumber: p.hongda.id,
      basisCaseNo: DEMO.bankruptcyCase,
      authority: '金寨县发展和改革委员会',
      description: '重整计划经法院裁定批准,依法修复纳税及公共信用记录',
      repairedOn: '2024-09-30',
    }),
  );
}
