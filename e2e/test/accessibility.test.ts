/**
 * Accessibility of every screen a visitor or an agent meets, checked with axe-core (WCAG 2.1 A and AA, serious and
 * critical findings): the demo page with the widget open in a conversation (answer, "did you mean", queue, agent
 * reply, rating), the complaint form and 我的工单; the console's sign-in, desk with a conversation open, 工单 and one
 * ticket, 历史, 知识库 with a tried question, 团队, 全部会话, 部门, 站点, the shortcuts dialog; the status page; the
 * desk and the widget in English; and the desk, 知识库 and the widget at phone width.
 */
import type { Page } from 'playwright-core';
import { ADMIN, CONSOLE, WIDGET, browserJourney, describeBrowser, expectAccessible, expectVisible, queueLocator, ratingChoice, sayInWidget, signIn, widgetPanel } from '../src/index.ts';

describeBrowser('accessibility (axe-core, WCAG 2.1 AA)', (chromiumPath) => {
  // The checker goes in as an inline script, which the server's Content-Security-Policy refuses on its own pages.
  const journey = browserJourney(chromiumPath, { visitor: { bypassCSP: true }, agent: { bypassCSP: true }, english: { bypassCSP: true, locale: 'en-US' } });
  const { step } = journey;
  const ready = () => ({ stack: journey.stack(), visitor: journey.page('visitor'), agent: journey.page('agent'), english: journey.page('english') });
  const panel = widgetPanel;
  const say = sayInWidget;
  const open = async (agent: Page, link: RegExp, heading: RegExp): Promise<void> => {
    await agent.getByRole('link', { name: link }).first().click();
    await expectVisible(agent.getByRole('heading', { name: heading }).first(), `The ${link} page shows no heading ${heading}.`, { context: agent.locator('body') });
  };

  step('1. the console sign-in, then the desk with the visitor taken: answer, did you mean and queue notices on both sides', async () => {
    const { stack, agent, visitor } = ready();
    await agent.goto(`${stack.server.url}/console`);
    await expectVisible(agent.getByRole('textbox', { name: CONSOLE.email }), 'The sign-in page has no email field.', { context: agent.locator('body'), timeout: 20_000 });
    await expectAccessible(agent, 'The console sign-in page');
    await signIn(agent, stack.server.url, ADMIN);

    await visitor.goto(`${stack.server.url}/`);
    await visitor.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await say(visitor, '周末有人吗');
    await say(visitor, '工单');
    await expectVisible(panel(visitor).getByText(/您是不是想问/).first(), 'The bare word 工单 got no "did you mean".', { context: panel(visitor) });
    await expectAccessible(visitor, 'The demo page with the widget answering');
    await panel(visitor).getByRole('button', { name: WIDGET.human }).first().click();
    const take = queueLocator(agent).getByRole('button', { name: CONSOLE.take });
    await expectVisible(take, 'The visitor never reached the queue.', { context: agent.locator('body') });
    await expectAccessible(agent, 'The desk with a visitor waiting');
    await take.first().click();
    await agent.getByRole('textbox', { name: CONSOLE.reply }).fill('您好，我来帮您看看。');
    await agent.keyboard.press('Enter');
    await expectVisible(panel(visitor).getByText('您好，我来帮您看看。'), 'The agent reply never reached the visitor.', { context: panel(visitor) });
    await expectAccessible(agent, 'The desk with a conversation open');
    await expectAccessible(visitor, 'The widget in a conversation with an agent');
  });

  step('2. closing: the rating form; then the complaint form and 我的工单 in the widget', async () => {
    const { agent, visitor } = ready();
    await agent.getByRole('button', { name: CONSOLE.close }).first().click();
    const confirm = agent.getByRole('button', { name: /确认结束|end it|confirm/i });
    if (await confirm.count()) await confirm.first().click();
    await expectVisible(ratingChoice(panel(visitor), 5), 'Closing showed the visitor no rating.', { context: panel(visitor) });
    await expectAccessible(visitor, 'The widget asking for a rating');
    await say(visitor, '我要投诉');
    await expectVisible(panel(visitor).getByRole('button', { name: /提交投诉/ }), '我要投诉 opened no complaint form.', { context: panel(visitor) });
    await expectAccessible(visitor, 'The widget complaint form');
    await panel(visitor).getByRole('button', { name: /我的工单/ }).click();
    await expectVisible(panel(visitor).getByRole('heading', { name: /我的工单/ }), '我的工单 did not open.', { context: panel(visitor) });
    await expectAccessible(visitor, 'The widget 我的工单');
  });

  step('3. every console page, one ticket, the shortcuts dialog and the public status page', async () => {
    const { stack, agent, visitor } = ready();
    await panel(visitor).getByRole('button', { name: /返回对话/ }).click();
    await say(visitor, '我要留言');
    await say(visitor, 'wang.fang@example.com');
    await say(visitor, '打印机连不上 Wi-Fi');
    await expectVisible(panel(visitor).getByText(/T\d{8}-\d{4,}/).first(), 'Leaving a message gave no ticket number.', { context: panel(visitor) });

    await open(agent, /^工单$/, /^工单$/);
    await expectAccessible(agent, 'The 工单 list');
    await agent.getByRole('listitem').filter({ hasText: '打印机' }).getByRole('link').first().click();
    await expectVisible(agent.getByRole('heading', { level: 2, name: /T\d{8}-\d{4,}/ }), 'The ticket did not open.', { context: agent.locator('body') });
    await expectAccessible(agent, 'A ticket');
    await open(agent, /^历史$/, /^历史会话$/);
    await expectAccessible(agent, 'The 历史 page');
    await open(agent, /^知识库$/, /^知识库$/);
    const tester = agent.getByRole('form', { name: '试一试' });
    await tester.getByRole('textbox', { name: '访客的问题' }).fill('上门修要钱吗');
    await tester.getByRole('button', { name: '试一试' }).click();
    await expectVisible(tester.getByRole('status').getByText(/机器人/), 'The tried question got no reading.', { context: tester });
    await expectAccessible(agent, 'The 知识库 page with a tried question');
    for (const [link, heading] of [
      [/^团队$/, /客服团队/],
      [/^全部会话$/, /全部进行中的会话/],
      [/^部门$/, /^部门$/],
      [/^站点$/, /^站点$/],
    ] as const) {
      await open(agent, link, heading);
      await expectAccessible(agent, `The ${heading.source} page`);
    }
    await agent.getByRole('button', { name: /快捷键/ }).click();
    await expectVisible(agent.getByRole('dialog', { name: /键盘快捷键/ }), 'The shortcuts dialog did not open.');
    await expectAccessible(agent, 'The shortcuts dialog');
    await agent.keyboard.press('Escape');

    await visitor.goto(`${stack.server.url}/status`);
    await expectVisible(visitor.getByRole('heading', { name: /工单状态查询/ }), 'The status page shows no heading.');
    await expectAccessible(visitor, 'The status page');
  });

  step('4. in English: the widget answering and the desk', async () => {
    const { stack, english } = ready();
    await english.goto(`${stack.server.url}/`);
    await english.getByRole('button', { name: WIDGET.launcher }).first().click({ timeout: 20_000 });
    await say(english, 'is the hotline free');
    await expectVisible(panel(english).getByText(/400-/).first(), 'The English question got no answer.', { context: panel(english) });
    await expectAccessible(english, 'The English widget');
    await signIn(english, stack.server.url, ADMIN);
    await expectAccessible(english, 'The English desk');
  });

  step('5. at phone width (390 px): the desk, 知识库 and the widget', async () => {
    const { agent, english } = ready();
    await agent.setViewportSize({ width: 390, height: 844 });
    await english.setViewportSize({ width: 390, height: 844 });
    await agent.getByRole('link', { name: /^工作台$/ }).click();
    // The closed conversation is still open: the phone shows it alone, with the way back to the lists.
    const back = agent.getByRole('button', { name: /会话列表/ });
    await expectVisible(back, 'The phone desk shows the open conversation without 会话列表.', { context: agent.locator('body') });
    await expectAccessible(agent, 'A conversation on a phone');
    await back.click();
    await expectVisible(agent.getByRole('heading', { name: /我的会话/ }), 'The phone desk shows no 我的会话.', { context: agent.locator('body') });
    await expectAccessible(agent, 'The desk lists on a phone');
    await open(agent, /^知识库$/, /^知识库$/);
    await expectAccessible(agent, 'The 知识库 page on a phone');
    await english.goto(english.url().replace(/\/console.*$/, '/'));
    // The widget comes back open, as the visitor left it; on a phone the panel covers its launcher.
    await english.getByRole('button', { name: WIDGET.launcher }).first().waitFor({ timeout: 20_000 });
    if (!(await panel(english).isVisible())) await english.getByRole('button', { name: WIDGET.launcher }).first().click();
    await expectVisible(panel(english), 'The widget did not open on a phone.');
    await expectAccessible(english, 'The widget on a phone');
  });
});
