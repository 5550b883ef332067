/**
 * 工单状态查询 / the public status page in Chromium: a visitor files an urgent complaint (over the widget's
 * socket, with their email); on /status a wrong email shows only the generic message, the right pair shows
 * 处理中, the supervisor who owns it and the agent's public reply; the visitor adds information and the
 * agent sees it in the ticket's thread; once the agent resolves it the page offers the rating, and the
 * rating sticks. Screenshots (zh-CN and en, 1280 and 375 px) go to the screens folder (`SCREENS_DIR`).
 */
import { mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN, SCREENS_DIR, browserJourney, describeBrowser, expectVisible, fetchAgentName, visibleText } from '../src/index.ts';
import { call, closeAll, ok, openSocket } from '../src/cluster/cluster-client.ts';

const EMAIL = 'wang.fang@example.com';
const REPLY = '您好，我们已经在排查数据库故障，请稍候。';
const INFO = '补充：出问题的是华东区的实例 db-07。';
const NAMES = {
  number: /工单|编号|ticket/i,
  email: /邮箱|email/i,
  lookUp: /^(查询|look up)$/i,
  addInfo: /补充信息|add information/i,
  sendInfo: /提交补充信息|send information/i,
  submitRating: /提交评价|submit rating/i,
};

describeBrowser('status page: a ticket number with the right email shows progress, takes more information and a rating', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { visitor: {} }, () => {
    mkdirSync(SCREENS_DIR, { recursive: true });
  });
  const { step } = journey;
  let number = '';
  let cookie = '';
  let ownerName = '';
  /** Content-Security-Policy violations the status page reported (it has no script, and its styles come from a file). */
  const violations: string[] = [];

  async function agentApi(method: string, path: string, body?: unknown): Promise<any> {
    const res = await fetch(`${journey.stack().server.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  }

  async function lookUp(page: Page, email: string): Promise<void> {
    await page.getByRole('textbox', { name: NAMES.number }).fill(number);
    await page.getByRole('textbox', { name: NAMES.email }).fill(email);
    await page.getByRole('button', { name: NAMES.lookUp }).click();
  }

  step('1. A visitor files an urgent complaint with their email; the agent answers it publicly', async () => {
    const url = journey.stack().server.url;
    // As the widget on the customer's page (the only origin this server lets in).
    const socket = await openSocket(`${url}/visitor`, { transports: ['websocket'], extraHeaders: { origin: new URL(journey.stack().hostPage.url).origin } });
    ok(await call(socket, 'hello', {}));
    const confirmation = ok(await call<{ ticket: { number: string } }>(socket, 'complain', { kind: 'complaint', text: '系统崩溃，数据丢失', contact: EMAIL, tier: 'urgent' }));
    number = confirmation.ticket.number;
    closeAll();
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    ownerName = await fetchAgentName(url, ADMIN);
    await agentApi('POST', `/api/tickets/${number}/replies`, { text: REPLY });
  });

  step('2. On /status a wrong email reveals nothing; the right one shows status, owner and the reply', async () => {
    const page = journey.page('visitor');
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto(`${journey.stack().server.url}/status`);
    await expectVisible(page.getByRole('heading', { name: '工单状态查询' }), 'The status page has no 工单状态查询 heading.', { context: page.locator('body') });
    await lookUp(page, 'someone.else@example.com');
    const alert = page.getByRole('alert');
    await expectVisible(alert, 'A wrong email showed no message.', { context: page.locator('body') });
    expect(await visibleText(alert)).toBe('未找到该工单，或邮箱与工单不符。请检查后重试。');
    expect(await visibleText(page.locator('main'))).not.toContain(REPLY);

    await lookUp(page, EMAIL);
    const ticket = page.getByRole('region', { name: new RegExp(number) });
    await expectVisible(ticket, 'The right pair did not show the ticket.', { context: page.locator('body') });
    const facts = await visibleText(ticket, 2000);
    expect(facts).toContain('处理中');
    expect(facts).toContain(`当前负责人 ${ownerName}`);
    expect(facts).toContain('紧急');
    expect(facts).toMatch(/下一处理时限 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    const replies = page.getByRole('list', { name: '处理记录' }).getByRole('listitem');
    await expect.poll(() => replies.allInnerTexts()).toEqual([expect.stringContaining('系统崩溃，数据丢失'), expect.stringContaining(REPLY)]);
  });

  step('3. The visitor adds information; it shows on the page and in the agent’s thread as the customer’s reply', async () => {
    const page = journey.page('visitor');
    await page.getByRole('textbox', { name: NAMES.addInfo }).fill(INFO);
    await page.getByRole('button', { name: NAMES.sendInfo }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: '已提交补充信息' }), 'No confirmation after adding information.', { context: page.locator('body') });
    await expectVisible(page.getByRole('listitem').filter({ hasText: INFO }), 'The information added is not in the replies.', { context: page.locator('body') });
    const detail = await agentApi('GET', `/api/tickets/${number}`);
    expect(detail.events.filter((e: any) => e.type === 'reply').map((e: any) => [e.author.kind, e.text])).toEqual([
      ['agent', REPLY],
      ['customer', INFO],
    ]);
  });

  step('4. Screenshots of the ticket on /status in zh-CN and en at 1280 and 375 px', async () => {
    const browser = journey.stack().browser;
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const width of [1280, 375]) {
        const context = await browser.newContext({ locale: lang, viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${journey.stack().server.url}/status`);
        await lookUp(page, EMAIL);
        await expectVisible(page.getByRole('region', { name: new RegExp(number) }), `The ticket did not show in ${lang} at ${width} px.`, { context: page.locator('body') });
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.screenshot({ path: `${SCREENS_DIR}/status-page-${lang}-${width}.png`, fullPage: true });
        await context.close();
      }
    }
  });

  step('5. Once resolved the page offers the rating; 4 星 with a comment sticks and the form goes away', async () => {
    await agentApi('PATCH', `/api/tickets/${number}`, { status: 'resolved' });
    const page = journey.page('visitor');
    await lookUp(page, EMAIL);
    const ticket = page.getByRole('region', { name: new RegExp(number) });
    await expectVisible(ticket.getByText('已解决'), 'The page does not say 已解决 after the agent resolved the ticket.', { context: ticket });
    const rating = page.getByRole('group', { name: /满意度评价|rate this ticket/i });
    await expectVisible(rating, 'The resolved ticket offers no rating.', { context: ticket });
    await page.screenshot({ path: `${SCREENS_DIR}/status-page-rating-zh-CN-1280.png`, fullPage: true });
    await rating.getByRole('radio', { name: /^4 星/ }).check();
    await rating.getByRole('textbox', { name: /评价内容|comment/i }).fill('响应很快，问题解决了');
    await rating.getByRole('button', { name: NAMES.submitRating }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: '感谢您的评价！' }), 'No thanks after rating.', { context: page.locator('body') });
    await expectVisible(page.getByText('您的评价：4 星'), 'The rating given does not show.', { context: page.locator('body') });
    expect(await page.getByRole('radio').count()).toBe(0);
    const summary = await agentApi('GET', '/api/ratings/summary');
    expect(summary.tickets.all).toEqual({ count: 1, average: 4, satisfied: 1 });
    expect(summary.comments[0]).toMatchObject({ ref: number, score: 4, comment: '响应很快，问题解决了' });
    expect(violations).toEqual([]);
  });
});
