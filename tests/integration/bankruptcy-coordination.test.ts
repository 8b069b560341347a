import { acceptBankruptcy } from '../../src/bankruptcy/acceptance';
import { flagOverdue } from '../../src/bankruptcy/deadlines';
import { ManualClock } from '../../src/control/clock';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { codes, startTestHub, type TestHub } from '../support/test-hub';
import { waitFor } from '../support/wait-for';

const people = demoIdentities();
const TASK =
  'id source assetKey measureKind controlOrderId releaseOrderId orderingCourtName orderingCaseNo addressedCourtName registryDetails state dueOn overdue receiptNo releasedOn handedOver';
const CASE_VIEW = `query ($caseNo: String!) { bankruptcyCase(caseNo: $caseNo) { releaseTasks { ${TASK} } suspendedExecutions { caseNo courtName reason } } }`;
const TRANSFER = 'id executionCaseNo debtorName state decideBy overdue returnReason bankruptcyCaseNo consentBy';

type Task = Record<string, any>;

describe('bankruptcy coordination: acceptance sweep, release tasks, hand-over, 执转破', () => {
  let t: TestHub;
  // Tuesday 1 December 2026, 10:00 in China.
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));

  beforeAll(async () => {
    t = await startTestHub({ ASSISTANCE_RETRY_MS: '100', HOLIDAYS: '2026-12-14' }, { clock });
  }, 60000);
  afterAll(async () => t?.stop());

  const caseTasks = async (caseNo: string = DEMO.bankruptcyCase) =>
    (await t.gql(CASE_VIEW, { as: 'demo-administrator', variables: { caseNo } })).body.data?.bankruptcyCase as {
      releaseTasks: Task[];
      suspendedExecutions: Array<{ caseNo: string; courtName: string; reason: string }>;
    };
  const notifications = async (as: string) =>
    ((await t.gql('{ notifications(first: 50) { edges { node { kind message } } } }', { as })).body.data?.notifications.edges ?? []).map(
      (e: { node: { kind: string; message: string } }) => e.node,
    );

  it('replays the acceptance of (2024)皖1524破1号: 霍邱 execution suspended, its hub seizure and every registry measure get a task', async () => {
    await t.hub.control.hub.transaction(async (m) => {
      const [b] = await m.query(
        `SELECT id, case_no AS "caseNo", court_id AS "courtId", debtor_id AS "debtorId", accepted_on::text AS "acceptedOn" FROM bankruptcy_case WHERE case_no = $1`,
        [DEMO.bankruptcyCase],
      );
      const summary = await acceptBankruptcy(m, t.hub.control, b, { username: 'demo-admin', organisationCode: 'OP-HUB' });
      expect(summary).toEqual({ suspended: [DEMO.hongdaCase], releaseTasks: 1 });
    });
    const view = await waitFor(
      () => caseTasks(),
      (v) => (v?.releaseTasks ?? []).some((task) => task.source === 'DEPOSIT'),
    );
    expect(view.suspendedExecutions).toEqual([{ caseNo: DEMO.hongdaCase, courtName: '霍邱县人民法院', reason: expect.stringContaining('执行中止') }]);
    const hubTask = view.releaseTasks.find((task) => task.controlOrderId === DEMO.hongdaSeizureOrder)!;
    // Ten working days from Tuesday 1 December with Monday 14 December a holiday: Wednesday 16 December.
    expect(hubTask).toMatchObject({
      source: 'PROPERTY',
      assetKey: DEMO.hongdaFactory,
      measureKind: 'SEIZE',
      orderingCourtName: '霍邱县人民法院',
      orderingCaseNo: DEMO.hongdaCase,
      addressedCourtName: '霍邱县人民法院',
      state: 'PENDING',
      dueOn: '2026-12-16',
      overdue: false,
      handedOver: false,
    });
    // 六安中院's seizure of the same factory, registered at the counter: addressed to the accepting court with the registry's details.
    const outside = view.releaseTasks.find((task) => task.source === 'PROPERTY' && task.controlOrderId === null)!;
    expect(outside).toMatchObject({
      orderingCourtName: '六安市中级人民法院',
      orderingCaseNo: '(2023)皖15民初45号',
      addressedCourtName: '金寨县人民法院',
      registryDetails: expect.stringContaining('六安市中级人民法院'),
    });
    // The bank freezes found in the deposit registry (no hub order made them).
    expect(view.releaseTasks.filter((task) => task.source === 'DEPOSIT' && task.measureKind === 'FREEZE').length).toBeGreaterThan(0);

    // Replaying the sweep adds nothing: tasks are keyed by measure.
    const before = view.releaseTasks.length;
    await t.hub.control.hub.transaction(async (m) => {
      const [b] = await m.query(
        `SELECT id, case_no AS "caseNo", court_id AS "courtId", debtor_id AS "debtorId", accepted_on::text AS "acceptedOn" FROM bankruptcy_case WHERE case_no = $1`,
        [DEMO.bankruptcyCase],
      );
      expect(await acceptBankruptcy(m, t.hub.control, b, { username: 'demo-admin', organisationCode: 'OP-HUB' })).toEqual({
        suspended: [],
        releaseTasks: 0,
      });
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await caseTasks()).releaseTasks).toHaveLength(before);

    expect((await notifications('demo-clerk-2')).map((n: { kind: string }) => n.kind)).toEqual(
      expect.arrayContaining(['EXECUTION_SUSPENDED', 'RELEASE_TASK']),
    );
  }, 60000);

  it('a suspended case is still read by its clerk, with the reason, and drafts no order', async () => {
    const read = await t.gql(`query ($c: String!) { executionCase(caseNo: $c) { status suspension { bankruptcyCaseNo reason } } }`, {
      as: 'demo-clerk-2',
      variables: { c: DEMO.hongdaCase },
    });
    expect(read.body.data?.executionCase).toMatchObject({ status: 'SUSPENDED', suspension: { bankruptcyCaseNo: DEMO.bankruptcyCase } });
    const draft = await t.gql(`mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }`, {
      as: 'demo-clerk-2',
      variables: {
        input: {
          caseNo: DEMO.hongdaCase,
          kind: 'SEIZE',
          subjectIdNumber: people.hongda.id,
          source: 'PROPERTY',
          assetKey: DEMO.hongdaFactory,
          periodDays: 365,
          rulingNo: '(2024)皖1522执90号之二',
          rulingDate: '2026-12-01',
          noticeNo: '(2024)皖1522执90号协字2号',
          noticeDate: '2026-12-01',
        },
      },
    });
    expect(codes(draft)).toEqual(['BAD_USER_INPUT']);
    expect(draft.body.errors?.[0].extensions?.reason).toBe('CASE_NOT_ACTIVE');
  });

  it('the clerk releases from the task in one action; approval, receipt, RELEASED and handed over to the administrator', async () => {
    const list = await t.gql(`{ releaseTasks(first: 10) { totalCount edges { node { ${TASK} } } } }`, { as: 'demo-clerk-2' });
    // Its hub seizure, and the registry's measures that name 霍邱县人民法院 as the ordering court.
    const mine: Task[] = list.body.data!.releaseTasks.edges.map((e: { node: Task }) => e.node).filter((task: Task) => task.controlOrderId !== null);
    expect(mine.map((task) => task.controlOrderId)).toEqual([DEMO.hongdaSeizureOrder]);
    // Another court's clerk cannot reach it.
    const other = await t.gql(`mutation ($id: ID!) { releaseFromTask(id: $id) { state } }`, { as: 'demo-clerk', variables: { id: mine[0].id } });
    expect(codes(other)).toEqual(['NOT_FOUND']);

    const released = await t.gql(`mutation ($id: ID!) { releaseFromTask(id: $id) { state releaseOrderId } }`, {
      as: 'demo-clerk-2',
      variables: { id: mine[0].id },
    });
    expect(released.body.errors).toBeUndefined();
    expect(released.body.data?.releaseFromTask.state).toBe('RELEASING');
    const again = await t.gql(`mutation ($id: ID!) { releaseFromTask(id: $id) { state } }`, { as: 'demo-clerk-2', variables: { id: mine[0].id } });
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.body.errors?.[0].extensions?.state).toBe('RELEASING');

    const releaseOrderId = released.body.data!.releaseFromTask.releaseOrderId as string;
    const approved = await t.gql(`mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, {
      as: 'demo-approver-2',
      variables: { id: releaseOrderId },
    });
    expect(approved.body.data?.approveControlOrder.state).toBe('SENT');
    const view = await waitFor(
      () => caseTasks(),
      (v) => v.releaseTasks.find((task) => task.id === mine[0].id)?.state === 'RELEASED',
    );
    expect(view.releaseTasks.find((task) => task.id === mine[0].id)).toMatchObject({
      state: 'RELEASED',
      handedOver: true,
      releasedOn: '2026-12-01',
      receiptNo: expect.stringMatching(/^不动产查封登记20261201-/),
    });
    expect((await notifications('demo-administrator')).map((n: { kind: string }) => n.kind)).toContain('HANDED_OVER');
  }, 60000);

  it('a measure made outside the hub is recorded released by the addressed court, once', async () => {
    const list = await t.gql(`{ releaseTasks(first: 50) { edges { node { id source controlOrderId orderingCourtName } } } }`, { as: 'demo-clerk' });
    const task = list.body
      .data!.releaseTasks.edges.map((e: { node: Task }) => e.node)
      .find((n: Task) => n.orderingCourtName === '六安市中级人民法院' && n.source === 'PROPERTY');
    expect(task).toBeDefined();
    const hubWay = await t.gql(`mutation ($id: ID!) { releaseFromTask(id: $id) { state } }`, { as: 'demo-clerk', variables: { id: task.id } });
    expect(codes(hubWay)).toEqual(['CONFLICT']);
    const input = { receiptNo: '不动产解封登记20261201-0007', releasedOn: '2026-12-01' };
    const done = await t.gql(
      `mutation ($id: ID!, $input: OutsideReleaseInput!) { recordOutsideRelease(id: $id, input: $input) { state handedOver receiptNo } }`,
      {
        as: 'demo-clerk',
        variables: { id: task.id, input },
      },
    );
    expect(done.body.data?.recordOutsideRelease).toEqual({ state: 'RELEASED', handedOver: true, receiptNo: input.receiptNo });
    const twice = await t.gql(`mutation ($id: ID!, $input: OutsideReleaseInput!) { recordOutsideRelease(id: $id, input: $input) { state } }`, {
      as: 'demo-clerk',
      variables: { id: task.id, input },
    });
    expect(codes(twice)).toEqual(['CONFLICT']);
    const hostile = await t.gql(`mutation ($id: ID!) { releaseFromTask(id: $id) { state } }`, {
      as: 'demo-clerk',
      variables: { id: 'not-a-task\u0000' },
    });
    expect(codes(hostile)).toEqual(['BAD_USER_INPUT']);
  });

  it('past the due date the open tasks are overdue: flagged once to the accepting court and listed for auditors', async () => {
    clock.set(new Date('2026-12-17T02:00:00Z'));
    const first = await flagOverdue(t.hub.control);
    expect(first.tasks).toBeGreaterThan(0);
    expect((await flagOverdue(t.hub.control)).tasks).toBe(0);
    const audit = await t.gql(`{ overdueReleaseTasks(first: 50) { totalCount edges { node { bankruptcyCaseNo source dueOn state } } } }`, {
      as: 'demo-auditor',
    });
    expect(audit.body.data?.overdueReleaseTasks.totalCount).toBe(first.tasks);
    expect(audit.body.data?.overdueReleaseTasks.edges[0].node).toMatchObject({ bankruptcyCaseNo: DEMO.bankruptcyCase, dueOn: '2026-12-16' });
    const denied = await t.gql(`{ overdueReleaseTasks(first: 5) { totalCount } }`, { as: 'demo-clerk' });
    expect(codes(denied)).toContain('FORBIDDEN');
    expect((await caseTasks()).releaseTasks.filter((task) => task.state !== 'RELEASED').every((task) => task.overdue)).toBe(true);
    expect((await notifications('demo-approver')).map((n: { kind: string }) => n.kind)).toContain('RELEASE_OVERDUE');
    clock.set(new Date('2026-12-01T02:00:00Z'));
  });

  const propose = (caseNo: string, as = 'demo-clerk') =>
    t.gql(
      `mutation ($caseNo: String!, $input: ProposeBankruptcyTransferInput!) { proposeBankruptcyTransfer(caseNo: $caseNo, input: $input) { ${TRANSFER} } }`,
      {
        as,
        variables: {
          caseNo,
          input: {
            respondentIdNumber: people.huaxing.id,
            consentBy: 'APPLICANT',
            consentDocumentNo: '同意移送破产审查书2026-12',
            consentDate: '2026-11-30',
          },
        },
      },
    );
  const inbox = async () =>
    (await t.gql(`{ bankruptcyTransfers(first: 10, state: PROPOSED) { totalCount edges { node { ${TRANSFER} } } } }`, { as: 'demo-judge' })).body.data
      ?.bankruptcyTransfers;

  it('执转破: a transfer suspends the execution; the judge returns it and the execution resumes', async () => {
    const person = await t.gql(
      `mutation { proposeBankruptcyTransfer(caseNo: "${DEMO.clerkCase}", input: { respondentIdNumber: "${people.zhangWei.id}", consentBy: APPLICANT, consentDocumentNo: "x", consentDate: "2026-11-30" }) { id } }`,
      { as: 'demo-clerk' },
    );
    expect(codes(person)).toEqual(['BAD_USER_INPUT']);
    const proposed = await propose(DEMO.clerkCase);
    expect(proposed.body.errors).toBeUndefined();
    expect(proposed.body.data?.proposeBankruptcyTransfer).toMatchObject({ state: 'PROPOSED', decideBy: '2026-12-08', overdue: false });
    const status = await t.gql(`query ($c: String!) { executionCase(caseNo: $c) { status suspension { transferState } } }`, {
      as: 'demo-clerk',
      variables: { c: DEMO.clerkCase },
    });
    expect(status.body.data?.executionCase).toEqual({ status: 'SUSPENDED', suspension: { transferState: 'PROPOSED' } });
    expect(codes(await propose(DEMO.clerkCase))).toEqual(['CONFLICT']);

    const list = await inbox();
    expect(list.totalCount).toBe(1);
    const id = list.edges[0].node.id;
    expect(
      codes(await t.gql(`mutation ($id: ID!) { returnBankruptcyTransfer(id: $id, reason: "r") { state } }`, { as: 'demo-clerk', variables: { id } })),
    ).toEqual(['FORBIDDEN']);
    const returned = await t.gql(
      `mutation ($id: ID!) { returnBankruptcyTransfer(id: $id, reason: "债务人资产足以清偿，不符合破产原因") { state returnReason } }`,
      {
        as: 'demo-judge',
        variables: { id },
      },
    );
    expect(returned.body.data?.returnBankruptcyTransfer).toEqual({ state: 'RETURNED', returnReason: '债务人资产足以清偿，不符合破产原因' });
    const resumed = await t.gql(`query ($c: String!) { executionCase(caseNo: $c) { status suspension { reason } } }`, {
      as: 'demo-clerk',
      variables: { c: DEMO.clerkCase },
    });
    expect(resumed.body.data?.executionCase).toEqual({ status: 'ACTIVE', suspension: null });
    expect((await notifications('demo-clerk')).map((n: { kind: string }) => n.kind)).toContain('TRANSFER_RETURNED');
    const twice = await t.gql(`mutation ($id: ID!) { returnBankruptcyTransfer(id: $id, reason: "again") { state } }`, {
      as: 'demo-judge',
      variables: { id },
    });
    expect(codes(twice)).toEqual(['CONFLICT']);
    expect(twice.body.errors?.[0].extensions?.state).toBe('RETURNED');
  });

  it('执转破: the judge accepts, the bankruptcy case opens with its administrator and the sweep suspends every execution against the debtor', async () => {
    const proposed = await propose(DEMO.clerkCase);
    const id = proposed.body.data!.proposeBankruptcyTransfer.id;
    clock.set(new Date('2026-12-09T02:00:00Z'));
    expect((await flagOverdue(t.hub.control)).transfers).toBe(1);
    expect((await inbox()).edges[0].node.overdue).toBe(true);
    const input = {
      caseNo: '(2026)皖1524破3号',
      acceptanceRulingNo: '(2026)皖1524破申5号',
      acceptedOn: '2026-12-01',
      administrator: { firmCode: 'AF-3415-001', decisionNo: '(2026)皖1524破3号之一', validFrom: '2026-12-01' },
    };
    const wrongCourt = await t.gql(
      `mutation ($id: ID!, $input: AcceptBankruptcyTransferInput!) { acceptBankruptcyTransfer(id: $id, input: $input) { state } }`,
      {
        as: 'demo-judge',
        variables: { id, input: { ...input, caseNo: '(2026)皖1522破3号' } },
      },
    );
    expect(codes(wrongCourt)).toEqual(['BAD_USER_INPUT']);
    const accepted = await t.gql(
      `mutation ($id: ID!, $input: AcceptBankruptcyTransferInput!) { acceptBankruptcyTransfer(id: $id, input: $input) { ${TRANSFER} } }`,
      {
        as: 'demo-judge',
        variables: { id, input },
      },
    );
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data?.acceptBankruptcyTransfer).toMatchObject({ state: 'ACCEPTED', bankruptcyCaseNo: '(2026)皖1524破3号', overdue: false });
    const again = await t.gql(
      `mutation ($id: ID!, $input: AcceptBankruptcyTransferInput!) { acceptBankruptcyTransfer(id: $id, input: $input) { state } }`,
      {
        as: 'demo-judge',
        variables: { id, input },
      },
    );
    expect(codes(again)).toEqual(['CONFLICT']);
    // The administrator reads the new case at once: both executions against 华兴建材 are suspended, its measures swept.
    const view = await waitFor(
      () => caseTasks('(2026)皖1524破3号'),
      (v) => (v?.suspendedExecutions ?? []).length > 0,
    );
    expect(view.suspendedExecutions.map((s) => s.caseNo).sort()).toEqual([DEMO.otherCourtCase2, DEMO.clerkCase].sort());
    const clerk2 = await t.gql(`query ($c: String!) { executionCase(caseNo: $c) { status } }`, {
      as: 'demo-clerk-2',
      variables: { c: DEMO.otherCourtCase2 },
    });
    expect(clerk2.body.data?.executionCase.status).toBe('SUSPENDED');
    const audit = await t.gql(`{ auditEntries(first: 50, filter: { caseNo: "(2026)皖1524破3号" }) { edges { node { kind detail } } } }`, {
      as: 'demo-auditor',
    });
    const steps = audit.body.data?.auditEntries.edges.map((e: { node: { detail: string | null } }) => JSON.parse(e.node.detail ?? '{}').step);
    expect(steps).toEqual(expect.arrayContaining(['TRANSFER_ACCEPTED', 'ACCEPTANCE_SWEEP']));
  }, 60000);

  it('the operator recording an acceptance runs the same sweep', async () => {
    const res = await t.gql(`mutation ($input: CreateBankruptcyCaseInput!) { createBankruptcyCase(input: $input) { caseNo } }`, {
      as: 'demo-admin',
      variables: {
        input: {
          caseNo: '(2026)皖1522破1号',
          acceptedOn: '2026-11-30',
          acceptanceRulingNo: '(2026)皖1522破申1号',
          debtor: { idNumber: people.wangQiang.id, name: '王强' },
        },
      },
    });
    // A person is no bankruptcy debtor: refused before anything is swept.
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    const status = await t.gql(`query ($c: String!) { executionCase(caseNo: $c) { status } }`, {
      as: 'demo-clerk-2',
      variables: { c: DEMO.otherCourtCase },
    });
    expect(status.body.data?.executionCase.status).toBe('ACTIVE');
  });
});
