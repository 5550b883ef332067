/**
 * The desk on a phone (390 px): one column at a time. The lists fill the screen; taking a visitor shows the
 * conversation alone with a 会话列表 button back; back on the lists, the visitor's next message counts as unread,
 * and opening the conversation again shows it. Photographed in zh-CN and en.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, CONSOLE, RESULTS_DIR, WIDGET, browserJourney, describeBrowser, expectVisible, messageItems, queueLocator, sayInWidget, signIn, widgetPanel } from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'phone-desk');
const BACK = /^(‹\s*)?(会话列表|conversations)$/i;
const PHONE = { width: 390, height: 844 };

describeBrowser('the desk on a phone', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { visitor: {}, agent: { viewport: PHONE, isMobile: true, hasTouch: true } }, () => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const { step } = journey;
  const ready = () => ({ stack: journey.stack(), visitor: journey.page('visitor'), agent: journey.page('agent') });
  const panel = widgetPanel;
  const say = sayInWidget;
  const mine = (agent: Page): Locator => agent.getByRole('heading', { name: /我的会话|my conversations/i });
  const conversationHeading = (agent: Page): Locator => agent.locator('#conv-title');

  /** The page is no wider than the phone: nothing pushes it sideways. */
  async function fitsTheScreen(agent: Page, where: string): Promise<void> {
    const wide = await agent.evaluate(() => document.documentElement.scrollWidth);
    if (wide > PHONE.width) throw new Error(`${where}: the console is ${wide} px wide on a ${PHONE.width} px phone.`);
  }

  step('1. the lists fill the phone; taking the visitor shows the conversation alone, with a way back', async () => {
    const { stack, agent, visitor } = ready();
    await signIn(agent, stack.server.url, ADMIN);
    await visitor.goto(stack.hostPage.url);
    await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await say(visitor, '发票开错了怎么办');
    await panel(visitor).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 5_000 });
    const take = queueLocator(agent).getByRole('button', { name: CONSOLE.take });
    await expectVisible(take, 'The waiting visitor never appeared in the queue on the phone.', { context: agent.locator('body') });
    await fitsTheScreen(agent, 'The lists');
    await agent.screenshot({ path: join(SHOTS, 'lists-zh-CN.png') });

    await take.first().click();
    await expectVisible(agent.getByRole('textbox', { name: CONSOLE.reply }), 'Taking the visitor on a phone showed no reply box.', { context: agent.locator('body') });
    await expectVisible(agent.getByRole('button', { name: BACK }), 'The open conversation on a phone has no 会话列表 button back.');
    if (await mine(agent).isVisible()) throw new Error('With a conversation open, the phone still shows the lists beside it.');
    await fitsTheScreen(agent, 'The open conversation');
    await agent.getByRole('textbox', { name: CONSOLE.reply }).fill('您好，请把订单号发给我。');
    await agent.keyboard.press('Enter');
    const log = panel(visitor).getByRole('log');
    await expectVisible(messageItems(log).filter({ hasText: '请把订单号发给我' }), 'The reply sent from the phone never reached the visitor.', { context: log });
    await agent.screenshot({ path: join(SHOTS, 'conversation-zh-CN.png') });
  });

  step('2. back on the lists, the next visitor message is unread; opening the conversation shows it', async () => {
    const { agent, visitor } = ready();
    await agent.getByRole('button', { name: BACK }).click();
    await expectVisible(mine(agent), 'The 会话列表 button did not bring back the lists.');
    if (await conversationHeading(agent).isVisible()) throw new Error('Back on the lists, the phone still shows the conversation.');
    await say(visitor, '订单号 20261130001');
    const row = agent.getByRole('listitem').filter({ hasText: '订单号 20261130001' });
    await expectVisible(row, 'Back on the lists, the visitor message does not show in 我的会话.', { context: agent.locator('body') });
    await expectVisible(row.getByText(/^1$/), 'The message that came while the lists were shown is not counted as unread.', { context: row });
    await row.click();
    await expectVisible(agent.getByRole('log').getByText('订单号 20261130001'), 'Opening the conversation again does not show the new message.', { context: agent.locator('body') });
  });

  step('3. in English: the same two screens', async () => {
    const { agent } = ready();
    await agent.getByRole('combobox', { name: /语言|language/i }).first().selectOption('en');
    const back = agent.getByRole('button', { name: /^(‹\s*)?conversations$/i });
    await expectVisible(back, 'In English the way back reads not "Conversations".');
    await agent.screenshot({ path: join(SHOTS, 'conversation-en.png') });
    await back.click();
    await expectVisible(agent.getByRole('heading', { name: /my conversations/i }), 'In English the lists are not back after "Conversations".');
    await fitsTheScreen(agent, 'The English lists');
    await agent.screenshot({ path: join(SHOTS, 'lists-en.png') });
  });
});
