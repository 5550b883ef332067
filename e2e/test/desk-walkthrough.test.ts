/**
 * The team desk from start to end, in one stack with a browser context per person: the admin invites B into
 * 技术支持 and B joins; a visitor asks a technical question, asks for a human and is given to B at once;
 * each side sees the other typing; the visitor pastes a PNG (B sees the thumbnail), an HTML file named .png is
 * refused, B's PDF downloads; B inserts a canned reply with `/`, adds a note the visitor never sees, and
 * transfers to C (投诉与建议) with a note: the visitor is told, C sees transcript and notes. A second visitor
 * reaches B; the supervisor sees both live conversations and gives the second to C, which leaves B's list.
 * Last, the admin disables C and C's console is signed out within 5 s.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  ADMIN,
  CONSOLE,
  WIDGET,
  browserJourney,
  describeBrowser,
  expectVisible,
  messageItems,
  queueLocator,
  signIn,
  visibleText,
  screenshotPng,
} from '../src/index.ts';

/** Names from INTERFACES.md (Desk table). */
const TEAM = /客服管理|成员|团队|agents|team/i;
const INVITE = /邀请|invite/i;
const ATTACH = /附件|上传|文件|图片|attach|upload|file/i;
const TRANSFER = /转接|转给|transfer/i;
const NOTE_CONTROL = /备注|内部|note/i;
const CANNED = /快捷|常用|canned|saved/i;
const LIVE = /监控|全部会话|supervis|all conversations/i;
const MINE = /我的会话|my conversations/i;
const VISITOR_TYPING = /访客正在输入|visitor is typing/i;
const AGENT_TYPING = /客服正在输入|agent is typing/i;
const REFUSED = /只能发送|only images/i;

/** Demo knowledge-base questions of the 技术支持 department (the bot's answer files the conversation there). */
const TECH_QUESTION = '客服可以远程协助吗？';
const TECH_QUESTION_2 = '可以视频指导我操作吗？';
const NOTE = '老客户，远程协助失败过一次';
const TRANSFER_NOTE = '客户要投诉上次的远程协助，请 C 跟进';
const THANKS = '感谢您的耐心等待。';
const PASSWORD = 'a long enough password';


const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

/** Pastes a file into an input as a clipboard holding a screenshot would: a real paste event carrying a File. */
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

describeBrowser('the team desk walkthrough: invite, handoff, files, canned reply, note, transfer, supervision, disabling', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { admin: {}, b: {}, c: {}, sup: {}, visitor: { acceptDownloads: true }, visitor2: {} });
  const { step } = journey;
  const page = journey.page;
  const url = () => journey.stack().server.url;
  const panel = (p: Page): Locator => p.getByRole('dialog', { name: WIDGET.panel });
  const transcript = (p: Page): Locator => panel(p).getByRole('log');
  const body = (p: Page): Locator => p.locator('body');
  const replyBox = (p: Page): Locator => p.getByRole('textbox', { name: CONSOLE.reply }).first();
  const mine = (p: Page): Locator => p.getByRole('list', { name: MINE });
  let started = 0;
  /** The supervisor's row of the conversation `agent` holds (by its agent cell: every row's assign list names all agents). */
  const liveRow = (p: Page, agent: string): Locator => p.getByRole('table').getByRole('row').filter({ has: p.getByRole('cell', { name: agent, exact: true }) });

  /** A colleague the admin invited over HTTP (the invite screen itself is walked with B), signed in to the console. */
  async function colleague(p: Page, email: string, role: 'agent' | 'supervisor', department: string | undefined, name: string): Promise<void> {
    const login = await fetch(`${url()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const invited = await fetch(`${url()}/api/team/invites`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ email, role, ...(department ? { department } : {}) }),
    });
    expect(invited.status, await invited.clone().text()).toBe(201);
    const token = ((await invited.json()) as { invite: { path: string } }).invite.path.split('/').at(-1)!;
    const accepted = await fetch(`${url()}/api/team/invites/${token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password: PASSWORD }),
    });
    expect(accepted.status, await accepted.clone().text()).toBe(201);
    await signIn(p, url(), { email, password: PASSWORD });
  }

  /**
   * The visitor opens the chat on the customer page, asks `question` and asks for a human: after reading the bot's answer,
   * or (`readAnswer` false) as soon as the question is on screen, before the answer has come.
   */
  async function askForHuman(p: Page, question: string, readAnswer = true): Promise<void> {
    await p.goto(journey.stack().hostPage.url);
    await p.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await expectVisible(panel(p), 'Clicking the launcher opened no chat panel.', { timeout: 15_000 });
    await panel(p).getByRole('textbox', { name: WIDGET.input }).first().fill(question);
    await panel(p).getByRole('button', { name: WIDGET.send }).first().click({ timeout: 5_000 });
    // The bot's answer is a message below the question (the welcome comes before it).
    const shown = async (): Promise<'none' | 'asked' | 'answered'> => {
      const texts = await messageItems(transcript(p)).allInnerTexts();
      const at = texts.findIndex((t) => t.includes(question));
      return at < 0 ? 'none' : at < texts.length - 1 ? 'answered' : 'asked';
    };
    if (readAnswer) await expect.poll(shown, { timeout: 15_000, message: 'The bot never answered the question.' }).toBe('answered');
    else await expect.poll(shown, { timeout: 15_000, message: 'The question never showed in the transcript.' }).not.toBe('none');
    const human = panel(p).getByRole('button', { name: WIDGET.human });
    await expectVisible(human, 'The chat panel offers no 转人工 button.', { context: panel(p) });
    await human.first().click();
  }

  step('1. the admin invites B into 技术支持 on the team page; B opens the link, joins and is in the console', async () => {
    started = Date.now();
    const admin = page('admin');
    const b = page('b');
    await signIn(admin, url(), ADMIN);
    await admin.getByRole('link', { name: TEAM }).or(admin.getByRole('tab', { name: TEAM })).first().click();
    await expectVisible(admin.getByRole('table'), 'The team page shows no table of agents.', { context: body(admin) });
    await admin.getByRole('button', { name: INVITE }).first().click();
    await admin.getByRole('textbox', { name: /邮箱|email/i }).fill('b@kefu.test');
    await admin.getByRole('combobox', { name: /部门|department/i }).selectOption({ label: '技术支持' });
    await admin.getByRole('button', { name: /生成|create/i }).click();
    const link = admin.getByRole('textbox', { name: /邀请链接|invite link/i });
    await expectVisible(link, 'After creating the invite the admin sees no invite link to copy.', { context: body(admin) });
    const inviteUrl = await link.inputValue();

    await b.goto(inviteUrl);
    await expectVisible(b.getByText('b@kefu.test'), 'The invite screen does not say which account is invited.', { context: body(b) });
    await b.getByRole('textbox', { name: /显示名|display name/i }).fill('小B');
    await b.getByLabel(/密码|password/i).fill(PASSWORD);
    await b.getByRole('button', { name: /加入|join/i }).click();
    await queueLocator(b).first().waitFor({ state: 'attached', timeout: 15_000 });
    await expectVisible(b.getByText('小B'), 'After joining, the console does not show B by name.', { context: body(b) });
    // Done with the invite, the admin's table is read again and lists B.
    await admin.getByRole('button', { name: /完成|done/i }).click();
    const row = admin.getByRole('row', { name: /小B/ });
    await expectVisible(row.getByText('技术支持'), "The admin's team table shows no 小B in 技术支持.", { context: body(admin), timeout: 10_000 });
  });

  step('2. C (投诉与建议) and a supervisor are on the team and signed in', async () => {
    await Promise.all([colleague(page('c'), 'c@kefu.test', 'agent', 'complaints', '小C'), colleague(page('sup'), 'sup@kefu.test', 'supervisor', undefined, '主管')]);
  });

  step('3. a visitor asks a technical question, asks for a human and is given to B at once (no queue)', async () => {
    const visitor = page('visitor');
    const b = page('b');
    await askForHuman(visitor, TECH_QUESTION);
    const item = mine(b).getByRole('button').filter({ hasText: TECH_QUESTION });
    await expectVisible(item, "The technical question never reached B's 我的会话 on its own (auto-assignment to 技术支持).", { context: body(b), timeout: 15_000 });
    expect(await queueLocator(b).getByRole('button', { name: CONSOLE.take }).count(), 'The conversation waits in the queue instead of going to B.').toBe(0);
    await expect.poll(() => visibleText(transcript(visitor), 4_000), { timeout: 10_000, message: 'The visitor is not told that 小B is serving them.' }).toContain('小B');
    await item.first().click();
    await expectVisible(b.getByRole('log').getByText(TECH_QUESTION), "B does not see the visitor's question in the transcript.", { context: body(b) });
  });

  step('4. typing is seen both ways, and B\'s reply reaches the visitor', async () => {
    const visitor = page('visitor');
    const b = page('b');
    await panel(visitor).getByRole('textbox', { name: WIDGET.input }).first().pressSequentially('连不上', { delay: 50 });
    await expectVisible(b.getByText(VISITOR_TYPING), 'While the visitor typed, B saw no 访客正在输入….', { context: body(b) });
    await panel(visitor).getByRole('textbox', { name: WIDGET.input }).first().press('Enter');
    await expectVisible(b.getByRole('log').getByText('连不上'), "B never saw the visitor's message.", { context: body(b) });
    await replyBox(b).pressSequentially('请把报错截图发给我', { delay: 40 });
    await expectVisible(panel(visitor).getByText(AGENT_TYPING), 'While B typed, the visitor saw no 客服正在输入….', { context: panel(visitor) });
    await replyBox(b).press('Enter');
    await expectVisible(transcript(visitor).getByText('请把报错截图发给我'), "The visitor never saw B's reply.", { context: transcript(visitor) });
  });

  step('5. the visitor pastes a PNG and B sees the thumbnail; an HTML file named .png is refused; B\'s PDF downloads', async () => {
    const visitor = page('visitor');
    const b = page('b');
    await pasteFile(panel(visitor).getByRole('textbox', { name: WIDGET.input }).first(), 'error.png', screenshotPng(320, 200), 'image/png');
    const thumb = b.getByRole('log').getByRole('img', { name: 'error.png' });
    await expectVisible(thumb, "B's console never showed the pasted error.png.", { context: body(b), timeout: 15_000 });
    await expect.poll(() => loaded(thumb), { timeout: 10_000, message: "B's thumbnail never loaded (broken image)." }).toBe(true);
    const box = await thumb.first().boundingBox();
    expect(box && box.width <= 260 && box.height <= 200, `B sees the image at full size, not a thumbnail (${JSON.stringify(box)}).`).toBe(true);

    await chooseFile(visitor, panel(visitor).getByRole('button', { name: ATTACH }), 'cat.png', HTML, 'image/png');
    await expect
      .poll(() => visibleText(panel(visitor).getByRole('status').filter({ hasText: REFUSED }), 1_000), { timeout: 10_000, message: 'An HTML file named cat.png was not refused in the widget.' })
      .toMatch(REFUSED);

    await chooseFile(b, b.getByRole('button', { name: ATTACH }), '排障步骤.pdf', PDF, 'application/pdf');
    const link = transcript(visitor).getByRole('link', { name: /排障步骤\.pdf/ });
    await expectVisible(link, "The visitor never saw B's 排障步骤.pdf.", { context: transcript(visitor), timeout: 15_000 });
    await expect.poll(() => link.first().getAttribute('href'), { timeout: 10_000, message: 'The PDF link never got an address.' }).toMatch(/\/api\/files\//);
    const [download] = await Promise.all([visitor.waitForEvent('download', { timeout: 15_000 }), link.first().click()]);
    expect(download.suggestedFilename()).toBe('排障步骤.pdf');
    expect(readFileSync(await download.path()).subarray(0, 5).toString(), 'The download is not the PDF B sent.').toBe('%PDF-');
    // The refused file reached nobody (the PDF, sent after it, did).
    expect(await transcript(visitor).getByText('cat.png').count(), 'The refused cat.png still appears in the transcript.').toBe(0);
    expect(await b.getByText('cat.png').count(), 'The refused cat.png reached B.').toBe(0);
  });

  step('6. B types /感谢, picks the canned reply with Enter, sends it, and the visitor reads it', async () => {
    const b = page('b');
    await replyBox(b).click();
    await b.keyboard.type('/感谢');
    const list = b.getByRole('listbox', { name: CANNED });
    await expectVisible(list, 'Typing /感谢 opened no list of canned replies.', { context: body(b) });
    await expect.poll(() => list.getByRole('option').first().textContent(), { message: 'The first canned reply for /感谢 is not 感谢您的耐心等待。' }).toContain(THANKS);
    await b.keyboard.press('Enter');
    await expect.poll(() => replyBox(b).inputValue(), { message: 'Enter did not insert the canned reply.' }).toBe(THANKS);
    await b.keyboard.press('Enter');
    await expectVisible(messageItems(transcript(page('visitor'))).filter({ hasText: THANKS }), 'The canned reply never reached the visitor.', { context: transcript(page('visitor')) });
  });

  step('7. B adds an internal note: shown to B as a note', async () => {
    const b = page('b');
    await b.getByRole('checkbox', { name: NOTE_CONTROL }).check();
    await replyBox(b).fill(NOTE);
    await b.getByRole('button', { name: /添加备注|add note/i }).click();
    await expectVisible(b.getByRole('article', { name: /内部备注|internal note/i }).filter({ hasText: NOTE }), 'The note does not appear as an internal note.', { context: body(b) });
    await b.getByRole('checkbox', { name: NOTE_CONTROL }).uncheck();
  });

  step('8. B transfers to C with a note: the visitor is told (and sees no note), it leaves B\'s list, C sees transcript and notes', async () => {
    const b = page('b');
    const c = page('c');
    const visitor = page('visitor');
    await b.getByRole('button', { name: TRANSFER }).first().click();
    const dialog = b.getByRole('dialog', { name: TRANSFER });
    await expectVisible(dialog, 'The transfer button opened no dialog.', { context: body(b) });
    const cOption = dialog.getByRole('combobox').first().locator('option', { hasText: '小C' });
    await expect.poll(() => cOption.isEnabled().catch(() => false), { timeout: 10_000, message: 'C is not selectable in the transfer dialog.' }).toBe(true);
    await dialog.getByRole('combobox').first().selectOption((await cOption.getAttribute('value'))!);
    await dialog.getByRole('textbox').fill(TRANSFER_NOTE);
    await dialog.getByRole('button', { name: /确认转接|^transfer$/i }).click();
    await expect.poll(() => visibleText(transcript(visitor), 4_000), { timeout: 10_000, message: 'The visitor was not told of the transfer to 小C.' }).toMatch(/转接(给客服 ?|至)小C|transferred to 小C/);
    // The transfer notice came after both notes were written: had a note been sent to the visitor, it would be here.
    const seen = await visibleText(transcript(visitor), 100_000);
    expect(seen).not.toContain(NOTE);
    expect(seen).not.toContain(TRANSFER_NOTE);
    await mine(b).getByRole('button').filter({ hasText: TECH_QUESTION }).waitFor({ state: 'detached', timeout: 5_000 });

    const item = mine(c).getByRole('button').filter({ hasText: /连不上|error\.png/ });
    await expectVisible(item, "The transferred conversation does not appear in C's 我的会话.", { context: body(c), timeout: 10_000 });
    await item.first().click();
    const log = c.getByRole('log');
    await expectVisible(log.getByText(TECH_QUESTION), "C does not see the visitor's question.", { context: body(c) });
    await expectVisible(log.getByRole('img', { name: 'error.png' }), 'C does not see the pasted screenshot.', { context: log });
    await expectVisible(log.getByText(NOTE), "C does not see B's note.", { context: log });
    await expectVisible(log.getByText(TRANSFER_NOTE), 'C does not see the transfer note.', { context: log });
  });

  step('9. a second visitor asks for a human before the bot has answered and still reaches B; the supervisor sees both live conversations', async () => {
    const b = page('b');
    const sup = page('sup');
    // The handoff follows the question's department even when the tap comes before the answer that names it.
    await askForHuman(page('visitor2'), TECH_QUESTION_2, false);
    await expectVisible(mine(b).getByRole('button').filter({ hasText: TECH_QUESTION_2 }), "The second visitor never reached B's 我的会话.", { context: body(b), timeout: 15_000 });
    await sup.getByRole('link', { name: LIVE }).or(sup.getByRole('tab', { name: LIVE })).first().click();
    const table = sup.getByRole('table');
    await expectVisible(liveRow(sup, '小C'), 'The supervisor does not see the conversation with 小C.', { context: body(sup) });
    await expectVisible(liveRow(sup, '小B'), 'The supervisor does not see the conversation with 小B.', { context: body(sup) });
    expect(await table.getByRole('row').count(), 'The live table does not list exactly the two live conversations.').toBe(3);
  });

  step('10. the supervisor gives the second visitor to C: it leaves B\'s list and B is told', async () => {
    const b = page('b');
    const sup = page('sup');
    const row = liveRow(sup, '小B');
    const visitorName = (await row.getByRole('rowheader').innerText()).trim();
    const pick = row.getByRole('combobox', { name: /分配给|assign to/i });
    const cOption = pick.locator('option', { hasText: '小C' });
    await expect.poll(() => cOption.isEnabled().catch(() => false), { timeout: 10_000, message: 'C is not offered in the assign list.' }).toBe(true);
    await pick.selectOption((await cOption.getAttribute('value'))!);
    await row.getByRole('button', { name: /^(分配|assign)$/i }).click();
    await mine(b)
      .getByRole('button')
      .filter({ hasText: TECH_QUESTION_2 })
      .waitFor({ state: 'detached', timeout: 5_000 })
      .catch(() => {
        throw new Error("The reassigned conversation stays in B's 我的会话.");
      });
    // Named by visitor: B's own transfer a moment ago may have left its notice about 小C.
    const told = b.getByRole('alert').filter({ hasText: visitorName }).filter({ hasText: '小C' });
    await expectVisible(told, `B is not told that ${visitorName}'s conversation went to 小C.`, { context: body(b), timeout: 5_000 });
    await expectVisible(mine(page('c')).getByRole('button').filter({ hasText: TECH_QUESTION_2 }), "The reassigned conversation is not in C's 我的会话.", { context: body(page('c')) });
  });

  step('11. the admin disables C on the team page: C\'s console is signed out within 5 s', async () => {
    const admin = page('admin');
    const c = page('c');
    // The team page reads the team when it opens: C joined after the admin's last visit.
    await admin.getByRole('link', { name: /^(工作台|desk)$/i }).click();
    await admin.getByRole('link', { name: TEAM }).or(admin.getByRole('tab', { name: TEAM })).first().click();
    const row = admin.getByRole('row', { name: /小C/ });
    await expectVisible(row, 'The team table has no row for 小C.', { context: body(admin), timeout: 10_000 });
    const disabledAt = Date.now();
    await row.getByRole('button', { name: /停用|disable/i }).click();
    await expectVisible(row.getByText(/已停用|disabled/i), "C's row does not say C is disabled.", { context: row });
    await c.getByRole('button', { name: CONSOLE.signIn }).waitFor({ state: 'visible', timeout: 5_000 });
    const elapsed = Date.now() - disabledAt;
    console.log(`C's console signed out ${elapsed} ms after the admin disabled C; the walkthrough took ${Date.now() - started} ms`);
    expect(elapsed).toBeLessThanOrEqual(5_000);
  });
});
