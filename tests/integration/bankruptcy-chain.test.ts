import { flagOverdue } from '../../src/bankruptcy/deadlines';
import { ManualClock } from '../../src/control/clock';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { startTestHub, type TestHub } from '../support/test-hub';
import { waitFor } from '../support/wait-for';

// The whole chain for 金寨县华兴建材有限公司, respondent of the demo clerk's (2024)皖1524执123号 and of 霍邱's
// (2024)皖1522执61号: transfer proposed → accepted by the judge → sweep → release with receipt → hand-over → claims
// filed and confirmed → plan approved → credit repaired. Every agency answers through its reference processor.
const people = demoIdentities();
const DEBTOR = people.huaxing;
const BANKRUPTCY = '(2026)皖1524破3号';
const HUAXING_GENERAL = '319376500073:1920101021000456789'; // 华兴建材 at 徽商银行, balance 82,000, no freeze yet

describe('bankruptcy, the whole chain', () => {
  let t: TestHub;
  // Tuesday 1 December 2026, 10:00 in China.
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));

  beforeAll(async () => {
    t = await startTestHub({ ASSISTANCE_RETRY_MS: '100' }, { clock });
    // 华兴 is on the dishonest list for another court's case (the credit repair is to lift it).
    const credit = await t.hub.sourceDatabases.credit.ready();
    await credit.query(
      `INSERT INTO dishonest_debtor_entry (subject_id_number, subject_name, court, case_no, obligation, circumstance, listed_on)
       VALUES ($1, $2, '霍邱县人民法院', '(2023)皖1522执77号', '支付货款52000元', '有履行能力而拒不履行生效法律文书确定义务', '2023-09-01')`,
      [DEBTOR.id, DEBTOR.name],
    );
  }, 60000);
  afterAll(async () => t?.stop());

  const ok = async (as: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, { as, variables });
    expect(res.body.errors).toBeUndefined();
    return res.body.data as Record<string, any>;
  };
  const notes = async (as: string) =>
    (await ok(as, '{ notifications(first: 50) { edges { node { kind message } } } }')).notifications.edges.map((e: any) => e.node) as Array<{
      kind: string;
      message: string;
    }>;
  const orderState = async (id: string) =>
    (await ok('demo-clerk', `query ($id: ID!) { controlOrder(id: $id) { state registrationNo } }`, { id })).controlOrder;
  const CASE = `query ($c: String!) { bankruptcyCase(caseNo: $c) { status
    suspendedExecutions { caseNo reason }
    releaseTasks { id controlOrderId releaseOrderId state dueOn overdue receiptNo releasedOn handedOver }
    claims { id kind state principal lateFees priorityClass }
    creditRepairRequests { state agencies { source state outcome } } } }`;
  const view = async () => (await ok('demo-administrator', CASE, { c: BANKRUPTCY })).bankruptcyCase;

  it('runs from the clerk’s transfer to the repaired credit', async () => {
    // 0. Before: the clerk's freeze on 华兴's 徽商银行 account, approved and registered (rank 1); a procurement agency
    //    checks 华兴 against the dishonest list (a hit).
    const drafted = await ok('demo-clerk', `mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }`, {
      input: {
        caseNo: DEMO.clerkCase,
        kind: 'FREEZE',
        subjectIdNumber: DEBTOR.id,
        source: 'DEPOSIT',
        assetKey: HUAXING_GENERAL,
        amount: '80000.00',
        periodDays: 365,
        rulingNo: `${DEMO.clerkCase}之五`,
        rulingDate: '2026-11-25',
        noticeNo: '(2024)皖1524执123号协字5号',
        noticeDate: '2026-11-25',
      },
    });
    const freezeId = drafted.draftControlOrder.id as string;
    await ok('demo-clerk', `mutation ($id: ID!) { submitControlOrder(id: $id) { state } }`, { id: freezeId });
    await ok('demo-approver', `mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, { id: freezeId });
    expect(
      (
        await waitFor(
          () => orderState(freezeId),
          (o) => o?.state !== 'SENT',
        )
      ).state,
    ).toBe('ACTIVE');
    const checked = await ok(
      'demo-agency-procurement',
      `mutation ($input: CheckDishonestInput!) { checkDishonest(input: $input) { results { idNumber hit } } }`,
      { input: { subjects: [DEBTOR.id], purpose: 'GOVERNMENT_PROCUREMENT', applicationNo: 'CG-2026-120' } },
    );
    expect(checked.checkDishonest.results).toEqual([{ idNumber: DEBTOR.id, hit: true }]);

    // 1. The clerk proposes the transfer (执转破) with the applicant's consent: the execution is suspended.
    const proposed = await ok(
      'demo-clerk',
      `mutation ($caseNo: String!, $input: ProposeBankruptcyTransferInput!) { proposeBankruptcyTransfer(caseNo: $caseNo, input: $input) { id state decideBy } }`,
      {
        caseNo: DEMO.clerkCase,
        input: { respondentIdNumber: DEBTOR.id, consentBy: 'APPLICANT', consentDocumentNo: '同意移送破产审查书2026-12', consentDate: '2026-11-30' },
      },
    );
    expect(proposed.proposeBankruptcyTransfer).toMatchObject({ state: 'PROPOSED', decideBy: '2026-12-08' });
    expect((await ok('demo-clerk', `{ executionCase(caseNo: "${DEMO.clerkCase}") { status } }`)).executionCase.status).toBe('SUSPENDED');

    // 2. Two days later the judge finds it in the court's list and accepts (ruling of 1 December): the bankruptcy case
    //    opens with its administrator.
    clock.set(new Date('2026-12-03T02:00:00Z'));
    const listed = await ok('demo-judge', `{ bankruptcyTransfers(first: 10, state: PROPOSED) { edges { node { id debtorName overdue } } } }`);
    expect(listed.bankruptcyTransfers.edges.map((e: any) => e.node)).toEqual([
      { id: proposed.proposeBankruptcyTransfer.id, debtorName: DEBTOR.name, overdue: false },
    ]);
    const accepted = await ok(
      'demo-judge',
      `mutation ($id: ID!, $input: AcceptBankruptcyTransferInput!) { acceptBankruptcyTransfer(id: $id, input: $input) { state bankruptcyCaseNo } }`,
      {
        id: proposed.proposeBankruptcyTransfer.id,
        input: {
          caseNo: BANKRUPTCY,
          acceptanceRulingNo: '(2026)皖1524破申5号',
          acceptedOn: '2026-12-01',
          administrator: { firmCode: 'AF-3415-001', decisionNo: `${BANKRUPTCY}之一`, validFrom: '2026-12-01' },
        },
      },
    );
    expect(accepted.acceptBankruptcyTransfer).toEqual({ state: 'ACCEPTED', bankruptcyCaseNo: BANKRUPTCY });

    // 3. The acceptance's sweep: both executions against 华兴 suspended, a release task for the clerk's freeze, claim notices out.
    const swept = await waitFor(view, (v) => v?.releaseTasks.some((task: any) => task.controlOrderId === freezeId));
    expect(swept.suspendedExecutions.map((s: any) => s.caseNo).sort()).toEqual([DEMO.clerkCase, DEMO.otherCourtCase2].sort());
    const task = swept.releaseTasks.find((x: any) => x.controlOrderId === freezeId);
    // Ten working days from the sweep on Thursday 3 December.
    expect(task).toMatchObject({ state: 'PENDING', dueOn: '2026-12-17', handedOver: false });
    expect((await notes('demo-clerk')).map((n) => n.kind)).toEqual(expect.arrayContaining(['EXECUTION_SUSPENDED', 'RELEASE_TASK']));

    // 4. The clerk releases from the task; the approver approves; the bank's receipt comes back; handed over.
    const releasing = await ok('demo-clerk', `mutation ($id: ID!) { releaseFromTask(id: $id) { state releaseOrderId } }`, { id: task.id });
    expect(releasing.releaseFromTask.state).toBe('RELEASING');
    await ok('demo-approver', `mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, { id: releasing.releaseFromTask.releaseOrderId });
    const released = await waitFor(view, (v) => v.releaseTasks.find((x: any) => x.id === task.id)?.state === 'RELEASED');
    expect(released.releaseTasks.find((x: any) => x.id === task.id)).toMatchObject({
      state: 'RELEASED',
      handedOver: true,
      releasedOn: '2026-12-03',
      receiptNo: expect.any(String),
    });
    expect((await orderState(freezeId)).state).toBe('RELEASED');
    expect((await notes('demo-administrator')).map((n) => n.kind)).toContain('HANDED_OVER');
    // Past the due date the released task is not overdue.
    clock.set(new Date('2026-12-18T02:00:00Z'));
    await flagOverdue(t.hub.control);
    expect((await view()).releaseTasks.find((x: any) => x.id === task.id).overdue).toBe(false);

    // 5. The tax and social-security agencies file their claims as of the acceptance date; the administrator confirms the tax claim.
    const claimed = await waitFor(view, (v) => v.claims.length === 2 && v.claims.every((c: any) => c.state !== 'NOTICE_SENT'));
    const tax = claimed.claims.find((c: any) => c.kind === 'TAX');
    // 增值税 2023-12: 46,820.00 overdue since 2024-01-16; late fees 0.05 % a day for the 1,050 days to 2026-12-01.
    expect(tax).toMatchObject({ state: 'FILED', principal: '46820.00', lateFees: '24580.50', priorityClass: 'TAX' });
    const confirmed = await ok('demo-administrator', `mutation ($id: ID!) { confirmClaim(id: $id) { state decidedBy } }`, { id: tax.id });
    expect(confirmed.confirmClaim).toEqual({ state: 'CONFIRMED', decidedBy: 'demo-administrator' });

    // 6. The court approves the reorganisation plan; the operator records it.
    const plan = await ok(
      'demo-admin',
      `mutation ($input: ReorganisationPlanApprovalInput!) { recordReorganisationPlanApproval(caseNo: "${BANKRUPTCY}", input: $input) { status } }`,
      { input: { rulingNo: `${BANKRUPTCY}之三`, rulingDate: '2026-12-01' } },
    );
    expect(plan.recordReorganisationPlanApproval.status).toBe('REORGANISATION');

    // 7. The administrator asks for credit repair: the credit platform lifts the list entry, the tax authority re-grades.
    await ok(
      'demo-administrator',
      `mutation ($input: CreditRepairInput!) { requestCreditRepair(caseNo: "${BANKRUPTCY}", input: $input) { state } }`,
      {
        input: { reasons: '重整计划已经法院裁定批准', documents: [`${BANKRUPTCY}之三 民事裁定书`] },
      },
    );
    const repaired = await waitFor(view, (v) => v.creditRepairRequests[0]?.state === 'GRANTED');
    expect(repaired.creditRepairRequests[0].agencies.map((a: any) => [a.source, a.state])).toEqual([
      ['CREDIT', 'GRANTED'],
      ['TAX', 'GRANTED'],
    ]);
    // The agency that checked 华兴 is told it left the list; the clerk's next inquiry shows the repaired credit.
    const exit = (await notes('demo-agency-procurement')).filter((n) => n.kind === 'LIST_EXIT');
    expect(exit).toHaveLength(1);
    expect(exit[0].message).toContain('CG-2026-120');
    const inquiry = await ok(
      'demo-clerk',
      `{ executionCase(caseNo: "${DEMO.clerkCase}") { status respondents { idNumber tax { creditGrade } credit { dishonest } } } }`,
    );
    expect(inquiry.executionCase.status).toBe('SUSPENDED');
    expect(inquiry.executionCase.respondents.find((r: any) => r.idNumber === DEBTOR.id)).toEqual({
      idNumber: DEBTOR.id,
      tax: { creditGrade: 'M' },
      credit: { dishonest: false },
    });

    // Every step is in the audit log under the bankruptcy case.
    const audit = await ok('demo-auditor', `{ auditEntries(first: 100, filter: { caseNo: "${BANKRUPTCY}" }) { edges { node { detail } } } }`);
    const steps = audit.auditEntries.edges.map((e: any) => JSON.parse(e.node.detail ?? '{}').step);
    expect(steps).toEqual(
      expect.arrayContaining(['TRANSFER_ACCEPTED', 'ACCEPTANCE_SWEEP', 'CLAIM_FILED', 'CLAIM_CONFIRMED', 'PLAN_APPROVED', 'CREDIT_REPAIR_GRANTED']),
    );
  }, 120000);
});
