/**
 * A complaint's whole journey in Chromium: the team has a supervisor in 投诉与建议 and another visitor already
 * waits in the chat queue; the visitor files 我要投诉，系统崩溃，数据丢失 and accepts 紧急 (the confirmation names
 * the number, 紧急, 15 分钟内响应 and the supervisor as owner), then asks for a human and goes ahead of the one
 * waiting, in the widget and in the console's queue; the agent finds the ticket in 工单 (owned by the
 * supervisor), moves it to 处理中, replies publicly, then 待用户确认 and 已解决, while /status shows each step,
 * the owner and the reply; the visitor sees the reply and 已解决 in 我的工单 and rates it there (five named
 * stars, a comment, a thank-you); the agent's ticket shows the rating and comment. On the way the visitor
 * attaches a PDF to 补充信息 in 我的工单, which the console's ticket lists under 附件 and in its thread.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, WIDGET, browserJourney, describeBrowser, expectVisible, markOnDuty, queueLocator, signIn, visibleText } from '../src/index.ts';

const NUMBER = /T\d{8}-\d{4,6}/;
const REPLY = '您好，数据已从昨晚的备份恢复，请登录确认。';
const COMMENT = '恢复得很快，谢谢';
const STATUS = /^(状态|status)$/i;
const EMAIL = 'wang@example.com';
/** The supervisor of 投诉与建议 who gets the 紧急 complaint. */
const SUPERVISOR = { name: '李主管', email: 'li.zhuguan@team.test', password: 'a long enough password' };
/** The file the visitor adds to their complaint in 我的工单, and what they write with it. */
const LOG_NAME = '错误日志.pdf';
const LOG_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const INFO = '附上崩溃时的错误日志';
/** What the visitor already waiting in the queue asked. */
const WAITING_QUESTION = '怎么开发票？';

describeBrowser('a 紧急 complaint from the widget: owned by the supervisor, ahead in the queue, worked to 已解决 in the console, followed on /status, rated in 我的工单', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { visitor: {}, waiting: {}, agent: {} });
  const { step } = journey;
  const panel = (p: Page): Locator => p.getByRole('dialog', { name: WIDGET.panel });
  let number = '';

  const heading = (agent: Page): Locator => agent.getByRole('heading', { level: 2, name: new RegExp(number) });
  async function setStatus(agent: Page, shown: string): Promise<void> {
    const form = agent.getByRole('form', { name: /处理工单|update ticket/i });
    await form.getByRole('combobox', { name: STATUS }).selectOption({ label: shown });
    await form.getByRole('button', { name: /保存更改|save changes/i }).click();
    const badges = heading(agent).locator('xpath=..');
    await expectVisible(badges.getByText(new RegExp(`^${shown}$`)), `After saving, the ticket's header does not show ${shown}.`, { context: badges });
  }

  /** The ticket on /status, looked up with its number and the complaint's email in a tab of the visitor's own. */
  async function statusPage(): Promise<Locator> {
    const page = await journey.page('visitor').context().newPage();
    await page.goto(`${journey.stack().server.url}/status`);
    await page.getByRole('textbox', { name: /工单|编号/ }).fill(number);
    await page.getByRole('textbox', { name: /邮箱/ }).fill(EMAIL);
    await page.getByRole('button', { name: /^查询$/ }).click();
    const ticket = page.getByRole('region', { name: new RegExp(number) });
    await expectVisible(ticket, `/status does not show ${number} for its number and email.`, { context: page.locator('body') });
    return ticket;
  }
  async function expectStatusPage(shown: string, reply: boolean): Promise<void> {
    const ticket = await statusPage();
    const text = await visibleText(ticket, 2000);
    await ticket.page().close();
    expect(text, `/status does not say ${shown}.`).toContain(`状态 ${shown}`);
    expect(text, '/status does not name the supervisor as owner.').toContain(`当前负责人 ${SUPERVISOR.name}`);
    if (reply) expect(text, '/status does not show the agent’s reply.').toContain(REPLY);
  }

  step('0. the team has a supervisor in 投诉与建议; another visitor already waits in the queue', async () => {
    const { server } = journey.stack();
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const invited = await fetch(`${server.url}/api/team/invites`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ email: SUPERVISOR.email, role: 'supervisor', department: 'complaints' }),
    });
    expect(invited.status, await invited.clone().text()).toBe(201);
    const token = ((await invited.json()) as { invite: { path: string } }).invite.path.split('/').at(-1)!;
    const accepted = await fetch(`${server.url}/api/team/invites/${token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: SUPERVISOR.name, password: SUPERVISOR.password }),
    });
    expect(accepted.status, await accepted.clone().text()).toBe(201);
    // Someone present, so a request for a human queues; the general queue is taken by hand, so nobody is free.
    await markOnDuty(server.url, ADMIN);

    const waiting = journey.page('waiting');
    await waiting.goto(journey.stack().hostPage.url);
    await waiting.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await panel(waiting).getByRole('textbox', { name: WIDGET.input }).fill(WAITING_QUESTION);
    await panel(waiting).getByRole('button', { name: WIDGET.send }).click();
    await panel(waiting).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 10_000 });
    await expectVisible(panel(waiting).getByText(/排队中：第 1 位/), 'The visitor who asked for a human is not 第 1 位 in the queue.', { context: panel(waiting) });
  });

  step('1. the visitor files 我要投诉，系统崩溃，数据丢失 as 紧急 and gets the number, 15 分钟内响应 and the supervisor', async () => {
    const visitor = journey.page('visitor');
    await visitor.goto(journey.stack().hostPage.url);
    await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await panel(visitor).getByRole('textbox', { name: WIDGET.input }).fill('我要投诉，系统崩溃，数据丢失');
    await panel(visitor).getByRole('button', { name: WIDGET.send }).click();
    const form = panel(visitor).getByRole('form', { name: /投诉/ });
    await expectVisible(form, 'Typing the complaint opened no complaint form.', { context: panel(visitor), timeout: 15_000 });
    expect(await form.getByRole('radio', { name: '紧急' }).isChecked(), 'The form did not propose 紧急.').toBe(true);
    await form.getByRole('textbox', { name: /联系方式/ }).fill(EMAIL);
    await form.getByRole('button', { name: /提交投诉/ }).click();
    const done = panel(visitor).getByRole('region', { name: '投诉已提交' });
    await expectVisible(done, 'No confirmation after submitting the complaint.', { context: panel(visitor), timeout: 15_000 });
    const text = await visibleText(done);
    number = NUMBER.exec(text)?.[0] ?? '';
    expect(number, `No ticket number in: ${text}`).not.toBe('');
    expect(text).toContain('紧急');
    expect(text).toContain('15 分钟内响应');
    expect(text, 'The confirmation does not name the supervisor as owner.').toContain(`当前处理 ${SUPERVISOR.name}（投诉与建议）`);
  });

  step('2. the complainer asks for a human and goes ahead of the visitor already waiting, in the widget and the console', async () => {
    const visitor = journey.page('visitor');
    await panel(visitor).getByRole('button', { name: '返回对话' }).click();
    await panel(visitor).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 10_000 });
    await expectVisible(panel(visitor).getByText(/排队中：第 1 位/), 'The complainer is not 第 1 位 in the queue.', { context: panel(visitor) });
    const agent = journey.page('agent');
    await signIn(agent, journey.stack().server.url, ADMIN);
    const items = queueLocator(agent).getByRole('listitem');
    await expect.poll(() => items.count(), { message: 'The console’s queue does not hold the two waiting visitors.', timeout: 15_000 }).toBe(2);
    const [first, second] = (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    expect(second, 'The visitor who waited first is not second in the console’s queue.').toContain(WAITING_QUESTION);
    expect(first, 'The complainer is not first in the console’s queue.').toContain('系统崩溃，数据丢失');
    const waiting = panel(journey.page('waiting'));
    await expectVisible(waiting.getByText(/排队中：第 2 位/), 'The visitor who waited first is not told 第 2 位 once the complainer goes ahead.', { context: waiting });
  });

  step('3. the agent opens it from 工单 (owned by the supervisor), moves it to 处理中 and replies publicly; /status shows 处理中', async () => {
    const agent = journey.page('agent');
    await agent.getByRole('link', { name: /^(工单|tickets?)$/i }).click();
    const row = agent.getByRole('listitem', { name: new RegExp(number) });
    await expectVisible(row, `The ticket list does not show ${number}.`, { context: agent.locator('body'), timeout: 15_000 });
    expect(await visibleText(row)).toContain('紧急');
    await row.getByRole('link', { name: new RegExp(number) }).click();
    await expectVisible(heading(agent), `Opening ${number} shows no heading with its number.`);
    const assignee = agent.getByRole('term').filter({ hasText: /^处理人$/ }).locator('xpath=following-sibling::dd[1]');
    expect(await visibleText(assignee), 'The console ticket does not show the supervisor as its 处理人.').toBe(SUPERVISOR.name);
    await setStatus(agent, '处理中');
    await agent.getByRole('button', { name: /^(公开回复|public reply)$/i }).click();
    await agent.getByRole('textbox', { name: /回复内容|reply text/i }).fill(REPLY);
    await agent.getByRole('button', { name: /发送公开回复|send public reply/i }).click();
    const thread = agent.getByRole('region', { name: /处理记录|thread/i });
    await expectVisible(thread.getByRole('listitem').filter({ hasText: REPLY }), 'The public reply does not show in the thread.', { context: thread });
    await expectStatusPage('处理中', true);
  });

  step('3b. the visitor attaches a PDF in 我的工单 → 补充信息; the console ticket lists it under 附件 and in the thread, and opens it', async () => {
    const visitor = journey.page('visitor');
    await panel(visitor).getByRole('button', { name: /我的工单/ }).click();
    await panel(visitor).getByRole('button', { name: new RegExp(number) }).click({ timeout: 15_000 });
    const detail = panel(visitor).getByRole('region', { name: /系统崩溃/ });
    const attach = detail.getByRole('button', { name: '添加附件' });
    await expectVisible(attach, 'The ticket’s 补充信息 offers no 添加附件.', { context: panel(visitor), timeout: 15_000 });
    const [chooser] = await Promise.all([visitor.waitForEvent('filechooser', { timeout: 10_000 }), attach.click()]);
    await chooser.setFiles({ name: LOG_NAME, mimeType: 'application/pdf', buffer: LOG_PDF });
    await expectVisible(detail.getByRole('list', { name: '待提交的附件' }).getByText(LOG_NAME), 'The chosen file is not listed before sending.', { context: detail });
    await detail.getByRole('textbox', { name: '补充信息' }).fill(INFO);
    await detail.getByRole('button', { name: '提交', exact: true }).click();
    const sent = detail.getByRole('listitem').filter({ hasText: INFO }).getByRole('link', { name: new RegExp(`下载 ${LOG_NAME}`) });
    await expectVisible(sent, 'The information added does not show its file in the widget’s thread.', { context: detail, timeout: 15_000 });
    await panel(visitor).getByRole('button', { name: '返回对话' }).click();

    const agent = journey.page('agent');
    await agent.reload();
    const files = agent.getByRole('region', { name: /^附件（\d+）$/ });
    const link = files.getByRole('link', { name: new RegExp(`下载 ${LOG_NAME}`) });
    await expectVisible(link, 'The console ticket does not list the visitor’s file under 附件.', { timeout: 15_000 });
    expect(await visibleText(files), 'The file is not marked as sent with a reply by the customer.').toMatch(/随回复发送/);
    const thread = agent.getByRole('region', { name: /处理记录|thread/i });
    await expectVisible(thread.getByRole('listitem').filter({ hasText: INFO }).getByRole('link', { name: new RegExp(LOG_NAME) }), 'The customer’s reply in the thread does not carry the file.', { context: thread });
    const opened = await agent.request.get(new URL((await link.getAttribute('href'))!, agent.url()).href);
    expect(opened.status(), 'The agent cannot open the visitor’s file.').toBe(200);
    expect(Buffer.from(await opened.body()).equals(LOG_PDF), 'The file the agent opens is not the one the visitor sent.').toBe(true);
  });

  step('4. the agent moves it to 待用户确认, then 已解决; /status follows each step', async () => {
    const agent = journey.page('agent');
    await setStatus(agent, '待用户确认');
    await expectStatusPage('待用户确认', true);
    await setStatus(agent, '已解决');
    await expectStatusPage('已解决', true);
  });

  step('5. the visitor sees the reply and 已解决 in 我的工单 and rates it 5 stars with a comment', async () => {
    const visitor = journey.page('visitor');
    await panel(visitor).getByRole('button', { name: /我的工单/ }).click();
    const row = panel(visitor).getByRole('button', { name: new RegExp(number) });
    await expectVisible(row, `我的工单 does not list ${number}.`, { context: panel(visitor), timeout: 15_000 });
    expect(await visibleText(row)).toContain('已解决');
    await row.click();
    const detail = panel(visitor).getByRole('region', { name: /系统崩溃/ });
    await expectVisible(detail.getByText(REPLY), 'The ticket does not show the agent’s reply.', { context: panel(visitor), timeout: 15_000 });
    expect(await visibleText(detail)).toContain('已解决');
    expect(await visibleText(detail, 2000), '我的工单 does not name the supervisor as owner.').toContain(`当前处理 ${SUPERVISOR.name}（投诉与建议）`);
    const stars = detail.getByRole('radiogroup', { name: '评价' });
    await expectVisible(stars, 'The resolved ticket offers no rating.', { context: detail });
    await stars.getByRole('radio', { name: '5 星' }).check();
    await detail.getByRole('textbox', { name: /补充意见/ }).fill(COMMENT);
    await detail.getByRole('button', { name: '提交评价' }).click();
    await expectVisible(detail.getByText('感谢您的评价！'), 'No thank-you after rating.', { context: detail, timeout: 15_000 });
    await expectVisible(detail.getByText('您的评价：5 星'), 'The rating given does not show.', { context: detail });
    expect(await detail.getByRole('radiogroup').count(), 'The rating form is still offered after rating.').toBe(0);
  });

  step('6. the agent’s ticket shows the rating and the comment', async () => {
    const agent = journey.page('agent');
    await agent.reload();
    const card = agent.getByRole('region', { name: '满意度评价' });
    await expectVisible(card, 'The ticket does not show the customer’s rating.', { timeout: 15_000 });
    const text = await visibleText(card);
    expect(text).toContain('5 星（满分 5 星）');
    expect(text).toContain(COMMENT);
  });
});
