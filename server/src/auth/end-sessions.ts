/** Ending sessions: the stored session goes, and so do its live sockets, on every process (through the adapter's rooms). */
import type { KefuContext } from '../context.ts';
import { rooms } from '../context.ts';

/** Sign-out: one session and its sockets. */
export async function endSession(ctx: KefuContext, tokenHash: string): Promise<void> {
  await ctx.storage.deleteSession(tokenHash);
  ctx.agents.in(rooms.session(tokenHash)).disconnectSockets(true);
}

/** Password change, reset or (later) disabling: every session of the agent but `exceptTokenHash`, and their sockets. */
export async function endAgentSessions(ctx: KefuContext, agentId: string, exceptTokenHash?: string): Promise<number> {
  const ended = await ctx.storage.deleteAgentSessions(agentId, exceptTokenHash);
  const sockets = ctx.agents.in(rooms.agent(agentId));
  (exceptTokenHash ? sockets.except(rooms.session(exceptTokenHash)) : sockets).disconnectSockets(true);
  return ended;
}
