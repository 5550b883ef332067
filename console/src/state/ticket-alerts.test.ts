import type { TicketAlert } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { MAX_TICKET_ALERTS, addTicketAlert, dropTicketAlerts } from './ticket-alerts.ts';

const alert = (n: number, kind: TicketAlert['kind'] = 'at_risk'): TicketAlert => ({
  ticketId: `tk${n}`,
  number: `T20261130-000${n}`,
  title: `工单 ${n}`,
  tier: 'normal',
  kind,
  at: n,
});

describe('ticket alerts held for the banner', () => {
  it('keeps the newest first, one per ticket at its most serious, a handful at most', () => {
    let held = addTicketAlert([], alert(1));
    held = addTicketAlert(held, alert(2));
    held = addTicketAlert(held, alert(1, 'breached'));
    held = addTicketAlert(held, { ...alert(2), at: 99 });
    expect(held.map((a) => [a.number, a.kind, a.at])).toEqual([
      ['T20261130-0002', 'at_risk', 99],
      ['T20261130-0001', 'breached', 1],
    ]);
    // A less serious alert after a more serious one changes nothing; an escalation replaces the breach.
    expect(addTicketAlert(held, { ...alert(1), at: 100 })).toBe(held);
    held = addTicketAlert(held, { ...alert(1, 'escalated'), at: 101 });
    expect(held.map((a) => [a.number, a.kind])).toEqual([
      ['T20261130-0001', 'escalated'],
      ['T20261130-0002', 'at_risk'],
    ]);
    for (let n = 3; n < 10; n++) held = addTicketAlert(held, alert(n));
    expect(held).toHaveLength(MAX_TICKET_ALERTS);
    expect(held[0]!.number).toBe('T20261130-0009');
  });

  it('drops every alert about a ticket at once, and keeps the same list when there is none', () => {
    const held = [alert(1), alert(1, 'breached'), alert(2)];
    expect(dropTicketAlerts(held, 'T20261130-0001')).toEqual([alert(2)]);
    expect(dropTicketAlerts(held, 'T20261130-0005')).toBe(held);
  });
});
