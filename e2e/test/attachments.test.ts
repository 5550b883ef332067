/**
 * Attachments in Chromium, across two browser contexts: the visitor pastes a PNG into the widget on
 * a customer page (another origin) and the agent sees the thumbnail; a chosen HTML file named .png is
 * refused; the agent sends a PDF from the console and the visitor downloads it. Screenshots of both
 * sides in zh-CN and English, at 1280 and 390 px.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  ADMIN,
  CONSOLE,
  RESULTS_DIR,
  WIDGET,
  defineSteps,
  describeBrowser,
  expectVisible,
  messageItems,
  queueLocator,
  recordPageProblems,
  signIn,
  startStack,
  visibleText,
  type Stack,
  screenshotPng,
} from '../src/index.ts';

/** INTERFACES.md: the attach control in the widget and the console. */
const ATTACH = /附件|上传|文件|图片|attach|upload|file/i;
const REFUSED = /只能发送|only images/i;


const SCREENSHOT = screenshotPng(320, 200);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

/** Pastes a file into the widget's message box, as a clipboard holding a screenshot would. */
async function pasteFile(input: Locator, name: string, bytes: Buffer, type: string): Promise<void> {
  await input.evaluate(
    (el, file) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
    },
    { name, bytes: [...bytes], type },
  );
}

/** Clicks an attach button and answers the file chooser it opens. */
async function chooseFile(page: Page, button: Locator, name: string, bytes: Buffer, mimeType: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), button.first().click({ timeout: 5_000 })]);
  await chooser.setFiles({ name, mimeType, buffer: bytes });
}

/** True once the image has loaded and decoded (not a broken-image box). */
const loaded = (img: Locator) => img.first().evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0).catch(() => false);

describeBrowser('attachments: a pasted PNG reaches the agent, HTML named .png is refused, the agent\'s PDF downloads', (chromiumPath) => {
  let stack: Stack | undefined;
  const contexts: BrowserContext[] = [];
  let visitor: Page | undefined;
  let agent: Page | undefined;
  const problems: Record<string, () => string[]> = {};

  beforeAll(async () => {
    stack = await startStack(chromiumPath);
    for (const actor of ['visitor', 'agent'] as const) {
      const context = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      problems[actor] = recordPageProblems(page);
      if (actor === 'visitor') visitor = page;
      else agent = page;
    }
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
  const body = (page: Page): Locator => page.locator('body');

  step('1. the agent signs in; the visitor opens the chat and asks for a human, and the agent has the conversation', async () => {
    const { stack, visitor, agent } = ready();
    await signIn(agent, stack.server.url, ADMIN);
    await visitor.goto(stack.hostPage.url);
    await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await expectVisible(panel(visitor), 'Clicking the launcher opened no chat panel.', { timeout: 15_000 });
    await panel(visitor).getByRole('textbox', { name: WIDGET.input }).first().fill('我的订单页面报错了');
    await panel(visitor).getByRole('button', { name: WIDGET.send }).first().click({ timeout: 5_000 });
    await panel(visitor).getByRole('button', { name: WIDGET.human }).first().click({ timeout: 5_000 });
    // Routing may hand the conversation to this (only) agent at once; else it waits in the queue.
    const take = queueLocator(agent).getByRole('button', { name: CONSOLE.take });
    const reply = agent.getByRole('textbox', { name: CONSOLE.reply });
    await expectVisible(take.or(reply), 'The agent neither saw the visitor in the queue nor got the conversation.', { context: body(agent), timeout: 20_000 });
    if (await take.first().isVisible()) await take.first().click({ timeout: 5_000 });
    await expectVisible(reply, 'The console shows no reply box for the conversation.', { context: body(agent) });
    await expectVisible(agent.getByText('我的订单页面报错了'), "The console does not show the visitor's question.", { context: body(agent) });
  });

  step('2. the visitor pastes a PNG into the message box: a thumbnail in the widget, and the agent sees it', async () => {
    const { visitor, agent } = ready();
    const attach = panel(visitor).getByRole('button', { name: ATTACH });
    await expectVisible(attach, 'The widget offers no attach button (a button named 附件/上传/文件/图片/attach/upload/file).', { context: panel(visitor) });
    await pasteFile(panel(visitor).getByRole('textbox', { name: WIDGET.input }).first(), 'screenshot.png', SCREENSHOT, 'image/png');
    const mine = transcript(visitor).getByRole('img', { name: 'screenshot.png' });
    await expectVisible(mine, 'After pasting a PNG the widget transcript shows no image named screenshot.png.', { context: transcript(visitor), timeout: 15_000 });
    await expect.poll(() => loaded(mine), { timeout: 10_000, message: "The visitor's thumbnail never loaded (broken image)." }).toBe(true);
    const theirs = agent.getByRole('img', { name: 'screenshot.png' });
    await expectVisible(theirs, "The agent's console never showed the visitor's screenshot.png.", { context: body(agent), timeout: 15_000 });
    await expect.poll(() => loaded(theirs), { timeout: 10_000, message: "The agent's thumbnail never loaded (broken image)." }).toBe(true);
    const box = await theirs.first().boundingBox();
    expect(box && box.width <= 260 && box.height <= 200, `The console shows the image at full size instead of a thumbnail (${JSON.stringify(box)}).`).toBe(true);
  });

  step('3. an HTML file named .png chosen with the attach button is refused, and nothing reaches the agent', async () => {
    const { visitor, agent } = ready();
    await chooseFile(visitor, panel(visitor).getByRole('button', { name: ATTACH }), 'cat.png', HTML, 'image/png');
    await expect
      .poll(() => visibleText(panel(visitor).getByRole('status').filter({ hasText: REFUSED }), 1_000), {
        timeout: 10_000,
        message: 'Choosing an HTML file named cat.png showed no refusal (只能发送图片… / Only images…) in the widget.',
      })
      .toMatch(REFUSED);
    await visitor.waitForTimeout(500);
    expect(await transcript(visitor).getByText('cat.png').count(), 'The refused cat.png still appears in the transcript.').toBe(0);
    expect(await agent.getByText('cat.png').count(), 'The refused cat.png reached the console.').toBe(0);
  });

  step('4. the agent sends a PDF with the attach button; the visitor sees its name and size and downloads it', async () => {
    const { visitor, agent } = ready();
    const attach = agent.getByRole('button', { name: ATTACH });
    await expectVisible(attach, 'The console reply box offers no attach button (附件/上传/文件/图片/attach/upload/file).', { context: body(agent) });
    await chooseFile(agent, attach, '报价单.pdf', PDF, 'application/pdf');
    await expectVisible(agent.getByRole('link', { name: /报价单\.pdf/ }), 'The console shows no link for the PDF it sent.', { context: body(agent), timeout: 15_000 });
    const link = transcript(visitor).getByRole('link', { name: /报价单\.pdf/ });
    await expectVisible(link, 'The visitor never saw the agent\'s 报价单.pdf as a link.', { context: transcript(visitor), timeout: 15_000 });
    expect(await visibleText(messageItems(transcript(visitor)).filter({ hasText: /报价单\.pdf/ }).last()), 'The PDF link does not show its size.').toMatch(/\d+\s*B/);
    // The link is live once its signed address has been fetched.
    await expect.poll(() => link.first().getAttribute('href'), { timeout: 10_000, message: 'The PDF link never got an address.' }).toMatch(/\/api\/files\//);
    const [download] = await Promise.all([visitor.waitForEvent('download', { timeout: 15_000 }), link.first().click()]);
    expect(download.suggestedFilename(), 'The download is not named after the file.').toBe('报价单.pdf');
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString(), 'The downloaded file is not the PDF the agent sent.').toBe('%PDF-');
    expect(visitor.url(), 'Downloading the PDF navigated the visitor away from the page.').toContain(ready().stack.hostPage.url.replace(/\/$/, ''));
  });

  step('5. screenshots: the widget and the console with attachments, zh-CN at 1280 px', async () => {
    const { visitor, agent } = ready();
    await visitor.screenshot({ path: join(RESULTS_DIR, 'attachments-widget-zh-CN-1280.png') });
    await agent.screenshot({ path: join(RESULTS_DIR, 'attachments-console-zh-CN-1280.png') });
  });

  step('6. screenshots: an English visitor at 390 px pastes a PNG; the English console at 390 px', async () => {
    const { stack } = ready();
    const visitorEn = await stack.browser.newContext({ locale: 'en', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const agentEn = await stack.browser.newContext({ locale: 'en', viewport: { width: 390, height: 844 } });
    contexts.push(visitorEn, agentEn);
    const page = await visitorEn.newPage();
    problems.visitorEn = recordPageProblems(page);
    await page.goto(stack.hostPage.url);
    await page.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await expectVisible(panel(page), 'The English visitor got no chat panel.', { timeout: 15_000 });
    await expectVisible(panel(page).getByRole('button', { name: ATTACH }), 'The English widget offers no attach button.', { context: panel(page) });
    await pasteFile(panel(page).getByRole('textbox', { name: WIDGET.input }).first(), 'receipt.png', screenshotPng(240, 320), 'image/png');
    const thumb = transcript(page).getByRole('img', { name: 'receipt.png' });
    await expectVisible(thumb, 'The English visitor\'s pasted receipt.png shows no thumbnail.', { context: transcript(page), timeout: 15_000 });
    await expect.poll(() => loaded(thumb), { timeout: 10_000, message: 'The thumbnail at 390 px never loaded.' }).toBe(true);
    await chooseFile(page, panel(page).getByRole('button', { name: ATTACH }), 'page.png', HTML, 'image/png');
    await expect.poll(() => visibleText(panel(page).getByRole('status').filter({ hasText: REFUSED }), 1_000), { timeout: 10_000 }).toMatch(/only images/i);
    await page.screenshot({ path: join(RESULTS_DIR, 'attachments-widget-en-390.png') });

    const console390 = await agentEn.newPage();
    problems.agentEn = recordPageProblems(console390);
    await signIn(console390, stack.server.url, ADMIN);
    // The zh-CN visitor's conversation (with the screenshot and the PDF) is this agent's: open it.
    // Its list entry previews the latest visitor message (the screenshot's name).
    await console390.getByText('screenshot.png').first().click({ timeout: 10_000 });
    const thumb390 = console390.getByRole('img', { name: 'screenshot.png' });
    await expectVisible(thumb390, 'The English console at 390 px does not show the screenshot in the conversation.', { context: body(console390), timeout: 10_000 });
    await thumb390.first().scrollIntoViewIfNeeded({ timeout: 5_000 });
    await console390.screenshot({ path: join(RESULTS_DIR, 'attachments-console-en-390.png') });
    // And the English console at 1280 px, the widget in zh-CN at 390 px, for the other two corners.
    await console390.setViewportSize({ width: 1280, height: 800 });
    await console390.screenshot({ path: join(RESULTS_DIR, 'attachments-console-en-1280.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(RESULTS_DIR, 'attachments-widget-en-1280.png') });
    const { visitor, agent } = ready();
    await visitor.setViewportSize({ width: 390, height: 844 });
    await visitor.screenshot({ path: join(RESULTS_DIR, 'attachments-widget-zh-CN-390.png') });
    await agent.setViewportSize({ width: 390, height: 844 });
    await agent.screenshot({ path: join(RESULTS_DIR, 'attachments-console-zh-CN-390.png') });
  });
});
