/**
 * 历史 / History in Chromium: a visitor chats with an agent who closes; the visitor writes again and the
 * widget keeps the closed transcript above a new conversation (after a reload too, one page back); asking
 * for a human again, the agent sees 上一次会话 (the link to the closed one) in the conversation header and
 * the handoff card. In 历史 the agent finds the closed conversation by a Chinese word said in it and by the
 * visitor's name, and opens its transcript read-only. Screenshots (zh-CN and en, 1280 and 768 px) go to
 * e2e/test-results/history/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
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
  expectVisible,
  markOnDuty,
  messageItems,
  pickConversationClose,
  ratingChoice,
  signIn,
  takeFromQueue,
  visibleText,
} from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'history');
const VISITOR = '周晓雨';
const WORD = '保温杯';
const QUESTION = `我买的${WORD}盖子漏水`;
const REPLY = '抱歉给您添麻烦了，我们给您补发一个新盖子。';
const AGAIN = '还想问一下发票怎么开';
const HISTORY = /^(历史|history)$/i;
const PREVIOUS = /上一次会话|previous conversation/i;
const SEARCH = /^(搜索|search)$/i;
const WORDS = /关键词|words/i;
const VISITOR_FIELD = /^(访客|visitor)/i;
const VIEW = new RegExp(`(查看|view).*${VISITOR}`, 'i');

describeBrowser('history: a closed conversation continues as a new one, and the agent finds it again', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { visitor: {}, agent: {} }, () => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const { step } = journey;
  const ready = () => ({ stack: journey.stack(), visitor: journey.page('visitor'), agent: journey.page('agent') });
  const panel = (page: Page): Locator => page.getByRole('dialog', { name: WIDGET.panel });
  const visitorLog = (page: Page): Locator => panel(page).getByRole('log');

  async function visitorSays(page: Page, text: string): Promise<void> {
    await panel(page).getByRole('textbox', { name: WIDGET.input }).first().fill(text);
    await panel(page).getByRole('button', { name: WIDGET.send }).first().click();
    await expectVisible(messageItems(visitorLog(page)).filter({ hasText: text }), `"${text}" does not show in the visitor's transcript.`, { context: visitorLog(page) });
  }

  step(`1. ${VISITOR} asks about a leaking ${WORD}, an agent answers and closes the conversation`, async () => {
    const { stack, visitor, agent } = ready();
    await markOnDuty(stack.server.url, ADMIN);
    await signIn(agent, stack.server.url, ADMIN);
    await visitor.goto(stack.hostPage.url);
    await visitor.waitForFunction(() => typeof (window as unknown as { Kefu?: unknown }).Kefu === 'function', undefined, { timeout: 20_000 });
    await visitor.evaluate((name) => (window as unknown as { Kefu: (c: string, x: unknown) => void }).Kefu('identify', { name }), VISITOR);
    await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await visitorSays(visitor, QUESTION);
    await panel(visitor).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 10_000 });
    await takeFromQueue(agent, VISITOR);
    await agent.getByRole('textbox', { name: CONSOLE.reply }).first().fill(REPLY);
    await agent.getByRole('button', { name: CONSOLE.send }).first().click();
    await expectVisible(messageItems(visitorLog(visitor)).filter({ hasText: REPLY }), "The agent's reply never reached the visitor.", { context: visitorLog(visitor) });
    await (await pickConversationClose(agent)).click();
    await agent.getByRole('alertdialog').getByRole('button', { name: /确认结束|confirm/i }).click();
    await expectVisible(ratingChoice(panel(visitor), 5), 'After the close the visitor was not asked for a rating.', { context: panel(visitor), timeout: 15_000 });
  });

  step('2. the visitor writes again: a new conversation below the closed transcript, which stays on screen', async () => {
    const { visitor } = ready();
    await visitorSays(visitor, AGAIN);
    const log = visitorLog(visitor);
    await expectVisible(log.getByText(/会话已重新开始|新的会话|new conversation|restarted/i), 'No line marks where the new conversation starts.', { context: log });
    // The earlier words are still there, above the new ones.
    const text = await visibleText(log);
    expect(text.indexOf(QUESTION), `The closed conversation's question left the transcript:\n${text}`).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(QUESTION)).toBeLessThan(text.lastIndexOf(AGAIN));
    expect(text.indexOf(REPLY)).toBeLessThan(text.lastIndexOf(AGAIN));
    // Writing again took the rating form away; the closed conversation keeps its place above.
    expect(await ratingChoice(panel(visitor), 5).count()).toBe(0);
    // Nobody has read the new conversation yet: no 已读 under the new words (the closed one's agent read only that one).
    const fresh = messageItems(log).filter({ hasText: AGAIN }).last();
    expect(await fresh.getByText(/^(已读|read)$/i).count(), 'The new message is marked 已读 though no agent has seen it.').toBe(0);
    await visitor.screenshot({ path: join(SHOTS, 'widget-continued-zh-CN-1280.png') });
  });

  step('2b. after a reload the widget resumes the new conversation and pages back into the closed one', async () => {
    const { visitor } = ready();
    await visitor.reload();
    if (!(await panel(visitor).isVisible().catch(() => false))) await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    const log = visitorLog(visitor);
    await expectVisible(messageItems(log).filter({ hasText: AGAIN }), 'After a reload the new conversation is not on screen.', { context: log, timeout: 15_000 });
    const earlier = panel(visitor).getByRole('button', { name: /更早|earlier/i });
    await expectVisible(earlier, 'After a reload nothing offers the closed conversation above the new one (加载更早的消息).', { context: panel(visitor) });
    await earlier.first().click();
    await expectVisible(messageItems(log).filter({ hasText: QUESTION }), 'Loading earlier messages did not bring back the closed conversation.', { context: log });
    const text = await visibleText(log);
    expect(text.indexOf(REPLY), `The closed conversation is not above the new one:\n${text}`).toBeLessThan(text.lastIndexOf(AGAIN));
  });

  step('3. asking for a human again, the agent sees 上一次会话 and opens it in 历史', async () => {
    const { visitor, agent } = ready();
    await panel(visitor).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 10_000 });
    await takeFromQueue(agent, VISITOR);
    const heading = agent.getByRole('heading', { name: new RegExp(VISITOR) }).first();
    await expectVisible(heading, `The new conversation of ${VISITOR} did not open on the desk.`, { context: agent.locator('body') });
    const previous = agent.getByRole('link', { name: PREVIOUS });
    await expectVisible(previous, 'The agent sees no 上一次会话 link on the continued conversation.', { context: agent.locator('main') });
    // The handoff card marks the same conversation among the visitor's earlier ones.
    await expectVisible(agent.locator('.handoff-card').getByText(PREVIOUS), 'The handoff card does not mark the previous conversation.', { context: agent.locator('.handoff-card') });
    await previous.first().click();
    const transcript = agent.getByRole('region', { name: new RegExp(`${VISITOR}.*(会话记录)|conversation with ${VISITOR}`, 'i') });
    await expectVisible(transcript.getByText(QUESTION), '上一次会话 did not open the closed transcript in 历史.', { context: agent.locator('body'), timeout: 15_000 });
    expect(await transcript.getByRole('textbox').count(), 'A closed transcript in 历史 must offer no reply box.').toBe(0);
  });

  step(`4. in 历史 the agent finds it by the word ${WORD} and by the name ${VISITOR}, and opens its transcript`, async () => {
    const { agent } = ready();
    await agent.getByRole('link', { name: /工作台|desk/i }).click();
    await agent.getByRole('navigation').getByRole('link', { name: HISTORY }).click();
    const search = agent.getByRole('search');
    await expectVisible(search, 'The 历史 page has no search form.', { context: agent.locator('body') });
    await search.getByRole('searchbox', { name: WORDS }).fill(WORD);
    await search.getByRole('button', { name: SEARCH }).click();
    const results = agent.getByRole('list').filter({ has: agent.getByRole('button', { name: VIEW }) });
    await expectVisible(results.getByText(QUESTION), `Searching for ${WORD} did not list the closed conversation.`, { context: agent.locator('body') });
    await expect.poll(() => agent.getByRole('button', { name: VIEW }).count(), { timeout: 10_000 }).toBe(1);

    await search.getByRole('searchbox', { name: WORDS }).fill('');
    await search.getByRole('searchbox', { name: VISITOR_FIELD }).fill(VISITOR);
    await search.getByRole('button', { name: SEARCH }).click();
    await expectVisible(agent.getByRole('status').getByText(/1/), `Searching for ${VISITOR} did not report one closed conversation.`, { context: agent.locator('body') });
    await agent.getByRole('button', { name: VIEW }).first().click();
    const transcript = agent.getByRole('region', { name: new RegExp(`${VISITOR}`) }).getByRole('log');
    for (const said of [QUESTION, REPLY]) {
      await expectVisible(transcript.getByText(said), `The opened transcript does not show "${said}".`, { context: agent.locator('body') });
    }
    // Nothing searched for by a stranger's word.
    await search.getByRole('searchbox', { name: VISITOR_FIELD }).fill('');
    await search.getByRole('searchbox', { name: WORDS }).fill('没人说过的话');
    await search.getByRole('button', { name: SEARCH }).click();
    await expectVisible(agent.getByRole('status').getByText(/没有符合/), 'A word nobody said still lists conversations.', { context: agent.locator('body') });
    await search.getByRole('button', { name: /清空|clear/i }).click();
    await expectVisible(agent.getByRole('button', { name: VIEW }), 'Clearing the filters did not list the closed conversation again.', { context: agent.locator('body') });
  });

  step(`4b. 导出 CSV downloads what the search finds: ${VISITOR}'s conversation, readable as UTF-8 with its question`, async () => {
    const { agent } = ready();
    const search = agent.getByRole('search');
    await search.getByRole('searchbox', { name: WORDS }).fill(WORD);
    await search.getByRole('button', { name: SEARCH }).click();
    await expect.poll(() => agent.getByRole('button', { name: VIEW }).count(), { timeout: 10_000 }).toBe(1);
    const [download] = await Promise.all([agent.waitForEvent('download', { timeout: 10_000 }), agent.getByRole('link', { name: /导出 CSV|export csv/i }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kefu-history-\d{8}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]!.startsWith('\uFEFF会话编号,访客,'), `The export does not start with a BOM and the column names:\n${lines[0]}`).toBe(true);
    expect(lines, `The export holds other conversations than the one found for ${WORD}:\n${csv}`).toHaveLength(2);
    expect(lines[1]).toContain(VISITOR);
    expect(lines[1]).toContain(QUESTION);
    await search.getByRole('button', { name: /清空|clear/i }).click();
  });

  step('5. the 历史 page with a transcript open, in both languages at 1280 and 768 px', async () => {
    const { agent } = ready();
    await agent.getByRole('button', { name: VIEW }).first().click();
    await expectVisible(agent.getByRole('log').getByText(QUESTION), 'The transcript did not open for the screenshots.', { context: agent.locator('body') });
    for (const lang of ['zh-CN', 'en'] as const) {
      await agent.getByRole('combobox', { name: /语言|language/i }).selectOption(lang);
      for (const width of [1280, 768]) {
        await agent.setViewportSize({ width, height: 900 });
        await agent.waitForTimeout(200);
        await agent.screenshot({ path: join(SHOTS, `history-${lang}-${width}.png`), fullPage: width === 768 });
        // Nothing wider than the window: the page never scrolls sideways.
        const overflow = await agent.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `The 历史 page is ${overflow} px wider than the ${width} px window (${lang}).`).toBeLessThanOrEqual(0);
      }
    }
    await agent.getByRole('combobox', { name: /语言|language/i }).selectOption('zh-CN');
    await agent.setViewportSize({ width: 1280, height: 800 });
  });
});
