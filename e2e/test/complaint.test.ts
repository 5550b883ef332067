/**
 * A complaint from the widget in Chromium: the visitor types 我要投诉，系统崩溃两天了，数据全丢了！ and the bot's
 * reply opens the complaint form with that text and 紧急 proposed; with a contact it submits, and the
 * confirmation shows the ticket number, 紧急, the response time and the complaint timeline; 我的工单 lists
 * it 待处理 and opens it. The same in English. Screenshots (zh-CN and en, 1280 and 375 px) go to
 * e2e/test-results/complaint/ and the screens folder (`SCREENS_DIR`).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { RESULTS_DIR, SCREENS_DIR, WIDGET, browserJourney, describeBrowser, expectVisible, visibleText } from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'complaint');
const NUMBER = /T\d{8}-\d{4,6}/;
const UI = {
  myTickets: /我的工单|my tickets/i,
  what: /发生了什么|what happened/i,
  contact: /联系方式|contact/i,
  submit: /提交投诉|submit complaint/i,
};

describeBrowser('a complaint from the widget: form with the proposed tier, confirmation, 我的工单', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { visitor: {}, english: { locale: 'en' } }, () => void [SHOTS, SCREENS_DIR].forEach((dir) => mkdirSync(dir, { recursive: true })));
  const { step } = journey;
  const panel = (p: Page): Locator => p.getByRole('dialog', { name: WIDGET.panel });
  let number = '';

  /** At 1280 and 375 px, into the results and the notes. */
  async function shoot(p: Page, name: string): Promise<void> {
    for (const width of [1280, 375]) {
      await p.setViewportSize({ width, height: width === 375 ? 740 : 800 });
      await p.waitForTimeout(200);
      const file = join(SHOTS, `${name}-${width}.png`);
      await p.screenshot({ path: file });
      copyFileSync(file, join(SCREENS_DIR, `complaint-${name}-${width}.png`));
    }
    await p.setViewportSize({ width: 1280, height: 800 });
  }

  async function complain(p: Page, text: string): Promise<Locator> {
    await p.goto(journey.stack().hostPage.url);
    await p.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await panel(p).getByRole('textbox', { name: WIDGET.input }).fill(text);
    await panel(p).getByRole('button', { name: WIDGET.send }).click();
    const form = panel(p).getByRole('form', { name: /投诉|complaint/i });
    await expectVisible(form, 'Typing a complaint opened no complaint form.', { context: panel(p), timeout: 15_000 });
    return form;
  }

  step('1. 我要投诉，系统崩溃两天了，数据全丢了！ opens the complaint form with the text and 紧急 proposed', async () => {
    const visitor = journey.page('visitor');
    const form = await complain(visitor, '我要投诉，系统崩溃两天了，数据全丢了！');
    expect(await form.getByRole('textbox', { name: UI.what }).inputValue()).toBe('系统崩溃两天了，数据全丢了！');
    expect(await form.getByRole('radio', { name: '紧急' }).isChecked(), 'The form did not propose 紧急.').toBe(true);
    expect(await visibleText(form)).toContain('根据您的描述建议为“紧急”');
    // It takes the transcript's and composer's place.
    expect(await panel(visitor).getByRole('textbox', { name: WIDGET.input }).isVisible()).toBe(false);
    await form.getByRole('button', { name: UI.submit }).click();
    expect(await visibleText(form)).toContain('请填写有效的手机号或邮箱');
    await shoot(visitor, 'form-zh-CN');
  });

  step('2. submitted with a contact, the confirmation shows number, 紧急, the response time and the timeline', async () => {
    const visitor = journey.page('visitor');
    const form = panel(visitor).getByRole('form', { name: /投诉/ });
    await form.getByRole('textbox', { name: UI.contact }).fill('wang@example.com');
    await form.getByRole('button', { name: UI.submit }).click();
    const done = panel(visitor).getByRole('region', { name: '投诉已提交' });
    await expectVisible(done, 'No confirmation after submitting the complaint.', { context: panel(visitor), timeout: 15_000 });
    const text = await visibleText(done);
    number = NUMBER.exec(text)?.[0] ?? '';
    expect(number, `No ticket number in: ${text}`).not.toBe('');
    expect(text).toContain('紧急');
    expect(text).toContain('15 分钟内响应');
    for (const stepName of ['初步响应', '受理', '调查核实', '处理反馈']) expect(text).toContain(stepName);
    expect(text).toContain('投诉与建议');
    await shoot(visitor, 'confirmation-zh-CN');
  });

  step('3. 我的工单 lists it 待处理 and opens it with its description', async () => {
    const visitor = journey.page('visitor');
    await panel(visitor).getByRole('button', { name: UI.myTickets }).click();
    const row = panel(visitor).getByRole('button', { name: new RegExp(number) });
    await expectVisible(row, `我的工单 does not list ${number}.`, { context: panel(visitor), timeout: 15_000 });
    expect(await visibleText(row)).toContain('待处理');
    await shoot(visitor, 'my-tickets-zh-CN');
    await row.click();
    const detail = panel(visitor).getByRole('region', { name: /系统崩溃/ });
    await expectVisible(detail.getByText('系统崩溃两天了，数据全丢了！').last(), 'The ticket does not show its description.', { context: panel(visitor), timeout: 15_000 });
    expect(await visibleText(detail)).toContain('待处理');
    await expectVisible(detail.getByRole('textbox', { name: '补充信息' }), 'No box to add information.', { context: detail });
    await shoot(visitor, 'ticket-zh-CN');
    await panel(visitor).getByRole('button', { name: '返回对话' }).click();
    await expectVisible(panel(visitor).getByRole('textbox', { name: WIDGET.input }), 'Back to chat did not bring the composer back.', { context: panel(visitor) });
  });

  step('4. in English: the form proposes Urgent, the confirmation says when we respond, My tickets lists it Open', async () => {
    const english = journey.page('english');
    const form = await complain(english, 'I want to complain: the app crashed and all my data is lost');
    expect(await form.getByRole('radio', { name: 'Urgent' }).isChecked(), 'The form did not propose Urgent.').toBe(true);
    await form.getByRole('textbox', { name: UI.contact }).fill('+86 138 0013 8000');
    await shoot(english, 'form-en');
    await form.getByRole('button', { name: UI.submit }).click();
    const done = panel(english).getByRole('region', { name: 'Complaint received' });
    await expectVisible(done, 'No confirmation after submitting the complaint.', { context: panel(english), timeout: 15_000 });
    const text = await visibleText(done);
    expect(text).toMatch(NUMBER);
    expect(text).toContain('Urgent');
    expect(text).toContain('We will respond within 15 min');
    await shoot(english, 'confirmation-en');
    await panel(english).getByRole('button', { name: UI.myTickets }).click();
    const row = panel(english).getByRole('button', { name: NUMBER });
    await expectVisible(row, 'My tickets lists nothing.', { context: panel(english), timeout: 15_000 });
    expect(await visibleText(row)).toContain('Open');
    await shoot(english, 'my-tickets-en');
  });
});
