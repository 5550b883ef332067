/**
 * The team's desk events on `/agent`: internal notes, transfer, a supervisor's assign and the list of every
 * live conversation. The least role for each is in agent-permissions.ts; who may act
 * on which conversation (its assigned agent, or a supervisor or admin) is checked here.
 */
import { randomUUID } from 'node:crypto';
import {
  AssignSchema,
  NoteSchema,
  TransferSchema,
  roleAtLeast,
  v,
  type AgentClientEvents,
  type LiveConversation,
} from '@kefu/shared';
import type { AgentNamespace, KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { addNote, assignTo, transferToAgent, transferToDepartment } from '../conversation/lifecycle.ts';
import { summaryView } from '../conversation/views.ts';
import type { AgentRecord, ConversationRecord } from '../storage/storage.ts';
import { handlers } from './handle.ts';

type AgentSocket = Parameters<Parameters<AgentNamespace['on']>[1]>[0];

const EmptySchema = v.optional(v.object({}), {});

export function registerDeskEvents(ctx: KefuContext, socket: AgentSocket): void {
  const { storage } = ctx;
  const on = handlers<AgentClientEvents>(socket, ctx.log);
  const me = () => socket.data.agent;
  const find = async (id: string): Promise<ConversationRecord> => {
    const conv = await storage.getConversation(id);
    if (!conv) throw new KefuError('not_found', 'conversation not found');
    return conv;
  };
  const findAgent = async (id: string): Promise<AgentRecord> => {
    const agent = await storage.getAgent(id);
    if (!agent) throw new KefuError('not_found', 'agent not found');
    return agent;
  };
  /** The assigned agent, or a supervisor or admin, may act on a conversation. */
  const mayHandle = (conv: ConversationRecord, what: string): void => {
    const agent = me();
    if (conv.assignedAgentId !== agent.id && !roleAtLeast(agent.role, 'supervisor')) {
      throw new KefuError('forbidden', `only the assigned agent, a supervisor or an admin can ${what} this conversation`);
    }
  };

  on('note', NoteSchema, async ({ conversationId, clientId, text }) => {
    const conv = await find(conversationId);
    mayHandle(conv, 'add a note to');
    return { note: await addNote(ctx, conv, me(), { clientId, text }) };
  });

  on('transfer', TransferSchema, async ({ conversationId, to, note }) => {
    const conv = await find(conversationId);
    mayHandle(conv, 'transfer');
    const handover = { by: me(), note: note ? { clientId: `transfer-${randomUUID()}`, text: note } : undefined };
    let moved: ConversationRecord;
    if ('agentId' in to) {
      moved = await transferToAgent(ctx, conv, await findAgent(to.agentId), handover);
    } else {
      const department = await storage.getDepartment(to.department);
      if (!department) throw new KefuError('not_found', 'department not found');
      moved = await transferToDepartment(ctx, conv, department, handover);
    }
    return { conversation: await summaryView(ctx, moved) };
  });

  on('assign', AssignSchema, async ({ conversationId, agentId }) => {
    const conv = await find(conversationId);
    const target = await findAgent(agentId);
    const assigned = await assignTo(ctx, conv, target, me());
    ctx.log.info(`conversation ${assigned.id} assigned to ${target.email} by ${me().email}`);
    return { conversation: await summaryView(ctx, assigned) };
  });

  on('listAgents', EmptySchema, async () => {
    const [loads, departments] = await Promise.all([storage.listAgentLoads(), storage.listDepartments()]);
    const agents = loads
      .filter(({ agent }) => agent.disabledAt === undefined)
      .map(({ agent, openConversations }) => ({
        id: agent.id,
        name: agent.name,
        presence: agent.presence,
        departments: departments.filter((d) => d.members.includes(agent.id)).map((d) => d.key),
        full: openConversations >= agent.capacity,
      }));
    return { agents };
  });

  on('listLive', EmptySchema, async () => {
    const now = ctx.now();
    const live = await storage.listLive();
    const conversations = await Promise.all(live.map(async (conv): Promise<LiveConversation> => ({ ...(await summaryView(ctx, conv)), waitMs: waitOf(conv, now) })));
    return { conversations };
  });
}

/** How long the visitor waited for a human: still waiting while queued, until the assignment once assigned. */
function waitOf(conv: ConversationRecord, now: number): number {
  if (conv.queuedAt === undefined) return 0;
  const end = conv.state === 'queued' ? now : (conv.assignedAt ?? now);
  return Math.max(0, end - conv.queuedAt);
}
