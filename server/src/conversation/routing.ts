/**
 * Where a request for a human goes: straight to an agent of the conversation's department, to the queue, or
 * nowhere for now ("humans are away", with when they are back) when it is outside the department's service
 * hours or nobody who could answer is present.
 */
import type { Lang } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { handoffAvailability } from '../hours/handoff-availability.ts';
import type { AgentLoad } from '../storage/storage.ts';
import { TEXTS, t } from './texts.ts';

export type Route =
  /** Online members of the department with room, best first (least loaded, then idle longest). */
  | { to: 'agent'; candidates: AgentLoad[] }
  | { to: 'queue' }
  /** `text` tells the visitor why, and when humans are back when that is known. */
  | { to: 'away'; text: string; opensAt?: number };

/**
 * A department with members is served by them: they are assigned automatically while online and under
 * capacity, and when none of them is present (online or away) the visitor is told. A department without
 * members (a fresh install, or `general`) waits in the queue for whoever is present to take it.
 */
export async function routeHandoff(ctx: KefuContext, department: string, lang: Lang): Promise<Route> {
  const now = ctx.now();
  const hours = await handoffAvailability(ctx, department, now, lang);
  if (hours.action === 'leave_message') return { to: 'away', text: hours.text, ...(hours.opensAt !== undefined ? { opensAt: hours.opensAt } : {}) };
  const [loads, dept] = await Promise.all([ctx.storage.listAgentLoads(), ctx.storage.getDepartment(department)]);
  const members = dept && dept.members.length > 0 ? new Set(dept.members) : undefined;
  const present = loads.some((l) => l.agent.disabledAt === undefined && l.agent.presence !== 'offline' && (!members || members.has(l.agent.id)));
  if (!present) return { to: 'away', text: t(TEXTS.nobodyPresent, lang) };
  if (!members) return { to: 'queue' };
  const candidates = (await ctx.storage.listOnlineAgents(department)).filter((l) => l.openConversations < l.agent.capacity);
  return candidates.length > 0 ? { to: 'agent', candidates } : { to: 'queue' };
}
