/**
 * The sites admin in Chromium: the admin signs in, opens 站点, creates a site with a theme colour, a welcome
 * text, suggested questions and an allowed origin, copies its embed code, and a customer page on another
 * loopback port that pastes that code shows the widget with the site's questions, greeting and colour.
 * Screenshots of the page (zh-CN and en, 1280 and 768 px) go to e2e/test-results/sites-admin/ and
 * the screens folder (`SCREENS_DIR`).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, RESULTS_DIR, SCREENS_DIR, WIDGET, browserJourney, describeBrowser, expectVisible, messageItems, signIn } from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'sites-admin');
const SITES = /站点|网站|sites?/i;
const COLOR = '#0f766e';
const WELCOME = '您好，欢迎来到海淘商城！有什么可以帮您？';
const QUESTIONS = ['客服热线是多少', '能寄到国外吗？'];

/** The customer's page: whatever snippet the admin copied, pasted before </body>. */
function startCustomerPage(): Promise<{ origin: string; setSnippet(html: string): void; close(): Promise<void> }> {
  let snippet = '';
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>海淘商城</title></head>
<body><h1>海淘商城</h1><p>全球好货。</p>
${snippet}
</body></html>`);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        origin: `http://localhost:${port}`,
        setSnippet: (html) => void (snippet = html),
        close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
      });
    });
  });
}

describeBrowser('the sites admin: create a site, copy its embed code, embed it', (chromiumPath) => {
  let customer: Awaited<ReturnType<typeof startCustomerPage>> | undefined;
  const journey = browserJourney(
    chromiumPath,
    { admin: { permissions: ['clipboard-read', 'clipboard-write'] }, visitor: {} },
    async () => {
      mkdirSync(SHOTS, { recursive: true });
      mkdirSync(SCREENS_DIR, { recursive: true });
      customer = await startCustomerPage();
    },
  );
  const { step } = journey;
  let snippet = '';

  /** At 1280 and 768 px, into the results and the notes. */
  async function shoot(p: Page, name: string): Promise<void> {
    for (const width of [1280, 768]) {
      // Tall enough for the whole page: it scrolls inside its own pane, which a full-page shot would not unroll.
      await p.setViewportSize({ width, height: 2000 });
      await p.waitForTimeout(200);
      const file = join(SHOTS, `${name}-${width}.png`);
      await p.screenshot({ path: file, fullPage: true });
      copyFileSync(file, join(SCREENS_DIR, `sites-admin-${name}-${width}.png`));
      // Nothing may push the page sideways at either width.
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the sites page scrolls sideways by ${overflow} px at ${width} px`).toBeLessThanOrEqual(0);
    }
    await p.setViewportSize({ width: 1280, height: 800 });
  }

  step('the admin opens 站点 and creates a site with a colour, a welcome text, questions and an allowed origin', async () => {
    const admin = journey.page('admin');
    await signIn(admin, journey.stack().server.url, ADMIN);
    await admin.getByRole('link', { name: SITES }).or(admin.getByRole('tab', { name: SITES })).first().click();
    const body = admin.locator('body');
    await expectVisible(admin.getByRole('heading', { name: SITES }), 'The sites page has no heading named 站点/sites.', { context: body });
    await admin.getByRole('textbox', { name: /标识|key/i }).fill('haitao');
    await admin.getByRole('textbox', { name: /^名称|^name/i }).first().fill('海淘商城');
    await admin.getByRole('button', { name: /新建站点|create site/i }).click();

    const editor = admin.getByRole('region', { name: /海淘商城/ });
    await expectVisible(editor, 'After creating the site the admin sees no settings for it.', { context: body });
    await editor.getByRole('textbox', { name: /允许嵌入的来源|allowed origins/i }).fill(customer!.origin);
    await editor.getByRole('textbox', { name: /十六进制|hex/i }).fill(COLOR);
    // The colour picker follows the typed hex.
    expect(await editor.getByRole('textbox', { name: /^主题色$|^theme colou?r$/i }).inputValue()).toBe(COLOR);
    await editor.getByRole('textbox', { name: /欢迎语|welcome/i }).fill(WELCOME);
    await editor.getByRole('textbox', { name: /推荐问题|suggested questions/i }).fill(QUESTIONS.join('\n'));
    await editor.getByRole('button', { name: /保存站点设置|save site/i }).click();
    await expectVisible(editor.getByRole('status').filter({ hasText: /已保存|saved/i }), 'Saving the site settings shows no 已保存/saved.', { context: editor });
    // What the server kept is what the form shows after a reload.
    await admin.reload();
    await admin.getByRole('button', { name: /编辑 海淘商城|edit 海淘商城/i }).click();
    await expect.poll(() => editor.getByRole('textbox', { name: /欢迎语|welcome/i }).inputValue()).toBe(WELCOME);
    expect(await editor.getByRole('textbox', { name: /允许嵌入的来源|allowed origins/i }).inputValue()).toBe(customer!.origin);
  });

  step('the admin copies the embed code, which points at the server by its absolute URL', async () => {
    const admin = journey.page('admin');
    const editor = admin.getByRole('region', { name: /海淘商城/ });
    await editor.getByRole('button', { name: /复制嵌入代码|copy embed code/i }).click();
    await expectVisible(editor.getByText(/已复制|copied/i), 'Copying the embed code does not say it was copied.', { context: editor });
    snippet = await admin.evaluate(() => navigator.clipboard.readText());
    const shown = await editor.getByRole('textbox', { name: /嵌入代码|embed code/i }).inputValue();
    expect(snippet).toBe(shown);
    expect(snippet).toBe(`<script src="${journey.stack().server.url}/widget.js" data-site="haitao" async></script>`);
    await shoot(admin, 'zh-CN');
    await admin.getByRole('combobox', { name: /语言|language/i }).selectOption('en');
    await expectVisible(admin.getByRole('heading', { name: /^sites$/i }), 'Switched to English, the sites page has no heading "Sites".', { context: admin.locator('body') });
    await shoot(admin, 'en');
  });

  step('a customer page on another port with that code shows the widget with the site greeting, questions and colour', async () => {
    const visitor = journey.page('visitor');
    customer!.setSnippet(snippet);
    await visitor.goto(`${customer!.origin}/`);
    const launcher = visitor.getByRole('button', { name: WIDGET.launcher }).first();
    await launcher.click({ timeout: 20_000 });
    const panel: Locator = visitor.getByRole('dialog', { name: WIDGET.panel });
    const body = visitor.locator('body');
    for (const question of QUESTIONS) {
      await expectVisible(panel.getByRole('button', { name: question }), `The widget does not offer the site's question ${question}.`, { context: body, timeout: 15_000 });
    }
    await expectVisible(panel.getByText(WELCOME), "The widget does not show the site's welcome text.", { context: body });
    const background = await launcher.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(15, 118, 110)');
    const shot = join(SHOTS, 'widget-zh-CN-1280.png');
    await visitor.screenshot({ path: shot });
    copyFileSync(shot, join(SCREENS_DIR, 'sites-admin-widget-zh-CN-1280.png'));

    // A question no entry asks word for word goes as if typed: the visitor's message, then the bot's turn.
    const log = panel.getByRole('log');
    const before = await messageItems(log).count();
    await panel.getByRole('button', { name: QUESTIONS[1] }).click();
    await expectVisible(messageItems(log).filter({ hasText: QUESTIONS[1]! }), 'Tapping the site question sends no message.', { context: body });
    await expect.poll(() => messageItems(log).count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 2);
  });

  step('the customer page closes', async () => {
    await customer?.close();
  });
});
