import { demoIdentities } from '../../src/seed/demo-data';
import { startTestHub } from '../support/test-hub';
import { acceptAndAppoint, closed, consoleSession, screenshot, until } from './browser';

// The agencies' bankruptcy inbox in the console: the social-security agency runs no processor
// (ASSISTANCE_MANUAL_SOURCES), so when the operator records an acceptance its claim notice waits in the agency's inbox;
// demo-agency-social-security files the claim line by line, is told what the API refused, and the administrator sees
// the claim filed. An agency that takes no bankruptcy requests has no such page in its menu.
describe('the agencies’ bankruptcy inbox in the console', () => {
  const debtor = demoIdentities().huaxing;
  const caseNo = '(2024)皖1524破9号';

  const session = consoleSession(async () => {
    const t = await startTestHub({ ASSISTANCE_RETRY_MS: '100', ASSISTANCE_MANUAL_SOURCES: 'socialSecurity' });
    await acceptAndAppoint(t, caseNo, debtor);
    return t;
  });

  it('the social-security agency files its claim by hand and the administrator sees it filed', async () => {
    const page = await session.as('demo-agency-social-security');
    await page.getByRole('menuitem', { name: /破产协同事项/ }).click();
    const inbox = page.locator('.bankruptcy-inbox');
    const refresh = () => inbox.getByRole('button', { name: /刷\s*新/ }).click();
    const notice = inbox.locator('tr.ant-table-row', { hasText: caseNo });
    await until(page, refresh, async () => (await notice.count()) === 1);
    await expect(notice.textContent()).resolves.toMatch(/债权申报通知[\s\S]*金寨县华兴建材有限公司[\s\S]*2024-03-01/);
    await screenshot(page, 'agency-bankruptcy-inbox');

    await notice.getByRole('button', { name: '申报债权' }).click();
    const form = page.locator('.ant-modal', { hasText: '申报债权' });
    await form.getByLabel('第 1 行类型').fill('PENSION');
    await form.getByLabel('第 1 行所属期').fill('2024-01');
    await form.getByLabel('第 1 行本金').fill('3000.00');
    await form.getByLabel('第 1 行滞纳金').fill('22.50');
    await form.getByLabel('第 1 行欠缴起始日').fill('2024-02-16');
    await form.getByRole('button', { name: '添加一行' }).click();
    await form.getByLabel('第 2 行类型').fill('MEDICAL');
    await form.getByLabel('第 2 行所属期').fill('2024-01');
    await form.getByLabel('第 2 行本金').fill('-800.00');
    await form.getByLabel('第 2 行欠缴起始日').fill('2024-02-16');
    await form.getByRole('button', { name: '添加一行' }).click();
    await form.getByLabel('第 3 行类型').waitFor();
    // The schema refuses the blank third row's principal; the form names the line and the field.
    const problem = form.locator('.claim-file-problem');
    await form.locator('.claim-file-submit').click();
    await expect(problem.textContent()).resolves.toBe('输入有误：「第 3 行的本金」金额格式不正确，应如 1500.00');
    await form
      .locator('.claim-line')
      .nth(2)
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await expect(form.locator('.claim-line').count()).resolves.toBe(2);
    // The hub refuses the negative principal of the second.
    await form.locator('.claim-file-submit').click();
    await problem.filter({ hasText: '第 2 行' }).waitFor();
    await expect(problem.textContent()).resolves.toBe('输入有误：「第 2 行的本金」不能为负数');
    await form.getByLabel('第 2 行本金').fill('800.00');
    await form.locator('.claim-file-submit').click();
    await closed(form);
    await notice.waitFor({ state: 'detached' });

    await inbox.getByText('已答复', { exact: true }).click();
    await until(page, refresh, async () => (await notice.count()) === 1);
    await expect(notice.textContent()).resolves.toMatch(/已申报债权[\s\S]*demo-agency-social-security/);

    const administrator = await session.as('demo-administrator');
    await administrator.goto(`${session.base}/console/bankruptcy/${encodeURIComponent(caseNo)}`);
    const claims = administrator.locator('.bankruptcy-claims');
    const social = claims.locator('tr.ant-table-row', { hasText: '社会保险费债权' });
    await social.waitFor();
    await until(
      administrator,
      () => claims.getByRole('button', { name: /刷\s*新/ }).click(),
      async () => (await social.locator('.claim-state').textContent()) === '已申报待审查',
    );
    // 3,000.00 + 800.00 of principal, 22.50 of late fees, as filed.
    await expect(social.textContent()).resolves.toMatch(/3,800\.00[\s\S]*22\.50/);
  });

  it('an agency that takes no bankruptcy requests has no bankruptcy inbox in its menu', async () => {
    const page = await session.as('demo-agency-property');
    await page.getByRole('menuitem', { name: /协助执行请求/ }).waitFor();
    await page.getByRole('menuitem', { name: /破产协同事项/ }).waitFor({ state: 'detached' });
  });
});
