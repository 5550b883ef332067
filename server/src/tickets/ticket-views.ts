/** Storage records as the agents' Ticket and TicketEvent views (@kefu/shared). */
import type { Ticket, TicketEvent } from '@kefu/shared';
import type { SlaThresholds } from '../sla/sla-policy.ts';
import type { WorkingCalendar } from '../sla/working-days.ts';
import type { TicketEventRecord, TicketRecord } from '../storage/ticket-storage.ts';
import { clockViews, worse } from './ticket-clocks.ts';

export function ticketView(t: TicketRecord, assigneeName: string | undefined, now: number, calendar: WorkingCalendar, thresholds: SlaThresholds): Ticket {
  const clocks = clockViews(t, now, calendar, thresholds);
  const view: Ticket = {
    id: t.id,
    number: t.number,
    title: t.title || (t.description ?? '').split('\n')[0]!.slice(0, 80),
    description: t.description ?? '',
    tier: t.tier,
    plan: t.plan,
    priority: t.priority,
    kind: t.kind,
    requester: {},
    status: t.status,
    reopenCount: t.reopenCount,
    escalated: t.escalatedAt !== undefined,
    clocks,
    // The worst state of the clocks still running (met ones no longer count).
    sla: clocks.filter((c) => !c.met).reduce<Ticket['sla']>((s, c) => worse(s, c.state), 'ok'),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
  if (t.category) view.category = t.category;
  if (t.department) view.department = t.department;
  if (t.requesterName) view.requester.name = t.requesterName;
  if (t.requesterEmail) view.requester.email = t.requesterEmail;
  if (t.requesterPhone) view.requester.phone = t.requesterPhone;
  // A contact typed in the message form that is neither recorded as email nor phone.
  if (t.contact && !view.requester.email && !view.requester.phone) {
    if (t.contact.includes('@')) view.requester.email = t.contact;
    else view.requester.phone = t.contact;
  }
  if (t.visitorId) view.requester.visitorId = t.visitorId;
  if (t.assigneeId) view.assignee = { id: t.assigneeId, name: assigneeName ?? '' };
  if (t.escalatedAt !== undefined) view.escalatedAt = t.escalatedAt;
  if (t.nextDueAt !== undefined) view.nextDueAt = t.nextDueAt;
  if (t.pausedAt !== undefined) view.pausedAt = t.pausedAt;
  if (t.conversationId) view.conversationId = t.conversationId;
  if (t.resolvedAt !== undefined) view.resolvedAt = t.resolvedAt;
  return view;
}

export function ticketEventView(e: TicketEventRecord): TicketEvent {
  const view: TicketEvent = {
    id: e.id,
    ticketId: e.ticketId,
    type: e.type,
    public: e.public,
    author: { kind: e.authorKind, ...(e.authorId ? { id: e.authorId } : {}), ...(e.authorName ? { name: e.authorName } : {}) },
    createdAt: e.createdAt,
  };
  if (e.text !== undefined) view.text = e.text;
  const d = e.data;
  if (d.from !== undefined) view.from = d.from;
  if (d.to !== undefined) view.to = d.to;
  if (d.toName !== undefined) view.toName = d.toName;
  if (d.fromPriority !== undefined) view.fromPriority = d.fromPriority;
  if (d.toPriority !== undefined) view.toPriority = d.toPriority;
  if (d.clock !== undefined) view.clock = d.clock;
  if (d.level !== undefined) view.level = d.level;
  if (d.reason !== undefined) view.reason = d.reason;
  if (d.transcript !== undefined) view.transcript = d.transcript;
  if (d.attachments?.length) view.attachments = d.attachments;
  return view;
}
