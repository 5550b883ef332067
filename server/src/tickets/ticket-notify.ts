/**
 * Who hears about a ticket on /agent: its assignee, the members of its department, and every
 * supervisor and admin (they see every ticket). Alerts (at risk, breached, escalated) go to the
 * assignee and every supervisor and admin, and on escalation to the escalation group's members too.
 */
import { roleAtLeast, type TicketAlert, type TicketEvent } from '@kefu/shared';
import { rooms, type KefuContext } from '../context.ts';
import type { TicketRecord } from '../storage/ticket-storage.ts';
import { ticketView } from './ticket-views.ts';
import { SLA_POLICY, ticketCalendar } from './ticket-settings.ts';

async function supervisors(ctx: KefuContext): Promise<string[]> {
  return (await ctx.storage.listAgentLoads()).filter((l) => !l.agent.disabledAt && roleAtLeast(l.agent.role, 'supervisor')).map((l) => l.agent.id);
}

async function membersOf(ctx: KefuContext, department: string | undefined): Promise<string[]> {
  if (!department) return [];
  return (await ctx.storage.getDepartment(department))?.members ?? [];
}

/** Everyone who may see the ticket. */
export async function watchersOf(ctx: KefuContext, t: TicketRecord): Promise<string[]> {
  const ids = new Set([...(await supervisors(ctx)), ...(await membersOf(ctx, t.department))]);
  if (t.assigneeId) ids.add(t.assigneeId);
  return [...ids];
}

/** Pushes the ticket's new view (and its new thread entries) to everyone who may see it. */
export async function pushTicket(ctx: KefuContext, t: TicketRecord, events: readonly TicketEvent[] = []): Promise<void> {
  const [watchers, calendar, assignee] = await Promise.all([watchersOf(ctx, t), ticketCalendar(ctx), t.assigneeId ? ctx.storage.getAgent(t.assigneeId) : undefined]);
  if (watchers.length === 0) return;
  const view = ticketView(t, assignee?.name, ctx.now(), calendar, SLA_POLICY.thresholds);
  const to = ctx.agents.to(watchers.map(rooms.agent));
  to.emit('ticket', view);
  for (const e of events) to.emit('ticketEvent', e);
}

/** Tells the assignee, every supervisor and admin (and on escalation the escalation group) about an SLA alert. */
export async function pushAlert(ctx: KefuContext, t: TicketRecord, alert: Omit<TicketAlert, 'ticketId' | 'number' | 'title' | 'tier' | 'at' | 'assigneeId' | 'department'>, alsoDepartment?: string): Promise<string[]> {
  const ids = new Set([...(await supervisors(ctx)), ...(await membersOf(ctx, alsoDepartment))]);
  if (t.assigneeId) ids.add(t.assigneeId);
  const full: TicketAlert = {
    ticketId: t.id,
    number: t.number,
    title: t.title,
    tier: t.tier,
    ...alert,
    ...(t.assigneeId ? { assigneeId: t.assigneeId } : {}),
    ...(t.department ? { department: t.department } : {}),
    at: ctx.now(),
  };
  const recipients = [...ids];
  if (recipients.length) ctx.agents.to(recipients.map(rooms.agent)).emit('ticketAlert', full);
  return recipients;
}
