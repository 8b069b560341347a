import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { DatabaseKey } from '../config';
import type { CountedDataSource } from '../databases/data-sources';
import {
  AdministratorAppointment, BankruptcyCase, ExecutionCase, ExecutionCaseClerk, Organisation, Subject, User,
} from '../entities/hub';
import { RealEstateEncumbrance, RealEstateUnit } from '../entities/property';
import { Vehicle, VehicleEncumbrance } from '../entities/vehicle';
import { TaxArrear, TaxFiling, TaxRefund, Taxpayer } from '../entities/tax';
import { InsuredEmployer, InsuredPerson } from '../entities/social-security';
import { AdministrativePenalty, ConsumptionRestriction, CreditRepair, DishonestDebtorEntry } from '../entities/credit';
import { residentId, uscc, vin } from './chinese';
import { Random } from './random';
import { SOURCE_NAMES, type SourceName } from '../sources/source-name';

/** Case numbers of the demo data, used by the README's example queries and the tests. */
export const DEMO = {
  clerkCase: '(2024)皖1524执123号', // two respondents: a person and an enterprise
  clerkCase2: '(2024)皖1524执124号', // one respondent, on the dishonest list
  closedCase: '(2023)皖1524执88号',
  otherCourtCase: '(2024)皖1522执56号', // demo-clerk-2's
  bankruptcyCase: '(2024)皖1524破1号',
  expiredBankruptcyCase: '(2022)皖1524破2号',
} as const;

const JINZHAI = '341524';
const HUOQIU = '341522';

/** Deterministic identities of the demo parties. */
export function demoIdentities() {
  const rng = new Random('fuyuantong-demo');
  return {
    zhangWei: { name: '张伟', id: residentId(rng, JINZHAI, new Date(Date.UTC(1982, 4, 17)), 'M') },
    liNa: { name: '李娜', id: residentId(rng, JINZHAI, new Date(Date.UTC(1990, 10, 2)), 'F') },
    wangQiang: { name: '王强', id: residentId(rng, HUOQIU, new Date(Date.UTC(1975, 1, 28)), 'M') },
    chenJing: { name: '陈静', id: residentId(rng, JINZHAI, new Date(Date.UTC(1979, 6, 9)), 'F') },
    zhaoLei: { name: '赵磊', id: residentId(rng, JINZHAI, new Date(Date.UTC(1993, 2, 21)), 'M') },
    zhouMin: { name: '周敏', id: residentId(rng, JINZHAI, new Date(Date.UTC(1988, 8, 30)), 'F') },
    oldCase: { name: '刘洋', id: residentId(rng, JINZHAI, new Date(Date.UTC(1970, 0, 5)), 'M') },
    huaxing: { name: '金寨县华兴建材有限公司', id: uscc(rng, JINZHAI) },
    hongda: { name: '金寨县宏达茶业有限公司', id: uscc(rng, JINZHAI) },
    yongan: { name: '金寨县永安机械制造有限公司', id: uscc(rng, JINZHAI) },
    vins: [vin(rng), vin(rng), vin(rng), vin(rng)],
  };
}

/** Seeds the demo organisations, users, cases and agency records when the hub holds no organisation yet. */
export async function seedDemoIfEmpty(dbs: Record<DatabaseKey, CountedDataSource>, log: (line: string) => void): Promise<boolean> {
  const seeded = await seedDemoHubIfEmpty(dbs.hub.dataSource, log);
  if (seeded) for (const key of SOURCE_NAMES) await seedDemoSourceIfEmpty(key, dbs[key].dataSource, log);
  return seeded;
}

/** The hub's demo organisations, users and cases, when it holds no organisation yet. */
export async function seedDemoHubIfEmpty(hub: DataSource, log: (line: string) => void): Promise<boolean> {
  const existing = await hub.getRepository(Organisation).count();
  if (existing > 0) return false;
  log('seeding demo data');
  await hub.transaction((m) => seedHub(m, demoIdentities()));
  return true;
}

const SOURCE_SEEDS: Record<SourceName, { sentinel: EntityTarget<ObjectLiteral>; seed: (m: EntityManager, p: P) => Promise<void> }> = {
  property: { sentinel: RealEstateUnit, seed: seedProperty },
  vehicle: { sentinel: Vehicle, seed: seedVehicles },
  tax: { sentinel: Taxpayer, seed: seedTax },
  socialSecurity: { sentinel: InsuredPerson, seed: seedSocialSecurity },
  credit: { sentinel: DishonestDebtorEntry, seed: seedCredit },
};

/** One source's demo records, when it holds none; a source first reached after start-up is seeded then. */
export async function seedDemoSourceIfEmpty(key: SourceName, source: DataSource, log: (line: string) => void): Promise<boolean> {
  const { sentinel, seed } = SOURCE_SEEDS[key];
  if ((await source.getRepository(sentinel).count()) > 0) return false;
  log(`seeding demo data into ${key}`);
  await source.transaction((m) => seed(m, demoIdentities()));
  return true;
}

type P = ReturnType<typeof demoIdentities>;

async function seedHub(m: EntityManager, p: P): Promise<void> {
  const org = (code: string, name: string, kind: Organisation['kind']) => m.save(m.create(Organisation, { code, name, kind, disabledAt: null }));
  const jinzhai = await org('皖1524', '金寨县人民法院', 'COURT');
  const huoqiu = await org('皖1522', '霍邱县人民法院', 'COURT');
  const firm = await org('AF-3415-001', '安徽正信律师事务所', 'ADMINISTRATOR_FIRM');
  const procuratorate = await org('PR-3415', '六安市人民检察院', 'PROCURATORATE');
  const operator = await org('OP-HUB', '府院通运维中心', 'OPERATOR');

  const user = (username: string, displayName: string, role: User['role'], organisationId: string) =>
    m.save(m.create(User, { username, displayName, role, organisationId, disabledAt: null }));
  const clerk = await user('demo-clerk', '执行员 孙立', 'CLERK', jinzhai.id);
  const clerk2 = await user('demo-clerk-2', '执行员 吴芳', 'CLERK', huoqiu.id);
  await user('demo-administrator', '管理人 郑明', 'ADMINISTRATOR', firm.id);
  await user('demo-auditor', '检察官 何平', 'AUDITOR', procuratorate.id);
  await user('demo-admin', '运维 马骏', 'ADMIN', operator.id);

  const subject = (s: { name: string; id: string }, kind: Subject['kind']) =>
    m.save(m.create(Subject, { kind, idNumber: s.id, name: s.name }));
  const zhang = await subject(p.zhangWei, 'PERSON');
  const li = await subject(p.liNa, 'PERSON');
  const wang = await subject(p.wangQiang, 'PERSON');
  const liu = await subject(p.oldCase, 'PERSON');
  const huaxing = await subject(p.huaxing, 'ENTERPRISE');
  const hongda = await subject(p.hongda, 'ENTERPRISE');
  const yongan = await subject(p.yongan, 'ENTERPRISE');

  const executionCase = async (caseNo: string, courtId: string, status: ExecutionCase['status'], filedOn: string, amountDue: string, respondents: Subject[], clerkId: string) => {
    const c = await m.save(m.create(ExecutionCase, { caseNo, courtId, status, filedOn, amountDue, closedAt: status === 'CLOSED' ? new Date('2024-06-30T08:00:00Z') : null, respondents }));
    await m.save(m.create(ExecutionCaseClerk, { caseId: c.id, userId: clerkId }));
  };
  await executionCase(DEMO.clerkCase, jinzhai.id, 'ACTIVE', '2024-03-11', '1285000.00', [zhang, huaxing], clerk.id);
  await executionCase(DEMO.clerkCase2, jinzhai.id, 'ACTIVE', '2024-04-02', '86000.00', [li], clerk.id);
  await executionCase(DEMO.closedCase, jinzhai.id, 'CLOSED', '2023-05-20', '42000.00', [liu], clerk.id);
  await executionCase(DEMO.otherCourtCase, huoqiu.id, 'ACTIVE', '2024-02-15', '350000.00', [wang], clerk2.id);

  const active = await m.save(m.create(BankruptcyCase, {
    caseNo: DEMO.bankruptcyCase, courtId: jinzhai.id, debtorId: hongda.id, acceptanceRulingNo: '(2024)皖1524破申3号',
    status: 'REORGANISATION', acceptedOn: '2024-02-26', closedAt: null,
  }));
  await m.save(m.create(AdministratorAppointment, {
    caseId: active.id, firmId: firm.id, decisionNo: '(2024)皖1524破1号之一', validFrom: '2024-03-01', validTo: '2027-02-28', endedAt: null,
  }));
  const old = await m.save(m.create(BankruptcyCase, {
    caseNo: DEMO.expiredBankruptcyCase, courtId: jinzhai.id, debtorId: yongan.id, acceptanceRulingNo: '(2022)皖1524破申1号',
    status: 'LIQUIDATION', acceptedOn: '2022-01-10', closedAt: null,
  }));
  await m.save(m.create(AdministratorAppointment, {
    caseId: old.id, firmId: firm.id, decisionNo: '(2022)皖1524破2号之一', validFrom: '2022-01-15', validTo: '2023-12-31', endedAt: null,
  }));
}

async function seedProperty(m: EntityManager, p: P): Promise<void> {
  const unit = (owner: { name: string; id: string }, certificateNo: string, unitCode: string, location: string, use: string, area: string, registeredOn: string) =>
    m.save(m.create(RealEstateUnit, { ownerIdNumber: owner.id, ownerName: owner.name, certificateNo, unitCode, location, use, area, registeredOn }));
  const enc = (unitId: string, e: Partial<RealEstateEncumbrance>) =>
    m.save(m.create(RealEstateEncumbrance, { unitId, caseNo: null, amount: null, expiresOn: null, releasedOn: null, ...e }));

  const flat = await unit(p.zhangWei, '皖(2019)金寨县不动产权第0003127号', '341524001001GB00012F00010502', '安徽省六安市金寨县梅山镇红军路128号3栋502室', '住宅', '128.36', '2019-08-14');
  await enc(flat.id, { kind: 'MORTGAGE', holder: '中国工商银行金寨支行', amount: '600000.00', registeredOn: '2019-08-20', expiresOn: '2039-08-19' });
  await enc(flat.id, { kind: 'SEIZURE', holder: '金寨县人民法院', caseNo: DEMO.clerkCase, registeredOn: '2024-03-20', expiresOn: '2027-03-19' });
  await unit(p.zhangWei, '皖(2021)金寨县不动产权第0008841号', '341524003002GB00107F00020001', '安徽省六安市金寨县江店镇迎宾大道66号商铺1-02', '商业', '86.10', '2021-05-06');
  await unit(p.huaxing, '皖(2016)金寨县不动产权第0001204号', '341524101001GB00003F00000000', '安徽省六安市金寨县经济开发区笔架山路18号', '工业', '5240.00', '2016-11-30');
  const tea = await unit(p.hongda, '皖(2015)金寨县不动产权第0000962号', '341524102003GB00021F00000000', '安徽省六安市金寨县油坊店乡茶园路1号', '工业', '3180.50', '2015-04-12');
  await enc(tea.id, { kind: 'MORTGAGE', holder: '安徽金寨农村商业银行', amount: '2800000.00', registeredOn: '2020-06-01', expiresOn: '2025-05-31' });
  await unit(p.wangQiang, '皖(2018)霍邱县不动产权第0005530号', '341522001004GB00218F00030301', '安徽省六安市霍邱县城关镇蓼都大道9号2栋301室', '住宅', '102.75', '2018-01-22');
}

async function seedVehicles(m: EntityManager, p: P): Promise<void> {
  const vehicle = (owner: { name: string; id: string }, plate: string, vinNo: string, make: string, model: string, registeredOn: string, status: Vehicle['status']) =>
    m.save(m.create(Vehicle, { ownerIdNumber: owner.id, ownerName: owner.name, plate, vin: vinNo, make, model, registeredOn, status }));
  const car = await vehicle(p.zhangWei, '皖N·8K265', p.vins[0], '大众', '帕萨特', '2020-09-10', 'MORTGAGED');
  await m.save(m.create(VehicleEncumbrance, { vehicleId: car.id, kind: 'MORTGAGE', holder: '上汽通用汽车金融有限责任公司', caseNo: null, amount: '120000.00', registeredOn: '2020-09-10', releasedOn: null }));
  const suv = await vehicle(p.liNa, '皖N·3A917', p.vins[1], '丰田', 'RAV4荣放', '2021-03-18', 'SEIZED');
  await m.save(m.create(VehicleEncumbrance, { vehicleId: suv.id, kind: 'SEIZURE', holder: '金寨县人民法院', caseNo: DEMO.clerkCase2, amount: null, registeredOn: '2024-04-15', releasedOn: null }));
  await vehicle(p.huaxing, '皖N·D5521', p.vins[2], '东风', '天龙KL 自卸车', '2019-07-01', 'NORMAL');
  await vehicle(p.hongda, '皖N·H0886', p.vins[3], '江淮', '帅铃 轻型货车', '2018-05-23', 'NORMAL');
}

async function seedTax(m: EntityManager, p: P): Promise<void> {
  const taxpayer = (s: { name: string; id: string }, kind: Taxpayer['kind'], extra: Partial<Taxpayer> = {}) =>
    m.save(m.create(Taxpayer, { idNumber: s.id, name: s.name, kind, taxAuthority: '国家税务总局金寨县税务局', creditGrade: null, legalRepresentativeName: null, legalRepresentativeIdNumber: null, registeredOn: '2015-01-01', ...extra }));
  await taxpayer(p.zhangWei, 'PERSON');
  await taxpayer(p.huaxing, 'ENTERPRISE', { creditGrade: 'C', legalRepresentativeName: p.zhangWei.name, legalRepresentativeIdNumber: p.zhangWei.id, registeredOn: '2012-06-18' });
  await taxpayer(p.hongda, 'ENTERPRISE', { creditGrade: 'D', legalRepresentativeName: p.chenJing.name, legalRepresentativeIdNumber: p.chenJing.id, registeredOn: '2010-03-05' });
  for (const [id, periods] of [[p.huaxing.id, ['2024-01', '2024-02', '2024-03']], [p.hongda.id, ['2023-11', '2023-12', '2024-01']]] as const) {
    for (const period of periods) {
      await m.save(m.create(TaxFiling, { taxpayerIdNumber: id, period, taxType: '增值税', taxableAmount: '182000.00', taxPaid: '23660.00', filedOn: `${period}-15` }));
    }
  }
  await m.save(m.create(TaxFiling, { taxpayerIdNumber: p.zhangWei.id, period: '2023', taxType: '个人所得税', taxableAmount: '156000.00', taxPaid: '8280.00', filedOn: '2024-03-30' }));
  await m.save(m.create(TaxArrear, { taxpayerIdNumber: p.huaxing.id, taxType: '增值税', period: '2023-12', amount: '46820.00', lateFee: '2107.00', since: '2024-01-16' }));
  await m.save(m.create(TaxArrear, { taxpayerIdNumber: p.hongda.id, taxType: '企业所得税', period: '2023', amount: '138400.00', lateFee: '9688.00', since: '2024-06-01' }));
  await m.save(m.create(TaxRefund, { taxpayerIdNumber: p.huaxing.id, kind: 'EXPORT_REBATE', amount: '73500.00', status: 'APPROVED', appliedOn: '2024-02-20' }));
  await m.save(m.create(TaxRefund, { taxpayerIdNumber: p.hongda.id, kind: 'EXPORT_REBATE', amount: '215000.00', status: 'PENDING', appliedOn: '2024-01-08' }));
}

async function seedSocialSecurity(m: EntityManager, p: P): Promise<void> {
  const person = (s: { name: string; id: string }, phone: string, address: string, employer: { name: string; id: string } | null, base: string | null) =>
    m.save(m.create(InsuredPerson, {
      idNumber: s.id, name: s.name, phone, address, insuredStatus: employer ? 'INSURED' : 'SUSPENDED',
      employerIdNumber: employer?.id ?? null, employerName: employer?.name ?? null, contributionBase: base,
      insuranceTypes: employer ? ['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'WORK_INJURY'] : ['PENSION'],
      medicalPlan: '城镇职工基本医疗保险', medicalAccountBalance: '3260.45', designatedHospital: '金寨县人民医院',
    }));
  await person(p.zhangWei, '13805641234', '安徽省六安市金寨县梅山镇红军路128号3栋502室', p.huaxing, '9800.00');
  await person(p.liNa, '15956427788', '安徽省六安市金寨县江店镇幸福路22号', p.hongda, '4200.00');
  await person(p.wangQiang, '18705646610', '安徽省六安市霍邱县城关镇蓼都大道9号2栋301室', null, null);
  await person(p.chenJing, '13966231090', '安徽省六安市金寨县油坊店乡茶园路3号', p.hongda, '7600.00');
  await person(p.zhaoLei, '17756420315', '安徽省六安市金寨县油坊店乡东莲村4组12号', p.hongda, '3900.00');
  await person(p.zhouMin, '19956428873', '安徽省六安市金寨县梅山镇梅山路40号', p.hongda, '4100.00');
  const employer = (s: { name: string; id: string }, count: number, arrears: string, since: string | null) =>
    m.save(m.create(InsuredEmployer, { idNumber: s.id, name: s.name, insuredEmployeeCount: count, arrearsAmount: arrears, arrearsSince: since, registeredOn: '2012-07-01' }));
  await employer(p.huaxing, 1, '0.00', null);
  await employer(p.hongda, 4, '58230.00', '2023-10-01');
}

async function seedCredit(m: EntityManager, p: P): Promise<void> {
  await m.save(m.create(DishonestDebtorEntry, {
    subjectIdNumber: p.liNa.id, subjectName: p.liNa.name, court: '金寨县人民法院', caseNo: DEMO.clerkCase2,
    obligation: '支付货款86000元及利息', circumstance: '有履行能力而拒不履行生效法律文书确定义务', listedOn: '2024-05-10', removedOn: null,
  }));
  await m.save(m.create(ConsumptionRestriction, { subjectIdNumber: p.liNa.id, court: '金寨县人民法院', caseNo: DEMO.clerkCase2, issuedOn: '2024-04-20', liftedOn: null }));
  await m.save(m.create(ConsumptionRestriction, { subjectIdNumber: p.huaxing.id, court: '金寨县人民法院', caseNo: DEMO.clerkCase, issuedOn: '2024-03-25', liftedOn: null }));
  await m.save(m.create(AdministrativePenalty, { subjectIdNumber: p.huaxing.id, authority: '金寨县生态环境分局', decisionNo: '金环罚〔2023〕17号', reason: '未按规定处置建筑垃圾', fine: '50000.00', decidedOn: '2023-09-12' }));
  await m.save(m.create(CreditRepair, { subjectIdNumber: p.hongda.id, basisCaseNo: DEMO.bankruptcyCase, authority: '金寨县发展和改革委员会', description: '重整计划经法院裁定批准,依法修复纳税及公共信用记录', repairedOn: '2024-09-30' }));
}
