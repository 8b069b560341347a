import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { TestHub } from '../support/test-hub';

/** Debian's Chromium (Playwright's own download does not reach this network). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A court desktop: 1366×768, Chinese. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  // The console must not reach beyond the hub: any other origin fails the scenario.
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:') {
      throw new Error(`the console requested ${request.url()}`);
    }
  });
  return page;
}

/** Signs in on the development sign-in page as a person would: pick the user, press 登录. */
export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/console/`);
  await page.getByRole('button', { name: `以 ${username} 登录` }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
}

/**
 * Presses a page's 刷新 (`refresh`) until `check` holds: delivery, receipts and the agencies' answers are the hub
 * worker's, a moment after the action that starts them.
 */
export async function until(page: Page, refresh: () => Promise<void>, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await check()) return;
    await page.waitForTimeout(250);
    await refresh();
  }
  throw new Error('the page never showed the expected state');
}

/**
 * Waits for a dialog to close once its button is pressed; if it stays open, fails with what it shows (the error the
 * hub answered, as the console put it) rather than with a bare timeout.
 */
export async function closed(dialog: Locator): Promise<void> {
  try {
    await dialog.waitFor({ state: 'hidden' });
  } catch (error) {
    const shown = await dialog.textContent({ timeout: 1000 }).catch(() => null);
    throw new Error(`${(error as Error).message.split('\n')[0]}; the dialog still shows: ${shown ?? '(unreadable)'}`, { cause: error });
  }
}

/**
 * Chooses `option` in an Ant Design select (`field`, its `.ant-select`) and waits until the select shows it. The
 * select is opened only once no list is open or still closing (a click that lands during a list's closing animation
 * can be lost); if the choice still does not show, it is made again, at most three times in all. A select of several
 * values keeps its list open after the choice, for the caller to close.
 */
export async function choose(page: Page, field: Locator, option: string): Promise<void> {
  const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
  const shown = field.locator('.ant-select-selection-item', { hasText: option });
  for (let attempt = 1; ; attempt += 1) {
    await page.waitForFunction(`!document.querySelector(${JSON.stringify(open)})`);
    // A choice that showed late is not made again: in a select of several values that would take it back.
    if (attempt > 1 && (await shown.count()) > 0) return;
    await field.click();
    await page.locator(`${open} .ant-select-item-option`, { hasText: option }).click();
    try {
      await shown.waitFor({ timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      // A select of several values keeps its list open; it is closed before the choice is made again.
      if ((await page.locator(open).count()) > 0) await page.keyboard.press('Escape');
    }
  }
}

/**
 * The operator records that the court accepted `caseNo` against `debtor` on 2024-03-01 (the claim notices go out to
 * the agencies) and appoints the demo administrator's firm; each step must succeed.
 */
export async function acceptAndAppoint(t: TestHub, caseNo: string, debtor: { id: string; name: string }): Promise<void> {
  const admin = { as: 'demo-admin' };
  const accepted = await t.gql(`mutation ($input: CreateBankruptcyCaseInput!) { createBankruptcyCase(input: $input) { caseNo } }`, {
    ...admin,
    variables: { input: { caseNo, acceptedOn: '2024-03-01', acceptanceRulingNo: caseNo, debtor: { idNumber: debtor.id, name: debtor.name } } },
  });
  expect(accepted.body.errors).toBeUndefined();
  const appointed = await t.gql(`mutation ($input: AppointAdministratorInput!) { appointAdministrator(input: $input) { caseNo } }`, {
    ...admin,
    variables: { input: { caseNo, firmCode: 'AF-3415-001', decisionNo: `${caseNo}之一`, validFrom: '2024-03-01' } },
  });
  expect(appointed.body.errors).toBeUndefined();
}

const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'console');

/**
 * Full-page screenshots of the main pages, committed under docs/console/ and shown in the README; written only by
 * `npm run console:screenshots`, so that an ordinary run leaves the working tree as it was.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.CONSOLE_SCREENSHOTS !== '1') return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Loading overlays fade out after the data arrives; a screenshot should show the page settled.
  await page.waitForFunction(`!document.querySelector('.ant-spin-blur, .ant-spin-spinning')`);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A scenario file's hub, browser and signed-in pages, set up before its tests and closed after them. */
export interface ConsoleSession {
  readonly t: TestHub;
  /** The hub's origin, e.g. `http://127.0.0.1:40123`. */
  readonly base: string;
  /** A fresh page signed in as `username`, closed with the session. */
  as(username: string): Promise<Page>;
  /** A fresh page, not signed in, closed with the session. */
  page(): Promise<Page>;
}

/**
 * Registers the file's `beforeAll`/`afterAll`: `start` boots the hub (with the file's settings, and any data the
 * scenarios need), then Chromium; afterwards every page, the browser and the hub are closed.
 */
export function consoleSession(start: () => Promise<TestHub>): ConsoleSession {
  let hub: TestHub | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];
  const session: ConsoleSession = {
    get t() {
      if (!hub) throw new Error('the console session has not started');
      return hub;
    },
    get base() {
      return session.t.hub.url.replace(/\/graphql$/, '');
    },
    async as(username) {
      const page = await session.page();
      await signIn(page, session.base, username);
      return page;
    },
    async page() {
      const page = await newPage(browser!);
      pages.push(page);
      return page;
    },
  };
  beforeAll(async () => {
    hub = await start();
    browser = await launchChromium();
  }, 180000);
  afterAll(async () => {
    for (const p of pages) await p.context().close();
    await browser?.close();
    await hub?.stop();
  });
  return session;
}
