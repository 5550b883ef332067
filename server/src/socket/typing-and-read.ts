/**
 * Typing indicators both ways and the agent's read mark (PROTOCOL.md, "Typing and read"). Nothing
 * here is stored in the database: typing is relayed to the other side's room only, and read marks
 * live in read-marks.ts. Each socket gets a small event allowance, since clients throttle to about
 * one typing event per 2 s.
 */
import { ReadSchema, TypingSchema, type AgentClientEvents, type VisitorClientEvents } from '@kefu/shared';
import type { AgentNamespace, KefuContext, VisitorNamespace } from '../context.ts';
import { rooms } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import type { ConversationRecord } from '../storage/storage.ts';
import { createEventBudget } from './event-budget.ts';
import { handlers } from './handle.ts';
import { readMarksOf } from './read-marks.ts';

type VisitorSocket = Parameters<Parameters<VisitorNamespace['on']>[1]>[0];
type AgentSocket = Parameters<Parameters<AgentNamespace['on']>[1]>[0];

/** Typing events per socket per window: a throttled client sends at most ~7 in 10 s (starts every 2 s, and stops). */
export const TYPING_ALLOWANCE = { events: 10, windowMs: 10_000 };
/** Read marks per socket per window (one per new message on screen). */
export const READ_ALLOWANCE = { events: 30, windowMs: 10_000 };

/** Visitor side: `typing` for their own conversation, and the agent's read mark right after each `hello`. */
export function registerVisitorTypingAndRead(ctx: KefuContext, socket: VisitorSocket): void {
  const on = handlers<VisitorClientEvents>(socket, ctx.log);
  const budget = createEventBudget(TYPING_ALLOWANCE.events, TYPING_ALLOWANCE.windowMs, Date.now);
  /** `visitorId:conversationId` pairs already checked: a conversation never changes hands, so one read each. */
  const owned = new Set<string>();
  const marks = readMarksOf(ctx);

  on('typing', TypingSchema, async ({ conversationId, typing }) => {
    const visitorId = socket.data.visitorId;
    if (!visitorId) throw new KefuError('unauthorized', 'send hello first');
    budget.spend('typing');
    const key = `${visitorId}:${conversationId}`;
    if (!owned.has(key)) {
      const conv = await ctx.storage.getConversation(conversationId);
      // Someone else's conversation looks exactly like a missing one.
      if (!conv || conv.visitorId !== visitorId) throw new KefuError('not_found', 'conversation not found');
      owned.add(key);
    }
    ctx.agents.to(rooms.conversation(conversationId)).emit('typing', { conversationId, typing });
    return {};
  });

  // After a successful hello (a reload, a reconnect, another node), say how far the agent has read.
  socket.use((packet: unknown[], next: (err?: Error) => void) => {
    const ack = packet[packet.length - 1];
    if (packet[0] === 'hello' && typeof ack === 'function') {
      packet[packet.length - 1] = (res: { ok: boolean; data?: { conversation?: { id?: string } } }) => {
        (ack as (r: unknown) => void)(res);
        const conversationId = res.ok ? res.data?.conversation?.id : undefined;
        const seq = conversationId ? marks.get(conversationId) : undefined;
        if (conversationId && seq !== undefined) socket.emit('read', { conversationId, seq });
      };
    }
    next();
  });
}

/** Agent side: `typing` and `read` on a conversation assigned to this agent (an admin may act on any, as with `send`). */
export function registerAgentTypingAndRead(ctx: KefuContext, socket: AgentSocket): void {
  const on = handlers<AgentClientEvents>(socket, ctx.log);
  const typingBudget = createEventBudget(TYPING_ALLOWANCE.events, TYPING_ALLOWANCE.windowMs, Date.now);
  const readBudget = createEventBudget(READ_ALLOWANCE.events, READ_ALLOWANCE.windowMs, Date.now);
  const marks = readMarksOf(ctx);
  const assignedToMe = async (conversationId: string): Promise<ConversationRecord> => {
    const conv = await ctx.storage.getConversation(conversationId);
    if (!conv) throw new KefuError('not_found', 'conversation not found');
    if (conv.state !== 'assigned') throw new KefuError('invalid_state', `conversation is ${conv.state}`);
    const me = socket.data.agent;
    if (conv.assignedAgentId !== me.id && me.role !== 'admin') throw new KefuError('forbidden', 'conversation is assigned to another agent');
    return conv;
  };

  on('typing', TypingSchema, async ({ conversationId, typing }) => {
    typingBudget.spend('typing');
    const conv = await assignedToMe(conversationId);
    ctx.visitors.to(rooms.visitor(conv.visitorId)).emit('typing', { conversationId, typing });
    return {};
  });

  on('read', ReadSchema, async ({ conversationId, seq }) => {
    readBudget.spend('read');
    const conv = await assignedToMe(conversationId);
    if (seq > conv.lastSeq) throw new KefuError('bad_request', `read: seq ${seq} is beyond the last message (${conv.lastSeq})`);
    const mark = marks.raise(conversationId, seq);
    if (mark.moved) {
      ctx.visitors.to(rooms.visitor(conv.visitorId)).emit('read', { conversationId, seq: mark.seq });
      // The agent's other tabs clear their unread count too.
      socket.to(rooms.agent(socket.data.agent.id)).emit('read', { conversationId, seq: mark.seq });
    }
    return { conversationId, seq: mark.seq };
  });
}
