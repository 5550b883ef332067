/**
 * The conversation's life cycle, owned here and only here: which command moves a conversation from which
 * states to which, each as one conditional write (so two agents, two tabs or two nodes racing get one
 * winner), followed by the notice both sides see and the pushes that keep their screens current.
 *
 *   bot ──handoff──▶ queued ──accept──▶ assigned ──close──▶ closed ──reopen──▶ bot
 *    ▲                 │  └──────────────close──────────────▶ ▲
 *    └───leaveQueue────┘                                      ticket ──reopen──▶ bot
 */
import type { ConversationState, NoticeCode, NoticeParams } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { rooms } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import type { AgentRecord, ConversationPatch, ConversationRecord } from '../storage/storage.ts';
import { postMessage, pushConversation, pushQueue } from './broadcast.ts';
import { noticeText } from './texts.ts';
import { queuePosition } from './views.ts';

/** Every allowed move: a command applies only while the conversation is in one of `from`. */
export const TRANSITIONS = {
  /** The visitor (or the bot for them) asks for a human; a closed conversation can ask again. */
  handoff: { from: ['bot', 'closed', 'ticket'], to: 'queued' },
  /** The visitor stops waiting; the bot answers again. */
  leaveQueue: { from: ['queued'], to: 'bot' },
  /** An agent takes a waiting conversation. */
  accept: { from: ['queued'], to: 'assigned' },
  /** The agent ends it (a queued one can be ended unanswered). */
  close: { from: ['assigned', 'queued'], to: 'closed' },
  /** The visitor writes after the end: the bot answers again. */
  reopen: { from: ['closed', 'ticket'], to: 'bot' },
} as const satisfies Record<string, { from: readonly ConversationState[]; to: ConversationState }>;

export type LifecycleCommand = keyof typeof TRANSITIONS;

/** True when `command` may apply to a conversation in `state`. */
export function canApply(command: LifecycleCommand, state: ConversationState): boolean {
  return (TRANSITIONS[command].from as readonly ConversationState[]).includes(state);
}

/** Applies `command` with `patch` if the conversation is still in one of its source states; undefined when it is not. */
export function transition(ctx: KefuContext, id: string, command: LifecycleCommand, patch: ConversationPatch = {}): Promise<ConversationRecord | undefined> {
  const now = ctx.now();
  const { from, to } = TRANSITIONS[command];
  return ctx.storage.transitionConversation(id, from, { ...patch, state: to }, now);
}

/** Why `command` found the conversation in the wrong state, as the coded error both clients understand. */
async function refused(ctx: KefuContext, id: string, command: LifecycleCommand): Promise<KefuError> {
  const latest = await ctx.storage.getConversation(id);
  if (!latest) return new KefuError('not_found', 'conversation not found');
  if (command === 'accept' && latest.state === 'assigned') return new KefuError('conflict', 'another agent has already taken this conversation');
  return new KefuError('invalid_state', `conversation is ${latest.state}; cannot ${command}`);
}

/**
 * Posts a system notice: a code and parameters each client renders in its viewer's language; the stored text,
 * in the conversation's language, is what older clients show. `settlesTurn` clears the bot turn it answers.
 */
export async function postNotice(
  ctx: KefuContext,
  conv: ConversationRecord,
  notice: NoticeCode,
  params: NoticeParams = {},
  settlesTurn?: number,
): Promise<ConversationRecord> {
  const meta = Object.keys(params).length > 0 ? { notice, params } : { notice };
  const { conversation } = await postMessage(ctx, conv, {
    author: 'system',
    text: noticeText(notice, conv.lang ?? 'zh-CN', params),
    meta,
    ...(settlesTurn !== undefined ? { settlesTurn } : {}),
  });
  return conversation;
}

export interface HandoffOptions {
  /** More changes stored with the transition (the language the visitor asked in). */
  patch?: ConversationPatch;
  /** The bot turn this handoff answers: settled with the queue notice (or anyway, when nothing changed). */
  settlesTurn?: number;
}

/** Hands the conversation to the human queue with a notice of its place; one already queued or assigned is returned as it is. */
export async function handoff(ctx: KefuContext, conv: ConversationRecord, options: HandoffOptions = {}): Promise<ConversationRecord> {
  // A typed "转人工" is the request, not the problem: the queue shows the question the visitor asked before it.
  const preview = options.settlesTurn === undefined ? undefined : await questionBefore(ctx, conv.id, options.settlesTurn);
  const queued = await transition(ctx, conv.id, 'handoff', {
    ...options.patch,
    ...(preview === undefined ? {} : { preview }),
    department: conv.department ?? 'general',
    priority: 0,
    queuedAt: ctx.now(),
    flow: null,
    assignedAgentId: null,
    closedAt: null,
  });
  if (!queued) {
    if (options.settlesTurn !== undefined) await ctx.storage.settleTurn(conv.id, options.settlesTurn);
    return (await ctx.storage.getConversation(conv.id)) ?? conv;
  }
  const position = (await queuePosition(ctx, queued)) ?? 1;
  const latest = await postNotice(ctx, queued, 'queued', { position }, options.settlesTurn);
  await pushQueue(ctx);
  return latest;
}

/** The visitor's last own question before `seq` (the "human" button is not one); null when there is none. */
async function questionBefore(ctx: KefuContext, conversationId: string, seq: number): Promise<string | null> {
  const { messages } = await ctx.storage.listMessagesBefore(conversationId, seq, 50);
  return messages.findLast((m) => m.author === 'visitor' && !m.meta?.handoff)?.text.slice(0, 200) ?? null;
}

/** The visitor stops waiting: back to the bot, told so, and the agents' queue loses it. */
export async function leaveQueue(ctx: KefuContext, conv: ConversationRecord): Promise<ConversationRecord> {
  const left = await transition(ctx, conv.id, 'leaveQueue', { queuedAt: null });
  if (!left) throw await refused(ctx, conv.id, 'leaveQueue');
  const latest = await postNotice(ctx, left, 'left_queue');
  await pushConversation(ctx, latest);
  await pushQueue(ctx);
  return latest;
}

/** An agent takes a waiting conversation: exactly one of several racing agents wins. */
export async function accept(ctx: KefuContext, conv: ConversationRecord, agent: AgentRecord): Promise<ConversationRecord> {
  const claimed = await transition(ctx, conv.id, 'accept', { assignedAgentId: agent.id, assignedAt: ctx.now() });
  if (!claimed) throw await refused(ctx, conv.id, 'accept');
  // Every tab of this agent follows the conversation, whichever process holds them.
  ctx.agents.in(rooms.agent(agent.id)).socketsJoin(rooms.conversation(claimed.id));
  const latest = await postNotice(ctx, claimed, 'assigned', { agentName: agent.name });
  await pushConversation(ctx, latest);
  await pushQueue(ctx);
  return latest;
}

/** Ends the conversation; the visitor is asked for a rating. */
export async function close(ctx: KefuContext, conv: ConversationRecord): Promise<ConversationRecord> {
  const closed = await transition(ctx, conv.id, 'close', { closedAt: ctx.now(), flow: null });
  if (!closed) throw await refused(ctx, conv.id, 'close');
  const latest = await postNotice(ctx, closed, 'closed');
  await pushConversation(ctx, latest);
  if (conv.state === 'queued') await pushQueue(ctx);
  return latest;
}

/** The visitor wrote after the end; undefined when someone else reopened it first (or it is not closed). */
export async function reopen(ctx: KefuContext, conv: ConversationRecord): Promise<ConversationRecord | undefined> {
  const reopened = await transition(ctx, conv.id, 'reopen', { assignedAgentId: null, flow: null });
  if (!reopened) return undefined;
  const latest = await postNotice(ctx, reopened, 'reopened');
  await pushConversation(ctx, latest);
  return latest;
}
