import type { Page } from 'playwright-core';
import { startTestHub } from '../support/test-hub';
import { choose, consoleSession, screenshot } from './browser';

// The operator's organisations page: an agency registered with the source it answers for, and its declared check
// purposes, listed and set with a multi-select.
describe('the operator in the console', () => {
  const session = consoleSession(() => startTestHub());
  let page: Page;

  beforeAll(async () => {
    page = await session.as('demo-admin');
  });

  /** The select of a form's field (the list's kind filter has the same options, in its own dropdown). */
  const select = (form: ReturnType<Page['locator']>, label: string) => form.locator('.ant-form-item', { hasText: label }).locator('.ant-select');

  it('registers an agency bound to a source, offered only for an agency, and sees the source listed', async () => {
    await page.getByRole('menuitem', { name: '机构' }).click();
    const form = page.locator('.operation', { hasText: '登记机构' });
    await form.getByLabel('机构代码').fill('AG-3425-XY');
    await form.getByLabel('名称').fill('霍山县社会信用体系建设办公室');
    await choose(page, select(form, '类别'), '法院');
    await expect(form.getByLabel('对接数据源').count()).resolves.toBe(0);
    await choose(page, select(form, '类别'), '政府部门');
    await choose(page, select(form, '对接数据源'), '信用信息平台');
    await form.getByRole('button', { name: '登记机构' }).click();
    // Registered: the form is cleared, and with the kind the source select is gone.
    await form.getByLabel('对接数据源').waitFor({ state: 'detached' });
    await expect(form.getByLabel('机构代码').inputValue()).resolves.toBe('');

    const list = page.locator('.managed-list', { has: page.locator('.ant-card-head-title', { hasText: /^机构$/ }) });
    await list.getByLabel('搜索机构').fill('AG-3425-XY');
    await list.getByLabel('搜索机构').press('Enter');
    await list.getByText('共 1 ').waitFor();
    const row = list.locator('tbody tr.ant-table-row', { hasText: 'AG-3425-XY' });
    await expect(row.textContent()).resolves.toMatch(/霍山县社会信用体系建设办公室[\s\S]*政府部门[\s\S]*信用信息平台/);
    await screenshot(page, 'operator-agency-source');

    // The hub holds it: the agency answers for the credit source.
    expect(await session.t.hub.hub.query(`SELECT kind, source FROM organisation WHERE code = 'AG-3425-XY'`)).toEqual([
      { kind: 'AGENCY', source: 'credit' },
    ]);
    await list.getByLabel('搜索机构').fill('');
    await list.getByLabel('搜索机构').press('Enter');
  });

  it('declares a check purpose for an agency and sees it listed', async () => {
    const list = page.locator('.managed-list', { has: page.locator('.ant-card-head-title', { hasText: /^机构$/ }) });
    await list.getByLabel('搜索机构').fill('AG-3415-GJJ');
    await list.getByLabel('搜索机构').press('Enter');
    await list.getByText('共 1 ').waitFor();
    const row = list.locator('tbody tr.ant-table-row', { hasText: 'AG-3415-GJJ' });
    await expect(row.textContent()).resolves.toContain('未申报');

    // 修改 fills the form with the agency and what it declared (nothing yet); the operator picks 融资授信.
    await row.getByRole('button', { name: '修改' }).click();
    const form = page.locator('.operation', { hasText: '申报核查用途' });
    await expect(form.getByPlaceholder('如 AG-SAMR').inputValue()).resolves.toBe('AG-3415-GJJ');
    await form.locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: '融资授信' }).click();
    await page.keyboard.press('Escape');
    await form.locator('.ant-select-selection-item', { hasText: '融资授信' }).waitFor();
    await form.getByRole('button', { name: '申报核查用途' }).click();
    // Done, or refused with the reason on the form: either way the answer is on the screen before the list is read.
    await page.getByText('申报核查用途：已完成').or(form.getByRole('alert')).first().waitFor();
    await expect(form.getByRole('alert').allTextContents()).resolves.toEqual([]);
    await row.locator('.ant-tag', { hasText: '融资授信' }).waitFor();
    await expect(row.textContent()).resolves.not.toContain('未申报');
    await screenshot(page, 'operator-check-purposes');

    // The hub holds it: the agency's own users now see the purpose as declared.
    const res = await session.t.gql('{ checkPurposes { purpose declared } }', { as: 'demo-agency-housing-fund' });
    expect(res.body.data?.checkPurposes.filter((p: { declared: boolean }) => p.declared).map((p: { purpose: string }) => p.purpose)).toEqual([
      'FINANCING',
    ]);

    // A code that names no agency is refused in words, next to the form.
    await form.getByPlaceholder('如 AG-SAMR').fill('皖1524');
    await form.getByRole('button', { name: '申报核查用途' }).click();
    await form.getByRole('alert').waitFor();
    await expect(form.getByRole('alert').textContent()).resolves.toBe('输入有误：「协助单位代码」该机构不是协助单位，不核查失信名单');
  });
});
