/** The whole path in Chromium: a visitor on a hostile customer page asks the bot, then a human agent in the console. */
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  ADMIN,
  CONSOLE,
  HOTLINE,
  WIDGET,
  defineSteps,
  describeBrowser,
  expectVisible,
  fetchAgentName,
  messageItems,
  pickConversationClose,
  recordPageProblems,
  queueLocator,
  ratingChoice,
  signIn,
  startStack,
  visibleText,
  type Stack,
} from '../src/index.ts';

const QUESTION = '客服热线是多少';
const AGENT_REPLY = '您好，我是人工客服小王，请问发票还有什么问题？';
const VISITOR_ANSWER = '我想开一张增值税专用发票';
/** The launcher's name while one message is unread says what the count is: "在线客服 (1 条未读)", "Chat with us (1 unread)". */
const UNREAD = /\b1\s*(条未读|unread)/i;
const AGENT_FOLLOW_UP = '专用发票需要提供税号，请稍等我帮您查询';

describeBrowser('a visitor asks the bot, then a human agent, on a hostile customer page', (chromiumPath) => {
  let stack: Stack | undefined;
  let visitorContext: BrowserContext | undefined;
  let agentContext: BrowserContext | undefined;
  let visitor: Page | undefined;
  let agent: Page | undefined;
  let name = '';
  const problems: Record<string, () => string[]> = {};

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    visitorContext = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    agentContext = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    visitor = await visitorContext.newPage();
    agent = await agentContext.newPage();
    problems.visitor = recordPageProblems(visitor);
    problems.agent = recordPageProblems(agent);
    name = await fetchAgentName(stack.server.url, ADMIN);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const step = defineSteps(
    () => ({ visitor, agent }),
    () => stack?.server.output() ?? '',
    () => Object.fromEntries(Object.entries(problems).map(([actor, list]) => [actor, list()])),
  );
  const ready = (): { stack: Stack; visitor: Page; agent: Page } => {
    if (!stack || !visitor || !agent) throw new Error('The test setup did not start (server, host page or browser).');
    return { stack, visitor, agent };
  };
  const panel = (page: Page): Locator => page.getByRole('dialog', { name: WIDGET.panel });
  const transcript = (page: Page): Locator => panel(page).getByRole('log');

  // Signed in first: with nobody online a handoff becomes a leave-a-message ticket instead of a queue entry.
  step('0. the agent signs in to the console', async () => {
    const { stack, agent } = ready();
    await signIn(agent, stack.server.url, ADMIN);
  });

  step('1. the launcher sits bottom-right despite the hostile page CSS and opens the chat panel', async () => {
    const { stack, visitor } = ready();
    await visitor.goto(stack.hostPage.url);
    const launcher = visitor.getByRole('button', { name: WIDGET.launcher });
    await expectVisible(launcher, 'The visitor saw no chat launcher (a button named 客服/咨询/chat/help) on the customer page.', { timeout: 20_000 });
    const box = await launcher.first().boundingBox();
    const view = visitor.viewportSize() ?? { width: 1280, height: 800 };
    expect(box, 'The launcher has no size on screen.').not.toBeNull();
    if (box) {
      expect(box.x + box.width / 2, `The launcher is not on the right half of the page (box ${JSON.stringify(box)}).`).toBeGreaterThan(view.width / 2);
      expect(box.y + box.height / 2, `The launcher is not in the bottom half of the page (box ${JSON.stringify(box)}).`).toBeGreaterThan(view.height / 2);
      expect(box.x + box.width, 'The launcher sticks out of the viewport on the right.').toBeLessThanOrEqual(view.width);
      expect(box.y + box.height, 'The launcher sticks out of the viewport at the bottom.').toBeLessThanOrEqual(view.height);
    }
    await launcher.first().click({ timeout: 5_000 });
    await expectVisible(panel(visitor), 'Clicking the launcher opened no chat panel (a dialog named 客服/chat/support).', { timeout: 15_000 });
    const inputFont = await panel(visitor)
      .getByRole('textbox', { name: WIDGET.input })
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      .catch(() => 0);
    expect(inputFont, "The page's hostile `* { font-size: 40px !important }` reached the widget's message box.").toBeLessThan(30);
  });

  step('2. welcome suggestions are offered as question buttons', async () => {
    const { visitor } = ready();
    const suggestion = panel(visitor)
      .getByRole('button')
      .filter({ hasText: /[?？]|吗|什么|如何|怎么|怎样|多少|几点|哪|是否|能否|可以/ });
    await expectVisible(suggestion, 'The chat panel shows no welcome suggestion button whose text is a question (e.g. 客服热线是多少？).', {
      context: panel(visitor),
    });
  });

  step('3. a typed seed question gets the right answer in the transcript', async () => {
    const { visitor } = ready();
    const input = panel(visitor).getByRole('textbox', { name: WIDGET.input });
    await expectVisible(input, 'The chat panel has no message box (a textbox named 输入/消息/message/type).', { context: panel(visitor) });
    await input.first().fill(QUESTION);
    const started = Date.now();
    await panel(visitor).getByRole('button', { name: WIDGET.send }).first().click({ timeout: 5_000 });
    await expectVisible(transcript(visitor).getByText(QUESTION), `The transcript (role log) does not show the visitor's question "${QUESTION}".`, {
      context: panel(visitor),
    });
    await expectVisible(transcript(visitor).getByText(HOTLINE), 'The bot did not answer "客服热线是多少" with the hotline 400-XXX-XXXX.', {
      context: transcript(visitor),
    });
    console.log(`[e2e] question → bot answer visible in ${Date.now() - started} ms`);
    expect(await messageItems(transcript(visitor)).count(), 'Messages in the transcript are not listitem/article elements.').toBeGreaterThanOrEqual(2);
    const look = await transcript(visitor)
      .getByText(HOTLINE)
      .first()
      .evaluate((el) => ({ color: getComputedStyle(el).color, size: parseFloat(getComputedStyle(el).fontSize) }));
    expect(look.color, "The page's hostile `* { color: red !important }` reached the bot's answer.").not.toBe('rgb(255, 0, 0)');
    expect(look.size, "The page's hostile `* { font-size: 40px !important }` reached the bot's answer.").toBeLessThan(30);
  });

  step('4. asking for a human puts the visitor in the queue with a position', async () => {
    const { visitor } = ready();
    const human = panel(visitor).getByRole('button', { name: WIDGET.human });
    await expectVisible(human, 'The chat panel offers no 转人工客服 button (a button named 转人工/人工客服/human/agent).', { context: panel(visitor) });
    await human.first().click({ timeout: 5_000 });
    await expect
      .poll(() => visibleText(panel(visitor), 4_000), {
        timeout: 15_000,
        message: 'After 转人工客服 the visitor saw no queue notice with a position (排队/queue … 1).',
      })
      .toMatch(/(排队|队列|queue|waiting)[^\n]*1|1[^\n]*(排队|队列|queue|waiting)/i);
  });

  step('5. the agent sees the conversation in the queue, takes it and reads the bot transcript', async () => {
    const { agent } = ready();
    const queue = queueLocator(agent);
    const waiting = queue.getByRole('listitem').or(queue.getByRole('row').filter({ has: agent.getByRole('button') }));
    await expectVisible(waiting, 'The waiting visitor never appeared in the console queue (a list or table named 排队/等待/queue/waiting).', {
      context: agent.locator('body'),
    });
    const take = queue.getByRole('button', { name: CONSOLE.take }).or(agent.getByRole('button', { name: CONSOLE.take }));
    await expectVisible(take, 'The waiting conversation has no 接入/accept button in the console.', { context: agent.locator('body') });
    await take.first().click({ timeout: 5_000 });
    await expectVisible(agent.getByText(QUESTION), `After accepting, the console does not show the visitor's question "${QUESTION}" from the bot phase.`, {
      context: agent.locator('body'),
    });
    await expectVisible(agent.getByText(HOTLINE), "After accepting, the console does not show the bot's answer (400-XXX-XXXX).", {
      context: agent.locator('body'),
    });
    const reply = agent.getByRole('textbox', { name: CONSOLE.reply });
    await expectVisible(reply, 'The console has no reply box (a textbox named 回复/输入/reply/message).', { context: agent.locator('body') });
    await reply.first().fill(AGENT_REPLY);
    await agent.getByRole('button', { name: CONSOLE.send }).first().click({ timeout: 5_000 });
    await expectVisible(agent.getByText(AGENT_REPLY), "The agent's reply does not appear in the console transcript after sending.", {
      context: agent.locator('body'),
    });
  });

  step("6. the visitor sees the agent's reply with the agent's name, answers, and the agent sees it", async () => {
    const { visitor, agent } = ready();
    const reply = messageItems(transcript(visitor)).filter({ hasText: AGENT_REPLY });
    await expectVisible(reply, "The visitor never saw the agent's reply in the transcript.", { context: transcript(visitor) });
    const replyText = await visibleText(reply.last());
    expect(replyText, `The agent's reply in the visitor's transcript does not carry the agent's name "${name}".`).toContain(name);
    await panel(visitor).getByRole('textbox', { name: WIDGET.input }).first().fill(VISITOR_ANSWER);
    await panel(visitor).getByRole('button', { name: WIDGET.send }).first().click({ timeout: 5_000 });
    await expectVisible(agent.getByText(VISITOR_ANSWER), "The agent never saw the visitor's answer in the console.", { context: agent.locator('body') });
  });

  step('7. with the panel closed, a new agent message shows as unread on the launcher', async () => {
    const { visitor, agent } = ready();
    const launcher = visitor.getByRole('button', { name: WIDGET.launcher });
    await launcher.first().click({ timeout: 5_000 });
    await panel(visitor)
      .first()
      .waitFor({ state: 'hidden', timeout: 10_000 })
      .catch(() => {
        throw new Error('Clicking the launcher again did not close the chat panel.');
      });
    await agent.getByRole('textbox', { name: CONSOLE.reply }).first().fill(AGENT_FOLLOW_UP);
    await agent.getByRole('button', { name: CONSOLE.send }).first().click({ timeout: 5_000 });
    await expectVisible(
      visitor.getByRole('button', { name: UNREAD }),
      'With the chat panel closed, a new message from the agent did not show as unread on the launcher (its name should carry the count 1 or say 未读/unread).',
      { context: visitor.locator('body') },
    );
    await launcher.first().click({ timeout: 5_000 });
    await expectVisible(transcript(visitor).getByText(AGENT_FOLLOW_UP), "Reopening the panel did not show the agent's new message.", { context: panel(visitor) });
    await visitor
      .getByRole('button', { name: UNREAD })
      .first()
      .waitFor({ state: 'hidden', timeout: 10_000 })
      .catch(() => {
        throw new Error('After the visitor opened the panel and saw the message, the launcher still announces unread messages.');
      });
  });

  step('8. after a reload the visitor still has the whole transcript', async () => {
    const { visitor } = ready();
    await visitor.reload();
    const launcher = visitor.getByRole('button', { name: WIDGET.launcher });
    await expectVisible(panel(visitor).or(launcher), 'After a reload neither the chat panel nor the launcher came back.', { timeout: 20_000 });
    if (!(await panel(visitor).isVisible())) await launcher.first().click({ timeout: 5_000 });
    await expectVisible(panel(visitor), 'After a reload the launcher no longer opens the chat panel.');
    for (const [text, what] of [
      [QUESTION, "the visitor's question"],
      [HOTLINE, "the bot's answer"],
      [AGENT_REPLY, "the agent's reply"],
      [AGENT_FOLLOW_UP, "the agent's follow-up"],
      [VISITOR_ANSWER, "the visitor's answer to the agent"],
    ] as const) {
      await expectVisible(transcript(visitor).getByText(text), `After a reload the transcript lost ${what}.`, { context: transcript(visitor) });
    }
  });

  step('9. the agent closes the conversation, the visitor rates it 5 and is thanked', async () => {
    const { visitor, agent } = ready();
    const close = await pickConversationClose(agent);
    await close.click({ timeout: 5_000 });
    // Some consoles confirm before closing; accept the confirmation if one shows up.
    const confirm = agent.getByRole('alertdialog').or(agent.getByRole('dialog')).getByRole('button', { name: /确定|确认|confirm|yes|结束|end|close/i });
    const rating = ratingChoice(panel(visitor), 5);
    await expect
      .poll(async () => (await rating.first().isVisible()) || (await confirm.first().isVisible()), { timeout: 15_000 })
      .toBe(true)
      .catch(() => undefined);
    if (!(await rating.first().isVisible()) && (await confirm.first().isVisible())) await confirm.first().click();
    await expectVisible(rating, 'After the agent closed the conversation, the visitor was not asked for a 1–5 rating (radio/button 5 / 星 / star).', {
      context: panel(visitor),
      timeout: 15_000,
    });
    await rating.first().click({ timeout: 5_000 });
    // Not the closing notice (本次会话已结束，感谢您的咨询): the thanks must be for the rating.
    const thanks = panel(visitor).getByText(/(感谢|谢谢)[^。！!\n]{0,8}(评价|评分|打分|反馈)|thanks?[^.!\n]{0,20}(rating|feedback)/i);
    const submit = panel(visitor).getByRole('button', { name: /提交|submit/i });
    await expectVisible(thanks.or(submit), 'After rating 5 the visitor saw neither a thank-you notice nor a submit button.', { context: panel(visitor) });
    if (!(await thanks.first().isVisible())) await submit.first().click({ timeout: 5_000 });
    await expectVisible(thanks, 'After rating 5 the visitor saw no thank-you notice for the rating (感谢您的评价 / Thank you for your rating).', { context: panel(visitor) });
  });

  step("10. the rating is stored: the agent's console shows 5/5", async () => {
    const { agent } = ready();
    await expect
      .poll(() => visibleText(agent.locator("body"), 20_000), {
        timeout: 10_000,
        message: "The agent's console does not show the visitor's 5-star rating (e.g. 访客评分：5/5).",
      })
      .toMatch(/(评分|评价|rating|rated)[^\n]{0,12}5\s*(\/\s*5|星|分|stars?)|★{5}/i);
  });
});
