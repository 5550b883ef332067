/** Same-origin calls to the team and department routes; every call resolves, with the data or an error code. */
import type { Department, ErrorCode, InviteCreated, InviteInfo, Presence, TeamAgent, AgentProfile } from '@kefu/shared';

/** The data, or why not (`network` = the server could not be reached). */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode | 'network'; message?: string };

/** One same-origin JSON call; a refusal carries the server's code and message (which names the field at fault). */
export async function request<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
    if (res.ok) return { ok: true, data: json as T };
    const error = json as { code?: ErrorCode; message?: string } | undefined;
    return { ok: false, code: error?.code ?? (res.status === 401 ? 'unauthorized' : 'internal'), ...(error?.message ? { message: error.message } : {}) };
  } catch {
    return { ok: false, code: 'network' };
  }
}

export const teamApi = {
  me: () => request<{ agent: TeamAgent }>('GET', '/api/team/me'),
  setPresence: (presence: Presence) => request<{ presence: Presence }>('PUT', '/api/team/me/presence', { presence }),
  agents: () => request<{ agents: TeamAgent[] }>('GET', '/api/team/agents'),
  patchAgent: (id: string, patch: { role?: string; capacity?: number; disabled?: boolean; name?: string }) =>
    request<{ agent: TeamAgent }>('PATCH', `/api/team/agents/${encodeURIComponent(id)}`, patch),
  invite: (input: { email: string; role: string; department?: string }) => request<{ invite: InviteCreated }>('POST', '/api/team/invites', input),
  inviteInfo: (token: string) => request<{ invite: InviteInfo }>('GET', `/api/team/invites/${encodeURIComponent(token)}`),
  acceptInvite: (token: string, name: string, password: string) =>
    request<{ agent: AgentProfile }>('POST', `/api/team/invites/${encodeURIComponent(token)}/accept`, { name, password }),
  departments: () => request<{ departments: Department[] }>('GET', '/api/departments'),
  createDepartment: (input: { key: string; nameZh: string; nameEn: string }) => request<{ department: Department }>('POST', '/api/departments', input),
  patchDepartment: (key: string, patch: { nameZh?: string; nameEn?: string }) =>
    request<{ department: Department }>('PATCH', `/api/departments/${encodeURIComponent(key)}`, patch),
  deleteDepartment: (key: string) => request<void>('DELETE', `/api/departments/${encodeURIComponent(key)}`),
  setMember: (key: string, agentId: string, member: boolean) =>
    request<{ department: Department }>(member ? 'PUT' : 'DELETE', `/api/departments/${encodeURIComponent(key)}/members/${encodeURIComponent(agentId)}`),
};
