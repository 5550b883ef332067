/** The chat app is fetched on intent, not on every page view: hover, focus, a click, or a conversation an agent may still answer. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, WIDGET, describeBrowser, expectVisible, markOnDuty, startStack, type Stack } from '../src/index.ts';

const APP_CHUNK = /\/widget-app\.(zh-CN|en)\.[0-9a-f]{12}\.js$/;

/** A fresh visitor (empty cache and storage) on the host page, with every app-chunk request recorded. */
async function visit(stack: Stack, path = '/'): Promise<{ context: BrowserContext; page: Page; appRequests: string[] }> {
  const context = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const appRequests: string[] = [];
  page.on('request', (request) => {
    if (APP_CHUNK.test(new URL(request.url()).pathname)) appRequests.push(request.url());
  });
  await page.goto(`${stack.hostPage.origin}${path}`);
  await expectVisible(page.getByRole('button', { name: WIDGET.launcher }), 'The host page shows no chat launcher.', { timeout: 20_000 });
  return { context, page, appRequests };
}

/** The app has mounted: it adds the unread badge to the launcher. */
const appMounted = (page: Page) => page.waitForFunction(() => !!document.querySelector('kefu-widget')?.shadowRoot?.querySelector('.b'), undefined, { timeout: 15_000 });

/** Long enough for the old loader's idle-time fetch (requestIdleCallback, 2.5 s fallback) to have happened. */
const IDLE_WAIT_MS = 3_000;

describeBrowser('the chat app loads on intent', (chromiumPath) => {
  let stack: Stack | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await stack?.close();
  });

  const ready = (): Stack => {
    if (!stack) throw new Error('The test setup did not start (server, host page or browser).');
    return stack;
  };

  it('does not download the app on a page view without interaction, and does on hover', async () => {
    const { context, page, appRequests } = await visit(ready());
    contexts.push(context);
    await page.waitForTimeout(IDLE_WAIT_MS);
    expect(appRequests, 'The app chunk was fetched although nobody touched the chat.').toEqual([]);
    const response = page.waitForResponse((res) => APP_CHUNK.test(new URL(res.url()).pathname));
    await page.getByRole('button', { name: WIDGET.launcher }).hover();
    const served = await response;
    expect(served.url()).toMatch(/widget-app\.zh-CN\./);
    expect(served.status()).toBe(200);
    // Chromium asks for br; the server answers with the precompressed file.
    expect((await served.allHeaders())['content-encoding']).toBe('br');
    await appMounted(page);
    expect(appRequests).toHaveLength(1);
    expect(await page.getByRole('dialog', { name: WIDGET.panel }).isVisible(), 'Hovering opened the panel.').toBe(false);
  }, 60_000);

  it('downloads the app when the launcher gets keyboard focus', async () => {
    const { context, page, appRequests } = await visit(ready(), '/en');
    contexts.push(context);
    await page.waitForTimeout(500);
    expect(appRequests).toEqual([]);
    await page.getByRole('button', { name: WIDGET.launcher }).focus();
    await appMounted(page);
    expect(appRequests).toHaveLength(1);
    expect(appRequests[0]).toMatch(/widget-app\.en\./);
  }, 60_000);

  it('opens the panel on a cold click (download included) and reports how long it took', async () => {
    const { context, page, appRequests } = await visit(ready());
    contexts.push(context);
    // Timed inside the page, from the click to the first frame with the panel laid out, so the
    // figure is the visitor's wait (download, parse, mount, render) and not the test driver's.
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const root = document.querySelector('kefu-widget')?.shadowRoot;
          const started = performance.now();
          root?.querySelector<HTMLButtonElement>('button.l')?.click();
          const frame = () => {
            const panel = root?.querySelector<HTMLElement>('[role=dialog]');
            if (panel && !panel.hidden && panel.getBoundingClientRect().width > 0) resolve(performance.now() - started);
            else requestAnimationFrame(frame);
          };
          frame();
        }),
    );
    await expectVisible(page.getByRole('dialog', { name: WIDGET.panel }), 'A click on the launcher did not open the chat panel.');
    console.log(`cold open (click → panel laid out, app downloaded from 127.0.0.1): ${Math.round(ms)} ms`);
    expect(appRequests).toHaveLength(1);
  }, 60_000);

  it('loads the app at once on the next page while a human handoff is pending, so replies can show as unread', async () => {
    // Someone on duty: with nobody present a handoff offers to leave a message instead of waiting.
    await markOnDuty(ready().server.url, ADMIN);
    const { context, page, appRequests } = await visit(ready());
    contexts.push(context);
    await page.getByRole('button', { name: WIDGET.launcher }).click();
    const panel = page.getByRole('dialog', { name: WIDGET.panel });
    await expectVisible(panel, 'A click on the launcher did not open the chat panel.');
    await panel.getByRole('button', { name: WIDGET.human }).first().click();
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('kefu:wake:demo')), { timeout: 15_000, message: 'A queued conversation left no wake flag for the next page view.' })
      .toBe('1');
    await page.evaluate(() => (window as unknown as { Kefu: (command: string) => void }).Kefu('close'));
    await panel.waitFor({ state: 'hidden', timeout: 10_000 });
    // The next page view in the same browser (the chunk now comes from the cache): nobody touches the launcher.
    const next = await context.newPage();
    await next.goto(ready().hostPage.url);
    await appMounted(next);
    expect(await next.getByRole('dialog', { name: WIDGET.panel }).isVisible(), 'The panel opened by itself.').toBe(false);
  }, 90_000);
});
