import { processBankruptcy } from '../../src/bankruptcy/bankruptcy-jobs';
import { ManualClock } from '../../src/control/clock';
import { demoIdentities } from '../../src/seed/demo-data';
import { codes, startTestHub, type TestHub } from '../support/test-hub';
import { waitFor } from '../support/wait-for';

const people = demoIdentities();
const DEBTOR = people.huaxing; // 金寨县华兴建材有限公司: 增值税 2023-12 of 46,820.00 overdue since 2024-01-16, tax credit grade C
const CASE_NO = '(2024)皖1524破7号';
const ACCEPTED_ON = '2024-03-01';

const CLAIM = `id kind source creditor state asOf principal lateFees priorityClass lateFeesPriorityClass disputeReason deliveredAt decidedBy
  lines { type period principal lateFees overdueSince days priorityClass } history { actor action state note }`;
const CASE = `query ($caseNo: String!) { bankruptcyCase(caseNo: $caseNo) { status reorganisationPlan { rulingNo rulingDate } claims { ${CLAIM} }
  creditRepairRequests { id state reasons documents requestedBy rulingNo agencies { source state outcome deliveredAt history { actor action state } } } } }`;

describe('bankruptcy claims and credit repair', () => {
  let t: TestHub;
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));

  beforeAll(async () => {
    // Social security answers by hand here: its notice waits in the inbox until its processor is run below.
    t = await startTestHub({ ASSISTANCE_RETRY_MS: '100', ASSISTANCE_MANUAL_SOURCES: 'socialSecurity' }, { clock });
    const tax = await t.hub.sourceDatabases.tax.ready();
    // Overdue only after the acceptance date: not part of the claim.
    await tax.query(
      `INSERT INTO tax_arrear (taxpayer_id_number, tax_type, period, amount, late_fee, since) VALUES ($1, '企业所得税', '2024-02', 9000, 0, '2024-03-16')`,
      [DEBTOR.id],
    );
    const ss = await t.hub.sourceDatabases.socialSecurity.ready();
    for (const [type, period, amount, since] of [
      ['PENSION', '2023-12', '2000.00', '2024-01-16'],
      ['PENSION', '2024-01', '2000.00', '2024-02-16'],
      ['MEDICAL', '2024-01', '800.00', '2024-02-16'],
      ['PENSION', '2024-02', '2000.00', '2024-03-16'],
    ]) {
      await ss.query(
        `INSERT INTO contribution_arrear (employer_id_number, insurance_type, period, amount, overdue_since) VALUES ($1, $2, $3, $4, $5)`,
        [DEBTOR.id, type, period, amount, since],
      );
    }
    const credit = await t.hub.sourceDatabases.credit.ready();
    await credit.query(
      `INSERT INTO dishonest_debtor_entry (subject_id_number, subject_name, court, case_no, obligation, circumstance, listed_on)
       VALUES ($1, $2, '霍邱县人民法院', '(2023)皖1522执77号', '支付货款52000元', '有履行能力而拒不履行生效法律文书确定义务', '2023-09-01')`,
      [DEBTOR.id, DEBTOR.name],
    );
  }, 60000);
  afterAll(async () => t?.stop());

  const read = async () => (await t.gql(CASE, { as: 'demo-administrator', variables: { caseNo: CASE_NO } })).body;
  const claimOf = (body: Awaited<ReturnType<typeof read>>, kind: string) => body.data?.bankruptcyCase?.claims.find((c: any) => c.kind === kind);
  const confirm = (id: string, as = 'demo-administrator') =>
    t.gql(`mutation ($id: ID!) { confirmClaim(id: $id) { state decidedBy } }`, { as, variables: { id } });
  const dispute = (id: string, reason: string, as = 'demo-administrator') =>
    t.gql(`mutation ($id: ID!, $reason: String!) { disputeClaim(id: $id, reason: $reason) { state disputeReason } }`, {
      as,
      variables: { id, reason },
    });

  it('sends claim notices to the tax and social-security agencies when the operator records the acceptance', async () => {
    const created = await t.gql(`mutation ($input: CreateBankruptcyCaseInput!) { createBankruptcyCase(input: $input) { caseNo status } }`, {
      as: 'demo-admin',
      variables: {
        input: { caseNo: CASE_NO, acceptedOn: ACCEPTED_ON, acceptanceRulingNo: CASE_NO, debtor: { idNumber: DEBTOR.id, name: DEBTOR.name } },
      },
    });
    expect(created.body.errors).toBeUndefined();
    const appointed = await t.gql(`mutation ($input: AppointAdministratorInput!) { appointAdministrator(input: $input) { caseNo } }`, {
      as: 'demo-admin',
      variables: { input: { caseNo: CASE_NO, firmCode: 'AF-3415-001', decisionNo: `${CASE_NO}之一`, validFrom: ACCEPTED_ON } },
    });
    expect(appointed.body.errors).toBeUndefined();
    const body = await waitFor(read, (b) => claimOf(b, 'SOCIAL_SECURITY')?.deliveredAt && claimOf(b, 'TAX')?.state === 'FILED');
    expect(body.errors).toBeUndefined();
    const social = claimOf(body, 'SOCIAL_SECURITY');
    expect(social).toMatchObject({
      state: 'NOTICE_SENT',
      source: 'SOCIAL_SECURITY',
      asOf: ACCEPTED_ON,
      principal: null,
      creditor: '金寨县社会保险中心',
    });
    expect(social.history.map((h: any) => h.action)).toEqual(['NOTICE_SENT', 'DELIVERED']);
    const ss = await t.hub.sourceDatabases.socialSecurity.ready();
    const [inbox] = await ss.query(`SELECT kind, case_no, as_of::text AS as_of, subject_id_number FROM bankruptcy_inbox WHERE request_id = $1`, [
      social.id,
    ]);
    expect(inbox).toEqual({ kind: 'CLAIM_NOTICE', case_no: CASE_NO, as_of: ACCEPTED_ON, subject_id_number: DEBTOR.id });
  });

  it('files the tax claim as of the acceptance date: principal a TAX claim, late fees to that date an ORDINARY one', async () => {
    const tax = claimOf(await read(), 'TAX');
    // 46,820.00 × 0.05 % × 45 days (2024-01-16 → 2024-03-01) = 1,053.45; the arrear overdue after acceptance is left out.
    expect(tax).toMatchObject({
      state: 'FILED',
      source: 'TAX',
      creditor: '国家税务总局金寨县税务局',
      principal: '46820.00',
      lateFees: '1053.45',
      priorityClass: 'TAX',
      lateFeesPriorityClass: 'ORDINARY',
      lines: [
        { type: '增值税', period: '2023-12', principal: '46820.00', lateFees: '1053.45', overdueSince: '2024-01-16', days: 45, priorityClass: 'TAX' },
      ],
    });
    expect(tax.history.map((h: any) => [h.actor, h.action])).toEqual([
      ['demo-admin', 'NOTICE_SENT'],
      ['system:control-worker', 'DELIVERED'],
      ['agency:tax', 'FILED'],
    ]);
  });

  it('refuses to decide a claim not yet filed (CONFLICT), then files social security per insurance type', async () => {
    const social = claimOf(await read(), 'SOCIAL_SECURITY');
    const early = await confirm(social.id);
    expect(codes(early)).toEqual(['CONFLICT']);
    expect(early.body.errors![0].extensions!.state).toBe('NOTICE_SENT');
    await processBankruptcy(t.hub.control, { kind: 'CLAIM_NOTICE', id: social.id });
    const filed = claimOf(await waitFor(read, (b) => claimOf(b, 'SOCIAL_SECURITY')?.state === 'FILED'), 'SOCIAL_SECURITY');
    // PENSION: 2,000 × 0.05 % × 45 + 2,000 × 0.05 % × 14 = 59.00; MEDICAL: 800 × 0.05 % × 14 = 5.60; February is overdue after acceptance.
    expect(filed).toMatchObject({ state: 'FILED', principal: '4800.00', lateFees: '64.60', priorityClass: 'SOCIAL_INSURANCE' });
    expect(filed.lines).toEqual([
      {
        type: 'MEDICAL',
        period: '2024-01',
        principal: '800.00',
        lateFees: '5.60',
        overdueSince: '2024-02-16',
        days: 14,
        priorityClass: 'SOCIAL_INSURANCE',
      },
      {
        type: 'PENSION',
        period: '2023-12/2024-01',
        principal: '4000.00',
        lateFees: '59.00',
        overdueSince: '2024-01-16',
        days: 45,
        priorityClass: 'SOCIAL_INSURANCE',
      },
    ]);
    // A second run of the processor answers nothing new.
    await processBankruptcy(t.hub.control, { kind: 'CLAIM_NOTICE', id: social.id });
    const ss = await t.hub.sourceDatabases.socialSecurity.ready();
    expect(await ss.query(`SELECT count(*)::int AS n FROM bankruptcy_receipt WHERE request_id = $1`, [social.id])).toEqual([{ n: 1 }]);
  });

  it('lets the administrator confirm one claim and dispute another, once each', async () => {
    const body = await read();
    const tax = claimOf(body, 'TAX');
    const social = claimOf(body, 'SOCIAL_SECURITY');
    expect(codes(await confirm(tax.id, 'demo-clerk'))).toEqual(['FORBIDDEN']);
    expect(codes(await confirm('00000000-0000-4000-8000-000000000000'))).toEqual(['NOT_FOUND']);
    expect(codes(await confirm('not-a-claim'))).toEqual(['NOT_FOUND']);
    expect(codes(await dispute(social.id, 'a\u0000b'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await dispute(social.id, ''))).toEqual(['BAD_USER_INPUT']);

    const confirmed = await confirm(tax.id);
    expect(confirmed.body.data?.confirmClaim).toEqual({ state: 'CONFIRMED', decidedBy: 'demo-administrator' });
    const twice = await confirm(tax.id);
    expect(codes(twice)).toEqual(['CONFLICT']);
    expect(twice.body.errors![0].extensions!.state).toBe('CONFIRMED');
    expect(codes(await dispute(tax.id, '重复'))).toEqual(['CONFLICT']);

    const disputed = await dispute(social.id, '2024年1月医疗保险已于受理前缴纳');
    expect(disputed.body.data?.disputeClaim).toEqual({ state: 'DISPUTED', disputeReason: '2024年1月医疗保险已于受理前缴纳' });
    const after = await confirm(social.id);
    expect(codes(after)).toEqual(['CONFLICT']);
    expect(after.body.errors![0].extensions!.state).toBe('DISPUTED');

    // The court, the firm and the agency concerned are told.
    const agencyNotes = (
      await t.gql('{ notifications(first: 20) { edges { node { kind message } } } }', { as: 'demo-agency-social-security' })
    ).body.data!.notifications.edges.map((e: any) => e.node.kind);
    expect(agencyNotes).toContain('CLAIM_DISPUTED');
    const firmNotes = (
      await t.gql('{ notifications(first: 50) { edges { node { kind } } } }', { as: 'demo-administrator' })
    ).body.data!.notifications.edges.map((e: any) => e.node.kind);
    expect(firmNotes).toEqual(expect.arrayContaining(['CLAIM_FILED', 'CLAIM_CONFIRMED', 'CLAIM_DISPUTED']));
  });

  it('refuses credit repair before a plan is approved, and lets only the operator record the approval', async () => {
    const early = await t.gql(`mutation { requestCreditRepair(caseNo: "${CASE_NO}", input: { reasons: "重整计划已批准" }) { id } }`, {
      as: 'demo-administrator',
    });
    expect(codes(early)).toEqual(['CONFLICT']);
    expect(early.body.errors![0].extensions!.state).toBe('ACCEPTED');
    const APPROVE = `mutation ($input: ReorganisationPlanApprovalInput!) { recordReorganisationPlanApproval(caseNo: "${CASE_NO}", input: $input) { caseNo status } }`;
    expect(
      codes(await t.gql(APPROVE, { as: 'demo-administrator', variables: { input: { rulingNo: `${CASE_NO}之三`, rulingDate: '2024-09-20' } } })),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(await t.gql(APPROVE, { as: 'demo-admin', variables: { input: { rulingNo: '(2024)皖1524破1号之三', rulingDate: '2024-09-20' } } })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(APPROVE, { as: 'demo-admin', variables: { input: { rulingNo: `${CASE_NO}之三`, rulingDate: '2024-02-20' } } }))).toEqual(
      ['BAD_USER_INPUT'],
    );
    const approved = await t.gql(APPROVE, { as: 'demo-admin', variables: { input: { rulingNo: `${CASE_NO}之三`, rulingDate: '2024-09-20' } } });
    expect(approved.body.data?.recordReorganisationPlanApproval).toEqual({ caseNo: CASE_NO, status: 'REORGANISATION' });
    const again = await t.gql(APPROVE, { as: 'demo-admin', variables: { input: { rulingNo: `${CASE_NO}之四`, rulingDate: '2024-09-21' } } });
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.body.errors![0].extensions!.state).toBe('PLAN_APPROVED');
  });

  it('repairs the credit: the credit platform records it and lifts the list entries, the tax authority re-grades; inquiries show it', async () => {
    // A procurement agency checks the debtor against the dishonest list before the repair: a hit.
    const checked = await t.gql(`mutation ($input: CheckDishonestInput!) { checkDishonest(input: $input) { checkId results { idNumber hit } } }`, {
      as: 'demo-agency-procurement',
      variables: { input: { subjects: [DEBTOR.id], purpose: 'GOVERNMENT_PROCUREMENT', applicationNo: 'CG-2026-088' } },
    });
    expect(checked.body.data?.checkDishonest.results).toEqual([{ idNumber: DEBTOR.id, hit: true }]);
    const requested = await t.gql(
      `mutation ($input: CreditRepairInput!) { requestCreditRepair(caseNo: "${CASE_NO}", input: $input) { state reasons documents agencies { source state } } }`,
      { as: 'demo-administrator', variables: { input: { reasons: '重整计划已经法院裁定批准并执行', documents: [`${CASE_NO}之三 民事裁定书`] } } },
    );
    expect(requested.body.errors).toBeUndefined();
    expect(requested.body.data?.requestCreditRepair).toMatchObject({
      state: 'PENDING',
      documents: [`${CASE_NO}之三 民事裁定书`],
      agencies: [
        { source: 'CREDIT', state: 'SENT' },
        { source: 'TAX', state: 'SENT' },
      ],
    });
    const pending = await t.gql(`mutation { requestCreditRepair(caseNo: "${CASE_NO}", input: { reasons: "再次申请" }) { id } }`, {
      as: 'demo-administrator',
    });
    expect(codes(pending)).toEqual(['CONFLICT']);

    const body = await waitFor(read, (b) => b.data?.bankruptcyCase?.creditRepairRequests[0]?.state === 'GRANTED');
    const request = body.data!.bankruptcyCase.creditRepairRequests[0];
    expect(body.data!.bankruptcyCase.reorganisationPlan).toEqual({ rulingNo: `${CASE_NO}之三`, rulingDate: '2024-09-20' });
    expect(request).toMatchObject({ state: 'GRANTED', requestedBy: 'demo-administrator', rulingNo: `${CASE_NO}之三` });
    expect(request.agencies.map((a: any) => [a.source, a.state, a.outcome])).toEqual([
      ['CREDIT', 'GRANTED', '信用修复已登记，移出失信名单1条'],
      ['TAX', 'GRANTED', '纳税信用等级 C → M'],
    ]);

    // The clerk of an execution case against the same enterprise sees the repair in a later inquiry.
    const inquiry = await t.gql(
      `{ executionCase(caseNo: "(2024)皖1524执123号") { respondents { idNumber tax { creditGrade } credit { dishonest dishonestEntries { caseNo removedOn } creditRepairs { basisCaseNo authority repairedOn } } } } }`,
      { as: 'demo-clerk' },
    );
    // The acceptance suspended this execution (中止); its clerk still reads it and its respondents.
    expect(inquiry.body.errors).toBeUndefined();
    const debtor = inquiry.body.data!.executionCase.respondents.find((r: any) => r.idNumber === DEBTOR.id);
    expect(debtor.tax.creditGrade).toBe('M');
    expect(debtor.credit.dishonest).toBe(false);
    expect(debtor.credit.dishonestEntries).toEqual([{ caseNo: '(2023)皖1522执77号', removedOn: '2026-12-01' }]);
    // The repair is recorded under the name of the agency bound to the credit source (AG-3415-XY in the demo data).
    expect(debtor.credit.creditRepairs).toEqual([{ basisCaseNo: CASE_NO, authority: '金寨县社会信用体系建设办公室', repairedOn: '2026-12-01' }]);

    const firmNotes = (
      await t.gql('{ notifications(first: 50) { edges { node { kind message } } } }', { as: 'demo-administrator' })
    ).body.data!.notifications.edges.map((e: any) => e.node.kind);
    expect(firmNotes).toEqual(expect.arrayContaining(['PLAN_APPROVED', 'CREDIT_REPAIR_REQUESTED', 'CREDIT_REPAIR_GRANTED', 'DISHONEST_LIST_EXIT']));

    // The repair told the agency that checked the debtor, in the transaction that recorded it, with its audit entry.
    const agencyNotes = (
      await t.gql('{ notifications(first: 50) { edges { node { kind message } } } }', { as: 'demo-agency-procurement' })
    ).body.data!.notifications.edges.map((e: any) => e.node);
    const exits = agencyNotes.filter((n: any) => n.kind === 'LIST_EXIT');
    expect(exits).toHaveLength(1);
    expect(exits[0].message).toContain(DEBTOR.id);
    expect(exits[0].message).toContain(`信用修复，依据${CASE_NO}`);
    expect(exits[0].message).toContain('CG-2026-088');
    const checkAudit = await t.gql(
      `{ auditEntries(first: 100, filter: { kind: CHECK, username: "system:check-worker" }) { edges { node { username organisation detail } } } }`,
      {
        as: 'demo-auditor',
      },
    );
    expect(checkAudit.body.errors).toBeUndefined();
    const notices = checkAudit.body
      .data!.auditEntries.edges.map((e: any) => ({ ...e.node, detail: JSON.parse(e.node.detail) }))
      .filter((e: any) => e.detail.step === 'LIST_EXIT_NOTIFICATION');
    expect(notices).toEqual([
      expect.objectContaining({
        username: 'system:check-worker',
        detail: expect.objectContaining({ applicationNo: 'CG-2026-088', reason: `信用修复，依据${CASE_NO}` }),
      }),
    ]);
  });

  it('lets a manual agency file its claim by hand from its inbox, once', async () => {
    const other = people.yongan;
    const caseNo = '(2024)皖1524破9号';
    expect(
      (
        await t.gql(`mutation ($input: CreateBankruptcyCaseInput!) { createBankruptcyCase(input: $input) { caseNo } }`, {
          as: 'demo-admin',
          variables: { input: { caseNo, acceptedOn: '2024-05-10', acceptanceRulingNo: caseNo, debtor: { idNumber: other.id, name: other.name } } },
        })
      ).body.errors,
    ).toBeUndefined();
    const INBOX = `{ bankruptcyInbox(first: 20, state: PENDING) { totalCount edges { node { id kind state caseNo asOf subjectIdNumber } } } }`;
    const pending = await waitFor(
      async () => (await t.gql(INBOX, { as: 'demo-agency-social-security' })).body,
      (b) => b.data?.bankruptcyInbox.edges.some((e: any) => e.node.caseNo === caseNo),
    );
    const notice = pending.data!.bankruptcyInbox.edges.find((e: any) => e.node.caseNo === caseNo).node;
    expect(notice).toMatchObject({ kind: 'CLAIM_NOTICE', state: 'PENDING', asOf: '2024-05-10', subjectIdNumber: other.id });
    // Another agency's inbox does not hold it; other roles have none.
    const taxInbox = (await t.gql(INBOX, { as: 'demo-agency-tax' })).body.data!.bankruptcyInbox.edges.map((e: any) => e.node.id);
    expect(taxInbox).not.toContain(notice.id);
    expect(codes(await t.gql(INBOX, { as: 'demo-agency-property' }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(INBOX, { as: 'demo-clerk' }))).toEqual(['FORBIDDEN']);

    const FILE = `mutation ($id: ID!, $input: FileClaimInput!) { fileClaim(id: $id, input: $input) { decision answeredBy } }`;
    const lines = [{ type: 'PENSION', period: '2024-03', principal: '1500.00', lateFees: '18.75', overdueSince: '2024-04-16' }];
    expect(codes(await t.gql(FILE, { as: 'demo-agency-tax', variables: { id: notice.id, input: { lines } } }))).toEqual(['NOT_FOUND']);
    expect(
      codes(
        await t.gql(FILE, { as: 'demo-agency-social-security', variables: { id: notice.id, input: { lines: [{ ...lines[0], principal: '-1' }] } } }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const filed = await t.gql(FILE, { as: 'demo-agency-social-security', variables: { id: notice.id, input: { lines } } });
    expect(filed.body.data?.fileClaim).toEqual({ decision: 'FILED', answeredBy: 'demo-agency-social-security' });
    const twice = await t.gql(FILE, { as: 'demo-agency-social-security', variables: { id: notice.id, input: { lines } } });
    expect(codes(twice)).toEqual(['CONFLICT']);
    expect(twice.body.errors![0].extensions!.state).toBe('ANSWERED');

    const [row] = await waitFor(
      () =>
        t.hub.hub.query(
          `SELECT state, principal::text, late_fees::text AS "lateFees", filed_by AS "filedBy", lines FROM bankruptcy_claim WHERE id = $1`,
          [notice.id],
        ),
      (rows: any[]) => rows[0]?.state === 'FILED',
    );
    expect(row).toMatchObject({ state: 'FILED', principal: '1500.00', lateFees: '18.75', filedBy: 'demo-agency-social-security' });
    expect(row.lines).toEqual([{ ...lines[0], days: 24, priorityClass: 'SOCIAL_INSURANCE' }]);
  });

  it('keeps claims and repairs from roles that may not see them, and shows auditors every step without the debtor’s identity', async () => {
    for (const as of ['demo-clerk', 'demo-auditor', 'demo-admin', 'demo-agency-tax']) {
      expect(codes(await t.gql(CASE, { as, variables: { caseNo: CASE_NO } }))).toContain('FORBIDDEN');
    }
    const audit = await t.gql(
      `query ($caseNo: String!) { auditEntries(first: 100, filter: { caseNo: $caseNo, kind: CONTROL }) { edges { node { kind username caseKind subjectIdNumber detail } } } }`,
      { as: 'demo-auditor', variables: { caseNo: CASE_NO } },
    );
    expect(audit.body.errors).toBeUndefined();
    const entries = audit.body.data!.auditEntries.edges.map((e: any) => e.node);
    const steps = entries.map((e: any) => JSON.parse(e.detail).step);
    expect(steps).toEqual(
      expect.arrayContaining([
        'CLAIM_NOTICE',
        'DELIVERY',
        'CLAIM_FILED',
        'CLAIM_CONFIRMED',
        'CLAIM_DISPUTED',
        'PLAN_APPROVED',
        'CREDIT_REPAIR_REQUESTED',
        'CREDIT_REPAIR_GRANTED',
        'NOTIFICATION',
      ]),
    );
    const text = JSON.stringify(entries);
    expect(text).not.toContain(DEBTOR.id);
    expect(text).not.toContain(DEBTOR.name);
    expect(entries.every((e: any) => e.caseKind === 'BANKRUPTCY' && e.subjectIdNumber !== null)).toBe(true);
  });
});
