import fs from 'node:fs';
import { DEMO } from '../../src/seed/demo-data';
import { startTestHub } from '../support/test-hub';
import { choose, consoleSession, screenshot } from './browser';

// The auditor's supervision list and the counts for the joint meetings, on the demo data: its registers hold
// measures past their legal period and over the amount (the demo's 李娜 case), which the list shows with the party
// masked and a link into the audit log; the statistics page draws the counts and exports them as CSV.
describe('supervision and statistics in the console', () => {
  const session = consoleSession(async () => {
    const t = await startTestHub();
    // One inquiry, so the statistics have something to count.
    await t.gql(`{ executionCase(caseNo: "${DEMO.clerkCase}") { respondents { name } } }`, { as: 'demo-clerk' });
    return t;
  });
  const { as } = session;

  it('lists the measures that break the rules, filters them, and opens the audit log of a case', async () => {
    const auditor = await as('demo-auditor');
    await auditor.getByRole('menuitem', { name: /执行监督/ }).click();
    const rows = auditor.locator('tr.ant-table-row');
    await rows.first().waitFor();
    const over = rows.filter({ hasText: '超标的查封' }).filter({ hasText: DEMO.clerkCase2 }).first();
    await over.waitFor();
    const text = (await over.textContent()) ?? '';
    expect(text).toContain('金寨县人民法院');
    expect(text).toMatch(/李\*/);
    expect(text).toMatch(/3415\*{10}\d{3}[\dX]/);
    expect(text).not.toContain('李娜');
    await screenshot(auditor, 'auditor-supervision');

    // Only the kind asked for.
    await choose(auditor, auditor.locator('.ant-form-item', { hasText: '类别' }).locator('.ant-select'), '措施超期');
    await auditor.keyboard.press('Escape');
    await auditor.getByRole('button', { name: /查\s*询/ }).click();
    await rows.filter({ hasText: '超标的查封' }).first().waitFor({ state: 'detached' });
    expect(await rows.count()).toBeGreaterThan(0);
    for (const kind of await rows.locator('.ant-tag').allTextContents()) expect(kind).toBe('措施超期');

    // A court no measure of which breaks a rule: the list says so.
    await auditor.getByLabel('法院').fill('皖1599');
    await auditor.getByRole('button', { name: /查\s*询/ }).click();
    await auditor.getByText('没有符合这些条件的问题').waitFor();
    await auditor.getByLabel('法院').fill('');
    await auditor.getByRole('button', { name: /查\s*询/ }).click();
    const first = rows.first();
    await first.waitFor();
    const caseNo = (await first.locator('td').nth(1).textContent())!;

    // The link opens the audit log filtered by that case.
    await first.getByText('查看该案审计日志').click();
    await auditor.getByText('审计日志', { exact: true }).first().waitFor();
    await expect(auditor.getByLabel('案号').inputValue()).resolves.toBe(caseNo);
    expect(decodeURIComponent(new URL(auditor.url()).pathname)).toBe(`/console/audit/${caseNo}`);
  });

  it('draws the counts per court, switches to months, and exports the same rows as CSV', async () => {
    const auditor = await as('demo-auditor');
    await auditor.getByRole('menuitem', { name: /统计/ }).click();
    const row = auditor.locator('tr.ant-table-row', { hasText: '金寨县人民法院' });
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('1'); // the one inquiry
    expect(await row.locator('td').nth(2).textContent()).toBe('2'); // of two respondents
    await auditor.locator('svg.bar-chart [data-group="金寨县人民法院"] rect').first().waitFor();
    await screenshot(auditor, 'auditor-statistics');

    const [download] = await Promise.all([auditor.waitForEvent('download'), auditor.getByRole('button', { name: /导出 CSV/ }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF分组,名称,查询次数,被查询主体数')).toBe(true);
    expect(csv).toContain('皖1524,金寨县人民法院,1,2,');

    await auditor.getByText('按月份').click();
    await auditor.getByRole('button', { name: /统\s*计/ }).click();
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    await auditor.locator('tr.ant-table-row', { hasText: month }).waitFor();
  });

  it('shows the operator the statistics but not the supervision list', async () => {
    const admin = await as('demo-admin');
    await admin.getByRole('menuitem', { name: /统计/ }).waitFor();
    expect(await admin.getByRole('menuitem', { name: /执行监督/ }).count()).toBe(0);
    await admin.getByRole('menuitem', { name: /统计/ }).click();
    await admin.locator('tr.ant-table-row', { hasText: '金寨县人民法院' }).waitFor();
  });
});
