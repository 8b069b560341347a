import { demoIdentities } from '../../src/seed/demo-data';
import { startTestHub } from '../support/test-hub';
import { acceptAndAppoint, consoleSession, screenshot, until } from './browser';

// Claims and credit repair in the console: the operator records a bankruptcy acceptance (the claim notices go out)
// and, later, the plan's approval; the administrator sees the tax and social-security claims filed by the agencies'
// processors, confirms one, disputes the other, files the credit repair and sees it granted.
describe('claims and credit repair in the console', () => {
  const debtor = demoIdentities().huaxing;
  const caseNo = '(2024)皖1524破8号';

  const session = consoleSession(async () => {
    const t = await startTestHub({ ASSISTANCE_RETRY_MS: '100' });
    const ss = await t.hub.sourceDatabases.socialSecurity.ready();
    await ss.query(
      `INSERT INTO contribution_arrear (employer_id_number, insurance_type, period, amount, overdue_since) VALUES ($1, 'PENSION', '2024-01', 3000, '2024-02-16')`,
      [debtor.id],
    );
    await acceptAndAppoint(t, caseNo, debtor);
    const approval = await t.gql(
      `mutation ($input: ReorganisationPlanApprovalInput!) { recordReorganisationPlanApproval(caseNo: "${caseNo}", input: $input) { status } }`,
      { as: 'demo-admin', variables: { input: { rulingNo: `${caseNo}之三`, rulingDate: '2024-09-20' } } },
    );
    expect(approval.body.errors).toBeUndefined();
    return t;
  });

  it('the administrator confirms a claim, disputes another, files the credit repair and sees it granted', async () => {
    const page = await session.as('demo-administrator');
    await page.goto(`${session.base}/console/bankruptcy/${encodeURIComponent(caseNo)}`);
    const claims = page.locator('.bankruptcy-claims');
    const refresh = () => claims.getByRole('button', { name: /刷\s*新/ }).click();
    const tax = claims.locator('tr.ant-table-row', { hasText: '税款债权' });
    const social = claims.locator('tr.ant-table-row', { hasText: '社会保险费债权' });
    await tax.waitFor();
    await until(
      page,
      refresh,
      async () =>
        (await tax.locator('.claim-state').textContent()) === '已申报待审查' &&
        (await social.locator('.claim-state').textContent()) === '已申报待审查',
    );
    // 46,820.00 of 增值税 with 45 days of late fees (1,053.45) as of the acceptance date.
    await expect(tax.textContent()).resolves.toMatch(/46,820\.00[\s\S]*1,053\.45/);
    await expect(social.textContent()).resolves.toContain('3,000.00');
    await screenshot(page, 'administrator-claims');

    await tax.getByRole('button', { name: /确\s*认/ }).click();
    await until(page, refresh, async () => (await tax.locator('.claim-state').textContent()) === '已确认');

    await social.getByRole('button', { name: /异\s*议/ }).click();
    await page.locator('.claim-dispute-reason').fill('养老保险费已于受理前补缴');
    await page.locator('.claim-dispute-submit').click();
    await until(page, refresh, async () => (await social.locator('.claim-state').textContent()) === '有异议');
    await expect(social.textContent()).resolves.toContain('养老保险费已于受理前补缴');

    const repair = page.locator('.credit-repair');
    await repair.getByText(`${caseNo}之三`).waitFor();
    await repair.getByLabel('申请理由').fill('重整计划已经法院裁定批准并执行完毕');
    await repair.getByLabel('附送材料（每行一份）').fill(`${caseNo}之三 民事裁定书`);
    await repair.getByRole('button', { name: '申请信用修复' }).click();
    const state = repair.locator('.credit-repair-state');
    await state.waitFor();
    await until(page, refresh, async () => (await state.textContent()) === '已修复');
    await expect(repair.locator('.agency-tax').textContent()).resolves.toContain('纳税信用等级 C → M');
    await expect(repair.locator('.agency-credit').textContent()).resolves.toContain('信用修复已登记');
    await screenshot(page, 'administrator-credit-repair');
  });
});
