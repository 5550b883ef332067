/**
 * Every change to a ticket, owned here: opening one (clocks computed from tier and plan, timers
 * scheduled), status moves by the table in ticket-transitions.ts with their effects on the clocks,
 * tier, assignee and department changes, public replies and internal notes, SLA levels reached and
 * escalation. Each change is read → decide → one revision-guarded write with its thread events
 * (retried when someone else wrote first), then timers are brought in line and agents are told.
 */
import type { Attachment, TicketClockName, TicketPlan, TicketStatus, TicketTier, TranscriptLine } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { dayInZone } from '../bot/zoned-time.ts';
import type { WorkingCalendar } from '../sla/working-days.ts';
import type { NewTicketEvent, StoredClock, TicketChange, TicketRecord } from '../storage/ticket-storage.ts';
import { computeClocks, meet, nextDueAt, pausesOf, slaStateOf } from './ticket-clocks.ts';
import { pushAlert, pushTicket } from './ticket-notify.ts';
import { COMPLAINTS_DEPARTMENT, ESCALATION_DEPARTMENT, SLA_POLICY, ticketCalendar } from './ticket-settings.ts';
import { syncTimers } from './ticket-timers.ts';
import { commandFor } from './ticket-transitions.ts';
import { ticketEventView } from './ticket-views.ts';
import { proposeTier } from './tier-proposal.ts';

/** Who does something to a ticket. */
export interface TicketActor {
  kind: 'agent' | 'customer' | 'system';
  id?: string;
  name?: string;
}
const SYSTEM: TicketActor = { kind: 'system' };

const TITLE_MAX = 80;
/** The description's first line, cut to a title. */
export const titleFrom = (text: string): string => text.trim().split('\n')[0]!.trim().slice(0, TITLE_MAX);

export interface OpenTicketInput {
  description: string;
  title?: string;
  kind?: TicketRecord['kind'];
  /** Proposed from the description and title when absent. */
  tier?: TicketTier;
  plan?: TicketRecord['plan'];
  priority?: boolean;
  category?: string;
  department?: string;
  requesterName?: string;
  requesterEmail?: string;
  requesterPhone?: string;
  /** A contact typed as one line (phone or email). */
  contact?: string;
  visitorId?: string;
  conversationId?: string;
  assigneeId?: string;
  /** The conversation's messages, attached to the first event. */
  transcript?: TranscriptLine[];
  author: TicketActor;
}

/** Opens a ticket (status open) with its clocks running from now and their timers scheduled. */
export async function openTicket(ctx: KefuContext, input: OpenTicketInput): Promise<TicketRecord> {
  const now = ctx.now();
  const calendar = await ticketCalendar(ctx);
  const kind = input.kind ?? 'fault';
  const tier = input.tier ?? proposeTier(`${input.title ?? ''}\n${input.description}`);
  const subject = { kind, tier, plan: input.plan ?? 'free', priority: input.priority ?? false } as const;
  const clocks = computeClocks(SLA_POLICY, subject, now, [], calendar, now);
  const department = input.department ?? (kind === 'fault' ? undefined : COMPLAINTS_DEPARTMENT);
  const created: NewTicketEvent = {
    type: 'created',
    public: true,
    authorKind: input.author.kind,
    ...(input.author.id ? { authorId: input.author.id } : {}),
    ...(input.author.name ? { authorName: input.author.name } : {}),
    text: input.description,
    data: input.transcript ? { transcript: input.transcript } : {},
    createdAt: now,
  };
  const next = nextDueAt(clocks);
  const ticket = await ctx.storage.createTicket({
    day: dayInZone(now, ctx.config.timeZone),
    createdAt: now,
    title: input.title ?? titleFrom(input.description),
    description: input.description,
    kind,
    tier,
    plan: subject.plan,
    priority: subject.priority,
    clocks,
    ...(next !== undefined ? { nextDueAt: next } : {}),
    ...(department ? { department } : {}),
    ...(input.category ? { category: input.category } : {}),
    ...(input.requesterName ? { requesterName: input.requesterName } : {}),
    ...(input.requesterEmail ? { requesterEmail: input.requesterEmail } : {}),
    ...(input.requesterPhone ? { requesterPhone: input.requesterPhone } : {}),
    ...(input.contact ? { contact: input.contact } : {}),
    ...(input.visitorId ? { visitorId: input.visitorId } : {}),
    ...(input.conversationId ? { conversationId: input.conversationId } : {}),
    ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
    events: [created],
  });
  await syncTimers(ctx, ticket, calendar);
  await pushTicket(ctx, ticket, (await ctx.storage.listTicketEvents(ticket.id)).map(ticketEventView));
  return ticket;
}

interface Decision {
  change: TicketChange;
  events: NewTicketEvent[];
}

const ATTEMPTS = 5;

/**
 * Reads the ticket, asks `decide` what to write (undefined: nothing), writes it if nobody wrote since
 * (else reads again), then brings the timers in line and tells the agents. Returns the ticket as it is.
 */
async function mutate(
  ctx: KefuContext,
  id: string,
  decide: (t: TicketRecord, calendar: WorkingCalendar, now: number) => Decision | undefined,
  runningJob?: string,
): Promise<{ ticket: TicketRecord; before: TicketRecord; changed: boolean }> {
  const calendar = await ticketCalendar(ctx);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const before = await ctx.storage.getTicket(id);
    if (!before) throw new KefuError('not_found', 'ticket not found');
    const now = ctx.now();
    const decision = decide(before, calendar, now);
    if (!decision) return { ticket: before, before, changed: false };
    const after = await ctx.storage.updateTicket(id, before.revision, decision.change, decision.events, now);
    if (!after) continue;
    const timing = ['status', 'tier', 'clocks', 'pausedAt', 'escalatedAt'].some((k) => k in decision.change);
    if (timing) await syncTimers(ctx, after, calendar, runningJob);
    const events = decision.events.length ? (await ctx.storage.listTicketEvents(id)).slice(-decision.events.length).map(ticketEventView) : [];
    await pushTicket(ctx, after, events);
    return { ticket: after, before, changed: true };
  }
  throw new KefuError('conflict', 'the ticket kept changing; try again');
}

const by = (actor: TicketActor) => ({
  authorKind: actor.kind,
  ...(actor.id ? { authorId: actor.id } : {}),
  ...(actor.name ? { authorName: actor.name } : {}),
});

const startedAtOf = (t: TicketRecord) => t.clocks[0]?.startedAt ?? t.createdAt;

/** Clocks and their derived columns after a change of pauses or tier. */
function withClocks(change: TicketChange, clocks: StoredClock[]): TicketChange {
  return { ...change, clocks, nextDueAt: nextDueAt(clocks) ?? null, slaState: slaStateOf(clocks) };
}

/** What moving the ticket to `to` writes (the table refuses impossible moves). */
export function decideStatus(t: TicketRecord, to: TicketStatus, actor: TicketActor, calendar: WorkingCalendar, now: number, remark?: string): Decision {
  const command = commandFor(t.status, to);
  if (!command) throw new KefuError('invalid_state', `ticket is ${t.status}; cannot move to ${to}`);
  const change: TicketChange = { status: to };
  let pauses = t.pauses;
  let pausedAt = t.pausedAt;
  if (pausedAt !== undefined && to !== 'waiting_customer') {
    pauses = [...pauses, { from: pausedAt, to: now }];
    pausedAt = undefined;
    change.pauses = pauses;
    change.pausedAt = null;
  }
  if (to === 'waiting_customer') change.pausedAt = pausedAt = now;
  const allPauses = pausesOf({ pauses, pausedAt });
  const subject = t;
  let clocks: StoredClock[];
  if (command === 'reopen') {
    change.reopenCount = t.reopenCount + 1;
    change.resolvedAt = null;
    clocks = computeClocks(SLA_POLICY, subject, now, allPauses, calendar, now);
  } else if (to === 'resolved' || to === 'closed') {
    if (to === 'resolved') change.resolvedAt = now;
    clocks = meet(t.clocks, now);
  } else {
    clocks = t.clocks.length ? computeClocks(SLA_POLICY, subject, startedAtOf(t), allPauses, calendar, now, t.clocks) : [];
  }
  const event: NewTicketEvent = { type: 'status', public: true, ...by(actor), data: { from: t.status, to }, createdAt: now };
  if (remark) event.text = remark;
  return { change: withClocks(change, clocks), events: [event] };
}

export interface TicketPatchInput {
  status?: TicketStatus;
  tier?: TicketTier;
  plan?: TicketPlan;
  /** 优先支持计划: halves the response promise. */
  priority?: boolean;
  /** null: nobody. */
  assigneeId?: string | null;
  department?: string | null;
  remark?: string;
}

/** Applies a patch from an agent: status, tier, plan, priority, assignee, department (each checked), as one write. */
export async function changeTicket(ctx: KefuContext, id: string, actor: TicketActor, patch: TicketPatchInput): Promise<TicketRecord> {
  const assignee = patch.assigneeId ? await ctx.storage.getAgent(patch.assigneeId) : undefined;
  if (patch.assigneeId && (!assignee || assignee.disabledAt)) throw new KefuError('bad_request', 'no such enabled agent');
  if (patch.department && !(await ctx.storage.getDepartment(patch.department))) throw new KefuError('bad_request', 'no such department');
  const { ticket, before } = await mutate(ctx, id, (t, calendar, now) => {
    let change: TicketChange = {};
    const events: NewTicketEvent[] = [];
    if (patch.status !== undefined && patch.status !== t.status) {
      const d = decideStatus(t, patch.status, actor, calendar, now, patch.remark);
      change = d.change;
      events.push(...d.events);
    }
    const tier = patch.tier ?? t.tier;
    const plan = patch.plan ?? t.plan;
    const priority = patch.priority ?? t.priority;
    // Tier, plan and priority support together decide the promised times: one recompute for all three.
    if (tier !== t.tier || plan !== t.plan || priority !== t.priority) {
      const status = change.status ?? t.status;
      const pauses = pausesOf({ pauses: change.pauses ?? t.pauses, pausedAt: change.pausedAt === null ? undefined : (change.pausedAt ?? t.pausedAt) });
      const current = change.clocks ?? t.clocks;
      const startedAt = current[0]?.startedAt ?? t.createdAt;
      const recomputed = computeClocks(SLA_POLICY, { ...t, tier, plan, priority }, startedAt, pauses, calendar, now, current);
      // A resolved or closed ticket keeps its clocks met.
      const clocks = status === 'resolved' || status === 'closed' ? meet(recomputed, now) : recomputed;
      change = withClocks(
        { ...change, ...(tier !== t.tier ? { tier } : {}), ...(plan !== t.plan ? { plan } : {}), ...(priority !== t.priority ? { priority } : {}) },
        clocks,
      );
      if (tier !== t.tier) events.push({ type: 'tier', public: true, ...by(actor), data: { from: t.tier, to: tier }, createdAt: now });
      if (plan !== t.plan || priority !== t.priority) {
        // What the customer pays for stays among agents.
        events.push({ type: 'plan', public: false, ...by(actor), data: { from: t.plan, to: plan, fromPriority: t.priority, toPriority: priority }, createdAt: now });
      }
    }
    if (patch.assigneeId !== undefined && (patch.assigneeId ?? undefined) !== t.assigneeId) {
      change.assigneeId = patch.assigneeId;
      events.push({
        type: 'assignment',
        public: false,
        ...by(actor),
        data: { ...(t.assigneeId ? { from: t.assigneeId } : {}), ...(assignee ? { to: assignee.id, toName: assignee.name } : {}) },
        createdAt: now,
      });
    }
    if (patch.department !== undefined && (patch.department ?? undefined) !== t.department) {
      change.department = patch.department;
      events.push({ type: 'department', public: false, ...by(actor), data: { ...(t.department ? { from: t.department } : {}), ...(patch.department ? { to: patch.department } : {}) }, createdAt: now });
    }
    return events.length ? { change, events } : undefined;
  });
  return afterStatus(ctx, before, ticket);
}

/** A reopen that makes the count reach the threshold escalates the ticket. */
async function afterStatus(ctx: KefuContext, before: TicketRecord, after: TicketRecord): Promise<TicketRecord> {
  if (after.reopenCount > before.reopenCount && after.reopenCount >= SLA_POLICY.thresholds.escalateAfterReopens && after.escalatedAt === undefined) {
    return escalateTicket(ctx, after.id, 'reopens');
  }
  return after;
}

/**
 * A public reply. From an agent it meets the response clock, and on an open ticket starts the work
 * (处理中); from the customer, on a ticket waiting on them, it resumes the clocks.
 */
export async function replyToTicket(ctx: KefuContext, id: string, actor: TicketActor, text: string, attachments: readonly Attachment[] = []): Promise<TicketRecord> {
  const { ticket } = await mutate(ctx, id, (t, calendar, now) => {
    if (t.status === 'closed') throw new KefuError('invalid_state', 'ticket is closed');
    const reply: NewTicketEvent = { type: 'reply', public: true, ...by(actor), text, ...(attachments.length ? { data: { attachments: [...attachments] } } : {}), createdAt: now };
    let change: TicketChange = {};
    const events: NewTicketEvent[] = [];
    const to = actor.kind === 'agent' && t.status === 'open' ? 'in_progress' : actor.kind === 'customer' && t.status === 'waiting_customer' ? 'in_progress' : undefined;
    if (to) {
      const d = decideStatus(t, to, actor, calendar, now);
      change = d.change;
      events.push(...d.events);
    }
    if (actor.kind === 'agent') {
      const clocks = change.clocks ?? t.clocks;
      if (clocks.some((c) => c.clock === 'response' && c.metAt === undefined)) change = withClocks(change, meet(clocks, now, ['response']));
    }
    return { change, events: [reply, ...events] };
  });
  return ticket;
}

/** An internal note: agents only, never the customer. */
export async function noteOnTicket(ctx: KefuContext, id: string, actor: TicketActor, text: string): Promise<TicketRecord> {
  const { ticket } = await mutate(ctx, id, (_t, _calendar, now) => ({ change: {}, events: [{ type: 'note', public: false, ...by(actor), text, createdAt: now }] }));
  return ticket;
}

/**
 * Seed 002's 问题升级委员会: moves the ticket to the escalation group (its assignee keeps it) and tells
 * every member, supervisor and admin. Once per ticket.
 */
export async function escalateTicket(ctx: KefuContext, id: string, reason: 'reopens' | 'overdue', clock?: TicketClockName, runningJob?: string): Promise<TicketRecord> {
  const { ticket, changed } = await mutate(ctx, id, (t, _calendar, now) => {
    if (t.escalatedAt !== undefined) return undefined;
    return {
      change: { escalatedAt: now, department: ESCALATION_DEPARTMENT },
      events: [
        {
          type: 'escalation',
          public: false,
          ...by(SYSTEM),
          data: { reason, ...(clock ? { clock } : {}), ...(t.department ? { from: t.department } : {}), to: ESCALATION_DEPARTMENT },
          createdAt: now,
        },
      ],
    };
  }, runningJob);
  if (changed) {
    const recipients = await pushAlert(ctx, ticket, { kind: 'escalated', reason, ...(clock ? { clock } : {}) }, ESCALATION_DEPARTMENT);
    ctx.log.info(`ticket ${ticket.number} escalated (${reason}) to ${ESCALATION_DEPARTMENT}; ${recipients.length} agents told`);
  }
  return ticket;
}

/** Records that a clock reached 80 % (at_risk) or 100 % (breached) and alerts the assignee and supervisors; once per level. */
export async function recordSlaLevel(ctx: KefuContext, id: string, clock: TicketClockName, level: 'at_risk' | 'breached', runningJob?: string): Promise<boolean> {
  const rank = { ok: 0, at_risk: 1, breached: 2 } as const;
  const { ticket, changed } = await mutate(ctx, id, (t, _calendar, now) => {
    const c = t.clocks.find((x) => x.clock === clock);
    if (!c || c.metAt !== undefined || rank[c.state] >= rank[level]) return undefined;
    const clocks = t.clocks.map((x) => (x === c ? { ...x, state: level } : x));
    return { change: withClocks({}, clocks), events: [{ type: 'sla', public: false, ...by(SYSTEM), data: { clock, level }, createdAt: now }] };
  }, runningJob);
  // The thread records every clock's level; the agents are alerted only when the ticket gets worse. Another clock still
  // running at this level or above has told them already (timers of several clocks come due together after an outage).
  const toldAlready = ticket.clocks.some((x) => x.clock !== clock && x.metAt === undefined && rank[x.state] >= rank[level]);
  if (changed && !toldAlready) {
    const c = ticket.clocks.find((x) => x.clock === clock);
    await pushAlert(ctx, ticket, { kind: level, clock, ...(c?.dueAt !== undefined ? { dueAt: c.dueAt } : {}) });
  }
  return changed;
}
