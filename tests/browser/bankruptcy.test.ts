import { acceptBankruptcy } from '../../src/bankruptcy/acceptance';
import { DEMO } from '../../src/seed/demo-data';
import { startTestHub } from '../support/test-hub';
import { consoleSession, screenshot, until } from './browser';

// Bankruptcy coordination in the console: the judge accepts a transfer from execution (执转破); the clerk sees the
// suspension and releases from a task in one action; the administrator follows the releases and hand-overs.
describe('bankruptcy coordination in the console', () => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const year = today.slice(0, 4);

  const session = consoleSession(() => startTestHub({ ASSISTANCE_RETRY_MS: '100' }));
  const { as } = session;
  it('the clerk proposes a transfer from execution; the judge accepts: the bankruptcy case opens and the execution stays suspended', async () => {
    const proposer = await as('demo-clerk-2');
    await proposer.goto(`${session.base}/console/inquiry/${encodeURIComponent(DEMO.otherCourtCase2)}`);
    await proposer.getByRole('button', { name: '移送破产审查（执转破）' }).click();
    const form = proposer.getByRole('dialog');
    await form.getByLabel('被执行人').check();
    await form.getByLabel('同意移送破产审查书编号').fill('同意移送破产审查书第7号');
    await form.getByLabel('同意日期（YYYY-MM-DD）').fill(today);
    await form.getByLabel('受移送法院代码（可选，默认本院）').fill('皖1524');
    await form.getByRole('button', { name: /移\s*送/ }).click();
    await proposer.locator('.suspension-banner').getByText('本案执行中止（执转破待审查）').waitFor();
    await expect(proposer.getByRole('button', { name: '移送破产审查（执转破）' }).count()).resolves.toBe(0);
    await screenshot(proposer, 'clerk-transfer');
    const proposed = await session.t.gql(
      `{ bankruptcyTransfers(first: 10, state: PROPOSED) { edges { node { executionCaseNo consentBy consentDocumentNo } } } }`,
      {
        as: 'demo-judge',
      },
    );
    expect(proposed.body.data?.bankruptcyTransfers.edges.map((e: any) => e.node)).toEqual([
      { executionCaseNo: DEMO.otherCourtCase2, consentBy: 'RESPONDENT', consentDocumentNo: '同意移送破产审查书第7号' },
    ]);
    const judge = await as('demo-judge');
    const row = judge.locator('.transfers tr.ant-table-row', { hasText: DEMO.otherCourtCase2 });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('金寨县华兴建材有限公司');
    await screenshot(judge, 'judge-transfers');
    await row.getByRole('button', { name: /受\s*理/ }).click();
    const dialog = judge.getByRole('dialog');
    await dialog.getByLabel('破产案号').fill(`(${year})皖1524破8号`);
    await dialog.getByLabel('受理裁定书号').fill(`(${year})皖1524破申8号`);
    await dialog.getByLabel('受理日期（YYYY-MM-DD）').fill(today);
    await dialog.getByRole('button', { name: /受\s*理/ }).click();
    await row.getByText(`(${year})皖1524破8号`).waitFor();
    await expect(row.textContent()).resolves.toContain('已受理');

    const clerk = await as('demo-clerk-2');
    await clerk.goto(`${session.base}/console/inquiry/${encodeURIComponent(DEMO.otherCourtCase2)}`);
    await clerk.locator('.suspension-banner').getByText(`破产案件 (${year})皖1524破8号`).waitFor();
  });

  it('the clerk sees the suspension and releases from the task in one action; the 执行局长 approves the release', async () => {
    // The acceptance of (2024)皖1524破1号 replayed on its debtor's demo situation.
    await session.t.hub.control.hub.transaction(async (m) => {
      const [b] = await m.query(
        `SELECT id, case_no AS "caseNo", court_id AS "courtId", debtor_id AS "debtorId", accepted_on::text AS "acceptedOn" FROM bankruptcy_case WHERE case_no = $1`,
        [DEMO.bankruptcyCase],
      );
      await acceptBankruptcy(m, session.t.hub.control, b, { username: 'demo-admin', organisationCode: 'OP-HUB' });
    });
    const clerk = await as('demo-clerk-2');
    await clerk.goto(`${session.base}/console/inquiry/${encodeURIComponent(DEMO.hongdaCase)}`);
    const banner = clerk.locator('.suspension-banner');
    await banner.getByText(`本案执行中止（破产案件 ${DEMO.bankruptcyCase}）`).waitFor();
    await screenshot(clerk, 'clerk-suspension');
    await banner.getByRole('link', { name: '破产解除任务' }).click();
    const task = clerk.locator('.release-tasks tr.ant-table-row', { hasText: DEMO.hongdaFactory }).filter({ hasText: DEMO.hongdaCase });
    await task.waitFor();
    await expect(task.textContent()).resolves.toContain('待解除');
    await task.getByRole('button', { name: '一键解除' }).click();
    await task.getByText('解除中').waitFor();
    await screenshot(clerk, 'clerk-release-tasks');

    // The 执行局长 of 霍邱 approves the release as any order; the registry answers; the asset is handed over.
    const approver = await as('demo-approver-2');
    const queued = approver.locator('tr.ant-table-row', { hasText: DEMO.hongdaFactory });
    await queued.waitFor();
    await queued.getByRole('button', { name: /批\s*准/ }).click();
    await approver.getByText('没有待审批的执行措施').waitFor();
  });

  it('the administrator follows the suspended executions, the releases and the hand-overs on the bankruptcy case', async () => {
    const administrator = await as('demo-administrator');
    await administrator.goto(`${session.base}/console/bankruptcy/${encodeURIComponent(DEMO.bankruptcyCase)}`);
    await administrator.locator('.suspended-executions').getByText(DEMO.hongdaCase).waitFor();
    const handed = administrator.locator('.case-releases tr.ant-table-row', { hasText: DEMO.hongdaCase });
    await until(
      administrator,
      () =>
        administrator
          .locator('.case-releases')
          .getByRole('button', { name: /刷\s*新/ })
          .click(),
      async () => ((await handed.textContent()) ?? '').includes('已移交管理人'),
    );
    await expect(handed.textContent()).resolves.toMatch(/不动产查封登记\d{8}-/);
    await screenshot(administrator, 'administrator-releases');
  });
});
