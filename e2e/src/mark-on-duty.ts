/** Puts an agent on duty over HTTP, so a visitor's handoff has someone present to queue for (nobody present: leave a message). */

/** Signs in (POST /api/auth/login) and sets the agent's presence to online (PUT /api/team/me/presence). */
export async function markOnDuty(serverUrl: string, credentials: { email: string; password: string }): Promise<void> {
  const login = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (login.status !== 200) throw new Error(`POST /api/auth/login answered ${login.status}: ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(`${serverUrl}/api/team/me/presence`, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ presence: 'online' }),
  });
  if (res.status !== 200) throw new Error(`PUT /api/team/me/presence answered ${res.status}: ${await res.text()}`);
}
