/** Under the server's Content-Security-Policy the console and the demo page (with its widget) work without a single violation. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN, HOTLINE, WIDGET, describeBrowser, expectVisible, recordPageProblems, saveScreenshots, signIn, startStack, type Stack } from '../src/index.ts';

/** Every CSP violation the page reports (as a securitypolicyviolation event or a console message). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.push(msg.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  return async () => [...seen, ...((await page.evaluate('window.cspViolations').catch(() => [])) as string[])];
}

describeBrowser('content security policy', (chromiumPath) => {
  let stack: Stack | undefined;

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('the console signs in and goes live with no CSP violation', async () => {
    if (!stack) throw new Error('The test setup did not start.');
    const context = await stack.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    try {
      await signIn(page, stack.server.url, ADMIN);
      expect(await violations(), 'the console broke its own Content-Security-Policy').toEqual([]);
    } catch (error) {
      await saveScreenshots('csp-console', { page });
      throw error;
    } finally {
      await context.close();
    }
  });

  it('the demo page at / shows the widget, which answers, with no CSP violation and no failed request', async () => {
    if (!stack) throw new Error('The test setup did not start.');
    const context = await stack.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const problems = recordPageProblems(page);
    try {
      await page.goto(`${stack.server.url}/`);
      const launcher = page.getByRole('button', { name: WIDGET.launcher });
      await expectVisible(launcher, 'The demo page showed no chat launcher.', { timeout: 20_000 });
      await launcher.first().click();
      const panel = page.getByRole('dialog', { name: WIDGET.panel });
      await expectVisible(panel, 'Clicking the launcher on the demo page opened no chat panel.');
      await panel.getByRole('textbox', { name: WIDGET.input }).first().fill('客服热线是多少');
      await panel.getByRole('button', { name: WIDGET.send }).first().click();
      // Any bot reply (an answer, suggestions or a decline) shows the socket works under the policy.
      const reply = new RegExp(`${HOTLINE.source}|抱歉|您是不是想问`);
      await expectVisible(panel.getByRole('log').getByText(reply), 'The widget on the demo page never showed a bot reply.', { timeout: 20_000 });
      expect(await violations(), 'the demo page or its widget broke the Content-Security-Policy').toEqual([]);
      // Not even the browser's own ask for /favicon.ico.
      expect(problems(), 'the demo page logged errors or failed requests').toEqual([]);
    } catch (error) {
      await saveScreenshots('csp-demo-page', { page });
      throw error;
    } finally {
      await context.close();
    }
  });
});
