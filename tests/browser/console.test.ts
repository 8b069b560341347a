import type { Page } from 'playwright-core';
import { DEMO } from '../../src/seed/demo-data';
import { SeparatePostgres } from '../support/separate-postgres';
import { startTestHub } from '../support/test-hub';
import { choose, consoleSession, screenshot } from './browser';

// One hub with the demo data; the property registry runs on a PostgreSQL server of its own so that a scenario can
// stop it. Each scenario is a person at a 1366×768 desktop using the console in Chromium; assertions are on the screen.
describe('the console in Chromium', () => {
  let property: SeparatePostgres;
  const session = consoleSession(async () => {
    property = await SeparatePostgres.create('fyt_property');
    await property.start();
    try {
      const t = await startTestHub({
        PROPERTY_DATABASE_URL: property.url,
        SOURCE_TIMEOUT_MS: '2000',
        SOURCE_RETRY_MS: '200',
        SOURCE_BREAKER_COOLDOWN_MS: '500',
      });
      // The registry's server goes with the hub, once the hub no longer uses it.
      return {
        ...t,
        stop: async () => {
          await t.stop();
          await property.destroy();
        },
      };
    } catch (error) {
      await property.destroy();
      throw error;
    }
  });
  // The page of the scenario running: each signs in on a fresh one.
  let page: Page;
  const signedIn = async (username: string) => {
    page = await session.as(username);
  };

  const pane = (source: string) => page.locator(`[data-source-pane="${source}"]`).first();
  /** The card of one respondent or debtor, by its name as titled (a name may also appear inside another card). */
  const card = (name: string) => page.locator('.subject-card').filter({ has: page.locator('.subject-name', { hasText: new RegExp(`^${name}$`) }) });
  const openTab = async (respondent: string, label: string) => {
    await card(respondent).getByRole('tab', { name: label }).click();
  };

  it('a clerk finds the case, opens the inquiry and sees each source with its status, and a denied field', async () => {
    await signedIn('demo-clerk');
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

  it('a clerk sees a respondent’s bank accounts with the freeze queued behind another court’s (轮候), and the reference values', async () => {
    await signedIn('demo-clerk');
    await page.goto(`${session.base}/console/inquiry/${encodeURIComponent(DEMO.clerkCase2)}`);
    const li = card('李娜');
    await li.waitFor();
    await openTab('李娜', '存款');
    const deposits = li.locator('[data-source-pane="DEPOSIT"]');
    await expect(deposits.textContent()).resolves.toMatch(/状态：正常/);
    const account = deposits.locator('tr.ant-table-row', { hasText: '6228480398765432101' });
    await account.waitFor();
    await expect(account.textContent()).resolves.toContain('中国农业银行金寨支行');
    await expect(account.textContent()).resolves.toContain('¥12,480.00');
    await expect(account.getByText('已脱敏').count()).resolves.toBe(0);
    // The clerk's own court's freeze queues behind 霍邱's: 轮候 1, for the amount the order names.
    const queued = deposits.locator('.freeze-table tr.ant-table-row', { hasText: DEMO.clerkCase2 });
    await expect(queued.locator('.freeze-rank').textContent()).resolves.toBe('轮候 1');
    await expect(queued.textContent()).resolves.toContain('金寨县人民法院');
    await expect(queued.textContent()).resolves.toContain('¥86,000.00');
    await expect(queued.textContent()).resolves.toContain('2024-04-16');
    const first = deposits.locator('.freeze-table tr.ant-table-row', { hasText: '(2024)皖1522执12号' });
    await expect(first.locator('.freeze-rank').textContent()).resolves.toBe('首封');
    await expect(deposits.getByText('该账户无冻结').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'clerk-deposits');

    // Equity held, with its reference value and what it rests on.
    await openTab('李娜', '市场监管');
    const market = li.locator('[data-source-pane="MARKET_SUPERVISION"]');
    const holding = market.locator('tr.ant-table-row', { hasText: '金寨县宏达茶业有限公司' });
    await holding.waitFor();
    await expect(holding.textContent()).resolves.toContain('5%');
    await expect(holding.textContent()).resolves.toContain('¥400,000.00');
    await expect(holding.textContent()).resolves.toMatch(/¥[\d,]+\.\d{2}（(评估 \d{4}-\d{2}-\d{2}|注册资本×持股比例)）/);
    await openTab('李娜', '公积金');
    await expect(li.locator('[data-source-pane="HOUSING_FUND"]').textContent()).resolves.toMatch(/个人公积金账户|公积金管理中心无该主体的缴存登记/);
  });

  it('a clerk sees which agency did not answer while the rest of the inquiry shows', async () => {
    await property.stop();
    try {
      await signedIn('demo-clerk');
      await page.goto(`${session.base}/console/inquiry/${encodeURIComponent(DEMO.clerkCase)}`);
      const person = card('张伟');
      await person
        .locator('[data-source-pane="PROPERTY"] .ant-alert-message')
        .getByText(/不动产登记中心未响应（(无法连接|超时|连续失败，暂停查询)）/)
        .waitFor();
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
    await signedIn('demo-clerk');
    await page.goto(`${session.base}/console/inquiry/${encodeURIComponent(DEMO.closedCase)}`);
    await page.getByText('您无权查看该案件').waitFor();
    await expect(page.locator('.subject-card').count()).resolves.toBe(0);
    await screenshot(page, 'clerk-refused');
  });

  it('an administrator opens the debtor of a bankruptcy case, with masked and denied fields marked', async () => {
    await signedIn('demo-administrator');
    await page.getByRole('link', { name: DEMO.bankruptcyCase }).click();
    const debtor = card('金寨县宏达茶业有限公司');
    await debtor.waitFor();
    await openTab('金寨县宏达茶业有限公司', '税务');
    const tax = debtor.locator('[data-source-pane="TAX"]');
    await tax.getByText('已脱敏').first().waitFor();
    await expect(
      tax
        .getByText(/\d{4}\*{10}\w{4}/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(tax.getByText('无权查看').first().isVisible()).resolves.toBe(true);
    await openTab('金寨县宏达茶业有限公司', '社保');
    const social = debtor.locator('[data-source-pane="SOCIAL_SECURITY"]');
    await social.getByRole('heading', { name: '参保职工' }).waitFor();
    await expect(social.getByText('已脱敏').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'administrator-debtor');

    // The debtor's accounts: numbers masked to the last four digits, the queued freeze of another court shown as 轮候 1.
    await openTab('金寨县宏达茶业有限公司', '存款');
    const deposits = debtor.locator('[data-source-pane="DEPOSIT"]');
    const account = deposits.locator('tr.ant-table-row', { hasText: '*************9012' }).first();
    await account.waitFor();
    await expect(account.getByText('已脱敏').isVisible()).resolves.toBe(true);
    await expect(deposits.textContent()).resolves.not.toContain('20000123456789012');
    const queued = deposits.locator('.freeze-table tr.ant-table-row', { hasText: '(2023)皖1522执412号' });
    await expect(queued.locator('.freeze-rank').textContent()).resolves.toBe('轮候 1');
    await expect(queued.textContent()).resolves.toContain('霍邱县人民法院');
    await expect(queued.textContent()).resolves.toContain('¥260,000.00');
    await screenshot(page, 'administrator-deposits');

    await openTab('金寨县宏达茶业有限公司', '市场监管');
    const market = debtor.locator('[data-source-pane="MARKET_SUPERVISION"]');
    await market.getByText('登记信息').waitFor();
    await expect(market.textContent()).resolves.toMatch(/存续|吊销|注销/);
    await expect(market.locator('.shareholdings .freeze-rank', { hasText: '轮候 1' }).count()).resolves.toBeGreaterThan(0);

    await page.getByRole('link', { name: '← 返回我的破产案件' }).click();
    await expect(page.getByRole('link', { name: DEMO.expiredBankruptcyCase }).count()).resolves.toBe(0);
    await page.goto(`${session.base}/console/bankruptcy/${encodeURIComponent(DEMO.expiredBankruptcyCase)}`);
    await page.getByText('您无权查看该案件').waitFor();
  });

  it('an auditor finds the clerk’s read with the agency that failed, and verifies the chain', async () => {
    await signedIn('demo-auditor');
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

  it('an operator creates a user, sees it listed, and finds a demo user and demo cases in the lists', async () => {
    await signedIn('demo-admin');
    await page.getByRole('menuitem', { name: '用户' }).click();
    const form = page.locator('.operation', { hasText: '创建用户' });
    await form.getByPlaceholder('小写字母、数字、. _ -').fill('clerk-li-ming');
    await form.getByPlaceholder('如 执行员 李明').fill('执行员 李明');
    await choose(page, form.locator('.ant-select'), '执行书记员');
    await form.getByPlaceholder('如 皖1524').fill('皖1524');
    await form.getByRole('button', { name: '创建用户' }).click();
    const row = page.locator('tbody tr.ant-table-row', { hasText: 'clerk-li-ming' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('金寨县人民法院');

    await form.getByPlaceholder('小写字母、数字、. _ -').fill('clerk-li-ming');
    await form.getByPlaceholder('如 执行员 李明').fill('执行员 李明');
    await choose(page, form.locator('.ant-select'), '执行书记员');
    await form.getByPlaceholder('如 皖1524').fill('皖1524');
    await form.getByRole('button', { name: '创建用户' }).click();
    await form.getByRole('alert').waitFor();
    await expect(form.getByRole('alert').textContent()).resolves.toBe('输入有误：「用户名」已存在');

    // The lists are the hub's, not this session's: a demo user and demo cases the operator never touched here.
    const list = (title: string) =>
      page.locator('.managed-list', { has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) });
    const search = async (title: string, term: string, total: number) => {
      await list(title).getByLabel(`搜索${title}`).fill(term);
      await list(title).getByLabel(`搜索${title}`).press('Enter');
      // A pattern, not text: text is matched with its whitespace trimmed, so 「共 1 」 would also find 「共 19 位」 in the list
      // as it was before the search.
      await list(title)
        .getByText(new RegExp(`共 ${total} `))
        .waitFor();
    };
    await search('用户', '孙立', 1);
    const clerk = list('用户').locator('tbody tr.ant-table-row');
    await expect(clerk.count()).resolves.toBe(1);
    await expect(clerk.textContent()).resolves.toMatch(/demo-clerk.*执行员 孙立.*执行书记员.*金寨县人民法院/);
    await screenshot(page, 'operator-users');

    await page.getByRole('menuitem', { name: '案件' }).click();
    await search('执行案件', '执123', 1);
    const execution = list('执行案件').locator('tbody tr.ant-table-row', { hasText: DEMO.clerkCase });
    await expect(execution.textContent()).resolves.toMatch(/张伟（自然人）.*金寨县华兴建材有限公司（法人）.*执行员 孙立（demo-clerk）/);
    await search('破产案件', '宏达', 1);
    const bankruptcy = list('破产案件').locator('tbody tr.ant-table-row', { hasText: DEMO.bankruptcyCase });
    await expect(bankruptcy.textContent()).resolves.toMatch(/金寨县宏达茶业有限公司.*安徽正信律师事务所（AF-3415-001）.*有效/);
    // Operators never see an ID number: parties are listed by kind and name as filed.
    await expect(page.locator('.content').textContent()).resolves.not.toMatch(/\d{17}[\dX]|[0-9A-HJ-NPQRTUWXY]{18}/);
  });

  it('a developer signed in to the console runs a query in the self-hosted GraphiQL', async () => {
    await signedIn('demo-clerk');
    await page.goto(`${session.base}/graphiql`);
    await page.locator('.graphiql-query-editor').getByText('organisation').first().waitFor();
    await page.getByRole('button', { name: /Execute query/ }).click();
    await page.locator('.result-window').getByText('金寨县人民法院').waitFor();
    await screenshot(page, 'graphiql');
  });

  it('a user signs in with the identity provider’s token, pasted or handed over in the address', async () => {
    page = await session.page();
    await page.goto(`${session.base}/console/`);
    await page.getByLabel('访问令牌').fill(await session.t.token('demo-auditor'));
    await page.getByRole('button', { name: '使用令牌登录' }).click();
    await page.locator('.header-user', { hasText: '检察官 何平' }).waitFor();
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '使用令牌登录' }).waitFor();

    await page.goto(`${session.base}/console/#token=${await session.t.token('demo-administrator')}`);
    await page.locator('.header-user', { hasText: '管理人 郑明' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');

    await page.goto(`${session.base}/console/#token=not-a-valid-token`);
    await page.getByText('登录已失效，请重新登录。').waitFor();
  });
});
