/**
 * 报表 / Reports in Chromium: a visitor chats with an agent, who makes a ticket of it and closes; the visitor gives 2
 * stars with a comment. The supervisor's 报表 page then shows the chat taken from the queue under 会话, the new ticket
 * under 工单时效, the chat average, the agent's row and the comment, whose link opens the conversation in 历史. Checked with axe-core and photographed in zh-CN and en at 1280 and 390 px; on a phone the
 * current page's link is scrolled into view.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  ADMIN,
  CONSOLE,
  RESULTS_DIR,
  WIDGET,
  browserJourney,
  describeBrowser,
  expectAccessible,
  expectVisible,
  fetchAgentName,
  markOnDuty,
  messageItems,
  pickConversationClose,
  ratingChoice,
  sayInWidget,
  signIn,
  takeFromQueue,
  widgetPanel,
} from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'reports');
const QUESTION = '我的订单三天了还没发货';
const COMMENT = '等了很久才有人回复';
const NAV = /^(报表|reports)$/i;

describeBrowser('报表: how the service went and what visitors said of it', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { visitor: {}, agent: { bypassCSP: true } }, () => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const { step } = journey;
  const ready = () => ({ stack: journey.stack(), visitor: journey.page('visitor'), agent: journey.page('agent') });
  const chats = (agent: Page): Locator => agent.getByRole('region', { name: /^(会话评价|chat ratings)$/i });

  async function photograph(agent: Page, lang: string): Promise<void> {
    for (const width of [1280, 390]) {
      await agent.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      if (width < 500) {
        // The window narrowed on this page: its link comes into view in the row that now scrolls sideways.
        const link = agent.getByRole('link', { name: NAV });
        await expect.poll(async () => {
          const box = await link.boundingBox();
          return box !== null && box.x >= 0 && box.x + box.width <= width;
        }, { message: `After the window narrowed to ${width} px, the ${lang} current page link (报表/Reports) stays scrolled out of sight.`, timeout: 5_000 }).toBe(true);
      }
      await agent.screenshot({ path: join(SHOTS, `reports-${lang}-${width}.png`), fullPage: true });
      // Neither the document nor the page's own scrolling box is wider than the window (tables scroll inside their cards).
      const wide = await agent.evaluate(() => {
        const page = document.querySelector('.rt-page');
        return Math.max(document.documentElement.scrollWidth, page ? page.scrollWidth - page.clientWidth + window.innerWidth : 0);
      });
      if (wide > width) throw new Error(`At ${width} px the ${lang} Reports page is ${wide} px wide: it scrolls sideways.`);
    }
    await agent.setViewportSize({ width: 1280, height: 800 });
  }

  step('1. the agent makes a ticket of the conversation and closes it; the visitor gives 2 stars with a comment', async () => {
    const { stack, visitor, agent } = ready();
    await markOnDuty(stack.server.url, ADMIN);
    await signIn(agent, stack.server.url, ADMIN);
    await visitor.goto(stack.hostPage.url);
    await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await sayInWidget(visitor, QUESTION);
    await widgetPanel(visitor).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 10_000 });
    await takeFromQueue(agent);
    await agent.getByRole('textbox', { name: CONSOLE.reply }).first().fill('抱歉，马上为您查。');
    await agent.getByRole('button', { name: CONSOLE.send }).first().click();
    const log = widgetPanel(visitor).getByRole('log');
    await expectVisible(messageItems(log).filter({ hasText: '马上为您查' }), "The agent's reply never reached the visitor.", { context: log });
    await agent.getByRole('button', { name: /^(转为工单|make a ticket)$/i }).click();
    await expectVisible(agent.getByText(/T\d{8}-\d{4}/).first(), 'Making a ticket of the conversation showed no ticket number.', { context: agent.locator('body') });
    await (await pickConversationClose(agent)).click();
    await agent.getByRole('alertdialog').getByRole('button', { name: /确认结束|confirm/i }).click();
    const two = ratingChoice(widgetPanel(visitor), 2);
    await expectVisible(two, 'After the close the visitor was not asked for a rating.', { context: widgetPanel(visitor), timeout: 15_000 });
    await two.first().check();
    await widgetPanel(visitor).getByRole('textbox', { name: /补充意见|comment/i }).fill(COMMENT);
    await widgetPanel(visitor).getByRole('button', { name: /提交评价|submit rating/i }).click();
    await expectVisible(widgetPanel(visitor).getByText(/感谢您的评价|thank you for your rating/i), 'The visitor was not thanked for the rating.', { context: widgetPanel(visitor) });
  });

  step("2. 报表 shows the new ticket, the chat average, the agent's row and the comment; its link opens the conversation in 历史", async () => {
    const { stack, agent } = ready();
    const name = await fetchAgentName(stack.server.url, ADMIN);
    await agent.getByRole('link', { name: NAV }).click();
    const chatCard = agent.getByRole('region', { name: '会话' });
    await expectVisible(chatCard.getByText('1 个会话，机器人独立解答 0 个（0%）'), 'The chat figures do not count the one conversation an agent took.', { context: agent.locator('body') });
    const taken = chatCard.getByRole('term').filter({ hasText: /^客服接待$/ }).locator('xpath=following-sibling::dd[1]');
    expect(await taken.innerText(), 'The chat figures do not show the one conversation an agent took as 客服接待.').toBe('1');
    await expectVisible(chatCard.getByRole('table', { name: '按部门' }).getByRole('row', { name: /^综合咨询 1 / }), 'The queue waits per department have no row for 综合咨询.', { context: chatCard });
    const levels = agent.getByRole('region', { name: '工单时效' });
    await expectVisible(levels.getByText('新建 1 张工单，已解决 0 张'), 'The ticket service levels do not count the ticket just made.', { context: agent.locator('body') });
    await expectVisible(levels.getByRole('table', { name: '按等级' }).getByRole('row', { name: /^一般 1 0/ }), 'The per-tier table has no row for the normal ticket.', { context: levels });
    await expectVisible(chats(agent).getByText('平均 2.0 分（满分 5 分），满意率 0%，共 1 条评价'), 'The chat ratings do not show the 2-star average of one rating.', { context: agent.locator('main, body').first() });
    const byAgent = chats(agent).getByRole('table', { name: '按客服' });
    const row = byAgent.getByRole('row').filter({ has: agent.getByRole('rowheader', { name }) });
    await expectVisible(row, `The per-agent table has no row for ${name}.`, { context: byAgent });
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    if (cells.join('|') !== '1|2.0|0%') throw new Error(`${name}'s row reads ${JSON.stringify(cells)}, expected 1 rating averaging 2.0, none satisfied.`);
    const comments = agent.getByRole('region', { name: '最新评价意见' });
    const item = comments.getByRole('listitem').filter({ hasText: COMMENT });
    await expectVisible(item, "The visitor's comment is not among the latest comments.", { context: comments });
    await expectVisible(item.getByText('2 分'), 'The comment does not say its score.', { context: item });
    await expectAccessible(agent, 'The 报表 page');
    await photograph(agent, 'zh-CN');

    await item.getByRole('link', { name: '查看会话' }).click();
    await expectVisible(agent.getByText(QUESTION).first(), "The comment's link did not open the conversation's transcript.", { context: agent.locator('body'), timeout: 15_000 });
  });

  step('3. in English; over the last 7 days the comment is there too', async () => {
    const { agent } = ready();
    await agent.getByRole('combobox', { name: /语言|language/i }).first().selectOption('en');
    await agent.getByRole('link', { name: NAV }).click();
    await expectVisible(chats(agent).getByText('Average 2.0 out of 5 · satisfied 0% · ratings: 1'), 'In English the chat average does not read as such.', { context: agent.locator('body') });
    await agent.getByRole('combobox', { name: /^period$/i }).selectOption({ label: 'Last 7 days' });
    await expectVisible(agent.getByRole('region', { name: /latest comments/i }).getByText(COMMENT), 'Over the last 7 days the comment is gone.', { context: agent.locator('body') });
    await expectAccessible(agent, 'The English Reports page');
    await photograph(agent, 'en');
  });

  step('4. on a phone, the page links scroll sideways and the current one, Reports, is brought into view', async () => {
    const { agent } = ready();
    await agent.setViewportSize({ width: 390, height: 844 });
    await agent.evaluate(() => (location.hash = '#/kb'));
    await expectVisible(agent.getByRole('heading', { name: /^knowledge base$/i }), 'The Knowledge base page did not open at #/kb.');
    const nav = agent.getByRole('navigation').first();
    // The row scrolled back to its start, as a visitor of the first pages leaves it: Reports is out of sight.
    await nav.evaluate((el) => (el.scrollLeft = 0));
    const hidden = await agent.getByRole('link', { name: NAV }).boundingBox();
    if (hidden && hidden.x + hidden.width <= 390) throw new Error('At 390 px the Reports link is in sight with the page links at their start: nothing left to show.');
    await agent.evaluate(() => (location.hash = '#/reports'));
    await expectVisible(chats(agent), 'The Reports page did not open at #/reports.');
    const link = agent.getByRole('link', { name: NAV });
    await expect.poll(async () => {
      const box = await link.boundingBox();
      return box !== null && box.x >= 0 && box.x + box.width <= 390;
    }, { message: 'On a 390 px phone the current page link (Reports) stays scrolled out of sight.', timeout: 5_000 }).toBe(true);
    await agent.screenshot({ path: join(SHOTS, 'reports-en-390-nav.png') });
  });
});
