/**
 * The network edge of the console's component tests: `fetch` answered from a table of routes
 * (`'GET /api/departments'`), every request recorded with its parsed JSON body. Anything not in the
 * table is a 404 `not_found`, as the server would say.
 */
import { vi } from 'vitest';

export interface FakeRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface FakeReply {
  status?: number;
  body?: unknown;
}

export type FakeRoutes = Record<string, FakeReply | ((body: unknown, request: FakeRequest) => FakeReply)>;

/** Replaces the global `fetch` until the test ends (the setup file unstubs globals); returns the requests made. */
export function fakeFetch(routes: FakeRoutes): FakeRequest[] {
  const requests: FakeRequest[] = [];
  vi.stubGlobal('fetch', async (input: string | URL | Request, init: RequestInit = {}) => {
    const path = String(input instanceof Request ? input.url : input);
    const request: FakeRequest = {
      method: init.method ?? 'GET',
      path,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const route = routes[`${request.method} ${path}`];
    const reply = typeof route === 'function' ? route(request.body, request) : (route ?? { status: 404, body: { code: 'not_found' } });
    const status = reply.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), { status, headers: { 'content-type': 'application/json' } });
  });
  return requests;
}

/** A request that never gets an answer (for "while it is busy" states). */
export const never = (): Promise<Response> => new Promise(() => undefined);
