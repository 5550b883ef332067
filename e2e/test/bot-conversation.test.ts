/**
 * The bot's part of a conversation in Chromium, in Chinese at 1280 px and in English at 390 px: a greeting
 * gets a greeting back, two misses in a row bring one "talk to a human" button (not two), and an earlier
 * "did you mean" keeps its questions readable once the visitor moved on.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  ADMIN,
  RESULTS_DIR,
  WIDGET,
  defineSteps,
  describeBrowser,
  expectVisible,
  messageItems,
  recordPageProblems,
  signIn,
  startStack,
  takeFromQueue,
  type Stack,
} from '../src/index.ts';

interface Case {
  lang: 'zh-CN' | 'en';
  /** Host page path: `/` follows the browser language, `/en` sets data-lang="en". */
  path: string;
  width: number;
  /** The other width the screenshots are also taken at. */
  otherWidth: number;
  greeting: string;
  greetingReply: RegExp;
  /** A question the demo knowledge base answers with "did you mean". */
  unsure: string;
  didYouMean: RegExp;
  /** Questions the demo knowledge base declines. */
  unknown: [string, string];
  decline: RegExp;
  offer: RegExp;
}

const CASES: Case[] = [
  {
    lang: 'zh-CN',
    path: '/',
    width: 1280,
    otherWidth: 390,
    greeting: '你好呀！',
    greetingReply: /您好！很高兴为您服务/,
    unsure: '客服',
    didYouMean: /您是不是想问/,
    unknown: ['明天北京会下雨吗', '推荐一部好看的电影'],
    decline: /我还没有学会回答这个问题/,
    offer: /点击下方的「转人工客服」/,
  },
  {
    lang: 'en',
    path: '/en',
    width: 390,
    otherWidth: 1280,
    greeting: 'hello 👋',
    greetingReply: /Hello! Happy to help/,
    unsure: 'ticket',
    didYouMean: /Did you mean/,
    unknown: ['what is the weather on mars', 'recommend a movie'],
    decline: /haven't learned to answer that/,
    offer: /Tap “Talk to a human” below/,
  },
];

describeBrowser("the bot's part of the conversation: small talk, one offer of a human, a readable did-you-mean", (chromiumPath) => {
  let stack: Stack | undefined;
  const contexts: BrowserContext[] = [];
  const pages: Record<string, Page | undefined> = {};
  const problems: Record<string, () => string[]> = {};

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    for (const c of CASES) {
      const context = await stack.browser.newContext({ locale: c.lang === 'en' ? 'en-US' : 'zh-CN', viewport: { width: c.width, height: 800 } });
      contexts.push(context);
      const page = await context.newPage();
      pages[c.lang] = page;
      problems[c.lang] = recordPageProblems(page);
    }
    const agentContext = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    contexts.push(agentContext);
    pages.agent = await agentContext.newPage();
    problems.agent = recordPageProblems(pages.agent);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const step = defineSteps(
    () => pages,
    () => stack?.server.output() ?? '',
    () => Object.fromEntries(Object.entries(problems).map(([actor, list]) => [actor, list()])),
  );

  // Signed in first: with nobody online a handoff becomes a leave-a-message ticket instead of a queue entry.
  step('the agent signs in to the console', async () => {
    if (!stack || !pages.agent) throw new Error('The test setup did not start (server, host page or browser).');
    await signIn(pages.agent, stack.server.url, ADMIN);
  });

  for (const c of CASES) {
    const ready = (): { stack: Stack; page: Page } => {
      const page = pages[c.lang];
      if (!stack || !page) throw new Error('The test setup did not start (server, host page or browser).');
      return { stack, page };
    };
    const panel = (page: Page): Locator => page.getByRole('dialog', { name: WIDGET.panel });
    const log = (page: Page): Locator => panel(page).getByRole('log');
    const botSays = (page: Page, text: RegExp): Locator => messageItems(log(page)).filter({ hasText: text });
    const send = async (page: Page, text: string): Promise<void> => {
      await panel(page).getByRole('textbox', { name: WIDGET.input }).first().fill(text);
      await panel(page).getByRole('button', { name: WIDGET.send }).first().click({ timeout: 5_000 });
    };
    let questions: string[] = [];

    step(`${c.lang} ${c.width}px: the visitor opens the chat`, async () => {
      const { stack, page } = ready();
      await page.goto(`${stack.hostPage.origin}${c.path}`);
      await page.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
      await expectVisible(panel(page), 'Clicking the launcher opened no chat panel.', { timeout: 15_000 });
    });

    step(`${c.lang}: "${c.greeting}" gets a greeting back with the common questions, not a decline`, async () => {
      const { page } = ready();
      await send(page, c.greeting);
      const reply = botSays(page, c.greetingReply);
      await expectVisible(reply, `The bot did not greet back after "${c.greeting}".`, { context: log(page) });
      expect(await botSays(page, c.decline).count(), `"${c.greeting}" was declined.`).toBe(0);
      await expect.poll(() => reply.getByRole('button').count(), { message: 'The greeting reply shows no welcome question buttons.' }).toBeGreaterThan(0);
      mkdirSync(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: join(RESULTS_DIR, `bot-conversation-${c.lang}-${c.width}-greeting-live.png`) });
    });

    step(`${c.lang}: "${c.unsure}" gets a "did you mean" with question buttons`, async () => {
      const { page } = ready();
      await send(page, c.unsure);
      const unsure = botSays(page, c.didYouMean);
      await expectVisible(unsure, `"${c.unsure}" got no "did you mean".`, { context: log(page) });
      await expect.poll(() => unsure.getByRole('button').count(), { message: 'The "did you mean" has no question buttons.' }).toBeGreaterThan(0);
      questions = await unsure.getByRole('button').allInnerTexts();
    });

    step(`${c.lang}: ignoring it and missing again brings one offer of a human, as one button`, async () => {
      const { page } = ready();
      await send(page, c.unknown[0]);
      await expectVisible(botSays(page, c.offer), 'After an ignored "did you mean" and a decline the bot offered no human.', { context: log(page) });
      await expect
        .poll(() => panel(page).getByRole('button', { name: WIDGET.human }).count(), { message: 'The offer of a human does not show exactly one "talk to a human" button.' })
        .toBe(1);
      expect(await page.getByRole('button', { name: WIDGET.human }).first().isVisible()).toBe(true);
    });

    step(`${c.lang}: the earlier "did you mean" still shows its questions, as text, also to screen readers`, async () => {
      const { page } = ready();
      const old = botSays(page, c.didYouMean);
      expect(await old.getByRole('button').count(), 'The earlier "did you mean" questions can still be tapped out of context.').toBe(0);
      const spoken = await old.ariaSnapshot();
      for (const question of questions) {
        await expectVisible(old.getByText(question, { exact: true }), `The earlier "did you mean" lost its question "${question}".`, { context: old });
        expect(spoken, 'A screen reader does not get the earlier questions.').toContain(question);
      }
    });

    step(`${c.lang}: a further miss declines without offering a human again`, async () => {
      const { page } = ready();
      await send(page, c.unknown[1]);
      await expectVisible(botSays(page, c.decline).last(), `"${c.unknown[1]}" was not declined.`, { context: log(page) });
      await expect.poll(() => messageItems(log(page)).last().innerText()).toMatch(c.decline);
      expect(await botSays(page, c.offer).count(), 'The human offer was repeated.').toBe(1);
      expect(await panel(page).getByRole('button', { name: WIDGET.human }).count()).toBe(1);
    });

    step(`${c.lang}: screenshots at ${c.width} and ${c.otherWidth} px`, async () => {
      const { page } = ready();
      for (const width of [c.width, c.otherWidth]) {
        await page.setViewportSize({ width, height: 800 });
        // One with the greeting reply at the top of the log, one scrolled down to the old "did you mean", the offer and the button.
        await botSays(page, c.greetingReply).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: join(RESULTS_DIR, `bot-conversation-${c.lang}-${width}-greeting.png`) });
        await botSays(page, c.didYouMean).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: join(RESULTS_DIR, `bot-conversation-${c.lang}-${width}-offer.png`) });
      }
    });

    if (c.lang !== 'zh-CN') continue;
    // Without the word vectors it gets a "did you mean" about service-level promises in general: only the semantic
    // layer of the built server answers it.
    step(`${c.lang}: "小事情当场能搞定吗" is answered by meaning with how fast a simple problem is solved`, async () => {
      const { stack, page } = ready();
      expect(stack.server.output(), 'The built server started without the semantic layer.').toMatch(/semantic layer on \(\d+ words/);
      await send(page, '小事情当场能搞定吗');
      await expectVisible(botSays(page, /即时解决/), '"小事情当场能搞定吗" was not answered with the time to solve a simple problem: is the semantic layer on in the built server?', { context: log(page) });
    });
    step(`${c.lang}: after a handoff the agent reads the earlier "did you mean" questions and sees where a human was offered`, async () => {
      const { page } = ready();
      const agent = pages.agent as Page;
      await page.setViewportSize({ width: c.width, height: 800 });
      await panel(page).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 5_000 });
      await takeFromQueue(agent, 'The visitor who asked for a human', 15_000);
      const unsure = agent.getByRole('article').filter({ hasText: c.didYouMean });
      await expectVisible(unsure, 'The console transcript does not show the "did you mean" turn.', { context: agent.locator('body') });
      const listed = unsure.getByRole('list', { name: /推荐问题|suggestions/i });
      for (const question of questions) {
        await expectVisible(listed.getByText(question, { exact: true }), `The console transcript does not list the question "${question}" under the "did you mean".`, {
          context: unsure,
        });
      }
      await expectVisible(agent.getByRole('article').filter({ hasText: c.offer }).getByText(/已提示可转人工|offered a human/i), 'The console does not mark the turn that offered a human.', {
        context: agent.locator('body'),
      });
      await agent.screenshot({ path: join(RESULTS_DIR, 'bot-conversation-console-zh-CN-1280.png') });
    });
  }
});
