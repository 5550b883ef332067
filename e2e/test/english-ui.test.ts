/** English everywhere: a data-lang="en" page gets an English widget, answers and notices; an English browser gets an English console. */
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  ADMIN,
  HOTLINE,
  defineSteps,
  describeBrowser,
  expectVisible,
  messageItems,
  recordPageProblems,
  signIn,
  startStack,
  visibleText,
  type Stack,
} from '../src/index.ts';

/** An English name: matches `words` and holds no Chinese characters. */
const english = (words: string): RegExp => new RegExp(`^(?=.*(${words}))[^\\u3400-\\u9fff]*$`, 'i');

const NAMES = {
  launcher: english('chat|help|support|contact'),
  panel: english('chat|support'),
  input: english('message|type'),
  send: english('send'),
  human: english('human|agent|person'),
  email: english('email'),
  password: english('password'),
  signIn: english('sign in|log in'),
  queue: english('queue|waiting'),
};

describeBrowser('English pages and console', (chromiumPath) => {
  let stack: Stack | undefined;
  let context: BrowserContext | undefined;
  let agentContext: BrowserContext | undefined;
  let visitor: Page | undefined;
  let agent: Page | undefined;
  let problems: () => string[] = () => [];

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    // The browser says Chinese; data-lang="en" on the snippet must win.
    context = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    visitor = await context.newPage();
    problems = recordPageProblems(visitor);
    agentContext = await stack.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    agent = await agentContext.newPage();
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const step = defineSteps(
    () => ({ visitor, agent }),
    () => stack?.server.output() ?? '',
    () => ({ visitor: problems() }),
  );
  const ready = (): { stack: Stack; visitor: Page; agent: Page } => {
    if (!stack || !visitor || !agent) throw new Error('The test setup did not start (server, host page or browser).');
    return { stack, visitor, agent };
  };
  const panel = (page: Page): Locator => page.getByRole('dialog', { name: NAMES.panel });

  // Signed in first: with nobody online a handoff becomes a ticket instead of a queue entry.
  step('0. an English browser gets the agent console in English', async () => {
    const { stack, agent } = ready();
    await agent.goto(`${stack.server.url}/console`);
    const body = agent.locator('body');
    await expectVisible(agent.getByRole('textbox', { name: NAMES.email }), 'An en-US browser sees no English "Email" field on the console sign-in.', { context: body, timeout: 20_000 });
    await expectVisible(agent.getByLabel(NAMES.password), 'An en-US browser sees no English "Password" field on the console sign-in.', { context: body });
    await expectVisible(agent.getByRole('button', { name: NAMES.signIn }), 'An en-US browser sees no English "Sign in" button on the console.', { context: body });
    await signIn(agent, stack.server.url, ADMIN);
    const queue = agent.getByRole('list', { name: NAMES.queue }).or(agent.getByRole('table', { name: NAMES.queue }));
    await queue
      .first()
      .waitFor({ state: 'attached', timeout: 10_000 })
      .catch(async () => {
        throw new Error(`After signing in, the English console has no queue named in English (queue/waiting).\n  What was on screen: ${await visibleText(body)}`);
      });
    // An admin's nine page links leave no room for the agent's own controls at 1280 px in English: presence, the
    // language and Sign out wrap together, as one row at the right, not split across the two rows.
    const boxes = await Promise.all(
      [agent.getByRole('combobox', { name: /^my presence$/i }), agent.getByRole('combobox', { name: /^language$/i }), agent.getByRole('button', { name: /^sign out$/i })].map(
        async (control) => (await control.first().boundingBox())!,
      ),
    );
    const [presence, , signOut] = boxes;
    expect(new Set(boxes.map((b) => Math.round(b.y + b.height / 2))).size, 'Presence, language and Sign out are not on one row of the English header.').toBe(1);
    expect(1280 - (signOut!.x + signOut!.width), 'Sign out is not at the right of the English header.').toBeLessThan(40);
    expect(presence!.x, 'The presence select is not at the right with the other controls.').toBeGreaterThan(640);
  });

  step('1. the launcher and the chat panel have English names', async () => {
    const { stack, visitor } = ready();
    await visitor.goto(`${stack.hostPage.origin}/en`);
    const launcher = visitor.getByRole('button', { name: NAMES.launcher });
    await expectVisible(launcher, 'On a data-lang="en" page the visitor saw no English launcher (a button named chat/help, no Chinese).', {
      timeout: 20_000,
      context: visitor.locator('body'),
    });
    await launcher.first().click({ timeout: 5_000 });
    await expectVisible(panel(visitor), 'The English launcher opened no English chat panel (a dialog named chat/support, no Chinese).');
    await expectVisible(panel(visitor).getByRole('textbox', { name: NAMES.input }), 'The English panel has no English message box (message/type).', {
      context: panel(visitor),
    });
    await expectVisible(panel(visitor).getByRole('button', { name: NAMES.send }), 'The English panel has no "Send" button.', { context: panel(visitor) });
    await expectVisible(panel(visitor).getByRole('button', { name: NAMES.human }), 'The English panel has no "Talk to a human" button.', {
      context: panel(visitor),
    });
  });

  step('2. an English question gets the English answer', async () => {
    const { visitor } = ready();
    await panel(visitor).getByRole('textbox', { name: NAMES.input }).first().fill('What is the customer service hotline?');
    await panel(visitor).getByRole('button', { name: NAMES.send }).first().click({ timeout: 5_000 });
    const log = panel(visitor).getByRole('log');
    const answer = messageItems(log).filter({ hasText: HOTLINE });
    await expectVisible(answer, 'The bot did not answer "What is the customer service hotline?" with the hotline 400-XXX-XXXX.', { context: log });
    const text = await visibleText(answer.last());
    expect(text, `The hotline answer on the English page is not in English: "${text}"`).toMatch(/hotline|weekdays|call/i);
    expect(text, `The hotline answer on the English page is in Chinese: "${text}"`).not.toMatch(/热线|工作日/);
    // Shares no word with the entry's English phrasings: answered through the English piece vectors of the bundled server.
    await panel(visitor).getByRole('textbox', { name: NAMES.input }).first().fill('are real people on the chat after midnight');
    await panel(visitor).getByRole('button', { name: NAMES.send }).first().click({ timeout: 5_000 });
    await expectVisible(messageItems(log).filter({ hasText: /24\/7/ }), 'The bot did not answer "are real people on the chat after midnight" with the online chat hours (24/7).', { context: log });
  });

  step('3. asking for a human gives an English queue notice with the position', async () => {
    const { visitor } = ready();
    await panel(visitor).getByRole('button', { name: NAMES.human }).first().click({ timeout: 5_000 });
    const notice = panel(visitor).getByText(/queue|waiting/i).filter({ hasText: /1/ });
    await expectVisible(notice, 'After "Talk to a human" the English visitor saw no queue notice with a position (… queue … 1).', {
      context: panel(visitor),
    });
    const text = await visibleText(notice.last());
    expect(text, `The queue notice on the English page is not in English: "${text}"`).not.toMatch(/[\u3400-\u9fff]/);
  });

  step('4. the English console names the waiting conversation\'s department in English', async () => {
    const { agent } = ready();
    const queue = agent.getByRole('list', { name: NAMES.queue }).or(agent.getByRole('table', { name: NAMES.queue })).first();
    // The hotline entry belongs to the general department: its English name, not its key or its Chinese name.
    await expectVisible(queue.getByText('General enquiries', { exact: true }), 'The English console\'s queue does not name the department "General enquiries".', {
      context: queue,
      timeout: 10_000,
    });
  });
});
