import { ManualClock } from '../../src/control/clock';
import { sweep } from '../../src/control/control-worker';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { startTestHub, type TestHub } from '../support/test-hub';

// Control orders on the accounts and shareholdings: deposits (freeze, deduction), housing fund and equity freezes.
// The registers number their freezes from 0 (the effective one) and n for 轮候 n; the hub's rank is that + 1.
const people = demoIdentities();
const HUAXING_BASIC = '104376500035:185712345678'; // 华兴建材 at 中国银行金寨支行, balance 356,200
const HUAXING_GENERAL = '319376500073:1920101021000456789'; // 华兴建材 at 徽商银行, balance 82,000
const ZHANG_FUND = '341524010003127'; // 张伟's fund account, balance 86,420.15
const ZHANG_IN_HUAXING = `${people.zhangWei.id}:${people.huaxing.id}`; // 张伟's 60 % of 华兴, frozen by 六安中院 until 2027-01-15

const ORDER =
  'id state kind rank amountFrozen amountDeducted registrationNo registeredFrom registeredUntil rejectionReason freezeOrderId freezeOrder { id state } history { action state note }';
const DRAFT = `mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id freezeOrderId } }`;
const COURTS: Record<string, { clerk: string; approver: string; court: string }> = {
  [DEMO.clerkCase]: { clerk: 'demo-clerk', approver: 'demo-approver', court: '金寨县人民法院' },
  [DEMO.otherCourtCase2]: { clerk: 'demo-clerk-2', approver: 'demo-approver-2', court: '霍邱县人民法院' },
};

function measure(
  kind: 'FREEZE' | 'DEDUCT',
  source: string,
  assetKey: string,
  subjectIdNumber: string,
  amount: string,
  caseNo: string,
  periodDays?: number,
) {
  return {
    caseNo,
    kind,
    subjectIdNumber,
    source,
    assetKey,
    amount,
    periodDays: kind === 'DEDUCT' ? null : (periodDays ?? 365),
    rulingNo: `${caseNo}之五`,
    rulingDate: '2026-11-25',
    noticeNo: `${caseNo.replace(/号$/, '')}协字5号`,
    noticeDate: '2026-11-25',
  };
}

describe('control orders on deposits, housing fund and equity', () => {
  let t: TestHub;
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));
  beforeAll(async () => {
    // Market supervision answers by hand: its request waits in the inbox, unanswered, until its agency user answers.
    t = await startTestHub({ ASSISTANCE_RETRY_MS: '100', ASSISTANCE_MANUAL_SOURCES: 'marketSupervision', ASSISTANCE_ANSWER_DAYS: '3' }, { clock });
  }, 60000);
  afterAll(async () => t?.stop());

  /** Drafts, submits and approves as the case's court; returns the order once the agency's receipt is in. */
  async function carryOut(input: ReturnType<typeof measure>) {
    const court = COURTS[input.caseNo];
    const drafted = await t.gql(`mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }`, {
      as: court.clerk,
      variables: { input },
    });
    expect(drafted.body.errors).toBeUndefined();
    const id = drafted.body.data!.draftControlOrder.id as string;
    const submitted = await t.gql(`mutation ($id: ID!) { submitControlOrder(id: $id) { state } }`, { as: court.clerk, variables: { id } });
    expect(submitted.body.data?.submitControlOrder.state).toBe('PENDING_APPROVAL');
    const approved = await t.gql(`mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, { as: court.approver, variables: { id } });
    expect(approved.body.data?.approveControlOrder.state).toBe('SENT');
    const until = Date.now() + 20000;
    for (;;) {
      const o = (await t.gql(`query ($id: ID!) { controlOrder(id: $id) { ${ORDER} } }`, { as: court.clerk, variables: { id } })).body.data
        ?.controlOrder;
      if (o?.state !== 'SENT' || Date.now() > until) return o;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  let huoqiuFreeze = '';
  let jinzhaiFreeze = '';
  const order = async (id: string, as: string) =>
    (await t.gql(`query ($id: ID!) { controlOrder(id: $id) { ${ORDER} } }`, { as, variables: { id } })).body.data?.controlOrder;

  const freezesOf = async (source: 'deposit' | 'housingFund' | 'marketSupervision', sql: string, params: unknown[]) =>
    (await t.hub.sourceDatabases[source].ready()).query(sql, params);

  it("queues a deposit freeze behind another court's (轮候 1: rank 2), holding what the first leaves of the balance", async () => {
    const first = await carryOut(measure('FREEZE', 'DEPOSIT', HUAXING_BASIC, people.huaxing.id, '100000.00', DEMO.otherCourtCase2));
    expect(first).toMatchObject({ state: 'ACTIVE', rank: 1, amountFrozen: '100000.00', registeredFrom: '2026-12-01', registeredUntil: '2027-11-30' });
    expect(first.registrationNo).toMatch(/^存款冻结20261201-/);
    const second = await carryOut(measure('FREEZE', 'DEPOSIT', HUAXING_BASIC, people.huaxing.id, '300000.00', DEMO.clerkCase));
    expect(second).toMatchObject({ state: 'QUEUED', rank: 2, amountFrozen: '256200.00', registeredFrom: null, registeredUntil: null });
    huoqiuFreeze = first.id;
    jinzhaiFreeze = second.id;
    const rows = await freezesOf(
      'deposit',
      `SELECT f.court, f.amount::text AS amount, f.rank, f.expires_on::text AS expires FROM deposit_freeze f JOIN bank_account a ON a.id = f.account_id
        WHERE a.account_no = $1 AND f.request_id IS NOT NULL ORDER BY f.rank`,
      ['185712345678'],
    );
    expect(rows).toEqual([
      { court: '霍邱县人民法院', amount: '100000.00', rank: 0, expires: '2027-11-30' },
      { court: '金寨县人民法院', amount: '256200.00', rank: 1, expires: null },
    ]);
  }, 60000);

  it('freezes only the balance when a freeze asks more', async () => {
    const o = await carryOut(measure('FREEZE', 'DEPOSIT', HUAXING_GENERAL, people.huaxing.id, '200000.00', DEMO.clerkCase));
    expect(o).toMatchObject({ state: 'ACTIVE', rank: 1, amountFrozen: '82000.00' });
    const fund = await carryOut(measure('FREEZE', 'HOUSING_FUND', ZHANG_FUND, people.zhangWei.id, '100000.00', DEMO.clerkCase));
    expect(fund).toMatchObject({ state: 'ACTIVE', rank: 1, amountFrozen: '86420.15', registeredUntil: '2027-11-30' });
    expect(fund.registrationNo).toMatch(/^公积金冻结/);
    expect(await freezesOf('housingFund', 'SELECT amount::text AS amount, rank FROM fund_freeze WHERE request_id = $1', [fund.id])).toEqual([
      { amount: '86420.15', rank: 0 },
    ]);
  }, 60000);

  it('refuses a deduction beyond what its freeze froze, with the figures', async () => {
    const tooMuch = await t.gql(DRAFT, {
      as: 'demo-clerk-2',
      variables: { input: measure('DEDUCT', 'DEPOSIT', HUAXING_BASIC, people.huaxing.id, '100000.01', DEMO.otherCourtCase2) },
    });
    expect(tooMuch.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXCEEDS_FROZEN' });
    expect(tooMuch.body.errors?.[0].message).toContain('100000.00 yuan frozen, 0.00 deducted, 0.00 in deductions under way; at most 100000.00 yuan');
    // Another court's freeze cannot be named, nor a freeze waiting in line.
    const notOurs = await t.gql(DRAFT, {
      as: 'demo-clerk-2',
      variables: {
        input: { ...measure('DEDUCT', 'DEPOSIT', HUAXING_BASIC, people.huaxing.id, '10.00', DEMO.otherCourtCase2), freezeOrderId: jinzhaiFreeze },
      },
    });
    expect(notOurs.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_FROZEN' });
    // A deduction submitted holds its amount: a second one may take only what is left.
    const first = await t.gql(DRAFT, {
      as: 'demo-clerk-2',
      variables: { input: measure('DEDUCT', 'DEPOSIT', HUAXING_BASIC, people.huaxing.id, '70000.00', DEMO.otherCourtCase2) },
    });
    expect(first.body.data?.draftControlOrder.freezeOrderId).toBe(huoqiuFreeze);
    const pendingId = first.body.data!.draftControlOrder.id as string;
    await t.gql(`mutation ($id: ID!) { submitControlOrder(id: $id) { state } }`, { as: 'demo-clerk-2', variables: { id: pendingId } });
    const second = await t.gql(DRAFT, {
      as: 'demo-clerk-2',
      variables: { input: measure('DEDUCT', 'DEPOSIT', HUAXING_BASIC, people.huaxing.id, '30000.01', DEMO.otherCourtCase2) },
    });
    expect(second.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXCEEDS_FROZEN' });
    expect(second.body.errors?.[0].message).toContain('70000.00 in deductions under way; at most 30000.00 yuan');
    const rejected = await t.gql(`mutation ($id: ID!) { rejectControlOrder(id: $id, reason: "数额有误") { state } }`, {
      as: 'demo-approver-2',
      variables: { id: pendingId },
    });
    expect(rejected.body.data?.rejectControlOrder.state).toBe('REJECTED');
  }, 60000);

  it("deducts a frozen amount (扣划) from the freeze it names: EXECUTED, recorded in the register's deductions, the balance and that freeze reduced", async () => {
    const o = await carryOut(measure('DEDUCT', 'DEPOSIT', HUAXING_BASIC, people.huaxing.id, '60000.00', DEMO.otherCourtCase2));
    expect(o).toMatchObject({
      state: 'EXECUTED',
      amountFrozen: '60000.00',
      freezeOrderId: huoqiuFreeze,
      freezeOrder: { id: huoqiuFreeze, state: 'ACTIVE' },
    });
    const freeze = await order(huoqiuFreeze, 'demo-clerk-2');
    expect(freeze).toMatchObject({ state: 'ACTIVE', amountFrozen: '100000.00', amountDeducted: '60000.00' });
    expect(freeze.history).toContainEqual({ action: 'DEDUCTED', state: 'ACTIVE', note: `60000.00 by ${o.id}; 40000.00 left frozen` });
    const db = await t.hub.sourceDatabases.deposit.ready();
    expect(await db.query('SELECT original_request_id AS freeze FROM assistance_inbox WHERE request_id = $1', [o.id])).toEqual([
      { freeze: huoqiuFreeze },
    ]);
    expect(o.registrationNo).toMatch(/^存款扣划20261201-/);
    expect(
      await freezesOf(
        'deposit',
        `SELECT d.court, d.case_no, d.amount::text AS amount, d.deducted_on::text AS "on", a.balance::text AS balance, f.request_id AS freeze
           FROM deposit_deduction d JOIN bank_account a ON a.id = d.account_id LEFT JOIN deposit_freeze f ON f.id = d.freeze_id
          WHERE a.account_no = $1`,
        ['185712345678'],
      ),
    ).toEqual([
      { court: '霍邱县人民法院', case_no: DEMO.otherCourtCase2, amount: '60000.00', on: '2026-12-01', balance: '296200.00', freeze: huoqiuFreeze },
    ]);
    const [{ id: freezeRow }] = await freezesOf('deposit', 'SELECT id FROM deposit_freeze WHERE request_id = $1', [huoqiuFreeze]);
    expect(await freezesOf('deposit', 'SELECT amount::text AS amount, rank FROM deposit_freeze WHERE request_id = $1', [huoqiuFreeze])).toEqual([
      { amount: '40000.00', rank: 0 },
    ]);
    const inquiry = await t.gql(
      `{ executionCase(caseNo: "${DEMO.otherCourtCase2}") { respondents { deposits { accountNo freezes { id caseNo } deductions { amount caseNo freezeId } } } } }`,
      {
        as: 'demo-clerk-2',
      },
    );
    const deductions = inquiry.body.data?.executionCase.respondents.flatMap((r: any) => (r.deposits ?? []).flatMap((a: any) => a.deductions ?? []));
    expect(deductions).toContainEqual({ amount: '60000.00', caseNo: DEMO.otherCourtCase2, freezeId: freezeRow });
    // The freeze it names is one of the account's freezes as the inquiry lists them.
    const account = inquiry.body.data?.executionCase.respondents
      .flatMap((r: any) => r.deposits ?? [])
      .find((a: any) => a.accountNo === '185712345678');
    expect(account.freezes).toContainEqual({ id: freezeRow, caseNo: DEMO.otherCourtCase2 });
    // A court whose freeze on the account still waits in line (轮候) deducts nothing: refused at the draft.
    const refused = await t.gql(`mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }`, {
      as: 'demo-clerk',
      variables: { input: measure('DEDUCT', 'DEPOSIT', HUAXING_BASIC, people.huaxing.id, '1000.00', DEMO.clerkCase) },
    });
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_FROZEN' });
  }, 60000);

  it('moves the queued deposit freeze up when the one ahead is released: ACTIVE, its year counted from then', async () => {
    clock.advanceDays(10);
    const follow = {
      rulingNo: `${DEMO.otherCourtCase2}之六`,
      rulingDate: '2026-12-10',
      noticeNo: '(2024)皖1522执61协字6号',
      noticeDate: '2026-12-10',
    };
    const release = await t.gql(`mutation ($id: ID!, $input: FollowUpControlOrderInput!) { releaseControlOrder(id: $id, input: $input) { id } }`, {
      as: 'demo-clerk-2',
      variables: { id: huoqiuFreeze, input: follow },
    });
    const releaseId = release.body.data!.releaseControlOrder.id as string;
    await t.gql(`mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, { as: 'demo-approver-2', variables: { id: releaseId } });
    const until = Date.now() + 20000;
    while ((await order(releaseId, 'demo-clerk-2'))?.state === 'SENT' && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect((await order(huoqiuFreeze, 'demo-clerk-2')).state).toBe('RELEASED');
    await sweep(t.hub.control);
    // It asked 300,000 and held what the first freeze left (256,200); first now, it is weighed again against the
    // balance the account holds after the deduction (296,200) and nothing ahead of it.
    const promoted = await order(jinzhaiFreeze, 'demo-clerk');
    expect(promoted).toMatchObject({
      state: 'ACTIVE',
      rank: 1,
      amountFrozen: '296200.00',
      registeredFrom: '2026-12-11',
      registeredUntil: '2027-12-10',
    });
    expect(promoted.history).toContainEqual({
      action: 'PROMOTED',
      state: 'ACTIVE',
      note: 'rank 1; amount frozen 256200.00 → 296200.00 (rechecked against the balance)',
    });
    expect(
      await freezesOf(
        'deposit',
        'SELECT rank, amount::text AS amount, frozen_on::text AS "from", expires_on::text AS "until" FROM deposit_freeze WHERE request_id = $1',
        [jinzhaiFreeze],
      ),
    ).toEqual([{ rank: 0, amount: '296200.00', from: '2026-12-11', until: '2027-12-10' }]);
    const notes = await t.gql('{ notifications(first: 20) { edges { node { kind orderId message } } } }', { as: 'demo-clerk' });
    const note = notes.body.data?.notifications.edges.map((e: any) => e.node).find((n: any) => n.kind === 'PROMOTED' && n.orderId === jinzhaiFreeze);
    expect(note.message).toContain('轮候冻结已转为正式冻结，至2027-12-10，按现有余额重新核定实际冻结金额：由256200.00元变为296200.00元');
  }, 60000);

  it('deducts a freeze in full: the freeze is EXECUTED and released in the register', async () => {
    const o = await carryOut(measure('DEDUCT', 'DEPOSIT', HUAXING_BASIC, people.huaxing.id, '296200.00', DEMO.clerkCase));
    expect(o).toMatchObject({ state: 'EXECUTED', amountFrozen: '296200.00', freezeOrderId: jinzhaiFreeze });
    expect(await order(jinzhaiFreeze, 'demo-clerk')).toMatchObject({ state: 'EXECUTED', amountDeducted: '296200.00' });
    expect(await freezesOf('deposit', 'SELECT released_on::text AS released FROM deposit_freeze WHERE request_id = $1', [jinzhaiFreeze])).toEqual([
      { released: '2026-12-11' },
    ]);
  }, 60000);

  it("flags an agency's answer overdue after ASSISTANCE_ANSWER_DAYS: the court told once, listed for its clerk and approver; then equity frozen behind the intermediate court's freeze (轮候 1: rank 2)", async () => {
    const tooLong = await t.gql(`mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }`, {
      as: 'demo-clerk',
      variables: { input: measure('FREEZE', 'MARKET_SUPERVISION', ZHANG_IN_HUAXING, people.zhangWei.id, '500000.00', DEMO.clerkCase, 3 * 365 + 1) },
    });
    expect(tooLong.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERIOD_TOO_LONG' });
    const drafted = await t.gql(DRAFT, {
      as: 'demo-clerk',
      variables: { input: measure('FREEZE', 'MARKET_SUPERVISION', ZHANG_IN_HUAXING, people.zhangWei.id, '500000.00', DEMO.clerkCase, 3 * 365) },
    });
    const id = drafted.body.data!.draftControlOrder.id as string;
    await t.gql(`mutation ($id: ID!) { submitControlOrder(id: $id) { state } }`, { as: 'demo-clerk', variables: { id } });
    const sent = await t.gql(`mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, { as: 'demo-approver', variables: { id } });
    expect(sent.body.data?.approveControlOrder.state).toBe('SENT');
    const overdue = async (as: string) =>
      (await t.gql('{ overdueControlOrders(first: 10) { totalCount edges { node { id answerOverdue answerDueAt } } } }', { as })).body.data
        ?.overdueControlOrders;
    const kinds = async (as: string) =>
      (await t.gql('{ notifications(first: 50) { edges { node { kind orderId message } } } }', { as })).body.data?.notifications.edges
        .map((e: any) => e.node)
        .filter((n: any) => n.kind === 'ANSWER_OVERDUE' && n.orderId === id);

    // Two days and 23 hours after sending: not yet due.
    clock.advanceDays(2);
    clock.set(new Date(clock.now().getTime() + 23 * 3_600_000));
    await sweep(t.hub.control);
    expect(await overdue('demo-clerk')).toMatchObject({ totalCount: 0, edges: [] });
    expect(await kinds('demo-clerk')).toEqual([]);
    // Three days: overdue. The clerk and the approver are told once, however often the sweep runs.
    clock.set(new Date(clock.now().getTime() + 3_600_000));
    await sweep(t.hub.control);
    await sweep(t.hub.control);
    for (const as of ['demo-clerk', 'demo-approver']) {
      const list = await overdue(as);
      expect(list.totalCount).toBe(1);
      expect(list.edges[0].node).toMatchObject({ id, answerOverdue: true });
      const told = await kinds(as);
      expect(told).toHaveLength(1);
      expect(told[0].message).toContain('协助执行请求已发出3日，协助单位尚未回复');
    }
    for (const as of ['demo-clerk-2', 'demo-approver-2']) expect((await overdue(as)).totalCount).toBe(0);
    expect((await order(id, 'demo-clerk')).history.map((h: { action: string }) => h.action)).toContain('ANSWER_OVERDUE');

    // The agency answers: the order leaves the list, queued behind the intermediate court's freeze.
    const answered = await t.gql(`mutation ($id: ID!) { answerAssistanceRequest(id: $id, input: { decision: ACCEPTED }) { rank } }`, {
      as: 'demo-agency-market-supervision',
      variables: { id },
    });
    expect(answered.body.data?.answerAssistanceRequest.rank).toBe(2);
    const until = Date.now() + 20000;
    let o = await order(id, 'demo-clerk');
    while (o.state === 'SENT' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      o = await order(id, 'demo-clerk');
    }
    expect(o).toMatchObject({ state: 'QUEUED', rank: 2, registeredUntil: null });
    expect(o.registrationNo).toMatch(/^股权冻结/);
    expect((await overdue('demo-clerk')).totalCount).toBe(0);
    expect(await freezesOf('marketSupervision', 'SELECT court, case_no, rank, expires_on FROM equity_freeze WHERE request_id = $1', [id])).toEqual([
      { court: '金寨县人民法院', case_no: DEMO.clerkCase, rank: 1, expires_on: null },
    ]);
  }, 90000);
});
