/** What a site owner controls: `Kefu(command, …)` calls queued before the loader, events back to the page, snippet options. */
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { HOTLINE, WIDGET, defineSteps, describeBrowser, expectVisible, recordPageProblems, startStack, type Stack } from '../src/index.ts';

type HostWindow = Window & { Kefu: (command: string, ...args: unknown[]) => void; kefuHeard: string[] };

describeBrowser("the host page's Kefu() API", (chromiumPath) => {
  let stack: Stack | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let problems: () => string[] = () => [];

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    context = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    problems = recordPageProblems(page);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const step = defineSteps(
    () => ({ page }),
    () => stack?.server.output() ?? '',
    () => ({ page: problems() }),
  );
  const ready = (): { stack: Stack; page: Page } => {
    if (!stack || !page) throw new Error('The test setup did not start (server, host page or browser).');
    return { stack, page };
  };
  const panel = (p: Page): Locator => p.getByRole('dialog', { name: WIDGET.panel });

  step("1. Kefu('open') called before the loader ran opens the chat panel without a click", async () => {
    const { stack, page } = ready();
    await page.goto(`${stack.hostPage.origin}/api`);
    await expectVisible(panel(page), "The page called Kefu('open') before widget.js loaded, but no chat panel opened.", { timeout: 20_000 });
  });

  step("2. Kefu('send', text) asks as the visitor and Kefu('on', 'message') hears the answer", async () => {
    const { page } = ready();
    await page.evaluate(() => (window as unknown as HostWindow).Kefu('send', '客服热线是多少'));
    const log = panel(page).getByRole('log');
    await expectVisible(log.getByText(HOTLINE), "Kefu('send', '客服热线是多少') got no hotline answer in the transcript.", { context: log });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as HostWindow).kefuHeard.join('\n')), {
        timeout: 10_000,
        message: "The page's Kefu('on', 'message', …) handler never received the bot's answer.",
      })
      .toMatch(HOTLINE);
  });

  step("3. Kefu('close') closes the panel and Kefu('toggle') opens it again", async () => {
    const { page } = ready();
    await page.evaluate(() => (window as unknown as HostWindow).Kefu('close'));
    await panel(page)
      .first()
      .waitFor({ state: 'hidden', timeout: 10_000 })
      .catch(() => {
        throw new Error("Kefu('close') left the chat panel open.");
      });
    await page.evaluate(() => (window as unknown as HostWindow).Kefu('toggle'));
    await expectVisible(panel(page), "Kefu('toggle') on a closed panel did not open it.");
  });

  step('4. data-position="left" puts the launcher bottom-left', async () => {
    const { stack, page } = ready();
    await page.goto(`${stack.hostPage.origin}/left`);
    const launcher = page.getByRole('button', { name: WIDGET.launcher });
    await expectVisible(launcher, 'A data-position="left" page shows no chat launcher.', { timeout: 20_000 });
    const box = await launcher.first().boundingBox();
    const view = page.viewportSize() ?? { width: 1280, height: 800 };
    expect(box, 'The launcher has no size on screen.').not.toBeNull();
    if (box) {
      expect(box.x + box.width / 2, `With data-position="left" the launcher is not on the left half (box ${JSON.stringify(box)}).`).toBeLessThan(view.width / 2);
      expect(box.y + box.height / 2, `With data-position="left" the launcher is not in the bottom half (box ${JSON.stringify(box)}).`).toBeGreaterThan(view.height / 2);
    }
  });
});
