/**
 * Where a request for a human goes: straight to an agent of the conversation's department, to the queue, or
 * nowhere for now ("humans are away", with when they are back) when it is outside the department's service
 * hours or nobody who could answer is present.
 */
import type { Lang, VisitorAvailability } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { handoffAvailability, visitorAvailability } from '../hours/handoff-availability.ts';
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
  const hours = await handoffAvailability(ctx, department, ctx.now(), lang);
  if (hours.action === 'leave_message') return { to: 'away', text: hours.text, ...(hours.opensAt !== undefined ? { opensAt: hours.opensAt } : {}) };
  const team = await whoServes(ctx, department);
  if (!team.present) return { to: 'away', text: t(TEXTS.nobodyPresent, lang) };
  if (!team.members) return { to: 'queue' };
  const candidates = (await ctx.storage.listOnlineAgents(department)).filter((l) => l.openConversations < l.agent.capacity);
  return candidates.length > 0 ? { to: 'agent', candidates } : { to: 'queue' };
}

/** The widget header's "agents online / back at …": inside the hours with nobody present, humans are away too. */
export async function visitorAvailabilityNow(ctx: KefuContext, department: string | undefined): Promise<VisitorAvailability> {
  const hours = await visitorAvailability(ctx, department, ctx.now());
  if (!hours.open) return hours;
  return (await whoServes(ctx, department ?? 'general')).present ? hours : { open: false };
}

/** The department's members when it has any (else everyone serves it), and whether one of them is present. */
async function whoServes(ctx: KefuContext, department: string): Promise<{ members?: Set<string>; present: boolean }> {
  const [loads, dept] = await Promise.all([ctx.storage.listAgentLoads(), ctx.storage.getDepartment(department)]);
  const members = dept && dept.members.length > 0 ? new Set(dept.members) : undefined;
  const present = loads.some((l) => l.agent.disabledAt === undefined && l.agent.presence !== 'offline' && (!members || members.has(l.agent.id)));
  return { ...(members ? { members } : {}), present };
}
