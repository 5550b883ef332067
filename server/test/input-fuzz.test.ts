/**
 * Seeded random input on every HTTP route (as an admin, an agent and a signed-out caller) and every socket event: each request
 * gets an answer with a code (never a 500 or an `internal` ack), and the server goes on serving visitors afterwards.
 * The routes are read from the routers' sources, so a new route is fuzzed without being listed here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentClientEvents, VisitorClientEvents } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { ODD_SEGMENTS, randomInput } from './support/random-input.ts';
import { agentCall, closeClients, connectAgent, connectVisitor, joinTeam, login, ok, startServer, visitorCall } from './support/test-server.ts';

const HTTP_DIR = new URL('../src/http/', import.meta.url);

/** [method, path] of every route the routers declare, with the prefix `create-app.ts` mounts each router under. */
function declaredRoutes(): [string, string][] {
  const app = readFileSync(new URL('create-app.ts', HTTP_DIR), 'utf8');
  const prefixes = new Map<string, string>();
  for (const [, prefix = '', factory] of app.matchAll(/app\.use\((?:'([^']*)', )?(\w+Routes)\(/g)) prefixes.set(factory!, prefix);
  const routes: [string, string][] = [];
  for (const file of readdirSync(HTTP_DIR).filter((f) => f.endsWith('-routes.ts'))) {
    const source = readFileSync(new URL(file, HTTP_DIR), 'utf8');
    const factory = /export function (\w+Routes)\(/.exec(source)?.[1];
    const prefix = factory === undefined ? undefined : prefixes.get(factory);
    if (prefix === undefined) continue;
    for (const [, method, path] of source.matchAll(/\.(get|post|put|patch|delete)\(\s*'(\/[^']*)'/g)) {
      routes.push([method!.toUpperCase(), `${prefix}${path === '/' && prefix ? '' : path}`]);
    }
  }
  return routes;
}

function parsed(text: string): { code?: unknown; message?: unknown } | undefined {
  try {
    return JSON.parse(text) as { code?: unknown; message?: unknown };
  } catch {
    return undefined;
  }
}

let server: KefuServer;
let cookie: string;
/** A signed-in agent (not an admin): the permission checks take other paths. */
let agentCookie: string;
beforeAll(async () => {
  server = await startServer();
  cookie = await login(server.url);
  agentCookie = (await joinTeam(server.url, cookie, 'fuzz-agent@kefu.test', 'agent', 'Fuzz')).cookie;
});
afterAll(async () => {
  closeClients();
  await server?.close();
});

/** A visitor asks the bot a question and gets an answer: the server still serves after the fuzz. */
async function visitorStillServed(): Promise<void> {
  const visitor = connectVisitor(server.url);
  ok(await visitorCall(visitor, 'hello', {}));
  const sent = ok(await visitorCall(visitor, 'send', { clientId: 'after-fuzz', text: '客服热线是多少' }));
  expect(sent.message.text).toBe('客服热线是多少');
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
}

describe('random input on every HTTP route', () => {
  it('finds the routes of every router', () => {
    const routes = declaredRoutes();
    // A parse that found nothing would make the next test pass vacuously.
    expect(routes.length).toBeGreaterThan(50);
    expect(routes).toContainEqual(['PATCH', '/api/tickets/:number']);
    expect(routes).toContainEqual(['POST', '/status/reply']);
  });

  it('answers a path parameter it cannot percent-decode with 400 bad_request (it was a 500)', async () => {
    for (const path of ['/api/tickets/%E0%A4%A', '/api/sites/%E0%A4%A', '/api/files/%ZZ/link']) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
      expect(res.status, path).toBe(400);
      expect(await res.json(), path).toEqual({ code: 'bad_request', message: 'malformed percent-encoding in the URL path' });
    }
  });

  it('answers 2,000 odd requests from an admin, an agent and a signed-out caller with a code, none with a 500, and still serves visitors', async () => {
    const input = randomInput(20261203);
    // Signing out would end the fuzz's session; the sign-in limits are tested elsewhere.
    const routes = declaredRoutes().filter(([method, path]) => !(method === 'POST' && /\/auth\/(logout|login)$/.test(path)));
    const failures: string[] = [];
    for (let round = 0; round < 36; round++) {
      const caller = [cookie, agentCookie, undefined][round % 3];
      for (const [method, pattern] of routes) {
        const path = pattern.replace(/:\w+/g, () => input.pick(ODD_SEGMENTS));
        const query = input.chance(0.4) ? `?${['q', 'from', 'to', 'status', 'page', 'limit'].map((k) => `${k}=${encodeURIComponent((JSON.stringify(input.value(2)) ?? '').slice(0, 300))}`).join('&')}` : '';
        const headers: Record<string, string> = caller ? { cookie: caller } : {};
        let body: string | undefined;
        if (method !== 'GET' && !path.startsWith('/api/')) {
          // The status page's forms: URL-encoded fields, some repeated, some with bytes that do not decode.
          const fields = Object.entries(input.object()).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(JSON.stringify(v)).slice(0, 3000))}`);
          body = [...fields, input.pick(['number=%E0%A4%A', 'email=a&email=b', 'score[]=1', 'text=', ''])].join('&');
          headers['content-type'] = 'application/x-www-form-urlencoded';
        } else if (method !== 'GET') {
          body = input.chance(0.7) ? JSON.stringify(input.object()) : input.chance(0.5) ? JSON.stringify(input.value()) : input.pick(['{"text":', '\u0000', '[]]']);
          headers['content-type'] = input.chance(0.9) ? 'application/json' : input.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);
        }
        const res = await fetch(`${server.url}${path}${query}`, { method, headers, body });
        const text = await res.text();
        const what = `${method} ${path.slice(0, 80)}${query.slice(0, 60)} ${body?.slice(0, 80) ?? ''} → ${res.status} ${text.slice(0, 100)}`;
        if (res.status >= 500) failures.push(what);
        else if (res.status >= 400 && path.startsWith('/api/')) {
          const error = parsed(text);
          if (typeof error?.code !== 'string' || typeof error.message !== 'string') failures.push(`no code and message: ${what}`);
        }
      }
    }
    expect(failures, failures.slice(0, 10).join('\n')).toEqual([]);
    await visitorStillServed();
  }, 120_000);
});

/** Every event of each side, so the compiler asks for a new event to be added here. */
const VISITOR_EVENTS = {
  hello: 0, send: 0, handoff: 0, leaveQueue: 0, rate: 0, sync: 0, history: 0, typing: 0,
  myTickets: 0, ticket: 0, addTicketInfo: 0, rateTicket: 0, proposeTier: 0, complain: 0,
} satisfies Record<keyof VisitorClientEvents, 0>;
const AGENT_EVENTS = {
  hello: 0, accept: 0, open: 0, send: 0, close: 0, history: 0, typing: 0, read: 0,
  note: 0, transfer: 0, assign: 0, listAgents: 0, listLive: 0,
} satisfies Record<keyof AgentClientEvents, 0>;

describe('random payloads on every socket event', () => {
  it('acknowledges each with a result or a coded error, never `internal`, and still serves visitors', async () => {
    const input = randomInput(31);
    const visitor = connectVisitor(server.url);
    ok(await visitorCall(visitor, 'hello', {}));
    const sent = ok(await visitorCall(visitor, 'send', { clientId: 'fuzz-0', text: '转人工' }));
    const agent = connectAgent(server.url, cookie);
    ok(await agentCall(agent, 'hello', {}));
    // Half the payloads name the real conversation, so the handlers get past "not found".
    const payload = (): unknown => {
      if (!input.chance(0.7)) return input.value();
      const fields = input.object();
      if (input.chance(0.5)) fields.conversationId = sent.message.conversationId;
      return fields;
    };
    const failures: string[] = [];
    for (let round = 0; round < 30; round++) {
      for (const event of Object.keys(VISITOR_EVENTS) as (keyof VisitorClientEvents)[]) {
        const body = payload();
        const res = await visitorCall(visitor, event, body);
        if (!res.ok && res.error.code === 'internal') failures.push(`visitor ${event} ${JSON.stringify(body)?.slice(0, 120)}`);
      }
      for (const event of Object.keys(AGENT_EVENTS) as (keyof AgentClientEvents)[]) {
        const body = payload();
        const res = await agentCall(agent, event, body);
        if (!res.ok && res.error.code === 'internal') failures.push(`agent ${event} ${JSON.stringify(body)?.slice(0, 120)}`);
      }
    }
    expect(failures, failures.slice(0, 10).join('\n')).toEqual([]);
    expect(visitor.connected && agent.connected).toBe(true);
    await visitorStillServed();
  }, 120_000);
});
