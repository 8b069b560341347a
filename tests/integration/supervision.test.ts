import { dateOf, ManualClock } from '../../src/control/clock';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { codes, startTestHub, type TestHub } from '../support/test-hub';
import { waitFor } from '../support/wait-for';

const people = demoIdentities();
const SHOP = '341524003002GB00107F00020001'; // 张伟's shop, no encumbrance
const TRUCK = people.vins[2]; // 金寨县华兴建材有限公司's truck
const NEW_CASE = '(2026)皖1524执900号';
const FOREIGN_CASE = '(2025)皖1522执7号'; // a 霍邱 case the hub does not hold, known only to the bank's register
const LISTED = '91341524MAG1MCRF43'; // an enterprise put on the dishonest-debtor list for the checks

const ITEM = `id kind caseNo courtCode courtName source assetClass orderId orderKind orderState registrationNo subjectKind subjectIdNumber subjectName
  amount claim covered startedOn endsOn legalMaxDays since daysOverdue auditCaseNo auditSeqs`;
const SUPERVISION = `query ($filter: SupervisionFilter, $first: Int, $after: String) {
  supervision(filter: $filter, first: $first, after: $after) { totalCount unavailableSources pageInfo { hasNextPage endCursor } edges { cursor node { ${ITEM} } } } }`;
const STATISTICS = `query ($from: LocalDate!, $to: LocalDate!, $groupBy: StatisticsGroupBy!) {
  statistics(from: $from, to: $to, groupBy: $groupBy) { from to groupBy answerDeadlineDays csv
    rows { key label inquiries subjectsRead orders ordersByKindAndOutcome { kind outcome count } sent receipts receiptsWithinDeadline releases releasesOnTime
      listChecks listHits listInterceptions } } }`;
const INQUIRY = `{ executionCase(caseNo: "${DEMO.clerkCase}") { respondents { name realEstate { certificateNo } } } }`;

const legal = (caseNo: string) => ({
  rulingNo: `${caseNo}之一`,
  rulingDate: '2026-11-20',
  noticeNo: `${caseNo.replace(/号$/, '')}协字1号`,
  noticeDate: '2026-11-20',
});

type Row = {
  key: string;
  label?: string;
  inquiries: number;
  subjectsRead: number;
  orders: number;
  sent: number;
  receipts: number;
  receiptsWithinDeadline: number;
  releases: number;
  releasesOnTime: number;
  listChecks: number;
  listHits: number;
  listInterceptions: number;
  ordersByKindAndOutcome: Array<{ kind: string; outcome: string; count: number }>;
};

describe('supervision and statistics', () => {
  let t: TestHub;
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));
  const ids: { shop?: string; truck?: string; release?: string; pastMax?: string; overSeized?: string } = {};

  beforeAll(async () => {
    t = await startTestHub({ ASSISTANCE_RETRY_MS: '100', ASSISTANCE_MANUAL_SOURCES: 'vehicle', ASSISTANCE_ANSWER_DAYS: '5' }, { clock });
  }, 60000);
  afterAll(async () => t?.stop());

  const supervision = async (variables: Record<string, unknown> = {}, as = 'demo-auditor') => {
    const res = await t.gql(SUPERVISION, { as, variables: { first: 100, ...variables } });
    return res;
  };
  const items = async (variables: Record<string, unknown> = {}, as = 'demo-auditor') => {
    const res = await supervision(variables, as);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.supervision.edges.map((e: { node: any }) => e.node) as any[];
  };
  const statistics = async (groupBy: string, as = 'demo-auditor') => {
    const res = await t.gql(STATISTICS, { as, variables: { from: '2026-11-01', to: '2027-01-31', groupBy } });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.statistics as { rows: Row[]; csv: string };
  };
  const rowOf = (s: { rows: Row[] }, key: string): Row =>
    s.rows.find((r) => r.key === key) ?? {
      key,
      inquiries: 0,
      subjectsRead: 0,
      orders: 0,
      sent: 0,
      receipts: 0,
      receiptsWithinDeadline: 0,
      releases: 0,
      releasesOnTime: 0,
      listChecks: 0,
      listHits: 0,
      listInterceptions: 0,
      ordersByKindAndOutcome: [],
    };
  const order = async (id: string, as: string) =>
    (await t.gql(`query ($id: ID!) { controlOrder(id: $id) { id state registrationNo registeredUntil } }`, { as, variables: { id } })).body.data
      ?.controlOrder;
  const mutate = async (query: string, as: string, variables: Record<string, unknown>) => {
    const res = await t.gql(query, { as, variables });
    expect(res.body.errors).toBeUndefined();
    return Object.values(res.body.data!)[0] as any;
  };
  const submitAndApprove = async (id: string, clerk: string, approver: string) => {
    expect((await mutate(`mutation ($id: ID!) { submitControlOrder(id: $id) { state } }`, clerk, { id })).state).toBe('PENDING_APPROVAL');
    expect((await mutate(`mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, approver, { id })).state).toBe('SENT');
  };
  const answerAsVehicleAgency = async (id: string) => {
    await waitFor(
      () => t.gql('{ assistanceInbox(first: 50, state: PENDING) { edges { node { id } } } }', { as: 'demo-agency-vehicle' }),
      (r) => (r.body.data?.assistanceInbox.edges ?? []).some((e: any) => e.node.id === id),
    );
    await mutate(`mutation ($id: ID!) { answerAssistanceRequest(id: $id, input: { decision: ACCEPTED }) { decision } }`, 'demo-agency-vehicle', {
      id,
    });
  };

  let before: { court: { rows: Row[] }; agency: { rows: Row[] }; month: { rows: Row[] } };
  /** What the finance bureau's list checks found: the subjects on the list. */
  let listHits = 0;

  it('arranges: statistics before, an inquiry, a seizure in force, an order the agency leaves unanswered, rows put in the bank’s register', async () => {
    before = { court: await statistics('COURT'), agency: await statistics('AGENCY'), month: await statistics('MONTH') };
    // Two list checks by the finance bureau (AG-3415-CZJ); the first, of a listed person, is reported intercepted; the
    // second finds two listed subjects, both reported intercepted (an outcome per subject: three interceptions).
    const credit = await t.hub.sourceDatabases.credit.ready();
    await credit.query(
      `INSERT INTO dishonest_debtor_entry (subject_id_number, subject_name, court, case_no, obligation, circumstance, listed_on)
       VALUES ($1, '金寨县测试建材有限公司', '金寨县人民法院', '(2025)皖1524执310号', '支付货款', '有履行能力而拒不履行生效法律文书确定义务', '2025-03-01')`,
      [LISTED],
    );
    const CHECK = `mutation ($input: CheckDishonestInput!) { checkDishonest(input: $input) { checkId results { idNumber hit } } }`;
    const checked = [];
    for (const [subjects, applicationNo] of [
      [[people.liNa.id], 'ZB-2026-31'],
      [[people.zhangWei.id, people.huaxing.id, people.liNa.id, LISTED], 'CG-2026-32'],
    ] as const) {
      checked.push(await mutate(CHECK, 'demo-agency-procurement', { input: { subjects, purpose: 'BIDDING', applicationNo } }));
    }
    listHits = checked.flatMap((c) => c.results).filter((r: { hit: boolean }) => r.hit).length;
    expect(checked[0].results).toEqual([{ idNumber: people.liNa.id, hit: true }]);
    await mutate(
      `mutation ($id: ID!) { reportCheckOutcome(checkId: $id, outcome: INTERCEPTED, reason: "失信被执行人，取消中标资格") { outcome } }`,
      'demo-agency-procurement',
      { id: checked[0].checkId },
    );
    expect(checked[1].results.filter((r: { hit: boolean }) => r.hit).map((r: { idNumber: string }) => r.idNumber)).toEqual([people.liNa.id, LISTED]);
    for (const subjectId of [people.liNa.id, LISTED]) {
      await mutate(
        `mutation ($id: ID!, $s: String!) { reportCheckOutcome(checkId: $id, subjectId: $s, outcome: INTERCEPTED, reason: "失信被执行人，不予采购") { outcome } }`,
        'demo-agency-procurement',
        { id: checked[1].checkId, s: subjectId },
      );
    }
    expect((await t.gql(INQUIRY, { as: 'demo-clerk' })).body.errors ?? []).toEqual([]);

    const shop = await mutate(`mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }`, 'demo-clerk', {
      input: {
        caseNo: DEMO.clerkCase,
        kind: 'SEIZE',
        subjectIdNumber: people.zhangWei.id,
        source: 'PROPERTY',
        assetKey: SHOP,
        periodDays: 30,
        ...legal(DEMO.clerkCase),
      },
    });
    ids.shop = shop.id;
    await submitAndApprove(shop.id, 'demo-clerk', 'demo-approver');
    const active = await waitFor(
      () => order(shop.id, 'demo-clerk'),
      (o) => o?.state === 'ACTIVE',
    );
    expect(active).toMatchObject({ state: 'ACTIVE', registeredUntil: '2026-12-30' });

    const truck = await mutate(`mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }`, 'demo-clerk-2', {
      input: {
        caseNo: DEMO.otherCourtCase2,
        kind: 'SEIZE',
        subjectIdNumber: people.huaxing.id,
        source: 'VEHICLE',
        assetKey: TRUCK,
        periodDays: 700,
        ...legal(DEMO.otherCourtCase2),
      },
    });
    ids.truck = truck.id;
    await submitAndApprove(truck.id, 'demo-clerk-2', 'demo-approver-2');

    // A case of 张伟 with a small claim (100,000; claim with costs 105,000) and three freezes in the bank's register:
    // 80,000 and then 50,000 cover the claim, so the third (30,000) was over the amount.
    await mutate(`mutation ($input: CreateExecutionCaseInput!) { createExecutionCase(input: $input) { caseNo } }`, 'demo-admin', {
      input: { caseNo: NEW_CASE, filedOn: '2026-06-01', amountDue: '100000.00', respondents: [{ idNumber: people.zhangWei.id, name: '张伟' }] },
    });
    const bank = await t.hub.control.sourceDatabases.deposit.ready();
    const [account] = await bank.query(`SELECT id FROM bank_account WHERE holder_id_number = $1 ORDER BY account_no LIMIT 1`, [people.zhangWei.id]);
    const freeze = async (caseNo: string, court: string, amount: string, rank: number, frozenOn: string, expiresOn: string) =>
      (
        await bank.query(
          `INSERT INTO deposit_freeze (account_id, court, case_no, amount, rank, frozen_on, expires_on) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [account.id, court, caseNo, amount, rank, frozenOn, expiresOn],
        )
      )[0].id as string;
    await freeze(NEW_CASE, '金寨县人民法院', '80000.00', 5, '2026-06-02', '2027-06-01');
    await freeze(NEW_CASE, '金寨县人民法院', '50000.00', 6, '2026-06-03', '2027-06-02');
    ids.overSeized = await freeze(NEW_CASE, '金寨县人民法院', '30000.00', 7, '2026-06-04', '2027-06-03');
    // A freeze registered for 1,095 days, three times the one-year maximum for deposits.
    ids.pastMax = await freeze(FOREIGN_CASE, '霍邱县人民法院', '20000.00', 8, '2025-01-01', '2027-12-31');
  }, 90000);

  it('lists an agency’s answer past its deadline, with the audit entries of its order, the subject masked', async () => {
    clock.advanceDays(6); // 2026-12-07: the truck's request went out on 12-01, due within 5 days
    const found = await items({ filter: { kinds: ['ANSWER_OVERDUE'] } });
    const overdue = found.find((i) => i.orderId === ids.truck);
    expect(overdue).toMatchObject({
      kind: 'ANSWER_OVERDUE',
      caseNo: DEMO.otherCourtCase2,
      courtCode: '皖1522',
      courtName: '霍邱县人民法院',
      source: 'VEHICLE',
      assetClass: 'VEHICLE',
      orderKind: 'SEIZE',
      orderState: 'SENT',
      subjectKind: 'ENTERPRISE',
      startedOn: '2026-12-01',
      since: '2026-12-06',
      daysOverdue: 1,
      auditCaseNo: DEMO.otherCourtCase2,
    });
    expect(overdue.subjectIdNumber).toBe(`${people.huaxing.id.slice(0, 4)}**********${people.huaxing.id.slice(-4)}`);
    expect(overdue.subjectName).toMatch(/^金\*+$/);
    expect(found.every((i) => i.kind === 'ANSWER_OVERDUE')).toBe(true);
    expect(found.some((i) => i.orderId === ids.shop)).toBe(false); // answered at once
    // The entries behind it are in the auditor's log: its operations and control steps.
    expect(overdue.auditSeqs.length).toBeGreaterThanOrEqual(3);
    const log = await t.gql(
      `query ($caseNo: String) { auditEntries(first: 100, filter: { caseNo: $caseNo, kind: CONTROL }) { edges { node { seq detail } } } }`,
      {
        as: 'demo-auditor',
        variables: { caseNo: overdue.auditCaseNo },
      },
    );
    const control = log.body
      .data!.auditEntries.edges.map((e: any) => e.node)
      .filter((n: any) => (typeof n.detail === 'string' ? JSON.parse(n.detail) : n.detail)?.orderId === ids.truck);
    expect(control.length).toBeGreaterThan(0);
    for (const n of control) expect(overdue.auditSeqs).toContain(n.seq);
  }, 60000);

  it('stops listing the answer once the agency answers, and counts the late receipt and an on-time release', async () => {
    await answerAsVehicleAgency(ids.truck!);
    await waitFor(
      () => order(ids.truck!, 'demo-clerk-2'),
      (o) => o?.state === 'ACTIVE',
    );
    expect((await items({ filter: { kinds: ['ANSWER_OVERDUE'] } })).some((i) => i.orderId === ids.truck)).toBe(false);
    const release = await mutate(
      `mutation ($id: ID!, $input: FollowUpControlOrderInput!) { releaseControlOrder(id: $id, input: $input) { id state } }`,
      'demo-clerk-2',
      { id: ids.truck, input: legal(DEMO.otherCourtCase2) },
    );
    ids.release = release.id;
    expect((await mutate(`mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, 'demo-approver-2', { id: release.id })).state).toBe(
      'SENT',
    );
    await answerAsVehicleAgency(release.id);
    const released = await waitFor(
      () => order(ids.truck!, 'demo-clerk-2'),
      (o) => o?.state === 'RELEASED',
    );
    expect(released.state).toBe('RELEASED');
  }, 60000);

  it('lists a measure still in force past its period, a register row past the legal maximum and an over-seizure in a register', async () => {
    clock.advanceDays(34); // 2027-01-10: the shop's 30 days ended on 2026-12-30, and no sweep has lapsed it
    const all = await items();
    const past = all.find((i) => i.orderId === ids.shop);
    expect(past).toMatchObject({
      kind: 'MEASURE_PAST_PERIOD',
      caseNo: DEMO.clerkCase,
      courtCode: '皖1524',
      source: 'PROPERTY',
      assetClass: 'REAL_ESTATE',
      orderState: 'ACTIVE',
      startedOn: '2026-12-01',
      endsOn: '2026-12-30',
      legalMaxDays: 1095,
      since: '2026-12-31',
      daysOverdue: 10,
      subjectKind: 'PERSON',
      subjectName: '张*',
    });
    expect(past.registrationNo).toMatch(/^不动产查封登记/);
    expect(past.subjectIdNumber).not.toContain(people.zhangWei.id.slice(4, 14));

    const pastMax = all.find((i) => i.id === `MEASURE_PAST_PERIOD:deposit:${ids.pastMax}`);
    expect(pastMax).toMatchObject({
      kind: 'MEASURE_PAST_PERIOD',
      caseNo: FOREIGN_CASE,
      courtCode: '皖1522',
      courtName: '霍邱县人民法院',
      source: 'DEPOSIT',
      assetClass: 'DEPOSIT',
      orderId: null,
      amount: '20000.00',
      startedOn: '2025-01-01',
      endsOn: '2027-12-31',
      legalMaxDays: 365,
      since: '2025-01-01',
      subjectName: '张*',
      auditSeqs: [],
    });

    const over = all.filter((i) => i.kind === 'OVER_SEIZURE' && i.caseNo === NEW_CASE);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({
      id: `OVER_SEIZURE:deposit:${ids.overSeized}`,
      source: 'DEPOSIT',
      amount: '30000.00',
      claim: '105000.00',
      covered: '130000.00',
      startedOn: '2026-06-04',
      since: '2026-06-04',
    });
    // Nothing in the answer carries an identity in clear.
    const text = JSON.stringify(all);
    for (const id of [people.zhangWei.id, people.huaxing.id]) expect(text).not.toContain(id);
    expect(text).not.toContain('张伟');
  }, 60000);

  it('filters by court, kinds and period, and pages by cursor without repeating an item', async () => {
    const huoqiu = await items({ filter: { court: '皖1522' } });
    expect(huoqiu.length).toBeGreaterThan(0);
    expect(huoqiu.every((i) => i.courtCode === '皖1522')).toBe(true);
    expect(huoqiu.some((i) => i.id === `MEASURE_PAST_PERIOD:deposit:${ids.pastMax}`)).toBe(true);
    const overOnly = await items({ filter: { kinds: ['OVER_SEIZURE'] } });
    expect(overOnly.every((i) => i.kind === 'OVER_SEIZURE')).toBe(true);
    const june = await items({ filter: { from: '2026-06-01', to: '2026-06-30' } });
    expect(june.map((i) => i.id)).toContain(`OVER_SEIZURE:deposit:${ids.overSeized}`);
    expect(june.every((i) => i.since >= '2026-06-01' && i.since <= '2026-06-30')).toBe(true);

    const all = (await supervision()).body.data!.supervision;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await supervision({ first: 2, after })).body.data!.supervision;
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e: any) => e.node.id));
    const sinces = all.edges.map((e: any) => e.node.since);
    expect([...sinces].sort().reverse()).toEqual(sinces);
  }, 60000);

  it('refuses bad arguments with BAD_USER_INPUT and other roles with FORBIDDEN, and records every call', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01', "x' OR 1=1"])).toString('base64url');
    expect(codes(await supervision({ after: forged }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await supervision({ after: 'not-a-cursor' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await supervision({ filter: { court: '皖1524; DROP' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await supervision({ filter: { from: '2026-02-01', to: '2026-01-01' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await supervision({ first: 1000 }))).toEqual(['BAD_USER_INPUT']);
    for (const as of ['demo-clerk', 'demo-agency-property', 'demo-admin', 'demo-approver']) {
      const res = await supervision({}, as);
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(res.body.data?.supervision ?? null).toBeNull();
    }
    for (const as of ['demo-clerk', 'demo-agency-vehicle']) {
      expect(codes(await t.gql(STATISTICS, { as, variables: { from: '2026-11-01', to: '2026-11-30', groupBy: 'COURT' } }))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await t.gql(STATISTICS, { as: 'demo-auditor', variables: { from: '2025-01-01', to: '2026-11-30', groupBy: 'COURT' } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const log = await t.gql(`{ auditEntries(first: 100, filter: { kind: AUDIT }) { edges { node { username outcome detail } } } }`, {
      as: 'demo-auditor',
    });
    const entries = log.body
      .data!.auditEntries.edges.map((e: any) => e.node)
      .map((n: any) => ({ ...n, detail: typeof n.detail === 'string' ? JSON.parse(n.detail) : n.detail }))
      .filter((n: any) => ['supervision', 'statistics'].includes(n.detail?.operation));
    expect(entries.some((n: any) => n.username === 'demo-clerk' && n.detail.operation === 'supervision' && n.outcome === 'DENIED')).toBe(true);
    expect(entries.some((n: any) => n.username === 'demo-auditor' && n.detail.arguments?.filter?.court === '皖1522')).toBe(true);
    expect(entries.some((n: any) => n.username === 'demo-agency-vehicle' && n.detail.operation === 'statistics')).toBe(true);
  }, 60000);

  it('shows a court’s own auditor that court only', async () => {
    await mutate(`mutation ($input: CreateUserInput!) { createUser(input: $input) { username } }`, 'demo-admin', {
      input: { username: 'huoqiu-auditor', displayName: '监察室 刘明', role: 'AUDITOR', organisationCode: '皖1522' },
    });
    const own = await items({}, 'huoqiu-auditor');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((i) => i.courtCode === '皖1522')).toBe(true);
    expect(codes(await supervision({ filter: { court: '皖1524' } }, 'huoqiu-auditor'))).toEqual(['FORBIDDEN']);
    const counts = await statistics('COURT', 'huoqiu-auditor');
    expect(counts.rows.map((r) => r.key)).toEqual(['皖1522']);
  }, 60000);

  it('counts exactly what was done: one inquiry of two subjects, the orders by kind and outcome, receipts and releases', async () => {
    const after = { court: await statistics('COURT'), agency: await statistics('AGENCY'), month: await statistics('MONTH') };
    const delta = (s: 'court' | 'agency' | 'month', key: string, field: keyof Row) =>
      (rowOf(after[s], key)[field] as number) - (rowOf(before[s], key)[field] as number);
    expect(delta('court', '皖1524', 'inquiries')).toBe(1);
    expect(delta('court', '皖1524', 'subjectsRead')).toBe(2);
    expect(delta('court', '皖1522', 'inquiries')).toBe(0);
    expect(rowOf(after.court, '皖1524').ordersByKindAndOutcome).toEqual([{ kind: 'SEIZE', outcome: 'ACTIVE', count: 1 }]);
    expect(rowOf(after.court, '皖1522').ordersByKindAndOutcome).toEqual([
      { kind: 'RELEASE', outcome: 'RELEASED', count: 1 },
      { kind: 'SEIZE', outcome: 'RELEASED', count: 1 },
    ]);
    expect(rowOf(after.court, '皖1524')).toMatchObject({
      orders: 1,
      sent: 1,
      receipts: 1,
      receiptsWithinDeadline: 1,
      releases: 0,
      releasesOnTime: 0,
    });
    // The truck's seizure was answered a day late; its release at once.
    expect(rowOf(after.court, '皖1522')).toMatchObject({
      orders: 2,
      sent: 2,
      receipts: 2,
      receiptsWithinDeadline: 1,
      releases: 1,
      releasesOnTime: 1,
    });
    expect(rowOf(after.agency, 'vehicle')).toMatchObject({
      orders: 2,
      receiptsWithinDeadline: 1,
      releasesOnTime: 1,
      label: '六安市公安局交通警察支队车辆管理所',
    });
    // The list checks: the checking agency's by its organisation code, the month's, no court's.
    expect(delta('agency', 'AG-3415-CZJ', 'listChecks')).toBe(2);
    expect(delta('agency', 'AG-3415-CZJ', 'listHits')).toBe(listHits);
    expect(delta('agency', 'AG-3415-CZJ', 'listInterceptions')).toBe(3);
    expect(rowOf(after.agency, 'AG-3415-CZJ').label).toBe('金寨县财政局');
    expect(delta('month', '2026-12', 'listChecks')).toBe(2);
    expect(delta('month', '2026-12', 'listHits')).toBe(listHits);
    expect(delta('month', '2026-12', 'listInterceptions')).toBe(3);
    for (const court of after.court.rows) expect([court.listChecks, court.listHits, court.listInterceptions]).toEqual([0, 0, 0]);
    // The clerk's inquiry asked every source: each agency consulted counts it once.
    expect(delta('agency', 'property', 'inquiries')).toBe(1);
    expect(rowOf(after.court, '皖1524').label).toBe('金寨县人民法院');

    const months = await statistics('MONTH', 'demo-admin');
    expect(months.rows.find((r) => r.key === '2026-12')).toMatchObject({ orders: 3 });
    const csv = after.court.csv.split('\r\n');
    expect(csv[0]).toBe(
      '分组,名称,查询次数,被查询主体数,控制措施,已送达,回执,期限内回执,解除,按期解除,名单核查,名单命中,拦截,措施 RELEASE/RELEASED,措施 SEIZE/ACTIVE,措施 SEIZE/RELEASED',
    );
    expect(csv).toContain(
      `皖1522,霍邱县人民法院,${rowOf(after.court, '皖1522').inquiries},${rowOf(after.court, '皖1522').subjectsRead},2,2,2,1,1,1,0,0,0,1,0,1`,
    );
    expect(after.court.csv).not.toMatch(/\d{17}[\dX]/);
  }, 60000);

  it('lists release tasks past their due date after a bankruptcy acceptance, the addressed court’s, and only those', async () => {
    // 2027-01-10. Three tasks of the demo bankruptcy case addressed to 金寨: due 01-05 and pending, due 01-04 and
    // released, due today (due until the end of the day).
    const hub = t.hub.control.hub;
    const [b] = await hub.query(`SELECT id, debtor_id FROM bankruptcy_case WHERE case_no = $1`, [DEMO.bankruptcyCase]);
    const [court] = await hub.query(`SELECT id FROM organisation WHERE code = '皖1524'`);
    const task = async (key: string, state: string, dueOn: string) =>
      (
        await hub.query(
          `INSERT INTO release_task (bankruptcy_case_id, measure_key, source, asset_key, measure_kind, control_order_id, ordering_court_id,
                                     ordering_court_name, ordering_case_no, addressed_court_id, state, due_on, released_on, created_at, updated_at)
           VALUES ($1, $2, 'property', $3, 'SEIZE', $4, $5, '金寨县人民法院', $6, $5, $7, $8, $9, '2026-12-20T02:00:00Z', '2026-12-20T02:00:00Z')
           RETURNING id::text AS id`,
          [b.id, `supervision:${key}`, SHOP, ids.shop, court.id, DEMO.clerkCase, state, dueOn, state === 'RELEASED' ? '2027-01-03' : null],
        )
      )[0].id as string;
    const overdue = await task('overdue', 'PENDING', '2027-01-05');
    const released = await task('released', 'RELEASED', '2027-01-04');
    const dueToday = await task('today', 'RELEASING', '2027-01-10');

    const found = await items({ filter: { kinds: ['RELEASE_OVERDUE_AFTER_ACCEPTANCE'] } });
    expect(found.every((i) => i.kind === 'RELEASE_OVERDUE_AFTER_ACCEPTANCE')).toBe(true);
    const item = found.find((i) => i.id === `RELEASE_OVERDUE_AFTER_ACCEPTANCE:task:${overdue}`);
    expect(item).toMatchObject({
      caseNo: DEMO.clerkCase,
      courtCode: '皖1524',
      courtName: '金寨县人民法院',
      source: 'PROPERTY',
      assetClass: 'REAL_ESTATE',
      orderId: ids.shop,
      orderKind: 'SEIZE',
      startedOn: '2026-12-20',
      endsOn: '2027-01-05',
      since: '2027-01-06',
      daysOverdue: 4,
      auditCaseNo: DEMO.clerkCase,
    });
    expect(item.auditSeqs.length).toBeGreaterThan(0);
    const ids_ = found.map((i) => i.id);
    expect(ids_).not.toContain(`RELEASE_OVERDUE_AFTER_ACCEPTANCE:task:${released}`);
    expect(ids_).not.toContain(`RELEASE_OVERDUE_AFTER_ACCEPTANCE:task:${dueToday}`);
    // The same tasks as the auditors' overdueReleaseTasks.
    const listed = await t.gql(`{ overdueReleaseTasks(first: 100) { edges { node { id } } } }`, { as: 'demo-auditor' });
    const overdueIds = listed.body.data!.overdueReleaseTasks.edges.map((e: any) => `RELEASE_OVERDUE_AFTER_ACCEPTANCE:task:${e.node.id}`).sort();
    expect(ids_.sort()).toEqual(overdueIds);
    // The debtor is masked; another court's auditor does not see the task.
    const [debtor] = await hub.query(`SELECT id_number, name FROM subject WHERE id = $1`, [b.debtor_id]);
    expect(JSON.stringify(found)).not.toContain(debtor.id_number);
    expect(JSON.stringify(found)).not.toContain(debtor.name);
    expect((await items({ filter: { kinds: ['RELEASE_OVERDUE_AFTER_ACCEPTANCE'] } }, 'huoqiu-auditor')).map((i) => i.id)).not.toContain(item.id);
  }, 60000);

  it('lists orders drafted while their case was suspended, and orders still under way once it is, never a release', async () => {
    const hub = t.hub.control.hub;
    const [b] = await hub.query(`SELECT id FROM bankruptcy_case WHERE case_no = $1`, [DEMO.bankruptcyCase]);
    const suspend = (caseNo: string, from: Date, until: Date | null) =>
      hub.query(
        `INSERT INTO execution_suspension (execution_case_id, bankruptcy_case_id, reason, suspended_at, resumed_at)
         SELECT id, $2, '执行中止', $3, $4 FROM execution_case WHERE case_no = $1`,
        [caseNo, b.id, from, until],
      );
    const createdAt = async (id: string) => new Date((await hub.query(`SELECT created_at FROM control_order WHERE id = $1`, [id]))[0].created_at);

    // The shop's seizure was drafted inside a suspension of its case that has since ended.
    const shopDrafted = await createdAt(ids.shop!);
    await suspend(DEMO.clerkCase, new Date(shopDrafted.getTime() - 60_000), new Date(shopDrafted.getTime() + 60_000));

    // A new seizure of the truck is submitted; then its case is suspended (and stays so) while it awaits approval.
    const again = await mutate(`mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }`, 'demo-clerk-2', {
      input: {
        caseNo: DEMO.otherCourtCase2,
        kind: 'SEIZE',
        subjectIdNumber: people.huaxing.id,
        source: 'VEHICLE',
        assetKey: TRUCK,
        periodDays: 300,
        ...legal(DEMO.otherCourtCase2),
      },
    });
    expect((await mutate(`mutation ($id: ID!) { submitControlOrder(id: $id) { state } }`, 'demo-clerk-2', { id: again.id })).state).toBe(
      'PENDING_APPROVAL',
    );
    const suspendedAt = new Date((await createdAt(again.id)).getTime() + 3_600_000);
    await suspend(DEMO.otherCourtCase2, suspendedAt, null);
    clock.advanceDays(1);

    const found = await items({ filter: { kinds: ['ORDER_ON_SUSPENDED_CASE'] } });
    expect(found.every((i) => i.kind === 'ORDER_ON_SUSPENDED_CASE')).toBe(true);
    expect(found.find((i) => i.orderId === ids.shop)).toMatchObject({
      id: `ORDER_ON_SUSPENDED_CASE:order:${ids.shop}`,
      caseNo: DEMO.clerkCase,
      courtCode: '皖1524',
      orderKind: 'SEIZE',
      orderState: 'ACTIVE',
      since: dateOf(shopDrafted),
    });
    expect(found.find((i) => i.orderId === again.id)).toMatchObject({
      caseNo: DEMO.otherCourtCase2,
      courtCode: '皖1522',
      orderKind: 'SEIZE',
      orderState: 'PENDING_APPROVAL',
      since: dateOf(suspendedAt),
    });
    // The truck's first seizure (drafted and released before the suspension) and its release are not listed.
    expect(found.map((i) => i.orderId)).not.toContain(ids.truck);
    expect(found.map((i) => i.orderId)).not.toContain(ids.release);
    expect(found).toHaveLength(2);
    expect((await items({ filter: { kinds: ['ORDER_ON_SUSPENDED_CASE'] } }, 'huoqiu-auditor')).map((i) => i.orderId)).toEqual([again.id]);

    // Once the truck case's suspension ends by termination (执行终结), its order is no longer on a suspended case.
    await hub.query(
      `UPDATE execution_suspension SET terminated_at = $2
        WHERE execution_case_id = (SELECT id FROM execution_case WHERE case_no = $1) AND resumed_at IS NULL`,
      [DEMO.otherCourtCase2, new Date(suspendedAt.getTime() + 3_600_000)],
    );
    const after = await items({ filter: { kinds: ['ORDER_ON_SUSPENDED_CASE'] } });
    expect(after.map((i) => i.orderId)).toEqual([ids.shop]);
  }, 60000);
});
