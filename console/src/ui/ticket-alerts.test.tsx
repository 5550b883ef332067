// @vitest-environment happy-dom
import { act, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { TicketAlert } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { NOW } from '../../test/ticket-fixtures.ts';
import { TicketAlertBanner, useTicketAlerts } from './ticket-alerts.tsx';

const alert = (over: Partial<TicketAlert> = {}): TicketAlert => ({
  ticketId: 'tk1',
  number: 'T20261130-0001',
  title: '系统崩溃，数据丢失',
  tier: 'urgent',
  kind: 'at_risk',
  clock: 'response',
  dueAt: NOW + 3 * 60_000,
  at: NOW,
  ...over,
});

let push: (a: TicketAlert) => void = () => undefined;
function Harness({ openNumber }: { openNumber?: string }) {
  const alerts = useTicketAlerts(openNumber);
  push = alerts.push;
  return (
    <>
      <p data-testid="count">{alerts.alerts.length}</p>
      <TicketAlertBanner alerts={alerts.alerts} onDismiss={alerts.dismiss} />
    </>
  );
}

const banner = () => screen.getByRole('alert', { name: '工单提醒' });

describe('ticket alerts', () => {
  it('shows what happened to which ticket with a link to it, one line per ticket, newest first', () => {
    render(<Harness />);
    act(() => {
      push(alert());
      push(alert({ ticketId: 'tk2', number: 'T20261130-0002', title: '发票开错了', kind: 'breached' }));
      push(alert({ kind: 'at_risk', at: NOW + 1 }));
    });
    const lines = [...banner().querySelectorAll('p')];
    expect(lines.map((p) => p.textContent)).toEqual([' 工单 T20261130-0001 即将超时：系统崩溃，数据丢失', ' 工单 T20261130-0002 已超时：发票开错了']);
    expect(within(banner()).getByRole('link', { name: '查看工单 T20261130-0002' }).getAttribute('href')).toBe('#/tickets/T20261130-0002');
    // The tab title adds these to its count.
    expect(screen.getByTestId('count').textContent).toBe('2');
  });

  it('goes away when dismissed, or when the agent opens the ticket; none while it is on screen', async () => {
    const { rerender } = render(<Harness />);
    act(() => {
      push(alert());
      push(alert({ ticketId: 'tk2', number: 'T20261130-0002', kind: 'escalated', reason: 'reopens' }));
    });
    await userEvent.setup().click(within(banner()).getAllByRole('button', { name: '知道了' })[0]!);
    expect(banner().textContent).not.toContain('T20261130-0002');
    rerender(<Harness openNumber="T20261130-0001" />);
    expect(banner().textContent).toBe('');
    act(() => push(alert({ kind: 'breached' })));
    expect(screen.getByTestId('count').textContent).toBe('0');
  });
});
