/**
 * Transfer with a note in Chromium: agent B (技术支持) takes a visitor, writes an internal note the visitor
 * never sees, and transfers to agent C (投诉与建议) with a note; the visitor is told, C sees the transcript
 * and both notes, and a supervisor's 全部会话 lists both live conversations. Screenshots of the dialog, the
 * note and the list (zh-CN and en, 1280 and 768 px) go to e2e/test-results/transfer/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  ADMIN,
  CONSOLE,
  RESULTS_DIR,
  WIDGET,
  defineSteps,
  describeBrowser,
  expectVisible,
  markOnDuty,
  queueLocator,
  recordPageProblems,
  signIn,
  startStack,
  visibleText,
  type Stack,
} from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'transfer');
const QUESTION = '客服热线是多少';
const NOTE = '老客户，上次投诉过开票慢';
const TRANSFER_NOTE = '客户要投诉，请 C 跟进退款';
const TRANSFER = /转接|转给|transfer/i;
const NOTE_CONTROL = /备注|内部|note/i;
const LIVE = /监控|全部会话|supervis|all conversations/i;
const PASSWORD = 'a long enough password';

describeBrowser('B transfers a visitor to C with a note; a supervisor sees every live conversation', (chromiumPath) => {
  let stack: Stack | undefined;
  const contexts: BrowserContext[] = [];
  const pages: Record<'visitor' | 'visitor2' | 'b' | 'c' | 'sup', Page | undefined> = { visitor: undefined, visitor2: undefined, b: undefined, c: undefined, sup: undefined };
  const problems: Record<string, () => string[]> = {};

  async function invite(email: string, role: string, department: string | undefined, name: string): Promise<{ email: string; password: string }> {
    const url = stack!.server.url;
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const invited = await fetch(`${url}/api/team/invites`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ email, role, ...(department ? { department } : {}) }),
    });
    expect(invited.status, await invited.clone().text()).toBe(201);
    const token = ((await invited.json()) as { invite: { path: string } }).invite.path.split('/').at(-1)!;
    const accepted = await fetch(`${url}/api/team/invites/${token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password: PASSWORD }),
    });
    expect(accepted.status).toBe(201);
    return { email, password: PASSWORD };
  }

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    mkdirSync(SHOTS, { recursive: true });
    for (const actor of Object.keys(pages) as (keyof typeof pages)[]) {
      const context = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      pages[actor] = await context.newPage();
      problems[actor] = recordPageProblems(pages[actor]!);
    }
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const step = defineSteps(
    () => pages,
    () => stack?.server.output() ?? '',
    () => Object.fromEntries(Object.entries(problems).map(([actor, list]) => [actor, list()])),
  );
  const page = (actor: keyof typeof pages): Page => {
    const p = pages[actor];
    if (!stack || !p) throw new Error('The test setup did not start (server, host page or browser).');
    return p;
  };
  const panel = (p: Page): Locator => p.getByRole('dialog', { name: WIDGET.panel });
  const transcript = (p: Page): Locator => panel(p).getByRole('log');

  /** Both languages at both widths, then back to zh-CN at 1280. */
  async function shoot(p: Page, name: string): Promise<void> {
    for (const lang of ['zh-CN', 'en'] as const) {
      await p.getByRole('combobox', { name: /语言|language/i }).selectOption(lang);
      for (const width of [1280, 768]) {
        await p.setViewportSize({ width, height: 800 });
        await p.waitForTimeout(150);
        await p.screenshot({ path: join(SHOTS, `${name}-${lang}-${width}.png`) });
      }
    }
    await p.getByRole('combobox', { name: /语言|language/i }).selectOption('zh-CN');
    await p.setViewportSize({ width: 1280, height: 800 });
  }

  async function askForHuman(p: Page): Promise<void> {
    await p.goto(stack!.hostPage.url);
    await p.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    const input = panel(p).getByRole('textbox', { name: WIDGET.input });
    await input.first().fill(QUESTION);
    await panel(p).getByRole('button', { name: WIDGET.send }).first().click();
    const human = panel(p).getByRole('button', { name: WIDGET.human });
    await expectVisible(human, 'The chat panel offers no 转人工客服 button.', { context: panel(p), timeout: 15_000 });
    await human.first().click();
  }

  step('B (技术支持), C (投诉与建议) and a supervisor sign in', async () => {
    const b = await invite('b@kefu.test', 'agent', 'tech', '小B');
    const c = await invite('c@kefu.test', 'agent', 'complaints', '小C');
    const sup = await invite('sup@kefu.test', 'supervisor', undefined, '主管');
    await signIn(page('b'), stack!.server.url, b);
    await signIn(page('c'), stack!.server.url, c);
    await signIn(page('sup'), stack!.server.url, sup);
    await markOnDuty(stack!.server.url, b);
    await markOnDuty(stack!.server.url, c);
  });

  step('a visitor asks for a human and B takes the conversation', async () => {
    await askForHuman(page('visitor'));
    const b = page('b');
    const take = queueLocator(b).getByRole('button', { name: CONSOLE.take });
    // Routed to B at once, or waiting in the queue for B to take.
    await expect
      .poll(async () => (await take.count()) > 0 || (await b.getByRole('log').getByText(QUESTION).count()) > 0 || (await b.getByText(QUESTION).count()) > 0, { timeout: 15_000 })
      .toBe(true);
    if ((await take.count()) > 0) await take.first().click();
    else await b.getByText(QUESTION).first().click();
    await expectVisible(b.getByRole('log').getByText(QUESTION), "B does not see the visitor's question in the transcript.", { context: b.locator('body') });
  });

  step('B adds an internal note: yellow in B\'s transcript, never shown to the visitor', async () => {
    const b = page('b');
    await b.getByRole('checkbox', { name: NOTE_CONTROL }).check();
    await b.getByRole('textbox', { name: CONSOLE.reply }).first().fill(NOTE);
    await b.getByRole('button', { name: /添加备注|add note/i }).click();
    const note = b.getByRole('article', { name: /内部备注|internal note/i }).filter({ hasText: NOTE });
    await expectVisible(note, 'The note does not appear in the transcript as an internal note.', { context: b.locator('body') });
    await b.getByRole('checkbox', { name: NOTE_CONTROL }).uncheck();
    await shoot(b, 'note-in-transcript');
    await page('visitor').waitForTimeout(500);
    expect(await visibleText(transcript(page('visitor')))).not.toContain(NOTE);
  });

  step('B transfers to C with a note; the visitor is told', async () => {
    const b = page('b');
    await b.getByRole('button', { name: TRANSFER }).first().click();
    const dialog = b.getByRole('dialog', { name: /转接|transfer/i });
    await expectVisible(dialog, 'The transfer button opened no dialog.', { context: b.locator('body') });
    await expect.poll(() => dialog.getByRole('combobox').first().locator('option', { hasText: '小C' }).count(), { timeout: 5_000 }).toBe(1);
    // By value (the agent's id): the option's label also shows C's presence, which may change meanwhile.
    const cOption = dialog.getByRole('combobox').first().locator('option', { hasText: '小C' });
    await expect.poll(() => cOption.isEnabled(), { timeout: 10_000, message: 'C stays unselectable (offline or full) in the transfer dialog.' }).toBe(true);
    await dialog.getByRole('combobox').first().selectOption((await cOption.getAttribute('value'))!);
    await dialog.getByRole('textbox').fill(TRANSFER_NOTE);
    await shoot(b, 'transfer-dialog');
    await dialog.getByRole('button', { name: /确认转接|^transfer$/i }).click();
    await expect.poll(() => visibleText(transcript(page('visitor')), 4_000), { timeout: 10_000, message: 'The visitor was not told of the transfer to 小C.' }).toMatch(/转接(给客服 ?|至)小C|transferred to 小C/);
    const seen = await visibleText(transcript(page('visitor')));
    expect(seen).not.toContain(TRANSFER_NOTE);
    expect(seen).not.toContain(NOTE);
  });

  step('C sees the transcript and both notes', async () => {
    const c = page('c');
    const item = c.getByRole('list', { name: /我的会话|my conversations/i }).getByRole('button');
    await expectVisible(item, "The transferred conversation does not appear in C's list.", { context: c.locator('body'), timeout: 10_000 });
    await item.first().click();
    const log = c.getByRole('log');
    await expectVisible(log.getByText(QUESTION), "C does not see the visitor's question.", { context: c.locator('body') });
    await expectVisible(log.getByText(NOTE), "C does not see B's note.", { context: log });
    await expectVisible(log.getByText(TRANSFER_NOTE), "C does not see the transfer note.", { context: log });
    await shoot(c, 'receiver-transcript');
  });

  step('a second visitor waits; the supervisor sees both live conversations', async () => {
    await askForHuman(page('visitor2'));
    const sup = page('sup');
    await sup.getByRole('link', { name: LIVE }).or(sup.getByRole('tab', { name: LIVE })).first().click();
    const table = sup.getByRole('table');
    await expect.poll(async () => (await table.getByRole('row').count()) - 1, { timeout: 15_000, message: 'The supervisor does not see both live conversations.' }).toBeGreaterThanOrEqual(2);
    await expectVisible(table.getByRole('row').filter({ hasText: '小C' }), 'The live list does not show the conversation with 小C.', { context: table });
    await shoot(sup, 'all-conversations');
  });
});
