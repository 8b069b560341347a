import type { Browser, Page } from 'playwright-core';
import { DEMO } from '../../src/seed/demo-data';
import { SeparatePostgres } from '../support/separate-postgres';
import { startTestHub, type TestHub } from '../support/test-hub';
import { launchChromium, newPage, screenshot, signIn } from './browser';

// One hub with the demo data; the property registry runs on a PostgreSQL server of its own so that a scenario can
// stop it. Each scenario is a person at a 1366×768 desktop using the console in Chromium; assertions are on the screen.
describe('the console in Chromium', () => {
  let t: TestHub;
  let property: SeparatePostgres;
  let browser: Browser;
  let base: string;
  let page: Page;

  beforeAll(async () => {
    property = await SeparatePostgres.create('fyt_property');
    await property.start();
    t = await startTestHub({ PROPERTY_DATABASE_URL: property.url, SOURCE_TIMEOUT_MS: '2000', SOURCE_RETRY_MS: '200', SOURCE_BREAKER_COOLDOWN_MS: '500' });
    base = t.hub.url.replace(/\/graphql$/, '');
    browser = await launchChromium();
  }, 180000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await property?.destroy();
  });
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(async () => {
    await page.context().close();
  });

  const pane = (source: string) => page.locator(`[data-source-pane="${source}"]`).first();
  /** The card of one respondent or debtor, by its name as titled (a name may also appear inside another card). */
  const card = (name: string) => page.locator('.subject-card').filter({ has: page.locator('.subject-name', { hasText: new RegExp(`^${name}$`) }) });
  const openTab = async (respondent: string, label: string) => {
    await card(respondent).getByRole('tab', { name: label }).click();
  };

  it('a clerk finds the case, opens the inquiry and sees each source with its status, and a denied field', async () => {
    await signIn(page, base, 'demo-clerk');
    await page.getByText('我的执行案件').first().waitFor();
    const closedRow = page.locator('tr.row-closed', { hasText: DEMO.closedCase });
    await closedRow.waitFor();
    await expect(closedRow.textContent()).resolves.toContain('已结案');
    await screenshot(page, 'clerk-cases');

    await page.getByLabel('案号').fill('执123');
    await expect(page.locator('tbody tr.ant-table-row').count()).resolves.toBe(1);
    await page.getByRole('link', { name: DEMO.clerkCase }).click();

    const person = card('张伟');
    await person.getByText('皖(2019)金寨县不动产权第0003127号').waitFor();
    await expect(person.textContent()).resolves.toContain('341524198205171377');
    await expect(pane('PROPERTY').textContent()).resolves.toMatch(/状态：正常/);
    await expect(person.locator('[data-source-pane="PROPERTY"]').textContent()).resolves.toContain('抵押');
    await expect(card('金寨县华兴建材有限公司').count()).resolves.toBe(1);
    await screenshot(page, 'clerk-inquiry');

    await openTab('张伟', '车辆');
    await person.getByText('皖N·8K265').waitFor();
    await openTab('张伟', '税务');
    const filings = person.locator('[data-source-pane="TAX"] .source-section', { hasText: '纳税申报' });
    await expect(filings.getByText('无权查看').isVisible()).resolves.toBe(true);
    await openTab('张伟', '社保');
    await expect(person.locator('[data-source-pane="SOCIAL_SECURITY"]').getByText('无权查看').isVisible()).resolves.toBe(true);

    // Printed for the case file: every source of every respondent, without the navigation.
    await page.emulateMedia({ media: 'print' });
    await expect(person.locator('[data-source-pane="CREDIT"]').isVisible()).resolves.toBe(true);
    await expect(card('金寨县华兴建材有限公司').getByText('皖N·D5521').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('menuitem', { name: '我的执行案件' }).isVisible()).resolves.toBe(false);
  });

  it('a clerk sees which agency did not answer while the rest of the inquiry shows', async () => {
    await property.stop();
    try {
      await signIn(page, base, 'demo-clerk');
      await page.goto(`${base}/console/inquiry/${encodeURIComponent(DEMO.clerkCase)}`);
      const person = card('张伟');
      await person.locator('[data-source-pane="PROPERTY"] .ant-alert-message').getByText(/不动产登记中心未响应（(无法连接|超时|连续失败，暂停查询)）/).waitFor();
      await expect(person.getByRole('tab', { name: /不动产/ }).textContent()).resolves.toMatch(/无法连接|超时|暂停查询/);
      await openTab('张伟', '车辆');
      await person.getByText('皖N·8K265').waitFor();
      await openTab('张伟', '不动产');
      await screenshot(page, 'clerk-source-down');
    } finally {
      await property.start();
    }
  });

  it('a clerk asking for a closed case is told plainly that it is refused', async () => {
    await signIn(page, base, 'demo-clerk');
    await page.goto(`${base}/console/inquiry/${encodeURIComponent(DEMO.closedCase)}`);
    await page.getByText('您无权查看该案件').waitFor();
    await expect(page.locator('.subject-card').count()).resolves.toBe(0);
    await screenshot(page, 'clerk-refused');
  });

  it('an administrator opens the debtor of a bankruptcy case, with masked and denied fields marked', async () => {
    await signIn(page, base, 'demo-administrator');
    await page.getByRole('link', { name: DEMO.bankruptcyCase }).click();
    const debtor = card('金寨县宏达茶业有限公司');
    await debtor.waitFor();
    await openTab('金寨县宏达茶业有限公司', '税务');
    const tax = debtor.locator('[data-source-pane="TAX"]');
    await tax.getByText('已脱敏').first().waitFor();
    await expect(tax.getByText(/\d{4}\*{10}\w{4}/).first().isVisible()).resolves.toBe(true);
    await expect(tax.getByText('无权查看').first().isVisible()).resolves.toBe(true);
    await openTab('金寨县宏达茶业有限公司', '社保');
    const social = debtor.locator('[data-source-pane="SOCIAL_SECURITY"]');
    await social.getByRole('heading', { name: '参保职工' }).waitFor();
    await expect(social.getByText('已脱敏').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'administrator-debtor');

    await page.getByRole('link', { name: '← 返回我的破产案件' }).click();
    await expect(page.getByRole('link', { name: DEMO.expiredBankruptcyCase }).count()).resolves.toBe(0);
    await page.goto(`${base}/console/bankruptcy/${encodeURIComponent(DEMO.expiredBankruptcyCase)}`);
    await page.getByText('您无权查看该案件').waitFor();
  });

  it('an auditor finds the clerk’s read with the agency that failed, and verifies the chain', async () => {
    await signIn(page, base, 'demo-auditor');
    await page.getByText('审计日志').first().waitFor();
    await page.getByPlaceholder('如 (2024)皖1524执123号').fill(DEMO.clerkCase);
    await page.getByPlaceholder('用户名').fill('demo-clerk');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const rows = page.locator('tbody tr.ant-table-row');
    await rows.filter({ hasText: '部分放行' }).first().waitFor();
    await expect(rows.first().textContent()).resolves.toContain('demo-clerk');
    await screenshot(page, 'auditor-log');

    // Newest first: the read of 张伟 as a respondent made while the property registry was down (not the entry that
    // attributes the same request's read of him as the enterprise's legal representative).
    const zhangWei = rows.filter({ hasText: '3415**********1377' }).filter({ hasText: '部分放行' });
    await zhangWei.first().click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('案号（法律依据）').waitFor();
    await drawer.getByText(/不动产：(无法连接|超时|暂停查询)/).waitFor();
    await expect(drawer.textContent()).resolves.toContain('数据源未响应');
    await page.keyboard.press('Escape');

    await page.getByRole('menuitem', { name: '完整性校验' }).click();
    await page.getByRole('button', { name: /开始校验/ }).click();
    await page.getByText('审计日志完整', { exact: true }).waitFor();
    await expect(page.getByText(/未发现篡改/).isVisible()).resolves.toBe(true);
    await screenshot(page, 'auditor-verify');

    await page.getByRole('menuitem', { name: '主体访问记录' }).click();
    await page.getByPlaceholder('被查询人的完整身份证号或统一社会信用代码').fill('341524198205171377');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const history = page.locator('tbody tr.ant-table-row', { hasText: DEMO.clerkCase }).first();
    await history.waitFor();
    await expect(history.textContent()).resolves.toContain('demo-clerk');

    await page.getByRole('menuitem', { name: '签名检查点' }).click();
    await page.getByRole('button', { name: '立即签署检查点' }).click();
    await page.getByText(/已签署检查点：第 \d+ 条/).waitFor();
    await page.locator('tbody tr.ant-table-row').first().waitFor();

    await page.getByRole('menuitem', { name: '访问策略' }).click();
    await page.getByPlaceholder('搜索字段或理由，如 Subject.phone').fill('Subject.phone');
    await page.locator('tbody tr.ant-table-row', { hasText: '破产管理人' }).getByText('拒绝').waitFor();
    await screenshot(page, 'auditor-policy');
  });

  it('an operator creates a user and sees it listed', async () => {
    await signIn(page, base, 'demo-admin');
    await page.getByRole('menuitem', { name: '用户' }).click();
    const form = page.locator('.operation', { hasText: '创建用户' });
    await form.getByPlaceholder('小写字母、数字、. _ -').fill('clerk-li-ming');
    await form.getByPlaceholder('如 执行员 李明').fill('执行员 李明');
    await form.locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: '执行书记员' }).click();
    await form.getByPlaceholder('如 皖1524').fill('皖1524');
    await form.getByRole('button', { name: '创建用户' }).click();
    const row = page.locator('tbody tr.ant-table-row', { hasText: 'clerk-li-ming' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('金寨县人民法院');

    await form.getByPlaceholder('小写字母、数字、. _ -').fill('clerk-li-ming');
    await form.getByPlaceholder('如 执行员 李明').fill('执行员 李明');
    await form.locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: '执行书记员' }).click();
    await form.getByPlaceholder('如 皖1524').fill('皖1524');
    await form.getByRole('button', { name: '创建用户' }).click();
    await form.getByRole('alert').waitFor();
    await expect(form.getByRole('alert').textContent()).resolves.toBe('输入有误：「用户名」已存在');
    await screenshot(page, 'operator-users');
  });

  it('a developer signed in to the console runs a query in the self-hosted GraphiQL', async () => {
    await signIn(page, base, 'demo-clerk');
    await page.goto(`${base}/graphiql`);
    await page.locator('.graphiql-query-editor').getByText('organisation').first().waitFor();
    await page.getByRole('button', { name: /Execute query/ }).click();
    await page.locator('.result-window').getByText('金寨县人民法院').waitFor();
    await screenshot(page, 'graphiql');
  });

  it('a user signs in with the identity provider’s token, pasted or handed over in the address', async () => {
    await page.goto(`${base}/console/`);
    await page.getByLabel('访问令牌').fill(await t.token('demo-auditor'));
    await page.getByRole('button', { name: '使用令牌登录' }).click();
    await page.locator('.header-user', { hasText: '检察官 何平' }).waitFor();
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '使用令牌登录' }).waitFor();

    await page.goto(`${base}/console/#token=${await t.token('demo-administrator')}`);
    await page.locator('.header-user', { hasText: '管理人 郑明' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');

    await page.goto(`${base}/console/#token=not-a-valid-token`);
    await page.getByText('登录已失效，请重新登录。').waitFor();
  });
});
