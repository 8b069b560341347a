import { demoIdentities } from '../../src/seed/demo-data';
import { startTestHub } from '../support/test-hub';
import { acceptAndAppoint, closed, consoleSession, screenshot, until } from './browser';

// Credit repair answered by hand in the console: the credit platform and the tax authority run no processor
// (ASSISTANCE_MANUAL_SOURCES), so the administrator's request waits in both agencies' bankruptcy inboxes; the credit
// platform grants it with 同意修复, the tax authority refuses it with 不予修复 and a reason; the administrator sees each
// agency's answer and the request refused in part.
describe('credit repair granted and refused by the agencies in the console', () => {
  const debtor = demoIdentities().huaxing;
  const caseNo = '(2024)皖1524破7号';
  const refusal = '重整计划执行期间仍有新发生的欠税未缴清';

  // The credit platform's agency (AG-3415-XY, bound to the credit source) and its user demo-agency-credit are in the
  // demo data beside the tax authority's. One after the other: each step needs the one before.
  const session = consoleSession(async () => {
    const t = await startTestHub({ ASSISTANCE_RETRY_MS: '100', ASSISTANCE_MANUAL_SOURCES: 'credit,tax' });
    await acceptAndAppoint(t, caseNo, debtor);
    const approval = await t.gql(
      `mutation ($input: ReorganisationPlanApprovalInput!) { recordReorganisationPlanApproval(caseNo: "${caseNo}", input: $input) { status } }`,
      { as: 'demo-admin', variables: { input: { rulingNo: `${caseNo}之三`, rulingDate: '2024-09-20' } } },
    );
    expect(approval.body.errors).toBeUndefined();
    const repair = await t.gql(`mutation ($input: CreditRepairInput!) { requestCreditRepair(caseNo: "${caseNo}", input: $input) { state } }`, {
      as: 'demo-administrator',
      variables: { input: { reasons: '重整计划已经法院裁定批准并执行完毕', documents: [`${caseNo}之三 民事裁定书`] } },
    });
    expect(repair.body.errors).toBeUndefined();
    return t;
  });

  /** The agency's pending credit-repair request for the case, once delivered. */
  const openRequest = async (username: string) => {
    const page = await session.as(username);
    await page.getByRole('menuitem', { name: /破产协同事项/ }).click();
    const inbox = page.locator('.bankruptcy-inbox');
    const refresh = () => inbox.getByRole('button', { name: /刷\s*新/ }).click();
    const request = inbox.locator('tr.ant-table-row', { hasText: '信用修复申请' }).filter({ hasText: caseNo });
    await until(page, refresh, async () => (await request.count()) === 1);
    await expect(request.textContent()).resolves.toMatch(new RegExp(`${debtor.name}[\\s\\S]*2024-09-20（${caseNo.replace(/[()]/g, '\\$&')}之三）`));
    return { page, inbox, request, refresh };
  };

  it('the administrator follows each agency’s answer: the credit platform grants, the tax authority refuses with its reason', async () => {
    const administrator = await session.as('demo-administrator');
    await administrator.goto(`${session.base}/console/bankruptcy/${encodeURIComponent(caseNo)}`);
    const repair = administrator.locator('.credit-repair');
    const refreshCase = () =>
      administrator
        .locator('.bankruptcy-claims')
        .getByRole('button', { name: /刷\s*新/ })
        .click();
    const state = repair.locator('.credit-repair-state');
    await state.waitFor();
    await expect(state.textContent()).resolves.toBe('办理中');
    await until(
      administrator,
      refreshCase,
      async () =>
        (await repair.locator('.agency-credit').textContent())!.includes('已送达') &&
        (await repair.locator('.agency-tax').textContent())!.includes('已送达'),
    );

    // The credit platform grants.
    const credit = await openRequest('demo-agency-credit');
    await credit.request.getByRole('button', { name: '同意修复' }).click();
    const grant = credit.page.locator('.ant-modal', { hasText: `同意信用修复：${caseNo}` });
    await expect(grant.textContent()).resolves.toContain(`${caseNo}之三`);
    await grant.getByRole('button', { name: '同意修复' }).click();
    await closed(grant);
    await credit.request.waitFor({ state: 'detached' });
    await credit.inbox.getByText('已答复', { exact: true }).click();
    await until(credit.page, credit.refresh, async () => (await credit.request.count()) === 1);
    await expect(credit.request.locator('.bankruptcy-answer').textContent()).resolves.toMatch(/已修复[\s\S]*demo-agency-credit/);

    await until(administrator, refreshCase, async () => (await repair.locator('.agency-credit').textContent())!.includes('已修复'));
    await expect(repair.locator('.agency-credit').textContent()).resolves.toContain('信用修复已登记');
    // The tax authority has not answered yet: the request is still being handled.
    await expect(state.textContent()).resolves.toBe('办理中');

    // The tax authority refuses, with its reason; without one the form does not submit.
    const tax = await openRequest('demo-agency-tax');
    await tax.request.getByRole('button', { name: '不予修复' }).click();
    const refuse = tax.page.locator('.ant-modal', { hasText: '不予信用修复' });
    const confirm = refuse.getByRole('button', { name: '不予修复' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await refuse.getByLabel('不予修复的理由').fill(refusal);
    await confirm.click();
    await closed(refuse);
    await tax.request.waitFor({ state: 'detached' });
    await tax.inbox.getByText('已答复', { exact: true }).click();
    await until(tax.page, tax.refresh, async () => (await tax.request.count()) === 1);
    await expect(tax.request.locator('.bankruptcy-answer').textContent()).resolves.toMatch(
      new RegExp(`不予修复[\\s\\S]*${refusal}[\\s\\S]*demo-agency-tax`),
    );
    await screenshot(tax.page, 'agency-credit-repair-refused');

    // The administrator sees the refusal and its reason; the request is refused in part and may be filed again.
    await until(administrator, refreshCase, async () => (await state.textContent()) === '未获修复');
    await expect(repair.locator('.agency-tax').textContent()).resolves.toMatch(new RegExp(`未获修复[\\s\\S]*${refusal}`));
    await expect(repair.locator('.agency-credit').textContent()).resolves.toContain('已修复');
    await repair.getByRole('button', { name: '申请信用修复' }).waitFor();
    await screenshot(administrator, 'administrator-credit-repair-answers');
  });
});
