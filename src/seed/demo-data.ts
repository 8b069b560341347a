import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { DatabaseKey } from '../config';
import type { CountedDataSource } from '../databases/data-sources';
import { AdministratorAppointment, BankruptcyCase, ExecutionCase, ExecutionCaseClerk, Organisation, Subject, User } from '../entities/hub';
import { demoIdentities, DEMO, DEMO_USERS, type DemoIdentities } from './demo-identities';
import { SOURCES } from '../sources/registry';
import { SOURCE_NAMES, type SourceName } from '../sources/source-name';

export { DEMO, DEMO_USERS, demoIdentities } from './demo-identities';

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

/** One source's demo records, when it holds none; a source first reached after start-up is seeded then. */
export async function seedDemoSourceIfEmpty(key: SourceName, source: DataSource, log: (line: string) => void): Promise<boolean> {
  const { sentinel, seed } = SOURCES.find((s) => s.name === key)!.demo;
  if ((await source.getRepository(sentinel as EntityTarget<ObjectLiteral>).count()) > 0) return false;
  log(`seeding demo data into ${key}`);
  await source.transaction((m) => seed(m, demoIdentities()));
  return true;
}

type P = DemoIdentities;

async function seedHub(m: EntityManager, p: P): Promise<void> {
  const org = (code: string, name: string, kind: Organisation['kind']) => m.save(m.create(Organisation, { code, name, kind, disabledAt: null }));
  const jinzhai = await org('皖1524', '金寨县人民法院', 'COURT');
  const huoqiu = await org('皖1522', '霍邱县人民法院', 'COURT');
  const firm = await org('AF-3415-001', '安徽正信律师事务所', 'ADMINISTRATOR_FIRM');
  const procuratorate = await org('PR-3415', '六安市人民检察院', 'PROCURATORATE');
  const operator = await org('OP-HUB', '府院通运维中心', 'OPERATOR');

  // Each agency's declared purposes: what its users may check the dishonest-debtor list for (src/checks/).
  const agency = (code: string, name: string, source: string | null, declaredPurposes: string[] = []) =>
    m.save(m.create(Organisation, { code, name, kind: 'AGENCY', source, declaredPurposes, disabledAt: null }));
  const propertyAgency = await agency('AG-3415-BDC', '金寨县不动产登记中心', 'property', ['LAND']);
  const vehicleAgency = await agency('AG-3415-CGS', '六安市公安局交通警察支队车辆管理所', 'vehicle');
  const depositAgency = await agency('AG-3415-BANK', '中国工商银行金寨支行 协助执行专岗', 'deposit', ['FINANCING']);
  const fundAgency = await agency('AG-3415-GJJ', '六安市住房公积金管理中心金寨县管理部', 'housingFund');
  const marketAgency = await agency('AG-3415-SCJG', '金寨县市场监督管理局', 'marketSupervision', ['LICENCE']);
  const financeBureau = await agency('AG-3415-CZJ', '金寨县财政局', null, ['GOVERNMENT_PROCUREMENT', 'BIDDING', 'SUBSIDIES']);
  const housingBureau = await agency('AG-3415-ZJJ', '金寨县住房和城乡建设局', null, ['LICENCE', 'BIDDING', 'SUBSIDIES']);
  // Public creditors in a bankruptcy: claim notices and credit repair (see Bankruptcy coordination).
  const taxAgency = await agency('AG-3415-SW', '国家税务总局金寨县税务局', 'tax');
  const socialSecurityAgency = await agency('AG-3415-SB', '金寨县社会保险中心', 'socialSecurity');
  const creditAgency = await agency('AG-3415-XY', '金寨县社会信用体系建设办公室', 'credit');

  const user = (username: string, displayName: string, role: User['role'], organisationId: string) =>
    m.save(m.create(User, { username, displayName, role, organisationId, disabledAt: null }));
  const clerk = await user(DEMO_USERS.CLERK, '执行员 孙立', 'CLERK', jinzhai.id);
  const clerk2 = await user('demo-clerk-2', '执行员 吴芳', 'CLERK', huoqiu.id);
  await user(DEMO_USERS.ADMINISTRATOR, '管理人 郑明', 'ADMINISTRATOR', firm.id);
  await user(DEMO_USERS.AUDITOR, '检察官 何平', 'AUDITOR', procuratorate.id);
  await user(DEMO_USERS.ADMIN, '运维 马骏', 'ADMIN', operator.id);
  await user(DEMO_USERS.JUDGE, '破产审判庭法官 钱文', 'JUDGE', jinzhai.id);
  await user(DEMO_USERS.APPROVER, '执行局长 陈刚', 'APPROVER', jinzhai.id);
  await user('demo-approver-2', '执行局长 黄勇', 'APPROVER', huoqiu.id);
  await user(DEMO_USERS.AGENCY, '登记员 周敏', 'AGENCY', propertyAgency.id);
  await user('demo-agency-vehicle', '车管民警 许涛', 'AGENCY', vehicleAgency.id);
  await user('demo-agency-deposit', '协助执行专员 林静', 'AGENCY', depositAgency.id);
  await user('demo-agency-housing-fund', '公积金专员 罗斌', 'AGENCY', fundAgency.id);
  await user('demo-agency-market-supervision', '登记科 高洁', 'AGENCY', marketAgency.id);
  await user('demo-agency-procurement', '政府采购科 孙悦', 'AGENCY', financeBureau.id);
  await user('demo-agency-housing', '建筑市场监管科 韩冬', 'AGENCY', housingBureau.id);
  await user('demo-agency-tax', '征管科 丁蕾', 'AGENCY', taxAgency.id);
  await user('demo-agency-social-security', '稽核科 葛峰', 'AGENCY', socialSecurityAgency.id);
  await user('demo-agency-credit', '信用修复专员 唐宁', 'AGENCY', creditAgency.id);

  const subject = (s: { name: string; id: string }, kind: Subject['kind']) => m.save(m.create(Subject, { kind, idNumber: s.id, name: s.name }));
  const zhang = await subject(p.zhangWei, 'PERSON');
  const li = await subject(p.liNa, 'PERSON');
  const wang = await subject(p.wangQiang, 'PERSON');
  const liu = await subject(p.oldCase, 'PERSON');
  const huaxing = await subject(p.huaxing, 'ENTERPRISE');
  const hongda = await subject(p.hongda, 'ENTERPRISE');
  const yongan = await subject(p.yongan, 'ENTERPRISE');

  const executionCase = async (
    caseNo: string,
    courtId: string,
    status: ExecutionCase['status'],
    filedOn: string,
    amountDue: string,
    respondents: Subject[],
    clerkId: string,
  ) => {
    const c = await m.save(
      m.create(ExecutionCase, {
        caseNo,
        courtId,
        status,
        filedOn,
        amountDue,
        closedAt: status === 'CLOSED' ? new Date('2024-06-30T08:00:00Z') : null,
        respondents,
      }),
    );
    await m.save(m.create(ExecutionCaseClerk, { caseId: c.id, userId: clerkId }));
    return c;
  };
  await executionCase(DEMO.clerkCase, jinzhai.id, 'ACTIVE', '2024-03-11', '1285000.00', [zhang, huaxing], clerk.id);
  await executionCase(DEMO.clerkCase2, jinzhai.id, 'ACTIVE', '2024-04-02', '86000.00', [li], clerk.id);
  await executionCase(DEMO.closedCase, jinzhai.id, 'CLOSED', '2023-05-20', '42000.00', [liu], clerk.id);
  await executionCase(DEMO.otherCourtCase, huoqiu.id, 'ACTIVE', '2024-02-15', '350000.00', [wang], clerk2.id);
  await executionCase(DEMO.otherCourtCase2, huoqiu.id, 'ACTIVE', '2024-05-08', '500000.00', [huaxing], clerk2.id);
  // 宏达茶业 before its bankruptcy: 霍邱 seized its tea factory through the hub, waiting (轮候) behind the seizure
  // 六安中院 registered directly at the registry; its bank accounts carry two courts' freezes (deposit demo).
  const hongdaCase = await executionCase(DEMO.hongdaCase, huoqiu.id, 'ACTIVE', '2023-12-04', '260000.00', [hongda], clerk2.id);
  await m.query(
    `INSERT INTO control_order (id, case_id, court_id, subject_id, source, kind, asset_class, asset_key, period_days, ruling_no, ruling_date, notice_no, notice_date,
                                state, rank, registration_no, drafted_by, delivered_at, answered_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'property', 'SEIZE', 'REAL_ESTATE', $5, 1095, '(2024)皖1522执90号之一', '2023-12-15', '(2024)皖1522执90号协字1号', '2023-12-15',
             'QUEUED', 2, '不动产查封登记20231218-5E1D0B3A', $6, '2023-12-18T02:00:00Z', '2023-12-18T03:00:00Z', '2023-12-15T02:00:00Z', '2023-12-18T03:00:00Z')`,
    [DEMO.hongdaSeizureOrder, hongdaCase.id, huoqiu.id, hongda.id, DEMO.hongdaFactory, clerk2.id],
  );

  const active = await m.save(
    m.create(BankruptcyCase, {
      caseNo: DEMO.bankruptcyCase,
      courtId: jinzhai.id,
      debtorId: hongda.id,
      acceptanceRulingNo: '(2024)皖1524破申3号',
      status: 'REORGANISATION',
      acceptedOn: '2024-02-26',
      closedAt: null,
    }),
  );
  await m.save(
    m.create(AdministratorAppointment, {
      caseId: active.id,
      firmId: firm.id,
      decisionNo: '(2024)皖1524破1号之一',
      validFrom: '2024-03-01',
      validTo: '2027-02-28',
      endedAt: null,
    }),
  );
  const old = await m.save(
    m.create(BankruptcyCase, {
      caseNo: DEMO.expiredBankruptcyCase,
      courtId: jinzhai.id,
      debtorId: yongan.id,
      acceptanceRulingNo: '(2022)皖1524破申1号',
      status: 'LIQUIDATION',
      acceptedOn: '2022-01-10',
      closedAt: null,
    }),
  );
  await m.save(
    m.create(AdministratorAppointment, {
      caseId: old.id,
      firmId: firm.id,
      decisionNo: '(2022)皖1524破2号之一',
      validFrom: '2022-01-15',
      validTo: '2023-12-31',
      endedAt: null,
    }),
  );
}
