// @vitest-environment happy-dom
import type { Ack, VisitorTicket, VisitorTicketDetail } from '@kefu/shared';
import { within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostPanel, TicketsHost } from './api.ts';
import { attach } from './main.ts';

const HOUR = 3_600_000;
const RESOLVED = Date.UTC(2026, 10, 30, 6, 0);

const resolved: VisitorTicket = {
  number: 'T20261130-0001',
  title: '系统崩溃，数据丢失',
  kind: 'complaint',
  tier: 'urgent',
  status: 'resolved',
  owner: '主管王',
  clocks: [],
  createdAt: RESOLVED - 5 * HOUR,
  updatedAt: RESOLVED,
};
const thread = [
  { author: 'customer' as const, text: '系统崩溃，数据丢失', createdAt: RESOLVED - 5 * HOUR },
  { author: 'agent' as const, name: '主管王', text: '数据已恢复。', createdAt: RESOLVED - HOUR },
];
const ok = <T>(data: T): Ack<T> => ({ ok: true, data });

/** The chat client as the chunk sees it; each event answers from `answers`. */
function fakeHost(answers: Record<string, (payload: unknown) => Ack<unknown>>) {
  const sent: { event: string; payload: unknown }[] = [];
  const host: TicketsHost = {
    state: { status: 'online', messages: [] },
    subscribe: () => () => {},
    io: {
      emit(event, payload, ack) {
        sent.push({ event, payload });
        queueMicrotask(() => ack(answers[event]?.(payload) ?? { ok: false, error: { code: 'not_found', message: 'no' } }));
      },
      on() {},
    },
  };
  return { host, sent };
}

function panel(): HostPanel {
  const p = document.createElement('div') as HostPanel;
  p.setAttribute('role', 'dialog');
  p.innerHTML = '<header class="h"><h2>在线客服</h2><button type="button" aria-label="最小化">x</button></header><div class="lg"></div>';
  document.body.append(p);
  return p;
}

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('rating a resolved ticket in 我的工单', () => {
  it('offers five named stars and a comment while the survey is open; submitting thanks the visitor and shows the rating given', async () => {
    const user = userEvent.setup();
    let detail: VisitorTicketDetail = { ticket: resolved, replies: thread, satisfaction: { state: 'offered', until: RESOLVED + 48 * HOUR } };
    const fake = fakeHost({
      myTickets: () => ok({ tickets: [resolved] }),
      ticket: () => ok(detail),
      rateTicket: (p) => {
        const { score, comment } = p as { score: number; comment?: string };
        detail = { ...detail, satisfaction: { state: 'rated', score, ...(comment ? { comment } : {}), at: RESOLVED + HOUR } };
        return ok(detail);
      },
    });
    const p = panel();
    attach(p, fake.host, 'zh-CN');
    const ui = within(p);
    await user.click(ui.getByRole('button', { name: '我的工单' }));
    await user.click(await ui.findByRole('button', { name: /T20261130-0001/ }));
    const stars = await ui.findByRole('radiogroup', { name: '评价' });
    expect(within(stars).getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual(['1 星', '2 星', '3 星', '4 星', '5 星']);
    expect(ui.getByText('请为本次工单处理打分')).toBeTruthy();
    const submit = ui.getByRole('button', { name: '提交评价' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);

    await user.click(ui.getByRole('radio', { name: '4 星' }));
    expect(p.querySelectorAll('.stars label.on')).toHaveLength(4);
    await user.type(ui.getByRole('textbox', { name: '补充意见（选填）' }), ' 处理及时，谢谢 ');
    await user.click(submit);
    expect(fake.sent.at(-1)).toEqual({ event: 'rateTicket', payload: { number: 'T20261130-0001', score: 4, comment: '处理及时，谢谢' } });
    expect(await ui.findByText('感谢您的评价！')).toBeTruthy();
    expect(ui.getByText('您的评价：4 星')).toBeTruthy();
    expect(ui.getByText('处理及时，谢谢')).toBeTruthy();
    expect(ui.queryByRole('radiogroup')).toBeNull();
    // The replies still show under it.
    expect(ui.getByText('数据已恢复。')).toBeTruthy();

    // Coming back later: the rating given, no form.
    await user.click(ui.getByRole('button', { name: '工单列表' }));
    await user.click(await ui.findByRole('button', { name: /T20261130-0001/ }));
    expect(await ui.findByText('您的评价：4 星')).toBeTruthy();
    expect(ui.queryByRole('button', { name: '提交评价' })).toBeNull();
  });

  it('shows no survey before resolution or after the window, and says so when the server refuses (English)', async () => {
    const user = userEvent.setup();
    let satisfaction: VisitorTicketDetail['satisfaction'] = { state: 'none' };
    const fake = fakeHost({
      myTickets: () => ok({ tickets: [resolved] }),
      ticket: () => ok({ ticket: resolved, replies: thread, satisfaction }),
      rateTicket: () => ({ ok: false, error: { code: 'invalid_state', message: 'A ticket can be rated within 48 hours of being resolved' } }),
    });
    const p = panel();
    attach(p, fake.host, 'en');
    const ui = within(p);
    await user.click(ui.getByRole('button', { name: 'My tickets' }));
    await user.click(await ui.findByRole('button', { name: /T20261130-0001/ }));
    expect(await ui.findByText('数据已恢复。')).toBeTruthy();
    expect(ui.queryByRole('radiogroup')).toBeNull();

    // Offered when the view was drawn, closed by the time it is sent.
    satisfaction = { state: 'offered', until: RESOLVED + 48 * HOUR };
    await user.click(ui.getByRole('button', { name: 'Ticket list' }));
    await user.click(await ui.findByRole('button', { name: /T20261130-0001/ }));
    expect(await ui.findByRole('radiogroup', { name: 'Rate' })).toBeTruthy();
    await user.click(ui.getByRole('radio', { name: '1 star' }));
    await user.click(ui.getByRole('button', { name: 'Submit rating' }));
    expect((await ui.findByText('This ticket has been rated already or can no longer be rated.')).getAttribute('role')).toBe('alert');
    expect((ui.getByRole('button', { name: 'Submit rating' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
