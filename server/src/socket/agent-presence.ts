/**
 * Presence follows the console, within the agent's own choice: an agent whom the server set offline (their
 * last console gone for a few seconds, not a page reload) is back as they chose (online, or away) when a
 * console opens again; an agent who chose offline stays offline until they pick otherwise, across reloads,
 * reconnects and restarts. Consoles are counted across nodes through the adapter, so a tab on another node
 * keeps them present. Every change reaches the team page (`teamAgent`, push-team-agent.ts).
 */
import type { Presence } from '@kefu/shared';
import type { AgentNamespace, KefuContext } from '../context.ts';
import { rooms } from '../context.ts';
import type { AgentRecord } from '../storage/storage.ts';
import { pushTeamAgents } from './push-team-agent.ts';

type AgentSocket = Parameters<Parameters<AgentNamespace['on']>[1]>[0];

/** How long a console may be gone before its agent counts as offline (a reload reconnects well within it). */
export const PRESENCE_GRACE_MS = 5000;

/** Where the agent's own last choice is kept: the settings store outlives restarts and is shared by every node. */
const choiceKey = (agentId: string) => `presence_choice:${agentId}`;

/** The agent picked a presence (the console's 在线 / 离开 / 离线): it is theirs until they pick again. */
export async function choosePresence(ctx: KefuContext, agent: AgentRecord, presence: Presence): Promise<AgentRecord> {
  await ctx.storage.setSetting(choiceKey(agent.id), presence);
  const updated = await ctx.storage.updateAgent(agent.id, { presence }, ctx.now());
  await pushTeamAgents(ctx, agent.id);
  return updated;
}

/**
 * The console said hello: an agent the server had set offline is back as they chose (online when they never
 * chose); one who chose offline stays so. Awaited, so a handoff right after finds them.
 */
export async function markPresent(ctx: KefuContext, agent: AgentRecord): Promise<AgentRecord> {
  if (agent.presence !== 'offline' || agent.disabledAt !== undefined) return agent;
  const chosen = await ctx.storage.getSetting(choiceKey(agent.id));
  if (chosen === 'offline') return agent;
  const updated = await ctx.storage.updateAgent(agent.id, { presence: chosen === 'away' ? 'away' : 'online' }, ctx.now());
  // Not awaited: the hello that brought them back should not wait for the supervisors' pages.
  void pushTeamAgents(ctx, agent.id);
  return updated;
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
        if (!agent || agent.presence === 'offline') return;
        await ctx.storage.updateAgent(id, { presence: 'offline' }, ctx.now());
        await pushTeamAgents(ctx, id);
      })().catch(warn);
    }, PRESENCE_GRACE_MS);
    timer.unref();
  });
}
