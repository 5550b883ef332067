/**
 * A team forms in the console: the admin invites agent B into 技术支持, B opens the link in another
 * browser, chooses a display name and a password and lands in the console; the admin disables B and
 * B's console is signed out within 5 s.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, defineSteps, describeBrowser, expectVisible, queueLocator, recordPageProblems, signIn, startStack, type Stack } from '../src/index.ts';

const TEAM = /客服管理|成员|团队|agents|team/i;
const INVITE = /邀请|invite/i;

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

  step('the admin sees B in 技术支持, disables B, and B is signed out within 5 s', async () => {
    const { admin, agentB } = ready();
    await admin.getByRole('button', { name: /完成|done/i }).click();
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
