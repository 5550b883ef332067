/**
 * The visitor's side of tickets: their own tickets and public thread, information they add, and the
 * complaint / suggestion they file. A visitor reaches only tickets they created: any other number is
 * answered exactly like a number that does not exist.
 */
import {
  roleAtLeast,
  type ComplaintConfirmation,
  type ComplaintInput,
  type Lang,
  type TicketSatisfaction,
  type VisitorTicket,
  type VisitorTicketDetail,
  type VisitorTicketFile,
  type VisitorTicketReply,
} from '@kefu/shared';
import { rooms, type KefuContext } from '../context.ts';
import { pushQueue } from '../conversation/broadcast.ts';
import { KefuError } from '../kefu-error.ts';
import type { StoredClock, TicketEventRecord, TicketRecord } from '../storage/ticket-storage.ts';
import { claimTicketFiles, replyTextOf, visitorTicketFiles } from './ticket-files.ts';
import { openTicket, replyToTicket } from './ticket-lifecycle.ts';
import { rateTicket, satisfactionOf } from './ticket-rating.ts';
import { COMPLAINTS_DEPARTMENT } from './ticket-settings.ts';

/** The most tickets 我的工单 lists. */
export const MY_TICKETS_MAX = 50;
/** Queue priority of a live conversation whose visitor filed a complaint (a 紧急 or major one: higher still). */
export const COMPLAINT_PRIORITY = 10;
export const URGENT_COMPLAINT_PRIORITY = 20;

const notFound = () => new KefuError('not_found', 'ticket not found');

/** The visitor's own ticket by number; someone else's looks exactly like a missing one. */
export async function ownTicket(ctx: KefuContext, visitorId: string, number: string): Promise<TicketRecord> {
  const t = await ctx.storage.getTicketByNumber(number);
  if (!t || t.visitorId !== visitorId) throw notFound();
  return t;
}

/** Public entries only: the description first, then replies both ways (with their files). Notes and changes stay with agents. */
function publicReplies(events: readonly TicketEventRecord[], files: readonly VisitorTicketFile[]): VisitorTicketReply[] {
  const out: VisitorTicketReply[] = [];
  for (const e of events) {
    if (!e.public || !e.text) continue;
    const carried = (e.data.attachments ?? []).flatMap((a) => files.filter((f) => f.origin === 'ticket' && f.id === a.id));
    const withFiles = carried.length ? { files: carried } : {};
    if (e.type === 'created' || (e.type === 'reply' && e.authorKind === 'customer')) out.push({ author: 'customer', text: e.text, ...withFiles, createdAt: e.createdAt });
    else if (e.type === 'reply' && e.authorKind === 'agent') out.push({ author: 'agent', ...(e.authorName ? { name: e.authorName } : {}), text: e.text, ...withFiles, createdAt: e.createdAt });
  }
  return out;
}

const lastAgentReply = (events: readonly TicketEventRecord[]): number | undefined =>
  events.reduce<number | undefined>((at, e) => (e.type === 'reply' && e.public && e.authorKind === 'agent' ? Math.max(at ?? 0, e.createdAt) : at), undefined);

/** The ticket as its customer sees it. */
export async function visitorTicketView(ctx: KefuContext, t: TicketRecord, events: readonly TicketEventRecord[]): Promise<VisitorTicket> {
  const [assignee, department] = await Promise.all([
    t.assigneeId ? ctx.storage.getAgent(t.assigneeId) : undefined,
    t.department ? ctx.storage.getDepartment(t.department) : undefined,
  ]);
  const view: VisitorTicket = {
    number: t.number,
    title: t.title || (t.description ?? '').split('\n')[0]!.slice(0, 80),
    kind: t.kind,
    tier: t.tier,
    status: t.status,
    clocks: t.clocks.map((c) => ({
      clock: c.clock,
      ...(c.dueAt !== undefined ? { dueAt: c.dueAt } : {}),
      ...(c.targetAt !== undefined ? { targetAt: c.targetAt } : {}),
      met: c.metAt !== undefined,
    })),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
  if (assignee) view.owner = assignee.name;
  if (department) view.department = { zh: department.nameZh, en: department.nameEn };
  if (t.nextDueAt !== undefined) view.nextDueAt = t.nextDueAt;
  const last = lastAgentReply(events);
  if (last !== undefined) view.lastReplyAt = last;
  return view;
}

/**
 * The ticket, its public thread and files, and where its satisfaction survey stands. `withLinks`: each
 * file carries a short-lived link (the widget); the status page lists the names only.
 */
export async function visitorTicketDetail(ctx: KefuContext, t: TicketRecord, withLinks = true): Promise<VisitorTicketDetail & { satisfaction: TicketSatisfaction }> {
  const [events, satisfaction] = await Promise.all([ctx.storage.listTicketEvents(t.id), satisfactionOf(ctx, t, ctx.now())]);
  const files = await visitorTicketFiles(ctx, t, events, withLinks);
  return { ticket: await visitorTicketView(ctx, t, events), replies: publicReplies(events, files), ...(files.length ? { files } : {}), satisfaction };
}

/** 我的工单: newest first. */
export async function myTickets(ctx: KefuContext, visitorId: string): Promise<VisitorTicket[]> {
  const tickets = await ctx.storage.listVisitorTickets(visitorId, MY_TICKETS_MAX);
  return Promise.all(tickets.map(async (t) => visitorTicketView(ctx, t, await ctx.storage.listTicketEvents(t.id))));
}

/** The newest agent answer on any of the visitor's tickets (the badge after a return), if any. */
export async function lastAnswerAt(ctx: KefuContext, visitorId: string): Promise<number | undefined> {
  // Every hello asks: only the threads are read, no views are made.
  const tickets = await ctx.storage.listVisitorTickets(visitorId, MY_TICKETS_MAX);
  const answers = await Promise.all(tickets.map(async (t) => lastAgentReply(await ctx.storage.listTicketEvents(t.id))));
  return answers.reduce<number | undefined>((at, a) => (a !== undefined ? Math.max(at ?? 0, a) : at), undefined);
}

/**
 * 补充信息: a public reply from the customer (it resumes the clocks of a ticket waiting on them), with
 * the files they uploaded to the ticket for it.
 */
export async function addInformation(ctx: KefuContext, visitorId: string, number: string, text: string | undefined, name?: string, fileIds?: readonly string[]): Promise<VisitorTicketDetail> {
  const t = await ownTicket(ctx, visitorId, number);
  if (t.status === 'closed') throw new KefuError('invalid_state', 'the ticket is closed');
  const files = await claimTicketFiles(ctx, t, fileIds, visitorId);
  const after = await replyToTicket(ctx, t.id, { kind: 'customer', ...(name ? { name } : {}) }, replyTextOf(text, files), files);
  return visitorTicketDetail(ctx, after);
}

/** 评价 from the widget: the same rules as the status page (resolved, within 48 h, once), on the visitor's own ticket. */
export async function rateOwnTicket(ctx: KefuContext, visitorId: string, number: string, score: number, comment: string | undefined): Promise<VisitorTicketDetail> {
  const t = await ownTicket(ctx, visitorId, number);
  await rateTicket(ctx, t, score, comment || undefined);
  return visitorTicketDetail(ctx, t);
}

/**
 * The least loaded supervisor (open conversations plus active tickets), preferring the 投诉与建议
 * department's own; an admin only when the team has no supervisor.
 */
export async function pickSupervisor(ctx: KefuContext, department: string): Promise<string | undefined> {
  const loads = (await ctx.storage.listAgentLoads()).filter((l) => !l.agent.disabledAt && roleAtLeast(l.agent.role, 'supervisor'));
  const members = new Set((await ctx.storage.getDepartment(department))?.members ?? []);
  const pool = [
    loads.filter((l) => l.agent.role === 'supervisor' && members.has(l.agent.id)),
    loads.filter((l) => l.agent.role === 'supervisor'),
    loads,
  ].find((p) => p.length > 0);
  if (!pool) return undefined;
  const weighed = await Promise.all(
    pool.map(async (l) => {
      const tickets = await ctx.storage.listTickets({ statuses: ['open', 'in_progress', 'waiting_customer'], assigneeId: l.agent.id, sort: 'created', limit: 100 });
      return { id: l.agent.id, load: l.openConversations + tickets.length };
    }),
  );
  weighed.sort((a, b) => a.load - b.load || a.id.localeCompare(b.id));
  return weighed[0]!.id;
}

/**
 * Files a complaint or suggestion: a ticket for 投诉与建议 with the tier the visitor confirmed, given
 * to a supervisor when 紧急 or marked major; a live conversation waiting in the queue moves ahead.
 */
export async function fileComplaint(ctx: KefuContext, visitorId: string, input: ComplaintInput, lang: Lang): Promise<ComplaintConfirmation> {
  const visitor = await ctx.storage.getVisitor(visitorId);
  const conv = await ctx.storage.latestConversation(visitorId);
  const important = input.kind === 'complaint' && (input.tier === 'urgent' || input.major === true);
  const assigneeId = important ? await pickSupervisor(ctx, COMPLAINTS_DEPARTMENT) : undefined;
  const reference = input.reference ? (lang === 'en' ? `\n\nOrder or ticket number: ${input.reference}` : `\n\n订单号或工单号：${input.reference}`) : '';
  const major = input.major ? (lang === 'en' ? '[Major] ' : '【重大】') : '';
  const ticket = await openTicket(ctx, {
    description: `${input.text}${reference}`,
    title: `${major}${input.text.split('\n')[0]!.slice(0, 70)}`,
    kind: input.kind,
    tier: input.tier,
    department: COMPLAINTS_DEPARTMENT,
    contact: input.contact,
    ...(input.contact.includes('@') ? { requesterEmail: input.contact } : { requesterPhone: input.contact }),
    ...(visitor?.name ? { requesterName: visitor.name } : {}),
    visitorId,
    ...(conv ? { conversationId: conv.id } : {}),
    ...(assigneeId ? { assigneeId } : {}),
    author: { kind: 'customer', ...(visitor?.name ? { name: visitor.name } : {}) },
  });
  // A live complaint conversation goes ahead in the chat queue: now if it waits, else when it asks for a human.
  if (input.kind === 'complaint' && (conv?.state === 'queued' || conv?.state === 'bot')) {
    const priority = important ? URGENT_COMPLAINT_PRIORITY : COMPLAINT_PRIORITY;
    if (conv.priority < priority) {
      await ctx.storage.updateConversation(conv.id, { priority }, ctx.now());
      if (conv.state === 'queued') await pushQueue(ctx);
    }
  }
  const detail = await visitorTicketDetail(ctx, ticket);
  const first = ticket.clocks[0]!;
  return { ...detail, responseClock: first.clock, responseDueAt: first.dueAt ?? ticket.createdAt, responseWithin: promiseOf(first) };
}

/** A clock's promise as the SLA table words it, read from the stored clock (so it is the one the ticket runs). */
function promiseOf(c: Pick<StoredClock, 'basis' | 'promisedMs'>): ComplaintConfirmation['responseWithin'] {
  if (c.basis === 'workingDays') return { amount: Math.round(c.promisedMs / 86_400_000), unit: 'workingDays' };
  const minutes = Math.round(c.promisedMs / 60_000);
  return minutes % 60 === 0 ? { amount: minutes / 60, unit: 'hours' } : { amount: minutes, unit: 'minutes' };
}

/** Tells the visitor's tabs that an agent answered their ticket (the 我的工单 badge). */
export function pushAnswerToVisitor(ctx: KefuContext, t: Pick<TicketRecord, 'visitorId' | 'number'>, at: number): void {
  if (t.visitorId) ctx.visitors.to(rooms.visitor(t.visitorId)).emit('ticketReply', { number: t.number, at });
}
