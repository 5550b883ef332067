/**
 * 工单 / Tickets in Chromium: a visitor leaves a message in the widget and gets a ticket number; an agent opens
 * 工单, finds that ticket in the list, opens it, adds an internal note, moves it to 处理中, replies publicly and
 * moves it to 已解决, each step checked on screen (the thread, the status badge, the list's status filter).
 * Screenshots of the list and the detail (zh-CN and en, 1280 and 768 px) go to e2e/test-results/tickets/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, RESULTS_DIR, WIDGET, browserJourney, describeBrowser, expectVisible, sayInWidget, signIn, visibleText, widgetPanel } from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'tickets');
const TICKET = /T\d{8}-\d{4,}/;
const CONTACT = 'zhou.xiaoyu@example.com';
const PROBLEM = '打印机连不上 Wi-Fi，错误代码 E102';
const REPLY = '您好，请先把打印机恢复出厂设置后再连一次。';
const NOTE = '同型号本周第三次报 E102，已反馈给硬件组。';
const TICKETS = /^(工单|tickets?)$/i;
const PUBLIC = /^(公开回复|public reply)$/i;
const INTERNAL = /^(内部备注|internal note)$/i;
const SEND_REPLY = /发送公开回复|send public reply/i;
const ADD_NOTE = /添加内部备注|add internal note/i;
const SAVE = /保存更改|save changes/i;
const STATUS = /^(状态|status)$/i;

describeBrowser('tickets: a message left in the widget is worked to 已解决 in the console', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { visitor: {}, agent: {} }, () => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const { step } = journey;
  const ready = () => ({ stack: journey.stack(), visitor: journey.page('visitor'), agent: journey.page('agent') });
  let number = '';

  const panel = widgetPanel;
  const log = (page: Page): Locator => panel(page).getByRole('log');
  const say = sayInWidget;
  const thread = (agent: Page): Locator => agent.getByRole('region', { name: /处理记录|thread/i });
  const heading = (agent: Page): Locator => agent.getByRole('heading', { level: 2, name: new RegExp(number) });
  const badges = (agent: Page): Locator => heading(agent).locator('xpath=..');

  async function setStatus(agent: Page, label: RegExp, shown: string): Promise<void> {
    const form = agent.getByRole('form', { name: /处理工单|update ticket/i });
    await form.getByRole('combobox', { name: STATUS }).selectOption({ label: shown });
    await form.getByRole('button', { name: SAVE }).click();
    await expectVisible(badges(agent).getByText(label), `After saving, the ticket's header does not show the status ${shown}.`, { context: badges(agent) });
  }

  step('1. the visitor leaves a message and gets a ticket number', async () => {
    const { stack, visitor } = ready();
    await visitor.goto(stack.hostPage.url);
    await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await say(visitor, '我要留言');
    await expectVisible(log(visitor).getByText(/手机号或邮箱/), 'After "我要留言" the bot did not ask for a phone number or email.', { context: log(visitor) });
    await say(visitor, CONTACT);
    await expectVisible(log(visitor).getByText(/描述您的问题/), 'After the email the bot did not ask for a description.', { context: log(visitor) });
    await say(visitor, PROBLEM);
    const created = log(visitor).getByText(TICKET);
    await expectVisible(created, 'After the description the visitor got no ticket number.', { context: log(visitor) });
    number = (await visibleText(created.last())).match(TICKET)?.[0] ?? '';
  });

  step('2. the agent opens 工单 and finds the ticket in the list with its status, customer and tier', async () => {
    const { stack, agent } = ready();
    await signIn(agent, stack.server.url, ADMIN);
    await agent.getByRole('link', { name: TICKETS }).click();
    const row = agent.getByRole('listitem', { name: new RegExp(number) });
    await expectVisible(row, `The ticket list does not show ${number}.`, { context: agent.locator('main, body').first(), timeout: 15_000 });
    const text = await visibleText(row);
    for (const expected of ['待处理', CONTACT]) if (!text.includes(expected)) throw new Error(`The row of ${number} does not show ${expected}: ${text}`);
    if (!/紧急|严重|一般/.test(text)) throw new Error(`The row of ${number} shows no tier: ${text}`);
    await agent.screenshot({ path: join(SHOTS, 'list-zh-1280.png'), fullPage: true });
    // From the keyboard: the row's link opens the ticket, and focus lands on its heading.
    await row.getByRole('link', { name: new RegExp(number) }).focus();
    await agent.keyboard.press('Enter');
    await expectVisible(heading(agent), `Opening ${number} shows no heading with its number.`);
    await agent.waitForFunction(() => document.activeElement?.tagName === 'H2', undefined, { timeout: 5_000 }).catch(() => {
      throw new Error(`Opening ${number} from the keyboard left focus off the ticket's heading.`);
    });
    await expectVisible(thread(agent).getByText(/工单已创建/), 'The thread does not start with the ticket being created.', { context: thread(agent) });
  });

  step('3. an internal note, then 处理中, then a public reply: each in the thread, labelled', async () => {
    const { agent } = ready();
    // The composer from the keyboard: 内部备注 with Space, the text, Ctrl+Enter sends.
    await agent.getByRole('button', { name: INTERNAL }).focus();
    await agent.keyboard.press('Space');
    await agent.getByRole('textbox', { name: /备注内容|note text/i }).fill(NOTE);
    await agent.keyboard.press('Control+Enter');
    const note = thread(agent).getByRole('listitem').filter({ hasText: NOTE });
    await expectVisible(note, 'The internal note does not show in the thread.', { context: thread(agent) });
    await expectVisible(note.getByText(/内部备注/), 'The note in the thread is not labelled 内部备注.', { context: note });

    await setStatus(agent, /^处理中$/, '处理中');
    await expectVisible(thread(agent).getByText(/将状态由“待处理”改为“处理中”/), 'The thread has no line for the move to 处理中.', { context: thread(agent) });

    await agent.getByRole('button', { name: PUBLIC }).click();
    await agent.getByRole('textbox', { name: /回复内容|reply text/i }).fill(REPLY);
    await agent.getByRole('button', { name: SEND_REPLY }).click();
    const reply = thread(agent).getByRole('listitem').filter({ hasText: REPLY });
    await expectVisible(reply, 'The public reply does not show in the thread.', { context: thread(agent) });
    await expectVisible(reply.getByText(PUBLIC), 'The reply in the thread is not labelled 公开回复.', { context: reply });
    // The reply met the response promise.
    const response = agent.getByRole('table').getByRole('row').filter({ has: agent.getByRole('rowheader', { name: /^响应$/ }) });
    await expectVisible(response.getByText('已达成'), 'After the public reply the 响应 clock does not read 已达成.', { context: agent.getByRole('table') });
  });

  step('4. 已解决: the header and the thread follow, and the list files it under 已解决', async () => {
    const { agent } = ready();
    await setStatus(agent, /^已解决$/, '已解决');
    await expectVisible(thread(agent).getByText(/将状态由“处理中”改为“已解决”/), 'The thread has no line for the move to 已解决.', { context: thread(agent) });
    await agent.setViewportSize({ width: 1280, height: 1400 });
    await agent.screenshot({ path: join(SHOTS, 'detail-zh-1280.png'), fullPage: true });
    await agent.setViewportSize({ width: 768, height: 2200 });
    await agent.screenshot({ path: join(SHOTS, 'detail-zh-768.png'), fullPage: true });
    await agent.setViewportSize({ width: 1280, height: 800 });

    await agent.getByRole('link', { name: /返回工单列表|back to tickets/i }).click();
    const search = agent.getByRole('search', { name: /筛选工单|filter tickets/i });
    await expectVisible(search, 'Back from the ticket there is no filter form.');
    // Resolved tickets are not in the default (not done) list, and are under 已解决.
    try {
      await agent.getByRole('listitem', { name: new RegExp(number) }).waitFor({ state: 'detached', timeout: 10_000 });
    } catch {
      throw new Error(`${number} is still among the tickets not done (未完结) after 已解决.`);
    }
    await search.getByRole('combobox', { name: STATUS }).selectOption({ label: '已解决' });
    const row = agent.getByRole('listitem', { name: new RegExp(number) });
    await expectVisible(row, `${number} is not listed under 已解决.`, { context: agent.locator('body') });
    await agent.setViewportSize({ width: 768, height: 900 });
    await agent.screenshot({ path: join(SHOTS, 'list-zh-768.png'), fullPage: true });
  });

  step('5. the same screens in English', async () => {
    const { agent } = ready();
    await agent.getByRole('combobox', { name: /语言|language/i }).first().selectOption('en');
    const search = agent.getByRole('search', { name: /filter tickets/i });
    await expectVisible(search, 'In English the ticket filters are not named "Filter tickets".');
    await search.getByRole('combobox', { name: /^status$/i }).selectOption({ label: 'All statuses' });
    const row = agent.getByRole('listitem', { name: new RegExp(number) });
    await expectVisible(row.getByText('Resolved'), `In English ${number} does not read Resolved.`, { context: row });
    await agent.setViewportSize({ width: 1280, height: 900 });
    await agent.screenshot({ path: join(SHOTS, 'list-en-1280.png'), fullPage: true });
    await agent.setViewportSize({ width: 768, height: 900 });
    await agent.screenshot({ path: join(SHOTS, 'list-en-768.png'), fullPage: true });
    await row.getByRole('link').click();
    await expectVisible(agent.getByRole('heading', { name: /^thread$/i }), 'In English the thread heading does not read Thread.');
    await expectVisible(thread(agent).getByText(/changed the status from “In progress” to “Resolved”/), 'In English the status line does not read as a change to Resolved.', {
      context: thread(agent),
    });
    await agent.setViewportSize({ width: 768, height: 2200 });
    await agent.screenshot({ path: join(SHOTS, 'detail-en-768.png'), fullPage: true });
    await agent.setViewportSize({ width: 1280, height: 1400 });
    await agent.screenshot({ path: join(SHOTS, 'detail-en-1280.png'), fullPage: true });
  });
});
