/**
 * 知识库 / Knowledge base in Chromium: an agent tries questions as a visitor would type them and reads what the bot
 * does (the hotline answer with its number, a request for a human), with the candidates' confidence; the demo's
 * entries are all listed and filter by a word; an entry that a reload gave a bar of its own shows it beside its
 * confidence; a question about something the content never mentions says so. Photographed in zh-CN and en at 1280 and
 * 390 px.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { KbTryResult } from '@kefu/shared';
import { openSqliteStorage } from '@kefu/server';
import { ADMIN, HOTLINE, RESULTS_DIR, browserJourney, describeBrowser, expectVisible, signIn } from '../src/index.ts';

const SHOTS = join(RESULTS_DIR, 'kb-tester');

describeBrowser('知识库: trying questions on the bot', (chromiumPath) => {
  const journey = browserJourney(chromiumPath, { agent: {} }, () => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const { step } = journey;
  const ready = () => ({ stack: journey.stack(), agent: journey.page('agent') });
  const tester = (agent: Page): Locator => agent.getByRole('form', { name: /^(试一试|try it)$/i });

  async function ask(agent: Page, question: string): Promise<Locator> {
    await tester(agent).getByRole('textbox', { name: /访客的问题|visitor's question/i }).fill(question);
    await tester(agent).getByRole('button', { name: /^(试一试|try it)$/i }).click();
    return tester(agent).getByRole('status');
  }

  async function photograph(agent: Page, lang: string): Promise<void> {
    for (const width of [1280, 390]) {
      await agent.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      await agent.screenshot({ path: join(SHOTS, `tester-${lang}-${width}.png`) });
    }
    await agent.setViewportSize({ width: 1280, height: 800 });
  }

  step('1. a hotline question gets the hotline answer with its number; the candidates show their confidence', async () => {
    const { stack, agent } = ready();
    await signIn(agent, stack.server.url, ADMIN);
    await agent.getByRole('link', { name: /^(知识库|knowledge base)$/i }).click();
    const status = await ask(agent, '客服电话多少');
    await expectVisible(status.getByText(/机器人会回答/), 'Trying 客服电话多少 did not say what the bot answers.', { context: tester(agent) });
    await expectVisible(status.getByText(HOTLINE).first(), 'The tried answer does not show the hotline number.', { context: status });
    const rows = status.getByRole('table').getByRole('row');
    await expectVisible(rows.nth(1).getByText(/\d+%/), 'The candidates do not show a confidence.', { context: status });
    await photograph(agent, 'zh-CN');
  });

  step('2. 转人工 reads as a request for a human; the entries list holds the demo content and filters by a word', async () => {
    const { agent } = ready();
    const status = await ask(agent, '转人工');
    await expectVisible(status.getByText(/转人工/), 'Trying 转人工 did not say the bot hands off.', { context: status });
    const list = agent.getByRole('region', { name: /全部条目（\d+）/ });
    await expectVisible(list, 'The page lists no entries.');
    const count = Number((await list.getByRole('heading').textContent())?.match(/\d+/)?.[0]);
    if (!(count >= 50)) throw new Error(`The entries list counts ${count} entries; the demo content has about 90.`);
    await list.getByRole('searchbox').fill('热线');
    await expectVisible(list.getByRole('listitem').first(), 'Filtering the entries by 热线 left none.', { context: list });
    const left = await list.getByRole('listitem').count();
    if (left >= count) throw new Error(`Filtering by 热线 kept all ${count} entries.`);
  });

  step('3. in English: an English question, read in English', async () => {
    const { agent } = ready();
    await agent.getByRole('combobox', { name: /语言|language/i }).first().selectOption('en');
    const status = await ask(agent, 'is the hotline free to call');
    await expectVisible(status.getByText(/the bot answers with/i), 'In English the tester did not say what the bot answers.', { context: tester(agent) });
    await photograph(agent, 'en');
  });

  step('4. an entry with a bar of its own (kept in the database across a restart) shows it beside its confidence, and below it the bot declines', async () => {
    const { stack, agent } = ready();
    const question = '拨400要付话费吗';
    const before = (await (await agent.request.post(`${stack.server.url}/api/kb/try`, { data: { text: question } })).json()) as KbTryResult;
    if (before.reading !== 'answer') throw new Error(`${question} was not answered before the restart: ${before.reading}`);
    const top = before.candidates[0]!;
    // As a reload that found this entry answering small talk would have stored it with the served bar.
    await stack.restartServer(async () => {
      const storage = openSqliteStorage(join(stack.server.dataDir, 'kefu.sqlite'));
      try {
        const served = JSON.parse((await storage.getSetting('kb.servedCalibration'))!) as Record<string, unknown>;
        await storage.setSetting('kb.servedCalibration', JSON.stringify({ ...served, entryBars: { [top.id]: Math.round((top.score + 0.05) * 1000) / 1000 } }));
      } finally {
        await storage.close();
      }
    });
    for (const lang of ['en', 'zh-CN']) {
      await agent.goto(`${stack.server.url}/console/`);
      await agent.getByRole('link', { name: /^(知识库|knowledge base)$/i }).click();
      if (lang === 'zh-CN') await agent.getByRole('combobox', { name: /语言|language/i }).first().selectOption('zh-CN');
      const status = await ask(agent, question);
      await expectVisible(status.getByText(/答不上来|cannot answer/i), `Below its own bar the entry ${top.id} is still answered or suggested.`, { context: status });
      const first = status.getByRole('table').getByRole('row').nth(1);
      await expectVisible(first.getByText(/本条门槛 \d+%|own bar \d+%/), `The entry ${top.id} does not show its own bar.`, { context: status });
      const list = agent.getByRole('region', { name: /全部条目|all entries/i });
      await list.getByRole('searchbox').fill(top.id);
      await expectVisible(list.getByRole('listitem').filter({ hasText: top.id }).getByText(/本条门槛 \d+%|own bar \d+%/), `The entries list does not mark ${top.id}'s own bar.`, { context: list });
      await photograph(agent, `own-bar-${lang}`);
      await list.getByRole('searchbox').fill('');
    }
  });

  step('5. a question about something the content never mentions (黄金价格多少) is declined, and the tester says why its scores are low', async () => {
    const { stack, agent } = ready();
    for (const lang of ['en', 'zh-CN']) {
      await agent.goto(`${stack.server.url}/console/`);
      await agent.getByRole('link', { name: /^(知识库|knowledge base)$/i }).click();
      await agent.getByRole('combobox', { name: /语言|language/i }).first().selectOption(lang);
      const status = await ask(agent, '黄金价格多少');
      await expectVisible(status.getByText(/答不上来|cannot answer/i), '黄金价格多少 is still answered or suggested.', { context: status });
      await expectVisible(status.getByText(/从未提到的事（黄金）|never mentions \(黄金\)/), 'The tester does not say that 黄金 is foreign to the content.', { context: status });
      await photograph(agent, `off-topic-${lang}`);
    }
  });
});
