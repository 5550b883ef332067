/**
 * The pre-chat form in Chromium: on a site whose form is required (name, contact, department), the visitor
 * asks the bot first, with no form in sight; 转人工客服 then shows the form, an empty submit shows why it
 * cannot go, the filled form starts the chat with the chosen department's agent, whose handoff card shows
 * the visitor's name and contact. A snippet with an unknown site key shows a plain "not available" panel
 * with nothing to type into. Screenshots of the form and that panel (zh-CN and en, 1280 and 375 px) go to
 * e2e/test-results/pre-chat/ and the screens folder (`SCREENS_DIR`).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, RESULTS_DIR, SCREENS_DIR, WIDGET, browserJourney, describeBrowser, expectVisible, markOnDuty, signIn, visibleText } from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'pre-chat');
const QUESTION = '客服热线是多少';
const GREETING = '欢迎光临 Acme 商城！';
const TEAL = 'rgb(15, 118, 110)';
const PASSWORD = 'a long enough password';
const FORM = { name: /^姓名|^name/i, contact: /邮箱或电话|email or phone/i, department: /咨询部门|department/i, start: /开始咨询|start chat/i };

describeBrowser('the pre-chat form before the first handoff, and an unknown site', (chromiumPath) => {
  const journey = browserJourney(
    chromiumPath,
    { visitor: {}, english: { locale: 'en' }, agent: {}, stranger: {}, strangerEn: { locale: 'en' } },
    () => void [SHOTS, SCREENS_DIR].forEach((dir) => mkdirSync(dir, { recursive: true })),
  );
  const { step } = journey;
  const panel = (p: Page): Locator => p.getByRole('dialog', { name: WIDGET.panel });
  const form = (p: Page): Locator => panel(p).getByRole('form');

  async function admin(): Promise<string> {
    const login = await fetch(`${journey.stack().server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    return login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }

  async function invite(cookie: string, email: string, department: string, name: string) {
    const url = journey.stack().server.url;
    const invited = await fetch(`${url}/api/team/invites`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ email, role: 'agent', department }) });
    expect(invited.status, await invited.clone().text()).toBe(201);
    const token = ((await invited.json()) as { invite: { path: string } }).invite.path.split('/').at(-1)!;
    const accepted = await fetch(`${url}/api/team/invites/${token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: PASSWORD }) });
    expect(accepted.status).toBe(201);
    return { email, password: PASSWORD };
  }

  /** At 1280 and 375 px, into the results and the notes. */
  async function shoot(p: Page, name: string): Promise<void> {
    for (const width of [1280, 375]) {
      await p.setViewportSize({ width, height: width === 375 ? 740 : 800 });
      await p.waitForTimeout(200);
      const file = join(SHOTS, `${name}-${width}.png`);
      await p.screenshot({ path: file });
      copyFileSync(file, join(SCREENS_DIR, `pre-chat-${name}-${width}.png`));
    }
    await p.setViewportSize({ width: 1280, height: 800 });
  }

  async function askTheBot(p: Page, url: string, question: string): Promise<void> {
    await p.goto(url);
    await p.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await panel(p).getByRole('textbox', { name: WIDGET.input }).fill(question);
    await panel(p).getByRole('button', { name: WIDGET.send }).click();
    // The bot's answer (the visitor's message and the welcome are the other two).
    await expect.poll(() => panel(p).getByRole('log').getByRole('article').count(), { timeout: 15_000, message: 'The bot never answered.' }).toBeGreaterThanOrEqual(3);
  }

  step('1. the admin requires the form (name, contact, department) and sets a colour and greeting; B serves 账户与账单, C 技术支持', async () => {
    const { server } = journey.stack();
    const cookie = await admin();
    const set = await fetch(`${server.url}/api/sites/demo`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ preChat: { mode: 'required', askName: true, askContact: true, askDepartment: true }, themeColor: '#0f766e', welcomeText: GREETING }),
    });
    expect(set.status, await set.clone().text()).toBe(200);
    const b = await invite(cookie, 'b@kefu.test', 'billing', '小B');
    const c = await invite(cookie, 'c@kefu.test', 'tech', '小C');
    await signIn(journey.page('agent'), server.url, b);
    await markOnDuty(server.url, b);
    await markOnDuty(server.url, c);
  });

  step('2. the site\'s colour and greeting; the visitor asks the bot with no form in sight; 转人工客服 shows it', async () => {
    const visitor = journey.page('visitor');
    await askTheBot(visitor, journey.stack().hostPage.url, QUESTION);
    expect(await visibleText(panel(visitor).getByRole('log'))).toContain(GREETING);
    expect(await panel(visitor).locator('header').evaluate((h) => getComputedStyle(h).backgroundColor)).toBe(TEAL);
    expect(await visitor.getByRole('button', { name: WIDGET.launcher }).first().evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(TEAL);
    expect(await form(visitor).count(), 'The form showed before the visitor asked for a human.').toBe(0);
    await panel(visitor).getByRole('button', { name: WIDGET.human }).click();
    await expectVisible(form(visitor), '转人工客服 showed no pre-chat form.', { context: panel(visitor), timeout: 10_000 });
    for (const name of [FORM.name, FORM.contact]) await expectVisible(form(visitor).getByRole('textbox', { name }), `The form has no field named ${name}.`, { context: form(visitor) });
    const department = form(visitor).getByRole('combobox', { name: FORM.department });
    await expectVisible(department, 'The form has no 咨询部门 choice.', { context: form(visitor) });
    expect(await department.locator('option').allTextContents()).toEqual(expect.arrayContaining(['账户与账单', '技术支持']));
    // It takes the composer's place: nothing to type a message into meanwhile.
    expect(await panel(visitor).getByRole('textbox', { name: WIDGET.input }).isVisible()).toBe(false);
  });

  step('3. an empty submit says what is missing, beside each field', async () => {
    const visitor = journey.page('visitor');
    await form(visitor).getByRole('button', { name: FORM.start }).click();
    const text = await visibleText(form(visitor));
    expect(text).toContain('请填写您的姓名');
    expect(text).toContain('请填写邮箱或电话');
    expect(text).toContain('请选择咨询部门');
    expect(await form(visitor).getByRole('textbox', { name: FORM.name }).getAttribute('aria-invalid')).toBe('true');
    await form(visitor).getByRole('textbox', { name: FORM.contact }).fill('not a contact');
    await form(visitor).getByRole('button', { name: FORM.start }).click();
    expect(await visibleText(form(visitor))).toContain('请填写有效的邮箱地址或电话号码');
    await shoot(visitor, 'form-errors-zh-CN');
  });

  step('4. the filled form starts the chat with 账户与账单\'s agent, whose card shows name and contact', async () => {
    const visitor = journey.page('visitor');
    await form(visitor).getByRole('textbox', { name: FORM.name }).fill('李四');
    await form(visitor).getByRole('textbox', { name: FORM.contact }).fill('lisi@example.com');
    await form(visitor).getByRole('combobox', { name: FORM.department }).selectOption({ label: '账户与账单' });
    await form(visitor).getByRole('button', { name: FORM.start }).click();
    await form(visitor).waitFor({ state: 'detached', timeout: 5_000 });
    await expect.poll(() => visibleText(panel(visitor)), { timeout: 15_000, message: 'The visitor was not put through to 小B.' }).toMatch(/小B/);
    await expectVisible(panel(visitor).getByRole('textbox', { name: WIDGET.input }), 'The composer did not come back after the form.', { context: panel(visitor) });

    const agent = journey.page('agent');
    const item = agent.getByRole('list', { name: /我的会话|my conversations/i }).getByRole('button');
    await expectVisible(item, "The conversation does not appear in 小B's list.", { context: agent.locator('body'), timeout: 15_000 });
    await item.first().click();
    const who = agent.getByRole('region', { name: /^访客$|^visitor$/i });
    await expectVisible(who, 'The handoff card shows no visitor section.', { context: agent.locator('body') });
    await expect.poll(() => visibleText(who), { timeout: 10_000 }).toMatch(/李四[\s\S]*lisi@example\.com/);
    await agent.screenshot({ path: join(SHOTS, 'agent-card-1280.png') });
  });

  step('5. in English: the form after the bot, its messages, and the skip-less required buttons', async () => {
    const english = journey.page('english');
    await askTheBot(english, `${journey.stack().hostPage.url}en`, 'What is the hotline number?');
    expect(await form(english).count()).toBe(0);
    await panel(english).getByRole('button', { name: WIDGET.human }).click();
    await expectVisible(form(english), 'Talk to a human showed no pre-chat form.', { context: panel(english), timeout: 10_000 });
    await shoot(english, 'form-en');
    await form(english).getByRole('button', { name: FORM.start }).click();
    const text = await visibleText(form(english));
    expect(text).toContain('Please enter your name');
    expect(text).toContain('Please choose a department');
    await shoot(english, 'form-errors-en');
  });

  step('6. an unknown site key: a plain "not available" panel with nothing to type into', async () => {
    const { hostPage } = journey.stack();
    for (const lang of ['zh-CN', 'en'] as const) {
      const stranger = journey.page(lang === 'en' ? 'strangerEn' : 'stranger');
      await stranger.goto(`${hostPage.url}${lang === 'en' ? 'en/' : ''}unknown-site`);
      await stranger.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
      await expect.poll(() => visibleText(panel(stranger)), { timeout: 15_000, message: 'The unknown site shows no "not available" notice.' }).toMatch(lang === 'en' ? /Chat is not available/ : /此客服暂不可用/);
      expect(await panel(stranger).getByRole('textbox').count(), 'The unknown site still offers a textbox.').toBe(0);
      expect(await panel(stranger).getByRole('button', { name: WIDGET.send }).count()).toBe(0);
      await shoot(stranger, `unavailable-${lang}`);
    }
  });
});
