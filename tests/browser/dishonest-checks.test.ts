import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { residentId } from '../../src/seed/chinese';
import { demoIdentities } from '../../src/seed/demo-data';
import { Random } from '../../src/seed/random';
import { startTestHub, type TestHub } from '../support/test-hub';
import { launchChromium, newPage, screenshot, signIn } from './browser';

// The agency's list checks in the console: a single check with a hit and a no-hit, then a batch file with a bad
// line, its progress to the end and the result download naming that line.
describe('dishonest-list checks in the console', () => {
  let t: TestHub;
  let browser: Browser;
  let base: string;
  let page: Page;
  const people = demoIdentities();
  const clean = residentId(new Random('browser-checks'), '341524', new Date(Date.UTC(1985, 3, 9)), 'F');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checks-'));

  beforeAll(async () => {
    t = await startTestHub();
    base = t.hub.url.replace(/\/graphql$/, '');
    browser = await launchChromium();
    page = await newPage(browser);
    await signIn(page, base, 'demo-agency-procurement');
    await page.goto(`${base}/console/checks`);
  }, 180000);
  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await t?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const choosePurpose = async (card: string, label: string) => {
    await page.locator('.ant-card', { hasText: card }).locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: label }).last().click();
  };

  it('checks a subject on the list and one not on it, showing the restrictions for the purpose', async () => {
    await choosePurpose('单个核查', '政府采购');
    await page.getByLabel('申请编号', { exact: true }).fill('CG-2026-088');
    await page.getByLabel('证件号码').fill(`${people.liNa.id}\n${clean}`);
    await page
      .getByRole('button', { name: /核\s*查/ })
      .first()
      .click();
    const hit = page.locator('tr.ant-table-row', { hasText: people.liNa.id });
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toMatch(/命中失信名单.*金寨县人民法院.*\(2024\)皖1524执124号.*2024-05-10.*限制参与政府采购活动/);
    await expect(page.locator('tr.ant-table-row', { hasText: clean }).textContent()).resolves.toContain('未命中');
    await screenshot(page, 'agency-dishonest-check');
    await page.getByRole('button', { name: '报告：已拦截' }).click();
    await page.getByLabel('处理说明').fill('失信被执行人，拒绝其参与本次采购');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已报告：已拦截').waitFor();
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
