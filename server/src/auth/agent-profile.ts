/** What an agent record shows to clients: never the password hash. */
import type { AgentProfile } from '@kefu/shared';
import type { AgentRecord } from '../storage/storage.ts';

export const agentProfile = (a: AgentRecord): AgentProfile => ({ id: a.id, email: a.email, name: a.name, role: a.role });
