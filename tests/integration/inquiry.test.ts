import { randomUUID } from 'node:crypto';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { NO_CASE_ACCESS } from '../../src/services/execution-case.service';
import { codes, startTestHub, type TestHub } from '../support/test-hub';
import { SOURCES } from '../../src/sources/registry';
import { INQUIRY_QUERY, PART_QUERIES } from '../../bench/inquiry-query';

describe('case-bound inquiry over HTTP', () => {
  let t: TestHub;
  const p = demoIdentities();

  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lets a clerk read both respondents of an assigned case across all eight sources', async () => {
    const res = await t.gql(INQUIRY_QUERY, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase } });
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data!.executionCase;
    expect(c).toMatchObject({ caseNo: DEMO.clerkCase, status: 'ACTIVE', amountDue: '1285000.00', court: { code: '皖1524' } });
    const [person, enterprise] = [...c.respondents].sort((a: any, b: any) => (a.kind < b.kind ? 1 : -1));
    expect(person).toMatchObject({ kind: 'PERSON', name: '张伟', idNumber: p.zhangWei.id, phone: '13805641234' });
    expect(person.realEstate).toHaveLength(2);
    expect(person.realEstate[0].encumbrances.map((e: any) => e.kind)).toEqual(['MORTGAGE', 'SEIZURE']);
    expect(person.vehicles[0]).toMatchObject({ plate: '皖N·8K265', status: 'MORTGAGED' });
    expect(person.socialSecurity).toMatchObject({ insuredStatus: 'INSURED', employer: { idNumber: p.huaxing.id }, contributionBase: '9800.00' });
    expect(enterprise).toMatchObject({ kind: 'ENTERPRISE', idNumber: p.huaxing.id, phone: null });
    expect(enterprise.tax).toMatchObject({ creditGrade: 'C', totalArrears: '48927.00', refundsDue: [{ kind: 'EXPORT_REBATE', amount: '73500.00' }] });
    expect(enterprise.tax.legalRepresentative).toEqual({ name: '张伟', idNumber: p.zhangWei.id });
    expect(enterprise.socialSecurity).toMatchObject({ insuredEmployeeCount: 1, arrearsAmount: '0.00' });
    expect(enterprise.credit.administrativePenalties).toHaveLength(1);
    expect(person.sourceStatus.map((s: any) => `${s.source}:${s.state}`)).toEqual(SOURCES.map((s) => `${s.enumKey}:OK`));
    expect(SOURCES).toHaveLength(8);
  });

  it('answers the benchmark’s smaller questions: the case alone reads no subject and writes no entry, the identities one per respondent', async () => {
    const entries = async (requestId: string) =>
      (await t.hub.hub.query(`SELECT kind, subject_id_number FROM audit_entry WHERE correlation_id = $1 ORDER BY seq`, [requestId])) as Array<{
        kind: string;
        subject_id_number: string;
      }>;
    const alone = `case-${randomUUID()}`;
    const res = await t.gql(PART_QUERIES.case, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase }, headers: { 'x-request-id': alone } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.executionCase).toEqual({
      caseNo: DEMO.clerkCase,
      status: 'ACTIVE',
      amountDue: '1285000.00',
      court: { code: '皖1524', name: expect.any(String) },
    });
    expect(await entries(alone)).toEqual([]);

    const identity = `identity-${randomUUID()}`;
    const named = await t.gql(PART_QUERIES.identity, {
      as: 'demo-clerk',
      variables: { caseNo: DEMO.clerkCase },
      headers: { 'x-request-id': identity },
    });
    expect(named.body.errors).toBeUndefined();
    const respondents = named.body.data!.executionCase.respondents as Array<Record<string, unknown>>;
    expect(respondents.map((r) => r.idNumber).sort()).toEqual([p.huaxing.id, p.zhangWei.id].sort());
    expect(respondents.find((r) => r.kind === 'PERSON')).toMatchObject({ name: '张伟', phone: '13805641234' });
    expect(respondents.every((r) => !('realEstate' in r))).toBe(true);
    const read = await entries(identity);
    expect(read.map((e) => e.kind)).toEqual(['READ', 'READ']);
    expect(read.map((e) => e.subject_id_number).sort()).toEqual([p.huaxing.id, p.zhangWei.id].sort());
  });

  it('shows a clerk the deposits, fund, registration and equity of both respondents, with other courts’ freezes and reference values', async () => {
    const res = await t.gql(INQUIRY_QUERY, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase } });
    expect(res.body.errors).toBeUndefined();
    const [person, enterprise] = [...res.body.data!.executionCase.respondents].sort((a: any, b: any) => (a.kind < b.kind ? 1 : -1));
    expect(person.deposits.map((a: any) => a.bankName)).toEqual(['中国工商银行金寨支行', '中国建设银行金寨支行', '安徽金寨农村商业银行']);
    // The salary account is already frozen by the intermediate court: a freeze by 金寨 would queue.
    expect(person.deposits[0]).toMatchObject({ accountNo: '6222021305001234567', type: 'DEMAND', currency: 'CNY', balance: '48620.35' });
    expect(person.deposits[0].freezes).toEqual([
      { court: '六安市中级人民法院', caseNo: '(2022)皖15执210号', amount: '20000.00', rank: 0, releasedOn: '2023-02-10' },
      { court: '六安市中级人民法院', caseNo: '(2023)皖15执45号', amount: '50000.00', rank: 0, releasedOn: null },
    ]);
    expect(person.deposits[2].deductions).toEqual([{ court: '六安市中级人民法院', amount: '18500.00', deductedOn: '2023-02-10' }]);
    expect(person.housingFund).toMatchObject({
      registered: true,
      accountNo: '341524010003127',
      status: 'NORMAL',
      balance: '86420.15',
      employer: { name: p.huaxing.name, creditCode: p.huaxing.id },
      contributingEmployees: null,
    });
    expect(person.marketRegistration).toBeNull();
    expect(person.shareholdings).toHaveLength(2);
    const inHuaxing = person.shareholdings.find((s: any) => s.targetCreditCode === p.huaxing.id);
    // No appraisal: registered capital 5,000,000 × 60 %.
    expect(inHuaxing).toMatchObject({
      sharePercent: '60.0000',
      referenceValue: '3000000.00',
      referenceValueBasis: 'REGISTERED_CAPITAL_SHARE',
      referenceValueOn: null,
    });
    expect(inHuaxing.freezes).toEqual([{ court: '六安市中级人民法院', caseNo: '(2023)皖15执45号', rank: 0, releasedOn: null }]);
    const appraised = person.shareholdings.find((s: any) => s.targetName === '金寨县梅山石材有限公司');
    expect(appraised).toMatchObject({ referenceValue: '1150000.00', referenceValueBasis: 'APPRAISAL', referenceValueOn: '2024-01-20' });
    expect(person.realEstate[0]).toMatchObject({
      referenceValue: '742000.00',
      referenceValueOn: '2024-03-25',
      referenceValueBasis: 'ONLINE_INQUIRY',
    });
    expect(person.vehicles[0]).toMatchObject({ referenceValue: '98000.00', referenceValueBasis: 'ONLINE_INQUIRY' });

    expect(enterprise.deposits).toHaveLength(2);
    expect(enterprise.housingFund).toMatchObject({
      accountNo: '341524020001204',
      contributingEmployees: 1,
      arrearsAmount: '4704.00',
      balance: null,
      employer: null,
      freezes: null,
    });
    expect(enterprise.marketRegistration).toEqual({
      status: 'EXISTING',
      registeredAddress: '安徽省六安市金寨县经济开发区笔架山路18号',
      registeredCapital: '5000000.00',
      legalRepresentative: { name: '张伟', idNumber: p.zhangWei.id },
    });
    // 20 % of 梅山石材 (registered capital 2,000,000).
    expect(enterprise.shareholdings).toMatchObject([{ targetName: '金寨县梅山石材有限公司', referenceValue: '400000.00', freezes: [] }]);
  });

  it('shows the second case’s freezes queued behind another court’s (轮候)', async () => {
    const res = await t.gql(INQUIRY_QUERY, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase2 } });
    const [li] = res.body.data!.executionCase.respondents;
    expect(li.deposits[0].freezes.map((f: any) => [f.court, f.rank])).toEqual([
      ['霍邱县人民法院', 0],
      ['金寨县人民法院', 1],
    ]);
    expect(li.housingFund).toMatchObject({
      status: 'SEALED',
      freezes: [
        { court: '霍邱县人民法院', rank: 0 },
        { court: '金寨县人民法院', rank: 1 },
      ],
    });
    expect(li.shareholdings[0]).toMatchObject({ targetCreditCode: p.hongda.id, referenceValue: '400000.00' });
    expect(li.shareholdings[0].freezes.map((f: any) => f.rank)).toEqual([0, 1]);
  });

  it('shows a seized vehicle and a dishonest-debtor entry for the second case', async () => {
    const res = await t.gql(INQUIRY_QUERY, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase2 } });
    const [li] = res.body.data!.executionCase.respondents;
    expect(li.vehicles[0]).toMatchObject({ status: 'SEIZED', encumbrances: [{ kind: 'SEIZURE', caseNo: DEMO.clerkCase2 }] });
    expect(li.credit).toMatchObject({ dishonest: true, dishonestEntries: [{ caseNo: DEMO.clerkCase2 }] });
  });

  it('serves source dates as calendar days and encumbrances oldest first', async () => {
    const res = await t.gql(
      `query ($caseNo: String!) { executionCase(caseNo: $caseNo) { respondents { kind realEstate { registeredOn encumbrances { kind amount registeredOn expiresOn } } } } }`,
      { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase } },
    );
    const person = res.body.data!.executionCase.respondents.find((r: any) => r.kind === 'PERSON');
    expect(person.realEstate[0].registeredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(person.realEstate[0].encumbrances).toEqual([
      { kind: 'MORTGAGE', amount: '600000.00', registeredOn: '2019-08-20', expiresOn: '2039-08-19' },
      { kind: 'SEIZURE', amount: null, registeredOn: '2024-03-20', expiresOn: '2027-03-19' },
    ]);
  });

  it('accepts full-width parentheses in a case number', async () => {
    const res = await t.gql(INQUIRY_QUERY, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase.replace('(', '（').replace(')', '）') } });
    expect(res.body.data!.executionCase.caseNo).toBe(DEMO.clerkCase);
  });

  it.each([
    ['another clerk’s case', 'demo-clerk-2', DEMO.clerkCase],
    ['a closed case', 'demo-clerk', DEMO.closedCase],
    ['a case that does not exist', 'demo-clerk', '(2024)皖1524执99999号'],
  ])('refuses %s with FORBIDDEN and the same message', async (_label, as, caseNo) => {
    const res = await t.gql(INQUIRY_QUERY, { as, variables: { caseNo } });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.body.errors![0].message).toBe(NO_CASE_ACCESS);
    expect(res.body.data!.executionCase).toBeNull();
  });

  it.each(['demo-auditor', 'demo-admin', 'demo-administrator'])('refuses execution cases to %s', async (as) => {
    const res = await t.gql(INQUIRY_QUERY, { as, variables: { caseNo: DEMO.clerkCase } });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.body.data?.executionCase ?? null).toBeNull();
  });

  it.each([
    ['garbage', 'abc'],
    ['a bankruptcy number where an execution number is expected', DEMO.bankruptcyCase],
    ['an over-long string', `(2024)皖1524执${'1'.repeat(500)}号`],
    ['an SQL-looking string', "(2024)皖1524执1号' OR '1'='1"],
  ])('answers %s with BAD_USER_INPUT naming caseNo', async (_label, caseNo) => {
    const res = await t.gql(INQUIRY_QUERY, { as: 'demo-clerk', variables: { caseNo } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0].extensions!.argument).toBe('caseNo');
  });

  it('lists a clerk’s active cases as a connection, newest first, with cursors', async () => {
    const q = `query ($after: String) { myExecutionCases(first: 1, after: $after) { totalCount edges { cursor node { caseNo } } pageInfo { hasNextPage endCursor } } }`;
    const first = await t.gql(q, { as: 'demo-clerk' });
    const page1 = first.body.data!.myExecutionCases;
    expect(page1.totalCount).toBe(2);
    expect(page1.edges[0].node.caseNo).toBe(DEMO.clerkCase2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(q, { as: 'demo-clerk', variables: { after: page1.pageInfo.endCursor } });
    expect(second.body.data!.myExecutionCases.edges.map((e: any) => e.node.caseNo)).toEqual([DEMO.clerkCase]);
    expect(second.body.data!.myExecutionCases.pageInfo.hasNextPage).toBe(false);
    const closed = await t.gql('{ myExecutionCases(includeClosed: true) { totalCount } }', { as: 'demo-clerk' });
    expect(closed.body.data!.myExecutionCases.totalCount).toBe(3);
    const bad = await t.gql('{ myExecutionCases(first: 1000) { totalCount } }', { as: 'demo-clerk' });
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const badCursor = await t.gql('{ myExecutionCases(after: "nope") { totalCount } }', { as: 'demo-clerk' });
    expect(badCursor.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('lets an appointed administrator read the debtor enterprise of a bankruptcy case', async () => {
    const res = await t.gql(
      `query ($caseNo: String!) { myBankruptcyCases { totalCount edges { node { caseNo } } }
        bankruptcyCase(caseNo: $caseNo) { caseNo status acceptanceRulingNo appointment { decisionNo validTo firm { name } }
          debtor { kind name idNumber realEstate { certificateNo } tax { creditGrade filings { period } arrears { amount } refundsDue { kind } }
                   socialSecurity { insuredEmployeeCount arrearsAmount employees { name } } credit { creditRepairs { basisCaseNo } }
                   deposits { bankName accountNo balance freezes { court rank } } housingFund { accountNo status arrearsAmount }
                   marketRegistration { status registeredAddress legalRepresentative { name idNumber } } shareholdings { targetName referenceValue referenceValueBasis } } } }`,
      { as: 'demo-administrator', variables: { caseNo: DEMO.bankruptcyCase } },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.myBankruptcyCases).toMatchObject({ totalCount: 1, edges: [{ node: { caseNo: DEMO.bankruptcyCase } }] });
    const b = res.body.data!.bankruptcyCase;
    expect(b).toMatchObject({
      status: 'REORGANISATION',
      acceptanceRulingNo: '(2024)皖1524破申3号',
      appointment: { decisionNo: '(2024)皖1524破1号之一' },
    });
    expect(b.debtor).toMatchObject({ kind: 'ENTERPRISE', idNumber: p.hongda.id, tax: { creditGrade: 'D' } });
    expect(b.debtor.tax.filings).toHaveLength(3);
    expect(b.debtor.socialSecurity.employees.map((e: any) => e.name).sort()).toEqual(['周敏', '李娜', '赵磊', '陈静'].sort());
    expect(b.debtor.credit.creditRepairs).toEqual([{ basisCaseNo: DEMO.bankruptcyCase }]);
    // Account numbers keep their last four digits only.
    expect(b.debtor.deposits.map((a: any) => a.accountNo)).toEqual(['***************2345', '*************2345', '*************9012']);
    expect(b.debtor.deposits[0]).toMatchObject({ bankName: '中国工商银行金寨支行', balance: '500000.00' });
    expect(b.debtor.deposits.find((a: any) => a.bankName === '安徽金寨农村商业银行').freezes).toEqual([
      { court: '六安市中级人民法院', rank: 0 },
      { court: '霍邱县人民法院', rank: 1 },
    ]);
    expect(b.debtor.housingFund).toEqual({ accountNo: '***********0962', status: 'SEALED', arrearsAmount: '48384.00' });
    expect(b.debtor.marketRegistration).toMatchObject({
      status: 'EXISTING',
      registeredAddress: '安徽省六安市金寨县油坊店乡茶园路1号',
      legalRepresentative: { name: '陈静' },
    });
    expect(b.debtor.marketRegistration.legalRepresentative.idNumber).toMatch(/^3415\*+\d{3}[\dX]$/);
    expect(b.debtor.shareholdings.map((s: any) => [s.referenceValue, s.referenceValueBasis])).toEqual(
      expect.arrayContaining([
        ['510000.00', 'REGISTERED_CAPITAL_SHARE'],
        ['2100000.00', 'ONLINE_INQUIRY'],
      ]),
    );
  });

  it('refuses an administrator a person’s own fund details: only the unit account is the debtor’s', async () => {
    const res = await t.gql(
      `query ($caseNo: String!) { bankruptcyCase(caseNo: $caseNo) { debtor { housingFund { balance employer { name } freezes { court } } } } }`,
      { as: 'demo-administrator', variables: { caseNo: DEMO.bankruptcyCase } },
    );
    expect(res.body.data!.bankruptcyCase.debtor.housingFund).toEqual({ balance: null, employer: null, freezes: null });
    expect(codes(res)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });

  it('refuses a bankruptcy case whose appointment has expired, and clerks', async () => {
    const q = `query ($caseNo: String!) { bankruptcyCase(caseNo: $caseNo) { debtor { name } } }`;
    const expired = await t.gql(q, { as: 'demo-administrator', variables: { caseNo: DEMO.expiredBankruptcyCase } });
    expect(codes(expired)).toEqual(['FORBIDDEN']);
    expect(expired.body.errors![0].message).toBe(NO_CASE_ACCESS);
    const clerk = await t.gql(q, { as: 'demo-clerk', variables: { caseNo: DEMO.bankruptcyCase } });
    expect(codes(clerk)).toEqual(['FORBIDDEN']);
  });

  it('tells every role who it is', async () => {
    for (const [username, role] of [
      ['demo-clerk', 'CLERK'],
      ['demo-administrator', 'ADMINISTRATOR'],
      ['demo-auditor', 'AUDITOR'],
      ['demo-admin', 'ADMIN'],
    ]) {
      const res = await t.gql('{ me { username role displayName organisation { name kind } } }', { as: username });
      expect(res.body.data!.me).toMatchObject({ username, role });
    }
  });
});
