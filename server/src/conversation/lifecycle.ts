/**
 * The conversation's life cycle, owned here and only here: which command moves a conversation from which
 * states to which, each as one conditional write (so two agents, two tabs or two nodes racing get one
 * winner), followed by the notice both sides see and the pushes that keep their screens current.
 *
 *   bot ──handoff──▶ queued ──accept──▶ assigned ──close──▶ closed
 *    │ ▲               │  └──────────────close──────────────▶ ▲
 *    │ └──leaveQueue───┘                                      ticket
 *    └──────────route (an online agent of the department has room)──▶ assigned
 *
 *   closed, ticket: they stay so (history). The visitor writing again starts a new conversation with
 *   the bot that continues the ended one (`previousConversationId`): see `continueAfterEnd`.
 *
 *   assigned ──transfer (to an agent, or a department member with room)──▶ assigned
 *   assigned ──requeue (transferred to a department where nobody has room)──▶ queued
 *   queued, assigned ──assign (a supervisor names the agent)──▶ assigned
 *
 * A handoff outside service hours, or with nobody present to answer, changes no state: the visitor is told
 * when humans are back and offered to leave a message (routing.ts).
 */
import { roleAtLeast, type ConversationState, type Lang, type NoticeCode, type NoticeParams } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { rooms } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import type { AgentRecord, ConversationPatch, ConversationRecord, DepartmentRecord } from '../storage/storage.ts';
import { pushTeamAgents } from '../socket/push-team-agent.ts';
import { postMessage, pushConversation, pushQueue } from './broadcast.ts';
import { siteDefaultDepartment } from './pre-chat.ts';
import { leaveMessageSuggestions } from './leave-message-offer.ts';
import { offerIfExpectedLong } from './long-wait.ts';
import { queueStanding, recordTaking } from './queue-times.ts';
import { routeHandoff } from './routing.ts';
import { noticeText } from './texts.ts';

/** Every allowed move: a command applies only while the conversation is in one of `from`. */
export const TRANSITIONS = {
  /** The visitor (or the bot for them) asks for a human; a closed conversation can ask again. */
  handoff: { from: ['bot', 'closed', 'ticket'], to: 'queued' },
  /** The handoff goes straight to an agent of the department (routing.ts). */
  route: { from: ['bot', 'closed', 'ticket'], to: 'assigned' },
  /** The visitor stops waiting; the bot answers again. */
  leaveQueue: { from: ['queued'], to: 'bot' },
  /** An agent takes a waiting conversation. */
  accept: { from: ['queued'], to: 'assigned' },
  /** The agent ends it (a queued one can be ended unanswered). */
  close: { from: ['assigned', 'queued'], to: 'closed' },
  /** Handed to another agent, or to a member with room of another department. */
  transfer: { from: ['assigned'], to: 'assigned' },
  /** Handed to a department where nobody has room: its queue. */
  requeue: { from: ['assigned'], to: 'queued' },
  /** A supervisor or admin gives it to a named agent (themselves: taking over), past capacity if need be. */
  assign: { from: ['queued', 'assigned'], to: 'assigned' },
} as const satisfies Record<string, { from: readonly ConversationState[]; to: ConversationState }>;

export type LifecycleCommand = keyof typeof TRANSITIONS;

/** True when `command` may apply to a conversation in `state`. */
export function canApply(command: LifecycleCommand, state: ConversationState): boolean {
  return (TRANSITIONS[command].from as readonly ConversationState[]).includes(state);
}

/** Applies `command` with `patch` if the conversation is still in one of its source states; undefined when it is not. */
export function transition(ctx: KefuContext, id: string, command: LifecycleCommand, patch: ConversationPatch = {}): Promise<ConversationRecord | undefined> {
  const { from, to } = TRANSITIONS[command];
  return ctx.storage.transitionConversation(id, from, { ...patch, state: to }, ctx.now());
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
  /** The bot turn this handoff answers: settled with the notice (or anyway, when nothing changed). */
  settlesTurn?: number;
  /** The department the visitor chose in the pre-chat form: it wins over the last answered entry's. */
  department?: string;
}

/**
 * Hands the conversation to a human: an agent of its department at once when one is online with room, else
 * the queue with a notice of its place; outside service hours, or with nobody present, the visitor is told
 * when humans are back and offered to leave a message instead. One already queued or assigned is returned as
 * it is.
 */
export async function handoff(ctx: KefuContext, conv: ConversationRecord, options: HandoffOptions = {}): Promise<ConversationRecord> {
  const unchanged = async (): Promise<ConversationRecord> => {
    if (options.settlesTurn !== undefined) await ctx.storage.settleTurn(conv.id, options.settlesTurn);
    return (await ctx.storage.getConversation(conv.id)) ?? conv;
  };
  if (!canApply('handoff', conv.state)) return unchanged();
  // The visitor's choice, else the last answered entry's department, else the site's default.
  const department = options.department ?? conv.department ?? (await siteDefaultDepartment(ctx, conv.siteKey)) ?? 'general';
  const lang = options.patch?.lang ?? conv.lang ?? 'zh-CN';
  const route = await routeHandoff(ctx, department, lang);
  if (route.to === 'away') return away(ctx, conv, route.text, lang, options);
  // A typed "转人工" is the request, not the problem: the queue shows the question the visitor asked before it.
  const preview = options.settlesTurn === undefined ? undefined : await questionBefore(ctx, conv.id, options.settlesTurn);
  const patch: ConversationPatch = {
    ...options.patch,
    ...(preview === undefined ? {} : { preview }),
    department,
    // The conversation's priority stands (a complaint filed in it raised it).
    queuedAt: ctx.now(),
    flow: null,
    closedAt: null,
  };
  if (route.to === 'agent') {
    for (const { agent } of route.candidates) {
      const assigned = await ctx.storage.assignConversation(conv.id, TRANSITIONS.route.from, agent.id, patch, ctx.now());
      if (assigned) return joined(ctx, assigned, agent, options.settlesTurn);
    }
  }
  const queued = await transition(ctx, conv.id, 'handoff', { ...patch, assignedAgentId: null });
  if (!queued) return unchanged();
  const standing = (await queueStanding(ctx, queued)) ?? { position: 1 };
  const noticed = await postNotice(ctx, queued, 'queued', standing, options.settlesTurn);
  const latest = await offerIfExpectedLong(ctx, noticed, standing.etaMinutes);
  await pushQueue(ctx);
  return latest;
}

/** Nobody can answer now: the bot says why (and when humans are back) and offers to leave a message; no state changes. */
async function away(ctx: KefuContext, conv: ConversationRecord, text: string, lang: Lang, options: HandoffOptions): Promise<ConversationRecord> {
  const suggestions = leaveMessageSuggestions(ctx, lang);
  const { conversation } = await postMessage(ctx, conv, {
    author: 'bot',
    text,
    meta: { offerMessage: true, ...(suggestions.length > 0 ? { suggestions } : {}) },
    ...(options.patch ? { patch: options.patch } : {}),
    ...(options.settlesTurn !== undefined ? { settlesTurn: options.settlesTurn } : {}),
  });
  return conversation;
}

/** After an assignment: the agent's tabs follow the conversation, both sides are told, the queue is current. */
async function joined(
  ctx: KefuContext,
  assigned: ConversationRecord,
  agent: AgentRecord,
  settlesTurn?: number,
  notice: NoticeCode = 'assigned',
): Promise<ConversationRecord> {
  // Every tab of this agent follows the conversation, whichever process holds them; its summary then lists it there.
  ctx.agents.in(rooms.agent(agent.id)).socketsJoin(rooms.conversation(assigned.id));
  const latest = await postNotice(ctx, assigned, notice, { agentName: agent.name }, settlesTurn);
  await pushConversation(ctx, latest);
  await pushQueue(ctx);
  // The team page counts each agent's open conversations.
  await pushTeamAgents(ctx, agent.id);
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
  await recordTaking(ctx, claimed);
  return joined(ctx, claimed, agent);
}

/** Ends the conversation; the visitor is asked for a rating. */
export async function close(ctx: KefuContext, conv: ConversationRecord): Promise<ConversationRecord> {
  const closed = await transition(ctx, conv.id, 'close', { closedAt: ctx.now(), flow: null });
  if (!closed) throw await refused(ctx, conv.id, 'close');
  const latest = await postNotice(ctx, closed, 'closed');
  await pushConversation(ctx, latest);
  if (conv.state === 'queued') await pushQueue(ctx);
  if (conv.state === 'assigned' && conv.assignedAgentId) await pushTeamAgents(ctx, conv.assignedAgentId);
  return latest;
}

/** States a conversation has ended in: the visitor's next words start a new one. */
export const ENDED_STATES: readonly ConversationState[] = ['closed', 'ticket'];

/**
 * The visitor writes after their conversation ended: a new conversation with the bot continues it (the
 * ended one stays closed, rating and all, for the history). It opens with a `reopened` notice, the
 * line both sides show between the two; the visitor's tabs switch to it. Two tabs writing at once get
 * the same one (storage makes one continuation per conversation).
 */
export async function continueAfterEnd(ctx: KefuContext, ended: ConversationRecord): Promise<ConversationRecord> {
  const next = await ctx.storage.createConversation({
    siteKey: ended.siteKey,
    visitorId: ended.visitorId,
    ...(ended.lang ? { lang: ended.lang } : {}),
    previousConversationId: ended.id,
    now: ctx.now(),
  });
  // One notice however many tabs get here: its client id makes the second append return the first.
  const { created, conversation } = await postMessage(ctx, next, {
    clientId: 'reopened',
    author: 'system',
    text: noticeText('reopened', next.lang ?? 'zh-CN'),
    meta: { notice: 'reopened' },
  });
  if (created) await pushConversation(ctx, conversation);
  return conversation;
}

/** Who hands a conversation over, and what they tell the receiver (stored as their internal note). */
export interface Handover {
  by: AgentRecord;
  note?: { clientId: string; text: string } | undefined;
}

/** Why `target` cannot receive a conversation now, as a coded error; undefined when they can. */
function unavailable(target: AgentRecord): KefuError | undefined {
  if (target.disabledAt !== undefined) return new KefuError('conflict', `${target.name} is disabled`);
  if (target.presence === 'offline') return new KefuError('conflict', `${target.name} is offline`);
  return undefined;
}

/**
 * Hands an assigned conversation to another agent: refused when they are disabled, offline or (unless a
 * supervisor or admin does it) at capacity. The visitor is told; the receiver finds the note with the transcript.
 */
export async function transferToAgent(ctx: KefuContext, conv: ConversationRecord, target: AgentRecord, handover: Handover): Promise<ConversationRecord> {
  if (!canApply('transfer', conv.state)) throw await refused(ctx, conv.id, 'transfer');
  if (conv.assignedAgentId === target.id) throw new KefuError('conflict', `the conversation is already with ${target.name}`);
  const refusal = unavailable(target);
  if (refusal) throw refusal;
  const overCapacity = roleAtLeast(handover.by.role, 'supervisor');
  const moved = await ctx.storage.assignConversation(conv.id, TRANSITIONS.transfer.from, target.id, {}, ctx.now(), overCapacity);
  if (!moved) throw await refusedAssignment(ctx, conv.id, 'transfer', target);
  return handedOver(ctx, conv, moved, handover, target, { agentName: target.name });
}

/**
 * Hands an assigned conversation to a department, routed like a handoff: a member with room (not the one
 * handing it over) gets it, else the department's queue, keeping the visitor's place in time. Refused when
 * nobody there can answer now (outside its hours, or nobody present).
 */
export async function transferToDepartment(
  ctx: KefuContext,
  conv: ConversationRecord,
  department: DepartmentRecord,
  handover: Handover,
): Promise<ConversationRecord> {
  if (!canApply('transfer', conv.state)) throw await refused(ctx, conv.id, 'transfer');
  const route = await routeHandoff(ctx, department.key, conv.lang ?? 'zh-CN');
  if (route.to === 'away') throw new KefuError('conflict', `nobody in ${department.nameEn} can answer now`);
  const params: NoticeParams = { departmentZh: department.nameZh, departmentEn: department.nameEn };
  const patch: ConversationPatch = { department: department.key };
  if (route.to === 'agent') {
    for (const { agent } of route.candidates) {
      if (agent.id === conv.assignedAgentId) continue;
      const moved = await ctx.storage.assignConversation(conv.id, TRANSITIONS.transfer.from, agent.id, patch, ctx.now());
      if (moved) return handedOver(ctx, conv, moved, handover, agent, params);
    }
  }
  const queued = await transition(ctx, conv.id, 'requeue', { ...patch, assignedAgentId: null, assignedAt: null, queuedAt: conv.queuedAt ?? ctx.now() });
  if (!queued) throw await refused(ctx, conv.id, 'requeue');
  const latest = await handedOver(ctx, conv, queued, handover, undefined, params);
  await pushQueue(ctx);
  return latest;
}

/** A supervisor or admin gives a queued or assigned conversation to a named agent (themselves: taking over), past capacity if need be. */
export async function assignTo(ctx: KefuContext, conv: ConversationRecord, target: AgentRecord, by: AgentRecord): Promise<ConversationRecord> {
  if (!canApply('assign', conv.state)) throw await refused(ctx, conv.id, 'assign');
  if (conv.state === 'assigned' && conv.assignedAgentId === target.id) return conv;
  const refusal = target.id === by.id && target.disabledAt === undefined ? undefined : unavailable(target);
  if (refusal) throw refusal;
  const moved = await ctx.storage.assignConversation(conv.id, TRANSITIONS.assign.from, target.id, {}, ctx.now(), true);
  if (!moved) throw await refusedAssignment(ctx, conv.id, 'assign', target);
  if (conv.state === 'queued') {
    await recordTaking(ctx, moved);
    return joined(ctx, moved, target);
  }
  return handedOver(ctx, conv, moved, { by }, target, { agentName: target.name });
}

/** Why an assignment to `target` did not apply: the conversation moved on, or the agent is full or gone. */
async function refusedAssignment(ctx: KefuContext, id: string, command: LifecycleCommand, target: AgentRecord): Promise<KefuError> {
  const latest = await ctx.storage.getConversation(id);
  if (!latest || !canApply(command, latest.state)) return refused(ctx, id, command);
  const now = await ctx.storage.getAgent(target.id);
  return (now && unavailable(now)) ?? new KefuError('conflict', `${target.name} has no room (capacity ${target.capacity})`);
}

/**
 * After a transfer: the note is stored first (so the receiver's first open shows it), the receiver's tabs
 * follow the conversation, the visitor is told, and the previous agent's tabs stop following it.
 */
async function handedOver(
  ctx: KefuContext,
  before: ConversationRecord,
  after: ConversationRecord,
  handover: Handover,
  receiver: AgentRecord | undefined,
  params: NoticeParams,
): Promise<ConversationRecord> {
  if (receiver) ctx.agents.in(rooms.agent(receiver.id)).socketsJoin(rooms.conversation(after.id));
  if (handover.note) await addNote(ctx, after, handover.by, handover.note);
  const latest = await postNotice(ctx, after, 'transferred', params);
  await pushConversation(ctx, latest);
  const previous = before.assignedAgentId;
  if (previous && previous !== receiver?.id) ctx.agents.in(rooms.agent(previous)).socketsLeave(rooms.conversation(after.id));
  await pushTeamAgents(ctx, ...[receiver?.id, previous].filter((id): id is string => id !== undefined));
  ctx.log.info(`conversation ${after.id} transferred by ${handover.by.email} to ${receiver?.email ?? `the ${after.department ?? 'general'} queue`}`);
  return latest;
}

/** Stores an internal note and shows it to the agents watching the conversation; no visitor path ever carries it. */
export async function addNote(ctx: KefuContext, conv: ConversationRecord, by: AgentRecord, note: { clientId: string; text: string }) {
  const stored = await ctx.storage.addNote({ conversationId: conv.id, clientId: note.clientId, agentId: by.id, authorName: by.name, text: note.text, createdAt: ctx.now() });
  ctx.agents.to(rooms.conversation(conv.id)).emit('note', stored);
  return stored;
}
