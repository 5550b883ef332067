/**
 * Presence follows the console: opening it makes an agent who was offline online (an agent who chose
 * "away" stays away), and when their last console has been gone for a few seconds (not a page reload) they
 * are offline. Counted across nodes through the adapter, so a tab on another node keeps them present.
 */
import type { AgentNamespace, KefuContext } from '../context.ts';
import { rooms } from '../context.ts';
import type { AgentRecord } from '../storage/storage.ts';

type AgentSocket = Parameters<Parameters<AgentNamespace['on']>[1]>[0];

/** How long a console may be gone before its agent counts as offline (a reload reconnects well within it). */
export const PRESENCE_GRACE_MS = 5000;

/** The console said hello: an agent who was offline is online now (awaited, so a handoff right after finds them). */
export async function markPresent(ctx: KefuContext, agent: AgentRecord): Promise<AgentRecord> {
  if (agent.presence !== 'offline' || agent.disabledAt !== undefined) return agent;
  return ctx.storage.updateAgent(agent.id, { presence: 'online' }, ctx.now());
}

/** When the agent's last console has been gone for the grace period, they are offline. */
export function trackAgentPresence(ctx: KefuContext, socket: AgentSocket): void {
  const id = socket.data.agent.id;
  const warn = (err: unknown) => ctx.log.warn(`presence of agent ${id} not updated`, err);
  socket.on('disconnect', () => {
    const timer = setTimeout(() => {
      void (async () => {
        if ((await ctx.agents.in(rooms.agent(id)).fetchSockets()).length > 0) return;
        const agent = await ctx.storage.getAgent(id);
        if (agent && agent.presence !== 'offline') await ctx.storage.updateAgent(id, { presence: 'offline' }, ctx.now());
      })().catch(warn);
    }, PRESENCE_GRACE_MS);
    timer.unref();
  });
}
