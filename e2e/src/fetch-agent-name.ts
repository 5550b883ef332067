/** Reads the signed-in agent's display name from the server, to look for it in the visitor's transcript. */

/** Signs in over HTTP (POST /api/auth/login) and returns `agent.name`. */
export async function fetchAgentName(serverUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const body: unknown = await res.json().catch(() => null);
  const agent = typeof body === 'object' && body !== null && 'agent' in body ? (body as { agent: unknown }).agent : null;
  const name = typeof agent === 'object' && agent !== null && 'name' in agent ? (agent as { name: unknown }).name : null;
  if (res.status !== 200 || typeof name !== 'string' || name.length === 0) {
    throw new Error(`POST /api/auth/login with the admin credentials answered ${res.status} without agent.name: ${JSON.stringify(body)}`);
  }
  return name;
}
