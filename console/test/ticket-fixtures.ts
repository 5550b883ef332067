/** Tickets, threads and colleagues for the console's ticket component tests, shaped as the server's views. */
import type { Department, Ticket, TicketClock, TicketEvent, TransferTarget } from '@kefu/shared';

export const NOW = new Date('2026-11-30T10:00:00+08:00').getTime();
const MIN = 60_000;

export const clock = (over: Partial<TicketClock> & Pick<TicketClock, 'clock'>): TicketClock => ({
  dueAt: NOW + 60 * MIN,
  promisedMs: 120 * MIN,
  state: 'ok',
  used: 0.5,
  paused: false,
  met: false,
  ...over,
});

export const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 'tk1',
  number: 'T20261130-0001',
  title: '系统崩溃，数据丢失',
  description: '今天早上开始系统打不开，\n昨天的数据全没了。',
  department: 'tech',
  tier: 'urgent',
  plan: 'professional',
  priority: false,
  kind: 'fault',
  requester: { name: '王芳', email: 'wang@example.com', phone: '13800000000' },
  assignee: { id: 'a2', name: '韩梅梅' },
  status: 'open',
  reopenCount: 0,
  escalated: false,
  clocks: [clock({ clock: 'response', dueAt: NOW + 25 * MIN })],
  sla: 'ok',
  nextDueAt: NOW + 25 * MIN,
  createdAt: NOW - 30 * MIN,
  updatedAt: NOW - 10 * MIN,
  ...over,
});

export const agents: TransferTarget[] = [
  { id: 'a1', name: '李雷', presence: 'online', departments: ['tech'], full: false },
  { id: 'a2', name: '韩梅梅', presence: 'online', departments: [], full: false },
];

export const departments: Department[] = [
  { key: 'tech', nameZh: '技术支持', nameEn: 'Technical support', members: ['a1'] },
  { key: 'complaints', nameZh: '投诉与建议', nameEn: 'Complaints & suggestions', members: [] },
];

/** Who is signed in: a supervisor (may assign to anyone) or a plain agent (韩梅梅 herself). */
export const supervisor = { id: 'a9', name: '周主管', role: 'supervisor' as const };
export const plainAgent = { id: 'a2', name: '韩梅梅', role: 'agent' as const };

/** The socket client's colleague list, without a socket. */
export const fakeClient = { listAgents: async () => ({ ok: true as const, data: { agents } }) };

let seq = 0;
export const event = (over: Partial<TicketEvent> & Pick<TicketEvent, 'type'>): TicketEvent => ({
  id: `ev${++seq}`,
  ticketId: 'tk1',
  public: false,
  author: { kind: 'system' },
  createdAt: NOW - 20 * MIN,
  ...over,
});
