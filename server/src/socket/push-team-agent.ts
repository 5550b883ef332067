/**
 * The team page follows the team live: an agent's row, as the team routes show it, pushed as `teamAgent` to
 * every enabled supervisor and admin (the readers of the team page; plain agents never get colleagues' rows),
 * through their agent rooms, so the adapter carries it to whichever node holds their consoles.
 */
import { roleAtLeast } from '@kefu/shared';
import { rooms, type KefuContext } from '../context.ts';
import { teamAgentViews } from '../http/team-views.ts';

/**
 * Pushes the current row of each agent named. Readers are looked up at each push (a promotion counts at
 * once). A failure is logged, never thrown: the change itself has been made, and a reload shows it.
 */
export async function pushTeamAgents(ctx: KefuContext, ...agentIds: string[]): Promise<void> {
  if (agentIds.length === 0) return;
  try {
    const [loads, departments] = await Promise.all([ctx.storage.listAgentLoads(), ctx.storage.listDepartments()]);
    const readers = loads.filter((l) => l.agent.disabledAt === undefined && roleAtLeast(l.agent.role, 'supervisor')).map((l) => rooms.agent(l.agent.id));
    if (readers.length === 0) return;
    const to = ctx.agents.to(readers);
    for (const view of teamAgentViews(loads.filter((l) => agentIds.includes(l.agent.id)), departments)) to.emit('teamAgent', view);
  } catch (err) {
    ctx.log.warn(`team rows of ${agentIds.join(', ')} not pushed`, err);
  }
}
