/**
 * The sites admin on a real server (SQLite, 127.0.0.1): an admin lists, creates and changes sites over
 * HTTP (bad input refused with a code and nothing stored), and the widget's hello acknowledgement carries
 * the site's look, greeting, pre-chat form and suggested questions.
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, SiteView } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { closeClients, connectVisitor, login, ok, recorder, startServer, visitorCall, type VisitorClient } from './support/test-server.ts';

let server: KefuServer;
let cookie: string;

beforeAll(async () => {
  server = await startServer();
  cookie = await login(server.url);
});

afterAll(async () => {
  for (const socket of opened) socket.disconnect();
  closeClients();
  await server?.close();
});

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const SECRET = 'a-long-identity-secret-0123456789';

/** A visitor of the shop's page: the socket names its site at the handshake, where its origin is judged. */
const opened: VisitorClient[] = [];
function shopVisitor(): VisitorClient {
  const socket: VisitorClient = io(`${server.url}/visitor`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { origin: 'https://shop.example' },
    auth: { site: 'shop' },
  });
  opened.push(socket);
  return socket;
}

describe('sites admin routes', () => {
  it('creates a site with every setting, refuses a taken key, and lists it without its secret', async () => {
    await api('POST', '/api/departments', { key: 'sales', nameZh: '销售', nameEn: 'Sales' });
    const created = await api('POST', '/api/sites', {
      key: 'shop',
      name: ' 商城 ',
      allowedOrigins: ['https://shop.example/'],
      themeColor: '#0F766E',
      welcomeText: '您好！\n有什么可以帮您？',
      suggestions: ['客服热线是多少', '能寄到国外吗？'],
      preChat: { mode: 'optional', askName: true, askContact: false, askDepartment: true },
      defaultDepartment: 'sales',
      identitySecret: SECRET,
    });
    expect(created.status).toBe(201);
    const expected: Omit<SiteView, 'createdAt'> = {
      key: 'shop',
      name: '商城',
      allowedOrigins: ['https://shop.example'],
      identityRequired: false,
      hasIdentitySecret: true,
      tokenGeneration: 0,
      themeColor: '#0f766e',
      welcomeText: '您好！\n有什么可以帮您？',
      suggestions: ['客服热线是多少', '能寄到国外吗？'],
      preChat: { mode: 'optional', askName: true, askContact: false, askDepartment: true },
      defaultDepartment: 'sales',
    };
    expect(created.json.site).toMatchObject(expected);

    const again = await api('POST', '/api/sites', { key: 'shop', name: 'Another' });
    expect([again.status, again.json.code]).toEqual([409, 'conflict']);
    const listed = await api('GET', '/api/sites');
    expect(JSON.stringify(listed.json)).not.toContain(SECRET);
    expect(listed.json.sites.map((s: SiteView) => s.key)).toEqual(['demo', 'shop']);
    expect(listed.json.sites[1]).toMatchObject({ ...expected, name: '商城' });
  });

  it('refuses malformed sites and settings with bad_request and stores nothing', async () => {
    const bad: [string, unknown][] = [
      ['key with capitals', { key: 'Shop2', name: 'X' }],
      ['one-character key', { key: 'a', name: 'X' }],
      ['key starting with -', { key: '-shop', name: 'X' }],
      ['no name', { key: 'blog' }],
      ['colour name', { key: 'blog', name: 'Blog', themeColor: 'red' }],
      ['short hex', { key: 'blog', name: 'Blog', themeColor: '#fff' }],
      ['long welcome', { key: 'blog', name: 'Blog', welcomeText: '你'.repeat(501) }],
      ['seven suggestions', { key: 'blog', name: 'Blog', suggestions: ['1', '2', '3', '4', '5', '6', '7'] }],
      ['long suggestion', { key: 'blog', name: 'Blog', suggestions: ['问'.repeat(101)] }],
      ['empty suggestion', { key: 'blog', name: 'Blog', suggestions: [' '] }],
      ['unknown mode', { key: 'blog', name: 'Blog', preChat: { mode: 'always', askName: true, askContact: true, askDepartment: true } }],
      ['unknown department', { key: 'blog', name: 'Blog', defaultDepartment: 'nowhere' }],
      ['required identity without a secret', { key: 'blog', name: 'Blog', identityRequired: true }],
      ['origin with a path', { key: 'blog', name: 'Blog', allowedOrigins: ['https://blog.example/a'] }],
    ];
    for (const [what, body] of bad) {
      const res = await api('POST', '/api/sites', body);
      expect(`${what}: ${res.status} ${res.json.code}`).toBe(`${what}: 400 bad_request`);
    }
    expect((await api('GET', '/api/sites')).json.sites.map((s: SiteView) => s.key)).not.toContain('blog');

    const before = (await api('GET', '/api/sites/shop')).json.site;
    for (const body of [{ themeColor: '#12345g' }, { suggestions: ['a', 'a'] }, { defaultDepartment: 'nowhere' }, { preChat: { mode: 'off' } }]) {
      const res = await api('PATCH', '/api/sites/shop', body);
      expect(`${JSON.stringify(body)}: ${res.status} ${res.json.code}`).toBe(`${JSON.stringify(body)}: 400 bad_request`);
    }
    expect((await api('GET', '/api/sites/shop')).json.site).toEqual(before);
    expect((await api('PATCH', '/api/sites/nope', { name: 'x' })).status).toBe(404);
  });

  it('changes and clears the new settings; a blank welcome text clears it', async () => {
    const changed = await api('PATCH', '/api/sites/shop', { themeColor: null, welcomeText: '  ', suggestions: [], defaultDepartment: null, identitySecret: null });
    expect(changed.status).toBe(200);
    expect(changed.json.site).toMatchObject({ key: 'shop', name: '商城', suggestions: [], hasIdentitySecret: false });
    for (const field of ['themeColor', 'welcomeText', 'defaultDepartment']) expect(changed.json.site).not.toHaveProperty(field);
    const restored = await api('PATCH', '/api/sites/shop', { themeColor: '#0f766e', welcomeText: '您好！有什么可以帮您？', suggestions: ['客服热线是多少', '能寄到国外吗？'] });
    expect(restored.json.site).toMatchObject({ themeColor: '#0f766e', welcomeText: '您好！有什么可以帮您？' });
  });
});

describe('hello acknowledgement', () => {
  it('carries the site settings, its departments when the form asks for one, and its questions as the welcome buttons', async () => {
    const visitor = shopVisitor();
    const hello = ok(await visitorCall(visitor, 'hello', { site: 'shop', lang: 'zh-CN' }));
    expect(hello.site).toEqual({
      name: '商城',
      themeColor: '#0f766e',
      welcomeText: '您好！有什么可以帮您？',
      preChat: { mode: 'optional', askName: true, askContact: false, askDepartment: true },
      departments: expect.arrayContaining([{ key: 'sales', nameZh: '销售', nameEn: 'Sales' }]),
    });
    // The first question is the hotline entry's own (alternate) wording, so it is answered from that entry; the second is matched as typed.
    expect(hello.welcome).toEqual([{ id: 'hotline', question: '客服热线是多少' }, { question: '能寄到国外吗？' }]);

    // A question without an entry id is sent as typed: the bot answers or declines it like any message.
    const messages = recorder<Message>(visitor, 'message');
    ok(await visitorCall(visitor, 'send', { clientId: 'tap-1', text: hello.welcome[1]!.question }));
    const reply = await messages.next((m) => m.author === 'bot');
    expect(reply.text.length).toBeGreaterThan(0);
    ok(await visitorCall(visitor, 'send', { clientId: 'tap-2', text: hello.welcome[0]!.question, entryId: hello.welcome[0]!.id }));
    expect((await messages.next((m) => m.author === 'bot' && m.meta?.entryId === 'hotline')).text).toContain('400-XXX-XXXX');
  });

  it('sends no departments when the form does not ask for one, and the knowledge base welcome when the site has no questions', async () => {
    await api('PATCH', '/api/sites/shop', { preChat: { mode: 'required', askName: false, askContact: true, askDepartment: false }, suggestions: [] });
    const hello = ok(await visitorCall(shopVisitor(), 'hello', { site: 'shop', lang: 'en' }));
    expect(hello.site).toMatchObject({ preChat: { mode: 'required', askContact: true, askDepartment: false }, departments: [] });
    expect(hello.welcome.map((s) => s.id)).toEqual(['hotline', 'service-hours', 'ticket-lookup']);
    expect(hello.welcome[0]?.question).toBe('What is the customer service hotline?');

    const demo = ok(await visitorCall(connectVisitor(server.url), 'hello', {}));
    expect(demo.site).toEqual({ name: expect.any(String), preChat: { mode: 'off', askName: false, askContact: false, askDepartment: false }, departments: [] });
  });
});
