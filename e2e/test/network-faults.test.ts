/** Faults a real deployment meets: WebSocket blocked by a proxy, a server restart in mid-conversation, a page on a foreign origin. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  ADMIN,
  BLOCK_WEBSOCKET_SCRIPT,
  HOTLINE,
  WIDGET,
  describeBrowser,
  expectVisible,
  messageItems,
  recordPageProblems,
  saveScreenshots,
  signIn,
  startStack,
  type Stack,
} from '../src/index.ts';

const panel = (page: Page): Locator => page.getByRole('dialog', { name: WIDGET.panel });

/** Runs `body` with a fresh page; on failure adds a screenshot, the page's problems and the server's last lines. */
async function withPage(browser: Browser, label: string, stack: Stack, blockWebSocket: boolean, body: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  if (blockWebSocket) await context.addInitScript({ content: BLOCK_WEBSOCKET_SCRIPT });
  const page = await context.newPage();
  const problems = recordPageProblems(page);
  try {
    await body(page);
  } catch (error) {
    const files = await saveScreenshots(label, { page });
    if (error instanceof Error) {
      error.message += files.length ? `\n  Screenshot: ${files.join(', ')}` : '';
      const seen = problems();
      error.message += seen.length ? `\n  --- page problems ---\n  ${seen.slice(-8).join('\n  ')}` : '';
      error.message += `\n  --- last server output ---\n${stack.server.output().split('\n').slice(-15).join('\n')}`;
    }
    throw error;
  } finally {
    await context.close();
  }
}

/** Opens the widget on the host page and asks `question`. */
async function ask(page: Page, question: string): Promise<void> {
  const input = panel(page).getByRole('textbox', { name: WIDGET.input });
  await input.first().fill(question);
  await panel(page).getByRole('button', { name: WIDGET.send }).first().click({ timeout: 5_000 });
}

async function openWidget(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const launcher = page.getByRole('button', { name: WIDGET.launcher });
  await expectVisible(launcher, 'The visitor saw no chat launcher on the customer page.', { timeout: 20_000 });
  await launcher.first().click({ timeout: 5_000 });
  await expectVisible(panel(page), 'Clicking the launcher opened no chat panel.');
}

describeBrowser('network faults', (chromiumPath) => {
  let stack: Stack | undefined;

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const ready = (): Stack => {
    if (!stack) throw new Error('The test setup did not start (server, host page or browser).');
    return stack;
  };

  it('a visitor whose network blocks WebSocket still gets answers over long-polling', async () => {
    const s = ready();
    await withPage(s.browser, 'websocket-blocked-visitor', s, true, async (page) => {
      await openWidget(page, s.hostPage.url);
      await ask(page, '客服热线是多少');
      await expectVisible(
        panel(page).getByRole('log').getByText(HOTLINE),
        'With WebSocket blocked (as behind some proxies) the visitor never got the bot\'s answer: the HTTP long-polling fallback does not connect.',
        { timeout: 20_000, context: panel(page) },
      );
    });
  });

  it('an agent whose network blocks WebSocket still gets a live console over long-polling', async () => {
    const s = ready();
    await withPage(s.browser, 'websocket-blocked-agent', s, true, async (page) => {
      await signIn(page, s.server.url, ADMIN);
    });
  });

  it('after a server restart the conversation resumes and a message typed while it was down arrives once', async () => {
    const s = ready();
    await withPage(s.browser, 'server-restart', s, false, async (page) => {
      await openWidget(page, s.hostPage.url);
      await ask(page, '客服热线是多少');
      const log = panel(page).getByRole('log');
      await expectVisible(log.getByText(HOTLINE), 'The bot did not answer before the restart.', { context: log });
      const typedWhileDown = '人工客服几点上班';
      await s.restartServer(async () => {
        await expectVisible(panel(page).getByText(/断开|重连|离线|offline|reconnect/i), 'While the server was down the widget did not tell the visitor it was offline.', {
          context: panel(page),
        });
        await ask(page, typedWhileDown);
      });
      const retry = panel(page).getByRole('button', { name: /重试|retry/i });
      const answer = log.getByText(/9:00\s*-\s*21:00/);
      await expect
        .poll(
          async () => {
            if (await retry.first().isVisible()) await retry.first().click();
            return answer.first().isVisible();
          },
          { timeout: 30_000, message: `After the server came back the message typed while it was down ("${typedWhileDown}") was never answered (service hours 9:00-21:00).` },
        )
        .toBe(true);
      expect(await log.getByText(HOTLINE).count(), 'After the restart the earlier bot answer is gone from the transcript.').toBeGreaterThanOrEqual(1);
      const copies = await messageItems(log).filter({ hasText: typedWhileDown }).filter({ hasNotText: /9:00/ }).count();
      expect(copies, `The message typed while the server was down shows ${copies} times in the transcript (want exactly once).`).toBe(1);
    });
  });

  it('a page on an origin missing from ALLOWED_ORIGINS gets no service', async () => {
    const s = ready();
    // Same page server, reached as 127.0.0.1 instead of localhost: another origin, not on the allow-list.
    const foreign = `http://127.0.0.1:${s.hostPage.port}`;
    await withPage(s.browser, 'foreign-origin', s, false, async (page) => {
      await openWidget(page, `${foreign}/`);
      await ask(page, '客服热线是多少');
      const refusals = (): number => s.server.output().split(`origin ${foreign} refused`).length - 1;
      await expect
        .poll(refusals, { timeout: 20_000, message: `The server never refused the visitor socket from ${foreign}, which ALLOWED_ORIGINS does not list.` })
        .toBeGreaterThanOrEqual(1);
      await panel(page)
        .getByText(/未获授权|not allowed/i)
        .waitFor({ timeout: 10_000 })
        .catch(() => {
          throw new Error(`A page on ${foreign} shows no word that this website may not use the chat (it should not just say it is reconnecting).`);
        });
      const answers = await panel(page).getByRole('log').getByText(HOTLINE).count();
      expect(answers, `A page on ${foreign} (not in ALLOWED_ORIGINS) got the bot's answer anyway.`).toBe(0);
    });
  });
});
