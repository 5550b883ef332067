// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { KbEntryView, KbTryResult } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { fakeFetch, type FakeRoutes } from '../../test/fake-fetch.ts';
import { translator } from '../i18n/translate.ts';
import { I18nContext } from './i18n-context.ts';
import { KbPage } from './kb-page.tsx';

const thresholds = { answer: 0.25, margin: 0.08, marginFloor: 0.225, suggest: 0.22 };
const entries: KbEntryView[] = [
  { id: 'weekend-hours', question: '周末有人工客服吗？', answer: '周末 **10:00-18:00** 有人工在线客服。' },
  { id: 'hotline', question: '客服热线是多少？', answer: '热线 400-XXX-XXXX。' },
];
const answered: KbTryResult = {
  reading: 'answer',
  lang: 'zh-CN',
  entry: { id: 'weekend-hours', question: '周末有人工客服吗？', answer: '周末 **10:00-18:00** 有人工在线客服。' },
  candidates: [
    { id: 'weekend-hours', question: '周末有人工客服吗？', score: 0.72 },
    { id: 'hotline', question: '客服热线是多少？', score: 0.18 },
  ],
  thresholds,
};

function setup(routes: FakeRoutes, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const requests = fakeFetch({ 'GET /api/kb/entries?lang=zh-CN': { body: { entries } }, 'GET /api/kb/entries?lang=en': { body: { entries } }, ...routes });
  render(
    <I18nContext.Provider value={{ lang, t: translator(lang) }}>
      <KbPage />
    </I18nContext.Provider>,
  );
  return { user: userEvent.setup(), requests };
}

describe('KbPage', () => {
  it('tries a question and shows what the bot would answer, with each candidate against the bars', async () => {
    const { user, requests } = setup({ 'POST /api/kb/try': { body: answered } });
    const form = screen.getByRole('form', { name: '试一试' });
    const button = within(form).getByRole('button', { name: '试一试' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await user.type(within(form).getByRole('textbox', { name: '访客的问题' }), '礼拜六找得到人吗');
    await user.click(button);
    const status = within(form).getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('机器人会回答“周末有人工客服吗？”'));
    // The answer as the visitor reads it, without Markdown's marks.
    expect(status.textContent).toContain('周末 10:00-18:00 有人工在线客服。');
    const table = within(status).getByRole('table', { name: '候选条目（回答门槛 25%，追问门槛 22%）' });
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['周末有人工客服吗？ weekend-hours72%', '客服热线是多少？ hotline18%']);
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ text: '礼拜六找得到人吗' });
  });

  it("shows an entry's own bar beside its confidence, in both languages", async () => {
    const own: KbTryResult = {
      reading: 'decline',
      lang: 'zh-CN',
      candidates: [
        { id: 'forgot-password', question: '忘记密码怎么办？', score: 0.21, bar: 0.23 },
        { id: 'hotline', question: '客服热线是多少？', score: 0.18 },
      ],
      thresholds: { ...thresholds, answer: 0.2 },
    };
    for (const lang of ['zh-CN', 'en'] as const) {
      const listed = [...entries, { id: 'forgot-password', question: '忘记密码怎么办？', answer: '在登录页点“忘记密码”。', bar: 0.23 }];
      const { user } = setup({ 'POST /api/kb/try': { body: own }, [`GET /api/kb/entries?lang=${lang}`]: { body: { entries: listed } } }, lang);
      await screen.findByText('forgot-password');
      const t = translator(lang);
      const form = screen.getByRole('form', { name: t('kbTryTitle') });
      await user.type(within(form).getByRole('textbox', { name: t('kbTryQuestion') }), '头疼怎么办');
      await user.click(within(form).getByRole('button', { name: t('kbTryButton') }));
      const table = await within(form).findByRole('table');
      const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
      expect(rows).toEqual([lang === 'en' ? '忘记密码怎么办？ forgot-passwordown bar 23%21%' : '忘记密码怎么办？ forgot-password本条门槛 23%21%', '客服热线是多少？ hotline18%']);
      // The entries list marks it too, and only it.
      const list = screen.getByRole('list');
      expect(within(list).getAllByText(lang === 'en' ? 'own bar 23%' : '本条门槛 23%')).toHaveLength(1);
      expect(within(list).getByText(lang === 'en' ? 'own bar 23%' : '本条门槛 23%').closest('li')!.textContent).toContain('forgot-password');
      document.body.innerHTML = '';
    }
  });

  it('says when the question is about something the knowledge base never mentions, and what that did to the scores', async () => {
    const foreign: KbTryResult = {
      reading: 'decline',
      lang: 'zh-CN',
      candidates: [{ id: 'onsite-fee', question: '上门服务怎么收费？', score: 0.215 }],
      thresholds,
      offTopic: { words: ['黄金'], factor: 0.5 },
    };
    for (const lang of ['zh-CN', 'en'] as const) {
      const { user } = setup({ 'POST /api/kb/try': { body: foreign } }, lang);
      const t = translator(lang);
      const form = screen.getByRole('form', { name: t('kbTryTitle') });
      await user.type(within(form).getByRole('textbox', { name: t('kbTryQuestion') }), '黄金价格多少');
      await user.click(within(form).getByRole('button', { name: t('kbTryButton') }));
      const status = within(form).getByRole('status');
      await waitFor(() =>
        expect(status.textContent).toContain(
          lang === 'en' ? 'The question is about something this knowledge base never mentions (黄金): every candidate’s score counts at 50%' : '问题说的是本知识库从未提到的事（黄金），每个候选的分数只按 50% 计',
        ),
      );
      document.body.innerHTML = '';
    }
    // Without such words nothing is said.
    setup({ 'POST /api/kb/try': { body: answered } });
    const form = screen.getByRole('form', { name: '试一试' });
    await userEvent.setup().type(within(form).getByRole('textbox', { name: '访客的问题' }), '礼拜六找得到人吗');
    await userEvent.setup().click(within(form).getByRole('button', { name: '试一试' }));
    await waitFor(() => expect(within(form).getByRole('status').textContent).toContain('周末有人工客服吗'));
    expect(within(form).getByRole('status').textContent).not.toContain('从未提到');
  });

  it('sends the chosen language, says what a decline, a handoff or small talk means, and shows a refusal in words', async () => {
    let reply: { status?: number; body: unknown } = { body: { reading: 'decline', lang: 'en', candidates: [], thresholds } };
    const { user, requests } = setup({ 'POST /api/kb/try': () => reply });
    const form = screen.getByRole('form', { name: '试一试' });
    await user.selectOptions(within(form).getByRole('combobox', { name: '按语言' }), 'en');
    await user.type(within(form).getByRole('textbox', { name: '访客的问题' }), 'what is the meaning of life');
    await user.click(within(form).getByRole('button', { name: '试一试' }));
    const status = within(form).getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('机器人答不上来，会请访客换个说法，或转人工客服。'));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ text: 'what is the meaning of life', lang: 'en' });

    reply = { body: { reading: 'handoff', lang: 'zh-CN', candidates: [], thresholds } };
    await user.click(within(form).getByRole('button', { name: '试一试' }));
    await waitFor(() => expect(status.textContent).toContain('机器人会为访客排队转人工'));
    reply = { status: 400, body: { code: 'bad_request', message: 'text: message too long' } };
    await user.click(within(form).getByRole('button', { name: '试一试' }));
    await waitFor(() => expect(status.textContent).toBe('请求无效。 text: message too long'));
    expect(within(status).queryByRole('table')).toBeNull();
  });

  it('lists every entry with its answer, and filters them by question, id or answer', async () => {
    const { user } = setup({});
    const list = await screen.findByRole('region', { name: '全部条目（2）' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    await user.type(within(list).getByRole('searchbox', { name: '筛选' }), '400');
    await waitFor(() => expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('summary')?.textContent)).toEqual(['客服热线是多少？ hotline']));
    await user.clear(within(list).getByRole('searchbox', { name: '筛选' }));
    await user.type(within(list).getByRole('searchbox', { name: '筛选' }), '没有这种');
    expect(await within(list).findByText('没有符合的条目。')).toBeTruthy();
  });

  it('reads in English', async () => {
    const { user } = setup({ 'POST /api/kb/try': { body: { reading: 'small_talk', lang: 'en', candidates: [], thresholds } } }, 'en');
    const form = screen.getByRole('form', { name: 'Try it' });
    await user.type(within(form).getByRole('textbox', { name: "A visitor's question" }), 'hello');
    await user.click(within(form).getByRole('button', { name: 'Try it' }));
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('This is small talk: the bot replies politely without the knowledge base.'));
    expect(await screen.findByRole('region', { name: 'All entries (2)' })).toBeTruthy();
  });
});
