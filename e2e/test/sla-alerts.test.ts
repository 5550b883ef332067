/**
 * SLA alerts in Chromium: a visitor's message becomes a ticket; the ticket is then made old in the server's SQLite
 * file (its clocks started 60 days ago, its first timer due now), as if weeks had passed. The server's own job runner
 * finds the timer, records 即将超时, 已超时 and 已升级 on every clock, and alerts the signed-in admin as the ticket gets
 * worse. The console shows one banner line for the ticket (its most serious news), counts it in the tab title, opens
 * the ticket from the banner's link (the banner then drops it, and the other clocks' news does not bring it back)
 * and marks the clocks 已超时. The banner is photographed in zh-CN and en, 1280 and 390 px.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, RESULTS_DIR, WIDGET, browserJourney, describeBrowser, expectVisible, sayInWidget, signIn, visibleText, widgetPanel } from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'sla-alerts');
const TICKET = /T\d{8}-\d{4,}/;
const DAY_MS = 86_400_000;
/** Far past every promise of the seed's SLA tiers, working days or not. */
const AGE_MS = 60 * DAY_MS;

interface StoredClock {
  startedAt: number;
  dueAt?: number;
  targetAt?: number;
}

/**
 * Moves the ticket's clocks `ms` into the past and makes its pending SLA timers due now, in the server's own database
 * file: what weeks of waiting would leave there. The server notices through its job runner alone.
 */
function ageTicket(dataDir: string, number: string, ms: number): void {
  const db = new Database(join(dataDir, 'kefu.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const row = db.prepare('SELECT id, clocks FROM tickets WHERE number = ?').get(number) as { id: string; clocks: string } | undefined;
    if (!row) throw new Error(`The database holds no ticket ${number}.`);
    const clocks = (JSON.parse(row.clocks) as StoredClock[]).map((c) => ({
      ...c,
      startedAt: c.startedAt - ms,
      ...(c.dueAt !== undefined ? { dueAt: c.dueAt - ms } : {}),
      ...(c.targetAt !== undefined ? { targetAt: c.targetAt - ms } : {}),
    }));
    if (clocks.length === 0) throw new Error(`Ticket ${number} has no SLA clocks.`);
    const now = Date.now();
    db.transaction(() => {
      db.prepare('UPDATE tickets SET clocks = ? WHERE id = ?').run(JSON.stringify(clocks), row.id);
      // One timer due now is enough: its handler finds every clock overdue and reschedules the rest at their real instants.
      const timer = db.prepare('UPDATE jobs SET run_at = ? WHERE key = ? AND done_at IS NULL AND failed_at IS NULL').run(now, `ticket:${row.id}:response:at_risk`);
      if (timer.changes === 0) throw new Error(`Ticket ${number} has no pending response timer in the jobs table.`);
    })();
  } finally {
    db.close();
  }
}

describeBrowser('SLA alerts: an overdue ticket reaches the console as an alert', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { visitor: {}, agent: {} }, () => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const { step } = journey;
  const ready = () => ({ stack: journey.stack(), visitor: journey.page('visitor'), agent: journey.page('agent') });
  let number = '';

  const panel = widgetPanel;
  const log = (page: Page): Locator => panel(page).getByRole('log');
  const say = sayInWidget;
  const alerts = (agent: Page): Locator => agent.getByRole('alert').filter({ has: agent.getByRole('link', { name: /查看工单|open ticket/i }) });

  async function photograph(agent: Page, lang: 'zh' | 'en'): Promise<void> {
    for (const width of [1280, 390]) {
      await agent.setViewportSize({ width, height: width > 500 ? 800 : 844 });
      await agent.screenshot({ path: join(SHOTS, `banner-${lang}-${width}.png`) });
    }
    await agent.setViewportSize({ width: 1280, height: 800 });
  }

  step('1. the visitor leaves a message and gets a ticket number', async () => {
    const { stack, visitor } = ready();
    await visitor.goto(stack.hostPage.url);
    await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await say(visitor, '我要留言');
    await expectVisible(log(visitor).getByText(/手机号或邮箱/), 'After "我要留言" the bot did not ask for a phone number or email.', { context: log(visitor) });
    await say(visitor, 'lin.hao@example.com');
    await expectVisible(log(visitor).getByText(/描述您的问题/), 'After the email the bot did not ask for a description.', { context: log(visitor) });
    await say(visitor, '发票一直开不出来，页面提示系统繁忙');
    const created = log(visitor).getByText(TICKET);
    await expectVisible(created, 'After the description the visitor got no ticket number.', { context: log(visitor) });
    number = (await visibleText(created.last())).match(TICKET)?.[0] ?? '';
  });

  step('2. weeks later: the admin on the conversations screen gets the alert, counted in the tab title', async () => {
    const { stack, agent } = ready();
    await signIn(agent, stack.server.url, ADMIN);
    const before = await agent.title();
    if (/^\(\d+\)/.test(before)) throw new Error(`Before any alert the tab title already counts something: ${before}`);
    if ((await alerts(agent).count()) > 0) throw new Error('Before the ticket is overdue the console already shows a ticket alert.');

    ageTicket(stack.server.dataDir, number, AGE_MS);
    const alert = alerts(agent).getByText(new RegExp(`工单 ${number} 已升级`));
    await expectVisible(alert, `The console shows no 已升级 alert for ${number} after its clocks ran 60 days.`, { context: agent.locator('body'), timeout: 20_000 });
    // One line for the ticket: its 即将超时 and 已超时 came first and were replaced, and no clock's later news brings them back.
    await agent.waitForTimeout(2_000);
    const lines = (await alerts(agent).locator('p').allInnerTexts()).filter((text) => text.includes(number));
    if (lines.length !== 1) throw new Error(`The banner shows ${lines.length} lines for ${number}, not one: ${lines.join(' | ')}`);
    await agent.waitForFunction(() => /^\(\d+\)/.test(document.title), undefined, { timeout: 5_000 }).catch(async () => {
      throw new Error(`With a ticket alert on screen the tab title counts nothing: ${await agent.title()}`);
    });
    await photograph(agent, 'zh');
  });

  step('3. the alert opens the ticket, which reads 已超时; the banner lets it go', async () => {
    const { agent } = ready();
    await alerts(agent).getByRole('link', { name: new RegExp(`查看工单 ${number}`) }).first().click();
    await expectVisible(agent.getByRole('heading', { level: 2, name: new RegExp(number) }), `The alert's link did not open ${number}.`);
    await expectVisible(agent.getByRole('table').getByText('已超时').first(), `The clocks of ${number} do not read 已超时.`, { context: agent.locator('main, body').first() });
    try {
      await alerts(agent).filter({ hasText: number }).waitFor({ state: 'detached', timeout: 10_000 });
    } catch {
      throw new Error(`With ${number} open, its alerts are still in the banner.`);
    }
  });

  step('4. in English: a second ticket joins the list on screen; overdue, its alert reads in English and "Got it" dismisses it', async () => {
    const { stack, visitor, agent } = ready();
    await agent.getByRole('combobox', { name: /语言|language/i }).first().selectOption('en');
    await agent.getByRole('link', { name: /back to tickets/i }).click();
    await say(visitor, '我要留言');
    await expectVisible(log(visitor).getByText(/手机号或邮箱/).last(), 'The second "我要留言" got no request for a contact.', { context: log(visitor) });
    await say(visitor, '13800138000');
    await say(visitor, '导出报表时一直转圈');
    const created = log(visitor).getByText(TICKET).filter({ hasNotText: number });
    await expectVisible(created, 'The second message got no new ticket number.', { context: log(visitor) });
    const second = (await visibleText(created.last())).match(TICKET)?.[0] ?? '';
    // The list on screen takes in the new ticket by itself.
    await expectVisible(agent.getByRole('listitem', { name: new RegExp(second) }), `The ticket list on screen does not show the new ticket ${second}.`, {
      context: agent.locator('main, body').first(),
    });
    ageTicket(stack.server.dataDir, second, AGE_MS);
    const alert = alerts(agent).getByText(new RegExp(`Ticket ${second} escalated`));
    await expectVisible(alert, `The English console shows no "escalated" alert for ${second}.`, { context: agent.locator('body'), timeout: 20_000 });
    await photograph(agent, 'en');
    await alerts(agent).getByRole('button', { name: /got it/i }).first().click();
    try {
      await alerts(agent).filter({ hasText: second }).waitFor({ state: 'detached', timeout: 10_000 });
    } catch {
      throw new Error(`After "Got it" the alerts of ${second} are still in the banner.`);
    }
    await agent.waitForFunction(() => !/^\(\d+\)/.test(document.title), undefined, { timeout: 5_000 }).catch(async () => {
      throw new Error(`With every alert dismissed the tab title still counts: ${await agent.title()}`);
    });
  });
});
