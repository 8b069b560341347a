import { DEMO } from '../../src/seed/demo-data';
import { startTestHub } from '../support/test-hub';
import { closed, consoleSession, screenshot, until } from './browser';

// Asset control in the console: the clerk drafts and submits a seizure from the inquiry, the 执行局长 approves it
// from the queue, the registry answers by hand from its inbox (manual mode), and the clerk sees the receipt, the
// rank and a notification. The hub's worker delivers and collects as in production.
describe('control orders in the console', () => {
  const session = consoleSession(() => startTestHub({ ASSISTANCE_MANUAL_SOURCES: 'property,vehicle', ASSISTANCE_RETRY_MS: '100' }));
  const { as } = session;
  it('a seizure goes from the clerk’s draft through approval and the registry’s receipt back to the clerk', async () => {
    const clerk = await as('demo-clerk');
    await clerk.goto(`${session.base}/console/inquiry/${encodeURIComponent(DEMO.clerkCase)}`);
    const person = clerk.locator('.subject-card').filter({ has: clerk.locator('.subject-name', { hasText: /^张伟$/ }) });
    const unit = person.locator('[data-source-pane="PROPERTY"] tr.ant-table-row', { hasText: '皖(2019)金寨县不动产权第0003127号' }).first();
    await unit.waitFor();
    const orders = clerk.locator('.case-orders');
    await orders.getByText('本案尚未采取查封、冻结措施').waitFor();

    await unit.getByRole('button', { name: /查\s*封/ }).click();
    const draft = clerk.locator('.draft-order');
    await draft.getByText('341524198205171377').waitFor();
    await draft.getByLabel('执行裁定书文号').fill(`${DEMO.clerkCase}之一`);
    await draft.getByLabel('协助执行通知书文号').fill(`${DEMO.clerkCase}之二`);
    await draft.getByRole('button', { name: '提交审批' }).click();
    await closed(draft);
    const order = orders.locator('tr.ant-table-row', { hasText: '341524001001GB00012F00010502' });
    await expect(order.locator('.order-state').textContent()).resolves.toBe('待审批');
    await screenshot(clerk, 'clerk-control-draft');

    // The 执行局长 approves it from the court's queue; it goes to the registry.
    const approver = await as('demo-approver');
    await approver.getByText('待审批的执行措施', { exact: true }).waitFor();
    const queued = approver.locator('tr.ant-table-row', { hasText: DEMO.clerkCase });
    await queued.waitFor();
    await expect(queued.textContent()).resolves.toContain('341524001001GB00012F00010502');
    await screenshot(approver, 'approver-queue');
    await queued.getByRole('button', { name: /批\s*准/ }).click();
    await approver.getByText('没有待审批的执行措施').waitFor();

    // The registry, answering by hand, finds it in its inbox and registers it.
    const agency = await as('demo-agency-property');
    const request = agency.locator('tr.ant-table-row', { hasText: DEMO.clerkCase });
    await until(
      agency,
      () => agency.getByRole('button', { name: /刷\s*新/ }).click(),
      async () => (await request.count()) > 0,
    );
    await expect(request.textContent()).resolves.toContain('金寨县人民法院');
    await screenshot(agency, 'agency-inbox');
    await request.getByRole('button', { name: '协助执行' }).click();
    await agency.getByLabel('登记编号').fill('金不动产查封2026-0001');
    await agency.getByRole('button', { name: /登\s*记/ }).click();
    await agency.getByText('没有待办理的协助执行请求').waitFor();

    // Back at the court: the receipt, its registration number and the rank, and a notification on the bell.
    await until(
      clerk,
      () => orders.getByRole('button', { name: /刷\s*新/ }).click(),
      async () => !['待审批', '已批准', '已送达'].includes((await order.locator('.order-state').textContent()) ?? ''),
    );
    await expect(order.textContent()).resolves.toContain('金不动产查封2026-0001');
    // The flat already carries the court's earlier seizure, so this one waits behind it: 轮候 1.
    await expect(order.locator('.order-state').textContent()).resolves.toBe('轮候中');
    await expect(order.locator('.order-rank').textContent()).resolves.toBe('轮候 1');
    await clerk.reload();
    const bell = clerk.locator('.notification-bell');
    await expect(bell.locator('.ant-badge-count').textContent()).resolves.toMatch(/^[1-9]\d*$/);
    await bell.getByRole('button').click();
    await clerk.locator('.notification-unread', { hasText: DEMO.clerkCase }).first().waitFor();
    await screenshot(clerk, 'clerk-control-receipt');
    await clerk.getByRole('button', { name: '全部标为已读' }).click();
    await clerk.locator('.notification-unread').first().waitFor({ state: 'detached' });
    await bell.getByRole('button', { name: '通知（0 条未读）' }).waitFor();
    await bell.locator('.ant-badge-count').waitFor({ state: 'hidden' });
  });
});
