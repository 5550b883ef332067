/**
 * A team forms in the console: the admin invites agent B into 技术支持, B opens the link in another
 * browser, chooses a display name and a password and lands in the console; the admin's team page, open all
 * along, shows B joining and B's presence changes without a reload (screenshots of it in zh-CN and English,
 * 1280 and 390 px wide, go to e2e/test-results/team-live/ and the screens folder); the admin disables B and
 * B's console is signed out within 5 s.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { ADMIN, RESULTS_DIR, SCREENS_DIR, defineSteps, describeBrowser, expectVisible, queueLocator, recordPageProblems, signIn, startStack, type Stack } from '../src/index.ts';

const TEAM = /客服管理|成员|团队|agents|team/i;
const INVITE = /邀请|invite/i;
const MY_PRESENCE = /我的状态|my presence/i;
const SHOTS = join(RESULTS_DIR, 'team-live');

/** The cell of a row under the column headed `column` (the table's own headers, as a screen reader reads them). */
async function cellUnder(page: Page, row: Locator, column: RegExp): Promise<Locator> {
  const headers = await page.getByRole('columnheader').allTextContents();
  const index = headers.findIndex((h) => column.test(h));
  expect(index, `The team table has no column named ${column}.`).toBeGreaterThan(0);
  // The first column is the row header (the name); the others are cells.
  return row.getByRole('cell').nth(index - 1);
}

describeBrowser('inviting and disabling an agent', (chromiumPath) => {
  let stack: Stack | undefined;
  let adminContext: BrowserContext | undefined;
  let bContext: BrowserContext | undefined;
  let admin: Page | undefined;
  let agentB: Page | undefined;
  let inviteUrl = '';
  let problems: () => string[] = () => [];

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    adminContext = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    bContext = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    admin = await adminContext.newPage();
    agentB = await bContext.newPage();
    problems = recordPageProblems(agentB);
    for (const dir of [SHOTS, SCREENS_DIR]) mkdirSync(dir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const step = defineSteps(() => ({ admin, agentB }), () => stack?.server.output() ?? '', () => ({ agentB: problems() }));
  const ready = () => ({ stack: stack!, admin: admin!, agentB: agentB! });

  step('the admin opens the team page and invites B into 技术支持', async () => {
    const { stack, admin } = ready();
    await signIn(admin, stack.server.url, ADMIN);
    await admin.getByRole('link', { name: TEAM }).or(admin.getByRole('tab', { name: TEAM })).first().click();
    const body = admin.locator('body');
    await expectVisible(admin.getByRole('table'), 'The team page shows no table of agents.', { context: body });
    await admin.getByRole('button', { name: INVITE }).first().click();
    await admin.getByRole('textbox', { name: /邮箱|email/i }).fill('b@kefu.test');
    await admin.getByRole('combobox', { name: /部门|department/i }).selectOption({ label: '技术支持' });
    await admin.getByRole('button', { name: /生成|create/i }).click();
    const link = admin.getByRole('textbox', { name: /邀请链接|invite link/i });
    await expectVisible(link, 'After creating the invite the admin sees no invite link to copy.', { context: body });
    inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${stack.server.url}/console/#/invite/[\\w-]{40,}$`));
  });

  step('B opens the link in another browser, sets a display name and a password, and is signed in', async () => {
    const { agentB } = ready();
    await agentB.goto(inviteUrl);
    const body = agentB.locator('body');
    await expectVisible(agentB.getByText('b@kefu.test'), 'The invite screen does not say which account is invited.', { context: body });
    await agentB.getByRole('textbox', { name: /显示名|display name/i }).fill('小B');
    await agentB.getByLabel(/密码|password/i).fill('b-password-123');
    await agentB.getByRole('button', { name: /加入|join/i }).click();
    await queueLocator(agentB).first().waitFor({ state: 'attached', timeout: 15_000 });
    await expectVisible(agentB.getByText('小B'), 'After joining, the console does not show B by name.', { context: body });
    // B is no admin: the team and department pages are not offered.
    expect(await agentB.getByRole('link', { name: TEAM }).count()).toBe(0);
    expect(await agentB.getByRole('link', { name: /部门|department/i }).count()).toBe(0);
  });

  /** The admin's page at 1280 and 390 px, into the results and the screens folder. */
  async function shoot(p: Page, name: string): Promise<void> {
    for (const [width, height] of [[1280, 800], [390, 844]] as const) {
      await p.setViewportSize({ width, height });
      const file = join(SHOTS, `${name}-${width}.png`);
      await p.screenshot({ path: file, fullPage: true });
      copyFileSync(file, join(SCREENS_DIR, `team-live-${name}-${width}.png`));
    }
    await p.setViewportSize({ width: 1280, height: 800 });
  }

  step("B's row appears on the admin's team page as B joins, in 技术支持 and online, without a reload", async () => {
    const { admin } = ready();
    // The invite panel is still open: nothing on the admin's side has read the team again since B joined.
    await expectVisible(admin.getByRole('button', { name: /完成|done/i }), 'The invite panel closed by itself.', { context: admin.locator('body') });
    const row = admin.getByRole('row', { name: /小B/ });
    await expectVisible(row, "The admin's team table never showed B, who joined after it was loaded.", { context: admin.locator('body'), timeout: 10_000 });
    await expectVisible(row.getByText('技术支持'), "B's row does not list the department 技术支持.", { context: row });
    await expect.poll(async () => (await cellUnder(admin, row, /状态|presence/i)).textContent(), { timeout: 10_000, message: "B's console is open, but the admin's page does not show B online." }).toBe('在线');
    await admin.getByRole('button', { name: /完成|done/i }).click();
  });

  step("B picks 离开 in their own console, and the admin's team page shows B away without a reload", async () => {
    const { admin, agentB } = ready();
    await expect.poll(async () => (await cellUnder(admin, admin.getByRole('row', { name: /小B/ }), /状态|presence/i)).textContent()).toBe('在线');
    const reads: string[] = [];
    admin.on('request', (r) => void (r.url().includes('/api/team/agents') && reads.push(r.url())));
    const mine = agentB.getByRole('combobox', { name: MY_PRESENCE });
    await expect.poll(() => mine.isEnabled(), { message: "B's presence switch never became usable." }).toBe(true);
    await mine.selectOption({ label: '离开' });
    const row = admin.getByRole('row', { name: /小B/ });
    const presence = await cellUnder(admin, row, /状态|presence/i);
    await expect.poll(() => presence.textContent(), { timeout: 5_000, message: "B chose 离开, but the admin's team page still shows B's old presence." }).toBe('离开');
    expect(reads, 'The team page read the whole team again instead of taking the push.').toEqual([]);
    await shoot(admin, 'zh-CN');
  });

  step("in English, B back 在线 shows as Online on the admin's page", async () => {
    const { admin, agentB } = ready();
    await admin.getByRole('combobox', { name: /语言|language/i }).selectOption('en');
    const row = admin.getByRole('row', { name: /小B/ });
    await expectVisible(admin.getByRole('heading', { name: 'Support team' }), 'The team page did not switch to English.', { context: admin.locator('body') });
    await agentB.getByRole('combobox', { name: MY_PRESENCE }).selectOption({ label: '在线' });
    const presence = await cellUnder(admin, row, /presence/i);
    await expect.poll(() => presence.textContent(), { timeout: 5_000, message: "B chose 在线, but the admin's English team page does not say Online." }).toBe('Online');
    await shoot(admin, 'en');
    await admin.getByRole('combobox', { name: /语言|language/i }).selectOption('zh-CN');
  });

  step('the admin sees B in 技术支持, disables B, and B is signed out within 5 s', async () => {
    const { admin, agentB } = ready();
    const row = admin.getByRole('row', { name: /小B/ });
    await expectVisible(row, 'The team table has no row for B after B joined.', { context: admin.locator('body'), timeout: 10_000 });
    await expectVisible(row.getByText('技术支持'), "B's row does not list the department 技术支持.", { context: row });
    const started = Date.now();
    await row.getByRole('button', { name: /停用|disable/i }).click();
    await expectVisible(row.getByText(/已停用|disabled/i), "B's row does not say B is disabled.", { context: row });
    await agentB.getByRole('button', { name: /登录|sign in|log in/i }).waitFor({ state: 'visible', timeout: 5_000 });
    const elapsed = Date.now() - started;
    console.log(`B's console signed out ${elapsed} ms after the admin disabled B`);
    expect(elapsed).toBeLessThan(5_000);
  });
});
