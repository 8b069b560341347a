import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { residentId, uscc } from '../../src/seed/chinese';
import { demoIdentities } from '../../src/seed/demo-data';
import { Random } from '../../src/seed/random';
import { startTestHub } from '../support/test-hub';
import { choose, consoleSession, screenshot } from './browser';

// The agency's list checks in the console: a single check with two hits and a no-hit, an outcome reported for each
// hit (one intercepted, the other allowed), then a batch file with a bad line, its progress to the end and the result
// download naming that line.
describe('dishonest-list checks in the console', () => {
  const people = demoIdentities();
  const clean = residentId(new Random('browser-checks'), '341524', new Date(Date.UTC(1985, 3, 9)), 'F');
  const listed = uscc(new Random('browser-checks-listed'), '341524');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checks-'));
  let page: Page;

  const session = consoleSession(async () => {
    const t = await startTestHub();
    const credit = await t.hub.sourceDatabases.credit.ready();
    await credit.query(
      `INSERT INTO dishonest_debtor_entry (subject_id_number, subject_name, court, case_no, obligation, circumstance, listed_on)
       VALUES ($1, '金寨县测试建设有限公司', '金寨县人民法院', '(2025)皖1524执300号', '支付工程款', '有履行能力而拒不履行生效法律文书确定义务', '2025-03-01')`,
      [listed],
    );
    return t;
  });
  beforeAll(async () => {
    page = await session.as('demo-agency-procurement');
    await page.goto(`${session.base}/console/checks`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const choosePurpose = (card: string, label: string) => choose(page, page.locator('.ant-card', { hasText: card }).locator('.ant-select'), label);

  it('checks two subjects on the list and one not on it, and reports an outcome for each subject on the list', async () => {
    await choosePurpose('单个核查', '政府采购');
    await page.getByLabel('申请编号', { exact: true }).fill('CG-2026-088');
    await page.getByLabel('证件号码').fill(`${people.liNa.id}\n${clean}\n${listed}`);
    await page
      .getByRole('button', { name: /核\s*查/ })
      .first()
      .click();
    const row = (id: string) => page.locator('tr.ant-table-row', { hasText: id });
    await row(people.liNa.id).waitFor();
    await expect(row(people.liNa.id).textContent()).resolves.toMatch(
      /命中失信名单.*金寨县人民法院.*\(2024\)皖1524执124号.*2024-05-10.*限制参与政府采购活动/,
    );
    await expect(row(listed).textContent()).resolves.toMatch(/命中失信名单.*\(2025\)皖1524执300号/);
    await expect(row(clean).textContent()).resolves.toMatch(/未命中.*—$/);
    await expect(row(clean).getByRole('button').count()).resolves.toBe(0);
    await page.getByText('共 3 个，命中 2 个，已报告处理结果 0 个').waitFor();
    await screenshot(page, 'agency-dishonest-check');

    const reportFor = async (id: string, button: string, reason: string) => {
      await row(id).getByRole('button', { name: button }).click();
      await page.getByRole('dialog').getByText(id).waitFor();
      await page.getByLabel('处理说明').fill(reason);
      await page.getByRole('button', { name: /确\s*定|OK/ }).click();
      await row(id)
        .getByText(`已报告：${button.replace('报告：', '')}`)
        .waitFor();
    };
    await reportFor(people.liNa.id, '报告：已拦截', '失信被执行人，拒绝其参与本次采购');
    // The other hit still waits for its own outcome.
    await expect(row(listed).getByRole('button', { name: '报告：已拦截' }).isVisible()).resolves.toBe(true);
    await reportFor(listed, '报告：已准予', '已履行完毕，经复核准予');
    await page.getByText('共 3 个，命中 2 个，已报告处理结果 2 个').waitFor();
    const lines = await session.t.hub.hub.query(
      `SELECT id_number AS "idNumber", outcome FROM dishonest_check_line WHERE outcome IS NOT NULL ORDER BY line_no`,
    );
    expect(lines).toEqual([
      { idNumber: people.liNa.id, outcome: 'INTERCEPTED' },
      { idNumber: listed, outcome: 'ALLOWED' },
    ]);
  });

  it('uploads a batch with a bad line, shows progress to the end, and downloads a result that names the line', async () => {
    const file = path.join(dir, 'list.csv');
    fs.writeFileSync(file, `证件号码,姓名\n${people.liNa.id},李娜\n${clean.slice(0, 17)}${clean[17] === '0' ? '1' : '0'},错号\n${clean},张三\n`);
    await choosePurpose('批量核查', '招标投标');
    await page.getByLabel('批量申请编号').fill('ZB-2026-031');
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: '上传并核查' }).click();
    await page.getByText('核查完成：共 3 行，已处理 3 行，命中 1 个，错误 1 行').waitFor({ timeout: 30000 });
    await expect(page.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('100');
    await screenshot(page, 'agency-dishonest-batch');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载核查结果' }).click()]);
    const saved = path.join(dir, 'result.csv');
    await download.saveAs(saved);
    const lines = fs
      .readFileSync(saved, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('行号,证件号码,核查结果,执行法院,执行案号,发布日期,适用的惩戒措施,说明');
    expect(lines.find((l) => l.startsWith('2,'))).toContain('命中');
    expect(lines.find((l) => l.startsWith('3,'))).toMatch(/^3,,错误,.*invalid resident ID/);
    expect(lines.find((l) => l.startsWith('4,'))).toContain('未命中');
  });
});
