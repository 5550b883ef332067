/**
 * A complaint's whole journey in Chromium: the visitor files 我要投诉，系统崩溃，数据丢失 and accepts 紧急 (the
 * confirmation names the number, 紧急 and 15 分钟内响应); the agent finds it in 工单, moves it to 处理中,
 * replies publicly, then 待用户确认 and 已解决; the visitor sees the reply and 已解决 in 我的工单 and rates it
 * there (five named stars, a comment, a thank-you); the agent's ticket shows the rating and comment.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, WIDGET, browserJourney, describeBrowser, expectVisible, signIn, visibleText } from '../src/index.ts';

const NUMBER = /T\d{8}-\d{4,6}/;
const REPLY = '您好，数据已从昨晚的备份恢复，请登录确认。';
const COMMENT = '恢复得很快，谢谢';
const STATUS = /^(状态|status)$/i;

describeBrowser('a complaint from the widget worked to 已解决 in the console and rated in 我的工单', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { visitor: {}, agent: {} });
  const { step } = journey;
  const panel = (p: Page): Locator => p.getByRole('dialog', { name: WIDGET.panel });
  let number = '';

  const heading = (agent: Page): Locator => agent.getByRole('heading', { level: 2, name: new RegExp(number) });
  async function setStatus(agent: Page, shown: string): Promise<void> {
    const form = agent.getByRole('form', { name: /处理工单|update ticket/i });
    await form.getByRole('combobox', { name: STATUS }).selectOption({ label: shown });
    await form.getByRole('button', { name: /保存更改|save changes/i }).click();
    const badges = heading(agent).locator('xpath=..');
    await expectVisible(badges.getByText(new RegExp(`^${shown}$`)), `After saving, the ticket's header does not show ${shown}.`, { context: badges });
  }

  step('1. the visitor files 我要投诉，系统崩溃，数据丢失 as 紧急 and gets the number and 15 分钟内响应', async () => {
    const visitor = journey.page('visitor');
    await visitor.goto(journey.stack().hostPage.url);
    await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await panel(visitor).getByRole('textbox', { name: WIDGET.input }).fill('我要投诉，系统崩溃，数据丢失');
    await panel(visitor).getByRole('button', { name: WIDGET.send }).click();
    const form = panel(visitor).getByRole('form', { name: /投诉/ });
    await expectVisible(form, 'Typing the complaint opened no complaint form.', { context: panel(visitor), timeout: 15_000 });
    expect(await form.getByRole('radio', { name: '紧急' }).isChecked(), 'The form did not propose 紧急.').toBe(true);
    await form.getByRole('textbox', { name: /联系方式/ }).fill('wang@example.com');
    await form.getByRole('button', { name: /提交投诉/ }).click();
    const done = panel(visitor).getByRole('region', { name: '投诉已提交' });
    await expectVisible(done, 'No confirmation after submitting the complaint.', { context: panel(visitor), timeout: 15_000 });
    const text = await visibleText(done);
    number = NUMBER.exec(text)?.[0] ?? '';
    expect(number, `No ticket number in: ${text}`).not.toBe('');
    expect(text).toContain('紧急');
    expect(text).toContain('15 分钟内响应');
  });

  step('2. the agent opens it from 工单, moves it to 处理中 and replies publicly', async () => {
    const { server } = journey.stack();
    const agent = journey.page('agent');
    await signIn(agent, server.url, ADMIN);
    await agent.getByRole('link', { name: /^(工单|tickets?)$/i }).click();
    const row = agent.getByRole('listitem', { name: new RegExp(number) });
    await expectVisible(row, `The ticket list does not show ${number}.`, { context: agent.locator('body'), timeout: 15_000 });
    expect(await visibleText(row)).toContain('紧急');
    await row.getByRole('link', { name: new RegExp(number) }).click();
    await expectVisible(heading(agent), `Opening ${number} shows no heading with its number.`);
    await setStatus(agent, '处理中');
    await agent.getByRole('button', { name: /^(公开回复|public reply)$/i }).click();
    await agent.getByRole('textbox', { name: /回复内容|reply text/i }).fill(REPLY);
    await agent.getByRole('button', { name: /发送公开回复|send public reply/i }).click();
    const thread = agent.getByRole('region', { name: /处理记录|thread/i });
    await expectVisible(thread.getByRole('listitem').filter({ hasText: REPLY }), 'The public reply does not show in the thread.', { context: thread });
  });

  step('3. the agent moves it to 待用户确认, then 已解决', async () => {
    const agent = journey.page('agent');
    await setStatus(agent, '待用户确认');
    await setStatus(agent, '已解决');
  });

  step('4. the visitor sees the reply and 已解决 in 我的工单 and rates it 5 stars with a comment', async () => {
    const visitor = journey.page('visitor');
    await panel(visitor).getByRole('button', { name: /我的工单/ }).click();
    const row = panel(visitor).getByRole('button', { name: new RegExp(number) });
    await expectVisible(row, `我的工单 does not list ${number}.`, { context: panel(visitor), timeout: 15_000 });
    expect(await visibleText(row)).toContain('已解决');
    await row.click();
    const detail = panel(visitor).getByRole('region', { name: /系统崩溃/ });
    await expectVisible(detail.getByText(REPLY), 'The ticket does not show the agent’s reply.', { context: panel(visitor), timeout: 15_000 });
    expect(await visibleText(detail)).toContain('已解决');
    const stars = detail.getByRole('radiogroup', { name: '评价' });
    await expectVisible(stars, 'The resolved ticket offers no rating.', { context: detail });
    await stars.getByRole('radio', { name: '5 星' }).check();
    await detail.getByRole('textbox', { name: /补充意见/ }).fill(COMMENT);
    await detail.getByRole('button', { name: '提交评价' }).click();
    await expectVisible(detail.getByText('感谢您的评价！'), 'No thank-you after rating.', { context: detail, timeout: 15_000 });
    await expectVisible(detail.getByText('您的评价：5 星'), 'The rating given does not show.', { context: detail });
    expect(await detail.getByRole('radiogroup').count(), 'The rating form is still offered after rating.').toBe(0);
  });

  step('5. the agent’s ticket shows the rating and the comment', async () => {
    const agent = journey.page('agent');
    await agent.reload();
    const card = agent.getByRole('region', { name: '满意度评价' });
    await expectVisible(card, 'The ticket does not show the customer’s rating.', { timeout: 15_000 });
    const text = await visibleText(card);
    expect(text).toContain('5 星（满分 5 星）');
    expect(text).toContain(COMMENT);
  });
});
