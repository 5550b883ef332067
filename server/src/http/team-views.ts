/** What team routes show of agents and departments: never a password hash or an invite's token. */
import type { Department, TeamAgent } from '@kefu/shared';
import type { AgentLoad, DepartmentRecord } from '../storage/storage.ts';

export const departmentView = (d: DepartmentRecord): Department => ({ key: d.key, nameZh: d.nameZh, nameEn: d.nameEn, members: d.members });

/** Agents with their department keys, read from the departments' member lists. */
export function teamAgentViews(loads: AgentLoad[], departments: DepartmentRecord[]): TeamAgent[] {
  return loads.map(({ agent, openConversations }) => ({
    id: agent.id,
    email: agent.email,
    name: agent.name,
    role: agent.role,
    presence: agent.presence,
    capacity: agent.capacity,
    disabled: agent.disabledAt !== undefined,
    departments: departments.filter((d) => d.members.includes(agent.id)).map((d) => d.key),
    openConversations,
  }));
}
