/** The `/agent` namespace: session-checked (agent-session-guard.ts) hello, accept (atomic), open, send, close (PROTOCOL.md, "Agent session"). */
import { AgentHistorySchema, AgentSendSchema, ConversationRefSchema, OpenConversationSchema, v, type AgentClientEvents } from '@kefu/shared';
import type { AgentNamespace, KefuContext } from '../context.ts';
import { rooms } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { agentProfile } from '../auth/agent-profile.ts';
import { postMessage } from '../conversation/broadcast.ts';
import { accept, close } from '../conversation/lifecycle.ts';
import { historyPage, replayPage } from '../conversation/message-pages.ts';
import { summaryView } from '../conversation/views.ts';
import { handoffCard } from '../conversation/handoff-card.ts';
import type { ConversationRecord } from '../storage/storage.ts';
import { handlers } from './handle.ts';
import { agentHandshake, guardAgentSocket, startSessionSweep } from './agent-session-guard.ts';
import { guardAgentPermissions } from './agent-permissions.ts';
import { registerAgentTypingAndRead } from './typing-and-read.ts';
import { markPresent, trackAgentPresence } from './agent-presence.ts';
import { registerDeskEvents } from './desk-events.ts';

type AgentSocket = Parameters<Parameters<AgentNamespace['on']>[1]>[0];

const HelloSchema = v.optional(v.object({}), {});

/** Installs the session checks and the handlers; `close()` stops the session sweep. */
export function setupAgentNamespace(ctx: KefuContext): { close(): void } {
  ctx.agents.use(agentHandshake(ctx));
  ctx.agents.on('connection', (socket) => {
    void socket.join([rooms.agents, rooms.agent(socket.data.agent.id), rooms.session(socket.data.sessionTokenHash)]);
    guardAgentSocket(ctx, socket);
    guardAgentPermissions(ctx, socket);
    registerAgentHandlers(ctx, socket);
    registerAgentTypingAndRead(ctx, socket);
    registerDeskEvents(ctx, socket);
    trackAgentPresence(ctx, socket);
  });
  return startSessionSweep(ctx);
}

function registerAgentHandlers(ctx: KefuContext, socket: AgentSocket): void {
  const { storage } = ctx;
  const on = handlers<AgentClientEvents>(socket, ctx.log);
  const agent = () => socket.data.agent;
  const find = async (id: string): Promise<ConversationRecord> => {
    const conv = await storage.getConversation(id);
    if (!conv) throw new KefuError('not_found', 'conversation not found');
    return conv;
  };
  const detail = async (conv: ConversationRecord, afterSeq?: number) => ({
    conversation: await summaryView(ctx, conv),
    ...(await replayPage(storage, conv, afterSeq)),
    notes: await storage.listNotes(conv.id),
    card: await handoffCard(ctx, conv),
  });

  on('hello', HelloSchema, async () => {
    const me = await markPresent(ctx, (await storage.getAgent(agent().id)) ?? agent());
    const [queue, mine] = await Promise.all([storage.listQueue(), storage.listAssigned(me.id)]);
    await socket.join(mine.map((c) => rooms.conversation(c.id)));
    return {
      agent: agentProfile(me),
      queue: await Promise.all(queue.map((c) => summaryView(ctx, c))),
      mine: await Promise.all(mine.map((c) => summaryView(ctx, c))),
    };
  });

  on('accept', ConversationRefSchema, async ({ conversationId }) => {
    const me = agent();
    const latest = await accept(ctx, await find(conversationId), me);
    ctx.log.info(`conversation ${latest.id} accepted by ${me.email}`);
    return detail(latest);
  });

  on('open', OpenConversationSchema, async ({ conversationId, afterSeq }) => {
    const conv = await find(conversationId);
    await socket.join(rooms.conversation(conv.id));
    return detail(conv, afterSeq);
  });

  on('history', AgentHistorySchema, async ({ conversationId, beforeSeq }) => {
    const conv = await find(conversationId);
    return historyPage(storage, conv.id, beforeSeq);
  });

  on('send', AgentSendSchema, async ({ conversationId, clientId, text }) => {
    const conv = await find(conversationId);
    const existing = await storage.findMessage(conv.id, clientId);
    if (existing) return { message: existing };
    const me = agent();
    if (conv.state !== 'assigned') throw new KefuError('invalid_state', `conversation is ${conv.state}; accept it first`);
    if (conv.assignedAgentId !== me.id && me.role !== 'admin') throw new KefuError('forbidden', 'conversation is assigned to another agent');
    const { message } = await postMessage(ctx, conv, { clientId, author: 'agent', authorName: me.name, text });
    return { message };
  });

  on('close', ConversationRefSchema, async ({ conversationId }) => {
    const conv = await find(conversationId);
    const me = agent();
    if (conv.assignedAgentId !== me.id && me.role !== 'admin') throw new KefuError('forbidden', 'only the assigned agent can close this conversation');
    return { conversation: await summaryView(ctx, await close(ctx, conv)) };
  });
}
