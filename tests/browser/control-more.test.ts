import { ManualClock } from '../../src/control/clock';
import { sweep } from '../../src/control/control-worker';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { startTestHub } from '../support/test-hub';
import { closed, consoleSession, screenshot } from './browser';

// The measures of a case after they took effect: the clerk releases one from the case's list, the court whose
// seizure waited behind it is told on the bell that it is now first, and a seizure the case no longer needs is refused
// in the draft dialog with the figures; a freeze in force is renewed (续行) and another deducted (扣划) from the list. The agencies answer by the reference processor; the clock is the test's.
const people = demoIdentities();
const TRUCK = people.vins[2]; // 金寨县华兴建材有限公司's truck
const FACTORY = '341524101001GB00003F00000000'; // 华兴建材's factory, reference value 4,716,000
const HUAXING_BASIC = '104376500035:185712345678'; // 华兴建材 at 中国银行金寨支行, balance 356,200, an old freeze lapsed
const HUAXING_GENERAL = '319376500073:1920101021000456789'; // 华兴建材 at 徽商银行, balance 82,000, no freeze

describe('following up measures in the console', () => {
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));

  const session = consoleSession(() => startTestHub({ ASSISTANCE_RETRY_MS: '100' }, { clock }));
  const { as } = session;
  const api = async (username: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await session.t.gql(query, { as: username, variables });
    expect(res.body.errors).toBeUndefined();
    return res.body.data as Record<string, any>;
  };
  const stateOf = async (username: string, id: string) =>
    (await api(username, `query ($id: ID!) { controlOrder(id: $id) { state } }`, { id })).controlOrder.state;
  const settled = async (username: string, id: string, not: string[] = ['SENT']) => {
    for (let i = 0; i < 200; i++) {
      const state = await stateOf(username, id);
      if (!not.includes(state)) return state;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`order ${id} stayed ${not.join('/')}`);
  };
  /** Drafts and submits a seizure (or, with an amount, a deposit freeze); approves it too unless `approve` is false. */
  const seize = async (
    court: { clerk: string; approver: string; caseNo: string },
    assetKey: string,
    source = 'VEHICLE',
    approve = true,
    amount?: string,
  ) => {
    const input = {
      caseNo: court.caseNo,
      kind: amount ? 'FREEZE' : 'SEIZE',
      subjectIdNumber: people.huaxing.id,
      source,
      assetKey,
      ...(amount ? { amount } : {}),
      periodDays: 365,
      rulingNo: `${court.caseNo}之一`,
      rulingDate: '2026-11-20',
      noticeNo: `${court.caseNo.replace(/号$/, '')}协字1号`,
      noticeDate: '2026-11-20',
    };
    const id = (await api(court.clerk, 'mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { id } }', { input }))
      .draftControlOrder.id as string;
    await api(court.clerk, 'mutation ($id: ID!) { submitControlOrder(id: $id) { state } }', { id });
    if (approve) await api(court.approver, 'mutation ($id: ID!) { approveControlOrder(id: $id) { state } }', { id });
    return id;
  };
  const JINZHAI = { clerk: 'demo-clerk', approver: 'demo-approver', caseNo: DEMO.clerkCase };
  const HUOQIU = { clerk: 'demo-clerk-2', approver: 'demo-approver-2', caseNo: DEMO.otherCourtCase2 };

  it('a clerk releases a seizure from the case’s list; the court waiting behind it is told on the bell that its seizure is now first', async () => {
    const first = await seize(HUOQIU, TRUCK);
    expect(await settled('demo-clerk-2', first)).toBe('ACTIVE');
    const waiting = await seize(JINZHAI, TRUCK);
    expect(await settled('demo-clerk', waiting)).toBe('QUEUED');

    clock.advanceDays(1);
    const clerk2 = await as('demo-clerk-2');
    await clerk2.goto(`${session.base}/console/inquiry/${encodeURIComponent(DEMO.otherCourtCase2)}`);
    const orders = clerk2.locator('.case-orders');
    const seizure = orders.locator('tr.ant-table-row', { hasText: TRUCK }).filter({ hasText: /^查封/ });
    await expect(seizure.locator('.order-state').textContent()).resolves.toBe('已生效');
    await seizure.getByRole('button', { name: /解\s*除/ }).click();
    const dialog = clerk2.locator('.follow-up-order');
    await dialog.getByText(people.huaxing.id).waitFor();
    await dialog.getByLabel('执行裁定书文号').fill(`${DEMO.otherCourtCase2}之二`);
    await dialog.getByLabel('协助执行通知书文号').fill(`${DEMO.otherCourtCase2}协字2号`);
    await dialog.getByRole('button', { name: '提交审批' }).click();
    await closed(dialog);
    const release = orders.locator('tr.ant-table-row', { hasText: '解除' }).filter({ has: clerk2.locator('.order-state', { hasText: '待审批' }) });
    await release.waitFor();
    await expect(seizure.textContent()).resolves.toContain('办理中');
    await screenshot(clerk2, 'clerk-control-release');

    // The 执行局长 approves; the registry releases it and the waiting seizure moves up.
    const queue = await api('demo-approver-2', '{ approvalQueue(first: 10) { edges { node { id kind parentId } } } }');
    const releaseId = queue.approvalQueue.edges.map((e: any) => e.node).find((n: any) => n.kind === 'RELEASE' && n.parentId === first).id;
    await api('demo-approver-2', 'mutation ($id: ID!) { approveControlOrder(id: $id) { state } }', { id: releaseId });
    expect(await settled('demo-clerk-2', releaseId)).toBe('RELEASED');
    expect(await stateOf('demo-clerk-2', first)).toBe('RELEASED');
    await sweep(session.t.hub.control);
    expect(await settled('demo-clerk', waiting, ['QUEUED'])).toBe('ACTIVE');

    const clerk = await as('demo-clerk');
    await clerk.goto(`${session.base}/console/inquiry/${encodeURIComponent(DEMO.clerkCase)}`);
    const truck = clerk.locator('.case-orders tr.ant-table-row', { hasText: TRUCK }).filter({ hasText: /^查封/ });
    await expect(truck.locator('.order-state').textContent()).resolves.toBe('已生效');
    await expect(truck.locator('.order-rank').textContent()).resolves.toBe('首封');
    const bell = clerk.locator('.notification-bell');
    await bell.getByRole('button').click();
    await clerk.locator('.notification-unread', { hasText: '轮候查封已转为正式查封' }).first().waitFor();
    await screenshot(clerk, 'clerk-control-promoted');
  });

  it('a seizure the case no longer needs is refused in the draft dialog, with the figures', async () => {
    // 金寨's case holds the truck; its factory seizure, pending approval, covers the claim on its own.
    await seize(JINZHAI, FACTORY, 'PROPERTY', false);
    const clerk = await as('demo-clerk');
    await clerk.goto(`${session.base}/console/inquiry/${encodeURIComponent(DEMO.clerkCase)}`);
    const person = clerk.locator('.subject-card').filter({ has: clerk.locator('.subject-name', { hasText: /^张伟$/ }) });
    const unit = person.locator('[data-source-pane="PROPERTY"] tr.ant-table-row', { hasText: '皖(2019)金寨县不动产权第0003127号' }).first();
    await unit.getByRole('button', { name: /查\s*封/ }).click();
    const draft = clerk.locator('.draft-order');
    await draft.getByLabel('执行裁定书文号').fill(`${DEMO.clerkCase}之九`);
    await draft.getByLabel('协助执行通知书文号').fill(`${DEMO.clerkCase}之十`);
    await draft.getByRole('button', { name: '提交审批' }).click();
    const problem = draft.locator('.draft-problem');
    await problem.waitFor();
    const said = await problem.textContent();
    expect(said).toContain('超标的查封');
    expect(said).toContain('达到债权额 ¥1,349,250.00（执行标的 ¥1,285,000.00 加 5% 执行费用）');
    expect(said).toMatch(/已可清偿 ¥[\d,]+\.\d{2}/);
    await screenshot(clerk, 'clerk-control-over-seizure');
  });

  it('a clerk renews a freeze in force (续行) and deducts from another (扣划) from the case’s list; once approved, the list shows both done', async () => {
    // 霍邱's case (claim 500,000) freezes two of 华兴建材's accounts; both take effect first.
    const basic = await seize(HUOQIU, HUAXING_BASIC, 'DEPOSIT', true, '30000.00');
    const general = await seize(HUOQIU, HUAXING_GENERAL, 'DEPOSIT', true, '50000.00');
    expect(await settled('demo-clerk-2', basic)).toBe('ACTIVE');
    expect(await settled('demo-clerk-2', general)).toBe('ACTIVE');

    const clerk = await as('demo-clerk-2');
    await clerk.goto(`${session.base}/console/inquiry/${encodeURIComponent(DEMO.otherCourtCase2)}`);
    const orders = clerk.locator('.case-orders');
    const row = (assetKey: string, kind: RegExp) => orders.locator('tr.ant-table-row', { hasText: assetKey }).filter({ hasText: kind });
    const inState = (assetKey: string, kind: RegExp, state: string) =>
      row(assetKey, kind)
        .filter({ has: clerk.locator('.order-state', { hasText: state }) })
        .waitFor();
    const basicFreeze = row(HUAXING_BASIC, /^冻结/);
    const generalFreeze = row(HUAXING_GENERAL, /^冻结/);
    await expect(basicFreeze.locator('.order-state').textContent()).resolves.toBe('已生效');
    await expect(generalFreeze.locator('.order-state').textContent()).resolves.toBe('已生效');

    // 续行: the renewal goes to the approver; the freeze takes no other request meanwhile.
    await basicFreeze.getByRole('button', { name: /续\s*行/ }).click();
    const renewDialog = clerk.locator('.follow-up-order');
    await renewDialog.getByText(people.huaxing.id).waitFor();
    await renewDialog.getByLabel('执行裁定书文号').fill(`${DEMO.otherCourtCase2}之六`);
    await renewDialog.getByLabel('协助执行通知书文号').fill(`${DEMO.otherCourtCase2}协字6号`);
    await renewDialog.getByLabel('续行期限（天）').fill('180');
    await renewDialog.getByRole('button', { name: '提交审批' }).click();
    await closed(renewDialog);
    const renewal = row(HUAXING_BASIC, /^续行/);
    await inState(HUAXING_BASIC, /^续行/, '待审批');
    await expect(basicFreeze.textContent()).resolves.toContain('办理中');

    // 扣划: the dialog offers what the freeze holds; the clerk takes 20,000 of the 50,000.
    await generalFreeze.getByRole('button', { name: /扣\s*划/ }).click();
    const deductDialog = clerk.locator('.follow-up-order');
    await expect(deductDialog.textContent()).resolves.toContain('¥50,000.00（实际冻结 ¥50,000.00，已扣划 ¥0.00）');
    await deductDialog.getByLabel('执行裁定书文号').fill(`${DEMO.otherCourtCase2}之七`);
    await deductDialog.getByLabel('协助执行通知书文号').fill(`${DEMO.otherCourtCase2}协字7号`);
    await deductDialog.getByLabel('扣划金额（元）').fill('20000');
    await deductDialog.getByRole('button', { name: '提交审批' }).click();
    await closed(deductDialog);
    const deduction = row(HUAXING_GENERAL, /^扣划/);
    await inState(HUAXING_GENERAL, /^扣划/, '待审批');
    // The freeze it draws on takes no other request meanwhile.
    await expect(generalFreeze.textContent()).resolves.toContain('办理中');
    await expect(generalFreeze.getByRole('button').count()).resolves.toBe(0);
    await screenshot(clerk, 'clerk-control-renew-deduct');

    // The 执行局长 approves both; the bank renews the one freeze and deducts from the other.
    const queue = await api('demo-approver-2', '{ approvalQueue(first: 10) { edges { node { id kind parentId freezeOrderId } } } }');
    const nodes = queue.approvalQueue.edges.map((e: any) => e.node);
    const renewalId = nodes.find((n: any) => n.kind === 'RENEW' && n.parentId === basic).id;
    const deductionId = nodes.find((n: any) => n.kind === 'DEDUCT' && n.freezeOrderId === general).id;
    for (const id of [renewalId, deductionId]) await api('demo-approver-2', 'mutation ($id: ID!) { approveControlOrder(id: $id) { state } }', { id });
    expect(await settled('demo-clerk-2', renewalId, ['APPROVED', 'SENT'])).toBe('ACTIVE');
    expect(await settled('demo-clerk-2', deductionId, ['APPROVED', 'SENT'])).toBe('EXECUTED');

    await clerk.goto(`${session.base}/console/inquiry/${encodeURIComponent(DEMO.otherCourtCase2)}`);
    await inState(HUAXING_BASIC, /^冻结/, '已续封');
    await inState(HUAXING_GENERAL, /^扣划/, '已扣划');
    await expect(renewal.locator('.order-state').textContent()).resolves.toBe('已生效');
    await expect(renewal.locator('.order-rank').textContent()).resolves.toBe('首封');
    await expect(deduction.locator('.order-state').textContent()).resolves.toBe('已扣划');
    await expect(deduction.textContent()).resolves.toContain('¥20,000.00');
    await expect(generalFreeze.locator('.order-state').textContent()).resolves.toBe('已生效');
    await expect(generalFreeze.textContent()).resolves.toContain('已扣划 ¥20,000.00');
    // The renewal is itself in force: it may be renewed or released again; the freeze, its deduction done, offers its
    // buttons again.
    await expect(renewal.getByRole('button', { name: /续\s*行/ }).count()).resolves.toBe(1);
    await expect(generalFreeze.getByRole('button', { name: /扣\s*划/ }).count()).resolves.toBe(1);
    await screenshot(clerk, 'clerk-control-renewed-deducted');
  });
});
