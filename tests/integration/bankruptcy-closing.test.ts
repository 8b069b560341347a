import { acceptBankruptcy } from '../../src/bankruptcy/acceptance';
import { ManualClock } from '../../src/control/clock';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { codes, startTestHub, type TestHub } from '../support/test-hub';
import { waitFor } from '../support/wait-for';

// Measures on their way at acceptance, the end of a bankruptcy case (dismissed, withdrawn, concluded) and what it does
// to the executions it suspended, and the hub's clock as the measure of "today" for appointments and dates.
const people = demoIdentities();
const TRUCK = people.vins[2]; // 华兴建材's truck; the vehicle registry answers by hand (ASSISTANCE_MANUAL_SOURCES)
const FACTORY = '341524101001GB00003F00000000'; // 华兴建材's factory
const HUAXING_CASE = '(2026)皖1524破3号';
const ORDER = 'id state kind';
const TASK = 'id controlOrderId releaseOrderId state dueOn overdue';
const CLOSE = `mutation ($caseNo: String!, $input: CloseBankruptcyCaseInput!) {
  closeBankruptcyCase(caseNo: $caseNo, input: $input) { caseNo status closing { outcome rulingNo date } } }`;

function seizure(caseNo: string, source: 'PROPERTY' | 'VEHICLE', assetKey: string) {
  return {
    caseNo,
    kind: 'SEIZE',
    subjectIdNumber: people.huaxing.id,
    source,
    assetKey,
    periodDays: 365,
    rulingNo: `${caseNo}之九`,
    rulingDate: '2026-11-20',
    noticeNo: `${caseNo.replace(/号$/, '')}协字9号`,
    noticeDate: '2026-11-20',
  };
}

describe('bankruptcy: measures on their way at acceptance, closing the case, the hub clock', () => {
  let t: TestHub;
  // Tuesday 1 December 2026, 10:00 in China.
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));
  const orders: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestHub({ ASSISTANCE_RETRY_MS: '100', ASSISTANCE_MANUAL_SOURCES: 'vehicle' }, { clock });
  }, 60000);
  afterAll(async () => t?.stop());

  const ok = async (as: string, query: string, variables?: Record<string, unknown>) => {
    const res = await t.gql(query, { as, variables });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data!;
  };
  const order = async (id: string) =>
    (await t.hub.control.hub.query(`SELECT state FROM control_order WHERE id = $1`, [id]))[0]?.state as string | undefined;
  const tasksOf = async (caseNo: string) =>
    (await t.hub.control.hub.query(
      `SELECT t.id, t.control_order_id AS "controlOrderId", t.state FROM release_task t JOIN bankruptcy_case b ON b.id = t.bankruptcy_case_id
        WHERE b.case_no = $1 AND t.control_order_id IS NOT NULL ORDER BY t.created_at, t.id`,
      [caseNo],
    )) as Array<{ id: string; controlOrderId: string; state: string }>;
  const caseTasks = async () =>
    ((
      await t.gql(`query ($c: String!) { bankruptcyCase(caseNo: $c) { releaseTasks { ${TASK} } } }`, {
        as: 'demo-administrator',
        variables: { c: HUAXING_CASE },
      })
    ).body.data?.bankruptcyCase?.releaseTasks ?? []) as Array<Record<string, any>>;
  const kinds = async (as: string) =>
    (
      (await ok(as, '{ notifications(first: 50) { edges { node { kind message } } } }')).notifications.edges as Array<{
        node: { kind: string; message: string };
      }>
    ).map((e) => e.node);
  const executionStatus = async (caseNo: string) =>
    (await t.hub.control.hub.query(`SELECT status FROM execution_case WHERE case_no = $1`, [caseNo]))[0].status as string;
  const auditSteps = async (caseNo: string) =>
    (
      (
        await ok('demo-auditor', `query ($c: String!) { auditEntries(first: 100, filter: { caseNo: $c }) { edges { node { detail } } } }`, {
          c: caseNo,
        })
      ).auditEntries.edges as Array<{ node: { detail: string | null } }>
    ).map((e) => JSON.parse(e.node.detail ?? '{}').step as string);
  const vehicleInbox = async () =>
    (await ok('demo-agency-vehicle', '{ assistanceInbox(first: 20, state: PENDING) { edges { node { id kind } } } }')).assistanceInbox.edges.map(
      (e: { node: { id: string; kind: string } }) => e.node,
    ) as Array<{ id: string; kind: string }>;
  const answer = (id: string, decision: 'ACCEPTED' | 'REJECTED') =>
    ok(
      'demo-agency-vehicle',
      `mutation ($id: ID!, $input: AnswerAssistanceInput!) { answerAssistanceRequest(id: $id, input: $input) { decision } }`,
      {
        id,
        input: decision === 'ACCEPTED' ? { decision } : { decision, reason: '该车辆已办理抵押登记，本次查封不予登记' },
      },
    );

  it('sweeps the seizures still waiting for their receipt: the task waits, then is released once registered or closed if refused', async () => {
    // Two courts seize 华兴建材's truck; both orders are delivered to the vehicle registry, which has not answered.
    const draftAndSend = async (caseNo: string, clerk: string, approver: string) => {
      const drafted = await ok(clerk, `mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { ${ORDER} } }`, {
        input: seizure(caseNo, 'VEHICLE', TRUCK),
      });
      const id = drafted.draftControlOrder.id as string;
      await ok(clerk, `mutation ($id: ID!) { submitControlOrder(id: $id) { state } }`, { id });
      expect((await ok(approver, `mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, { id })).approveControlOrder.state).toBe('SENT');
      return id;
    };
    orders.jinzhai = await draftAndSend(DEMO.clerkCase, 'demo-clerk', 'demo-approver');
    orders.huoqiu = await draftAndSend(DEMO.otherCourtCase2, 'demo-clerk-2', 'demo-approver-2');
    await waitFor(vehicleInbox, (inbox) => inbox.length >= 2);
    // 霍邱's seizure of the factory, registered by the property registry's processor before the acceptance.
    const factory = await ok('demo-clerk-2', `mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }`, {
      input: seizure(DEMO.otherCourtCase2, 'PROPERTY', FACTORY),
    });
    orders.factory = factory.draftControlOrder.id;
    await ok('demo-clerk-2', `mutation ($id: ID!) { submitControlOrder(id: $id) { state } }`, { id: orders.factory });
    await ok('demo-approver-2', `mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, { id: orders.factory });
    expect(
      await waitFor(
        () => order(orders.factory),
        (state) => state !== 'SENT',
      ),
    ).toBe('ACTIVE');
    // And one order waits for approval, another is still a draft.
    const pending = await ok('demo-clerk', `mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }`, {
      input: seizure(DEMO.clerkCase, 'PROPERTY', FACTORY),
    });
    orders.pending = pending.draftControlOrder.id;
    await ok('demo-clerk', `mutation ($id: ID!) { submitControlOrder(id: $id) { state } }`, { id: orders.pending });
    orders.draft = (
      await ok('demo-clerk', `mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }`, {
        input: seizure(DEMO.clerkCase, 'PROPERTY', FACTORY),
      })
    ).draftControlOrder.id;

    await ok('demo-admin', `mutation ($input: CreateBankruptcyCaseInput!) { createBankruptcyCase(input: $input) { caseNo } }`, {
      input: {
        caseNo: HUAXING_CASE,
        acceptedOn: '2026-12-01',
        acceptanceRulingNo: '(2026)皖1524破申3号',
        debtor: { idNumber: people.huaxing.id, name: people.huaxing.name },
      },
    });
    await ok('demo-admin', `mutation ($input: AppointAdministratorInput!) { appointAdministrator(input: $input) { caseNo } }`, {
      input: { caseNo: HUAXING_CASE, firmCode: 'AF-3415-001', decisionNo: `${HUAXING_CASE}之一`, validFrom: '2026-12-01' },
    });
    expect(await executionStatus(DEMO.clerkCase)).toBe('SUSPENDED');
    expect(await executionStatus(DEMO.otherCourtCase2)).toBe('SUSPENDED');

    // Both seizures on their way have a task waiting for the receipt, due ten working days on like the others.
    const tasks = await caseTasks();
    const jinzhai = tasks.find((task) => task.controlOrderId === orders.jinzhai)!;
    const huoqiu = tasks.find((task) => task.controlOrderId === orders.huoqiu)!;
    expect(jinzhai).toMatchObject({ state: 'AWAITING_RECEIPT', dueOn: '2026-12-15', overdue: false });
    expect(huoqiu).toMatchObject({ state: 'AWAITING_RECEIPT', dueOn: '2026-12-15' });
    expect(tasks.find((task) => task.controlOrderId === orders.factory)).toMatchObject({ state: 'PENDING', dueOn: '2026-12-15' });
    // Nothing to release yet.
    const early = await t.gql(`mutation ($id: ID!) { releaseFromTask(id: $id) { state } }`, { as: 'demo-clerk', variables: { id: jinzhai.id } });
    expect(codes(early)).toEqual(['CONFLICT']);
    expect(early.body.errors?.[0].extensions?.state).toBe('AWAITING_RECEIPT');

    // The orders not yet approved can no longer be approved or submitted on the suspended case, and have no task.
    const approve = await t.gql(`mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, {
      as: 'demo-approver',
      variables: { id: orders.pending },
    });
    expect(codes(approve)).toEqual(['BAD_USER_INPUT']);
    expect(approve.body.errors?.[0].extensions?.reason).toBe('CASE_NOT_ACTIVE');
    const submit = await t.gql(`mutation ($id: ID!) { submitControlOrder(id: $id) { state } }`, {
      as: 'demo-clerk',
      variables: { id: orders.draft },
    });
    expect(codes(submit)).toEqual(['BAD_USER_INPUT']);
    expect(submit.body.errors?.[0].extensions?.reason).toBe('CASE_NOT_ACTIVE');
    expect([await order(orders.pending), await order(orders.draft)]).toEqual(['PENDING_APPROVAL', 'DRAFT']);
    expect(tasks.some((task) => task.controlOrderId === orders.pending || task.controlOrderId === orders.draft)).toBe(false);

    // The registry registers 金寨's seizure and refuses 霍邱's.
    await answer(orders.jinzhai, 'ACCEPTED');
    await answer(orders.huoqiu, 'REJECTED');
    const answered = await waitFor(tasksOf.bind(null, HUAXING_CASE), (ts) =>
      ts.filter((task) => [orders.jinzhai, orders.huoqiu].includes(task.controlOrderId)).every((task) => task.state !== 'AWAITING_RECEIPT'),
    );
    expect(answered.find((task) => task.controlOrderId === orders.jinzhai)?.state).toBe('PENDING');
    expect(answered.find((task) => task.controlOrderId === orders.huoqiu)?.state).toBe('NOT_REGISTERED');
    expect((await kinds('demo-clerk')).filter((n) => n.kind === 'RELEASE_TASK').map((n) => n.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('已登记')]),
    );
    expect((await kinds('demo-clerk-2')).map((n) => n.message)).toEqual(expect.arrayContaining([expect.stringContaining('未获登记，无需解除')]));
    // A task with nothing to release is not overdue, ever.
    const view = await caseTasks();
    expect(view.find((task) => task.controlOrderId === orders.huoqiu)).toMatchObject({ state: 'NOT_REGISTERED', overdue: false });

    // The registered seizure is released from its task like any other: approval, delivery, the registry's receipt.
    const released = await ok('demo-clerk', `mutation ($id: ID!) { releaseFromTask(id: $id) { state releaseOrderId } }`, { id: jinzhai.id });
    expect(released.releaseFromTask.state).toBe('RELEASING');
    await ok('demo-approver', `mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, { id: released.releaseFromTask.releaseOrderId });
    const inbox = await waitFor(vehicleInbox, (rows) => rows.some((r) => r.id === released.releaseFromTask.releaseOrderId));
    expect(inbox.find((r) => r.id === released.releaseFromTask.releaseOrderId)?.kind).toBe('RELEASE');
    await answer(released.releaseFromTask.releaseOrderId, 'ACCEPTED');
    const done = await waitFor(caseTasks, (ts) => ts.find((task) => task.id === jinzhai.id)?.state === 'RELEASED');
    expect(done.find((task) => task.id === jinzhai.id)).toMatchObject({ state: 'RELEASED' });
    expect(await auditSteps(HUAXING_CASE)).toEqual(expect.arrayContaining(['MEASURE_REGISTERED', 'MEASURE_NOT_REGISTERED', 'HANDOVER']));
  }, 120000);

  it('a dismissal closes the case by the judge of its court: the executions resume, open tasks are cancelled, clerks told', async () => {
    const input = { outcome: 'DISMISSED', rulingNo: `${HUAXING_CASE}之二`, date: '2026-12-01' };
    // Only the operator and the judges of the case's court; every argument checked.
    expect(codes(await t.gql(CLOSE, { as: 'demo-clerk', variables: { caseNo: HUAXING_CASE, input } }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(CLOSE, { as: 'demo-administrator', variables: { caseNo: HUAXING_CASE, input } }))).toEqual(['FORBIDDEN']);
    const bad = async (variables: Record<string, unknown>, argument: string) => {
      const res = await t.gql(CLOSE, { as: 'demo-judge', variables });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(res.body.errors)).toContain(argument);
    };
    await bad({ caseNo: HUAXING_CASE, input: { ...input, rulingNo: '(2026)皖1522破3号之二' } }, 'input.rulingNo');
    await bad({ caseNo: HUAXING_CASE, input: { ...input, rulingNo: 'x\u0000'.repeat(40) } }, 'input.rulingNo');
    await bad({ caseNo: HUAXING_CASE, input: { ...input, date: '2026-12-02' } }, 'input.date');
    await bad({ caseNo: HUAXING_CASE, input: { ...input, date: '2026-11-30' } }, 'input.date');
    await bad({ caseNo: HUAXING_CASE, input: { ...input, outcome: 'FORGIVEN' } }, 'FORGIVEN');
    expect(codes(await t.gql(CLOSE, { as: 'demo-judge', variables: { caseNo: '(2026)皖1524破99号', input } }))).toEqual(['NOT_FOUND']);
    expect(await executionStatus(DEMO.clerkCase)).toBe('SUSPENDED');

    const closed = await ok('demo-judge', CLOSE, { caseNo: HUAXING_CASE, input });
    expect(closed.closeBankruptcyCase).toEqual({
      caseNo: HUAXING_CASE,
      status: 'CLOSED',
      closing: { outcome: 'DISMISSED', rulingNo: `${HUAXING_CASE}之二`, date: '2026-12-01' },
    });
    const again = await t.gql(CLOSE, { as: 'demo-judge', variables: { caseNo: HUAXING_CASE, input } });
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.body.errors?.[0].extensions?.state).toBe('CLOSED');

    expect(await executionStatus(DEMO.clerkCase)).toBe('ACTIVE');
    expect(await executionStatus(DEMO.otherCourtCase2)).toBe('ACTIVE');
    const suspensions = await t.hub.control.hub.query(
      `SELECT c.case_no, x.resumed_at IS NOT NULL AS resumed, x.terminated_at IS NOT NULL AS terminated FROM execution_suspension x
         JOIN execution_case c ON c.id = x.execution_case_id JOIN bankruptcy_case b ON b.id = x.bankruptcy_case_id WHERE b.case_no = $1 ORDER BY c.case_no`,
      [HUAXING_CASE],
    );
    expect(suspensions).toEqual([
      { case_no: DEMO.otherCourtCase2, resumed: true, terminated: false },
      { case_no: DEMO.clerkCase, resumed: true, terminated: false },
    ]);
    // Tasks not started are cancelled (the measures stay for the resumed execution); released and refused stay as they were.
    const states = (await t.hub.control.hub.query(
      `SELECT t.state, t.control_order_id AS "controlOrderId" FROM release_task t JOIN bankruptcy_case b ON b.id = t.bankruptcy_case_id WHERE b.case_no = $1`,
      [HUAXING_CASE],
    )) as Array<{ state: string; controlOrderId: string | null }>;
    expect(states.find((s) => s.controlOrderId === orders.jinzhai)?.state).toBe('RELEASED');
    expect(states.find((s) => s.controlOrderId === orders.huoqiu)?.state).toBe('NOT_REGISTERED');
    expect(states.filter((s) => s.state === 'PENDING' || s.state === 'AWAITING_RECEIPT')).toEqual([]);
    expect(states.find((s) => s.controlOrderId === orders.factory)?.state).toBe('CANCELLED');
    expect(await order(orders.factory)).toBe('ACTIVE');
    expect((await kinds('demo-clerk-2')).map((n) => n.kind)).toContain('RELEASE_TASK_CANCELLED');

    for (const clerk of ['demo-clerk', 'demo-clerk-2']) {
      expect((await kinds(clerk)).find((n) => n.kind === 'EXECUTION_RESUMED')?.message).toContain('驳回破产申请');
    }
    expect((await kinds('demo-administrator')).map((n) => n.kind)).toContain('BANKRUPTCY_CLOSED');
    // The resumed execution goes on: the order that waited for approval can now be approved.
    expect(
      (await ok('demo-approver', `mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, { id: orders.pending })).approveControlOrder.state,
    ).toBe('SENT');
    // The administrator reads the case no more; the auditors see every step.
    expect(
      codes(
        await t.gql(`query ($c: String!) { bankruptcyCase(caseNo: $c) { caseNo } }`, { as: 'demo-administrator', variables: { c: HUAXING_CASE } }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(await auditSteps(HUAXING_CASE)).toContain('CASE_CLOSED');
    expect(await auditSteps(DEMO.clerkCase)).toContain('RESUMPTION');
  }, 60000);

  it('a concluded bankruptcy terminates the executions it suspended; its release tasks stay', async () => {
    await t.hub.control.hub.transaction(async (m) => {
      const [b] = await m.query(
        `SELECT id, case_no AS "caseNo", court_id AS "courtId", debtor_id AS "debtorId", accepted_on::text AS "acceptedOn" FROM bankruptcy_case WHERE case_no = $1`,
        [DEMO.bankruptcyCase],
      );
      expect((await acceptBankruptcy(m, t.hub.control, b, { username: 'demo-admin', organisationCode: 'OP-HUB' })).suspended).toEqual([
        DEMO.hongdaCase,
      ]);
    });
    const closed = await ok('demo-admin', CLOSE, {
      caseNo: DEMO.bankruptcyCase,
      input: { outcome: 'CONCLUDED', rulingNo: `${DEMO.bankruptcyCase}之九`, date: '2026-11-30' },
    });
    expect(closed.closeBankruptcyCase.closing).toEqual({ outcome: 'CONCLUDED', rulingNo: `${DEMO.bankruptcyCase}之九`, date: '2026-11-30' });
    expect(await executionStatus(DEMO.hongdaCase)).toBe('CLOSED');
    const [x] = await t.hub.control.hub.query(
      `SELECT x.resumed_at IS NOT NULL AS resumed, x.terminated_at IS NOT NULL AS terminated FROM execution_suspension x
         JOIN execution_case c ON c.id = x.execution_case_id WHERE c.case_no = $1`,
      [DEMO.hongdaCase],
    );
    expect(x).toEqual({ resumed: false, terminated: true });
    expect((await kinds('demo-clerk-2')).find((n) => n.kind === 'EXECUTION_TERMINATED')?.message).toContain('终结破产程序');
    const hongdaTask = (await tasksOf(DEMO.bankruptcyCase)).find((task) => task.controlOrderId === DEMO.hongdaSeizureOrder);
    expect(hongdaTask?.state).toBe('PENDING');
    expect(await auditSteps(DEMO.hongdaCase)).toContain('TERMINATION');
    // The operator's list shows how it ended.
    const list = await ok('demo-admin', `{ managedBankruptcyCases(first: 50) { edges { node { caseNo closing { outcome } } } } }`);
    expect(list.managedBankruptcyCases.edges.map((e: any) => e.node).find((n: any) => n.caseNo === DEMO.bankruptcyCase)).toEqual({
      caseNo: DEMO.bankruptcyCase,
      closing: { outcome: 'CONCLUDED' },
    });
  }, 60000);

  it('measures "today" by the hub clock: acceptance and closing dates, and the appointment window the administrator reads within', async () => {
    const caseNo = '(2027)皖1524破2号';
    const READ = `query ($c: String!) { bankruptcyCase(caseNo: $c) { caseNo } }`;
    // 10 March 2027 by the hub's clock: a date the database's own clock has not reached.
    clock.set(new Date('2027-03-10T02:00:00Z'));
    await ok('demo-admin', `mutation ($input: CreateBankruptcyCaseInput!) { createBankruptcyCase(input: $input) { caseNo } }`, {
      input: {
        caseNo,
        acceptedOn: '2027-03-09',
        acceptanceRulingNo: '(2027)皖1524破申2号',
        debtor: { idNumber: people.yongan.id, name: people.yongan.name },
      },
    });
    await ok('demo-admin', `mutation ($input: AppointAdministratorInput!) { appointAdministrator(input: $input) { caseNo } }`, {
      input: { caseNo, firmCode: 'AF-3415-001', decisionNo: `${caseNo}之一`, validFrom: '2027-03-09', validTo: '2027-03-31' },
    });
    expect((await ok('demo-administrator', READ, { c: caseNo })).bankruptcyCase.caseNo).toBe(caseNo);
    expect(
      (await ok('demo-administrator', '{ myBankruptcyCases(first: 20) { edges { node { caseNo } } } }')).myBankruptcyCases.edges.map(
        (e: any) => e.node.caseNo,
      ),
    ).toContain(caseNo);
    // Past the appointment's last day by the clock: refused.
    clock.set(new Date('2027-04-02T02:00:00Z'));
    expect(codes(await t.gql(READ, { as: 'demo-administrator', variables: { c: caseNo } }))).toEqual(['FORBIDDEN']);
    // Back within it: read again. A closing ruling dated after the clock's today is refused, one on it accepted.
    clock.set(new Date('2027-03-31T02:00:00Z'));
    expect((await ok('demo-administrator', READ, { c: caseNo })).bankruptcyCase.caseNo).toBe(caseNo);
    const future = await t.gql(CLOSE, {
      as: 'demo-admin',
      variables: { caseNo, input: { outcome: 'WITHDRAWN', rulingNo: `${caseNo}之二`, date: '2027-04-01' } },
    });
    expect(codes(future)).toEqual(['BAD_USER_INPUT']);
    const closed = await ok('demo-admin', CLOSE, { caseNo, input: { outcome: 'WITHDRAWN', rulingNo: `${caseNo}之二`, date: '2027-03-31' } });
    expect(closed.closeBankruptcyCase.status).toBe('CLOSED');
    const [row] = await t.hub.control.hub.query(`SELECT closed_at FROM bankruptcy_case WHERE case_no = $1`, [caseNo]);
    expect(new Date(row.closed_at).toISOString()).toBe('2027-03-31T02:00:00.000Z');
  }, 60000);
});
