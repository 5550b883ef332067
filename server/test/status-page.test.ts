/**
 * The public status page and ticket satisfaction on a real server (SQLite, injected clock): the right
 * pair shows the ticket, a wrong email and an unknown number are indistinguishable, guessing is rate
 * limited, information added lands as a customer reply, the 48 h rating window, and the averages.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicTicketStatus, RatingSummary } from '@kefu/shared';
import { createKefuServer, type KefuServer } from '../src/index.ts';
import { openSqliteStorage } from '../src/storage/sqlite/sqlite-storage.ts';
import type { Storage } from '../src/storage/storage.ts';
import type { TicketRecord } from '../src/storage/ticket-storage.ts';
import { ALWAYS_OPEN, ADMIN, FIXTURE_KB, TEST_LIMITS, closeClients, connectVisitor, login, ok, tempDir, visitorCall } from './support/test-server.ts';

const HOUR = 3_600_000;
let now = Date.UTC(2026, 10, 30, 2, 0, 0);
let server: KefuServer;
let storage: Storage;
let agentId: string;

async function start(limits: Record<string, number> = {}): Promise<{ server: KefuServer; storage: Storage }> {
  const dataDir = tempDir();
  const s = openSqliteStorage(join(dataDir, 'kefu.sqlite'));
  const srv = await createKefuServer(
    { port: 0, dataDir, kbDir: FIXTURE_KB, logLevel: 'silent', adminEmail: ADMIN.email, adminPassword: ADMIN.password, limits: { ...TEST_LIMITS, statusLookupsPerIp: 1000, statusLookupsPerNumber: 1000, ...limits }, serviceHours: ALWAYS_OPEN },
    { storage: s, now: () => now },
  );
  return { server: srv, storage: s };
}

let day = 0;
/** A ticket from 王女士 (wang@example.com) handled by 李客服, with an agent's public reply and an internal note. */
async function ticket(extra: Partial<Parameters<Storage['createTicket']>[0]> = {}): Promise<TicketRecord> {
  const at = now - 60_000;
  const t = await storage.createTicket({
    day: `202611${String(++day).padStart(2, '0')}`,
    createdAt: at,
    title: '系统崩溃，数据丢失',
    description: '系统崩溃两天了，数据全丢了！',
    tier: 'urgent',
    requesterName: '王女士',
    requesterEmail: 'wang@example.com',
    assigneeId: agentId,
    department: 'complaints',
    nextDueAt: now + 4 * HOUR,
    events: [{ type: 'created', public: true, authorKind: 'customer', authorName: '王女士', text: '系统崩溃两天了，数据全丢了！', createdAt: at }],
    ...extra,
  });
  const replied = await storage.updateTicket(t.id, t.revision, {}, [
    { type: 'reply', public: true, authorKind: 'agent', authorId: agentId, authorName: '李客服', text: '您好，我们正在排查。', createdAt: at + 1000 },
    { type: 'note', public: false, authorKind: 'agent', authorId: agentId, authorName: '李客服', text: '内部：怀疑是磁盘故障', createdAt: at + 2000 },
  ], at + 2000);
  return replied!;
}

async function resolve(t: TicketRecord, at: number): Promise<TicketRecord> {
  const fresh = (await storage.getTicket(t.id))!;
  return (await storage.updateTicket(t.id, fresh.revision, { status: 'resolved', resolvedAt: at }, [{ type: 'status', public: true, authorKind: 'agent', data: { from: fresh.status, to: 'resolved' }, createdAt: at }], at))!;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}, base = server.url) {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? (JSON.parse(text) as any) : undefined };
}

async function form(path: string, fields: Record<string, string>, base = server.url) {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

beforeAll(async () => {
  ({ server, storage } = await start());
  agentId = (await storage.createAgent({ email: 'li@kefu.test', name: '李客服', role: 'agent', passwordHash: 'h', now })).id;
});

afterAll(async () => {
  closeClients();
  await server?.close();
});

describe('status page', { timeout: 60_000 }, () => {
  it('shows the lookup form in zh-CN by default and in English by ?lang=en or Accept-Language, with no script under the strict CSP', async () => {
    const zh = await fetch(`${server.url}/status`);
    expect(zh.status).toBe(200);
    const zhHtml = await zh.text();
    expect(zhHtml).toContain('<html lang="zh-CN">');
    expect(zhHtml).toMatch(/<label for="number">工单编号<\/label>/);
    expect(zhHtml).toMatch(/<label for="email">邮箱<\/label>/);
    expect(zhHtml).toContain('>查询</button>');
    expect(zhHtml).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    expect(zh.headers.get('content-security-policy')).toContain("script-src 'self'");
    const en = await (await fetch(`${server.url}/status?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toMatch(/Ticket number<\/label>[\s\S]*Email<\/label>[\s\S]*>Look up<\/button>/);
    expect(await (await fetch(`${server.url}/status`, { headers: { 'accept-language': 'en-US,en;q=0.9' } })).text()).toContain('>Look up</button>');
    const css = await fetch(`${server.url}/status/status.css`);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
  });

  it('shows status, owner, due time and public replies oldest first for the right pair only (email in any case)', async () => {
    const t = await ticket();
    const res = await post('/api/status/lookup', { number: t.number, email: ' Wang@Example.COM ' });
    expect(res.status).toBe(200);
    const view = res.json as PublicTicketStatus;
    expect(view.ticket).toMatchObject({ number: t.number, title: '系统崩溃，数据丢失', status: 'open', tier: 'urgent', owner: '李客服', nextDueAt: now + 4 * HOUR });
    expect(view.replies.map((r) => [r.author, r.text])).toEqual([
      ['customer', '系统崩溃两天了，数据全丢了！'],
      ['agent', '您好，我们正在排查。'],
    ]);
    expect(res.text).not.toContain('内部');
    expect(view.satisfaction).toEqual({ state: 'none' });

    const page = await form('/status', { number: t.number, email: 'wang@example.com' });
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/当前负责人<\/dt><dd>李客服/);
    expect(page.html).toContain('待处理');
    expect(page.html.indexOf('系统崩溃两天了')).toBeLessThan(page.html.indexOf('您好，我们正在排查。'));
    expect(page.html).not.toContain('怀疑是磁盘故障');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a wrong email and an unknown number alike: same status, same words, nothing about the ticket', async () => {
    const t = await ticket();
    const unknown = t.number.replace(/\d{4}$/, '9999');
    const wrong = await post('/api/status/lookup', { number: t.number, email: 'someone@example.com' });
    const missing = await post('/api/status/lookup', { number: unknown, email: 'someone@example.com' });
    const noEmail = await post('/api/status/lookup', { number: t.number });
    expect(wrong.status).toBe(404);
    expect([missing.status, noEmail.status]).toEqual([404, 404]);
    expect(wrong.text).toBe(missing.text);
    expect(noEmail.text).toBe(missing.text);
    expect(wrong.json.code).toBe('not_found');

    const wrongPage = await form('/status', { number: t.number, email: 'someone@example.com' });
    const missingPage = await form('/status', { number: unknown, email: 'someone@example.com' });
    expect([wrongPage.status, missingPage.status]).toEqual([404, 404]);
    expect(wrongPage.html).toContain('未找到该工单，或邮箱与工单不符');
    // The pages differ only by the number echoed back into the form.
    expect(wrongPage.html.replaceAll(t.number, 'N')).toBe(missingPage.html.replaceAll(unknown, 'N'));
    expect(wrongPage.html).not.toContain('李客服');

    // Timing: the same work either way (one read, one fixed-length comparison); medians stay close.
    // Interleaved, so a busy machine slows both alike.
    const times: Record<string, number[]> = { [t.number]: [], [unknown]: [] };
    for (let i = 0; i < 15; i++) {
      for (const number of [t.number, unknown]) {
        const start = performance.now();
        await post('/api/status/lookup', { number, email: 'someone@example.com' });
        times[number]!.push(performance.now() - start);
      }
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[7]!;
    const [a, b] = [median(times[t.number]!), median(times[unknown]!)];
    expect(Math.abs(a - b)).toBeLessThan(Math.max(a, b) * 0.5 + 10);

    // Malformed input is refused by the schema before anything is looked up.
    expect((await post('/api/status/lookup', { number: 'T2026-1', email: 'wang@example.com' })).json.code).toBe('bad_request');
    expect((await post('/api/status/lookup', { number: t.number, email: 'not an email' })).json.code).toBe('bad_request');
  });

  it("opens the ticket for its own visitor's widget token without the email, and for nobody else's", async () => {
    const mine = ok(await visitorCall(connectVisitor(server.url), 'hello', {})) as { token: string; visitorId: string };
    const other = ok(await visitorCall(connectVisitor(server.url), 'hello', {})) as { token: string; visitorId: string };
    const t = await ticket({ visitorId: mine.visitorId });
    const res = await post('/api/status/lookup', { number: t.number }, { authorization: `Bearer ${mine.token}` });
    expect(res.status).toBe(200);
    expect(res.json.ticket.number).toBe(t.number);
    const theirs = await post('/api/status/lookup', { number: t.number }, { authorization: `Bearer ${other.token}` });
    const forged = await post('/api/status/lookup', { number: t.number }, { authorization: `Bearer ${mine.token}x` });
    // From a page the site does not allow (the demo site allows this machine's pages only).
    const elsewhere = await post('/api/status/lookup', { number: t.number }, { authorization: `Bearer ${mine.token}`, origin: 'https://evil.example' });
    expect([theirs.status, forged.status, elsewhere.status]).toEqual([404, 404, 404]);
    const local = await post('/api/status/lookup', { number: t.number }, { authorization: `Bearer ${mine.token}`, origin: 'http://localhost:5173' });
    expect(local.status).toBe(200);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const preflight = await fetch(`${server.url}/api/status/rating`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    // The page opened from the widget with its token, posted in a form: never in a URL.
    const page = await form('/status', { number: t.number, token: mine.token });
    expect(page.status).toBe(200);
    expect(page.html).toContain('您好，我们正在排查。');
    const inUrl = await (await fetch(`${server.url}/status?number=${t.number}&token=${encodeURIComponent(mine.token)}`)).text();
    expect(inUrl).not.toContain('您好，我们正在排查。');
    expect(inUrl).not.toContain(mine.token);
  });

  it('adds information as a public customer reply, from the JSON API and from the page', async () => {
    const t = await ticket();
    const res = await post('/api/status/replies', { number: t.number, email: 'wang@example.com', text: '  补充：订单号 20261130001  ' });
    expect(res.status).toBe(201);
    expect(res.json.replies.at(-1)).toMatchObject({ author: 'customer', text: '补充：订单号 20261130001' });
    const page = await form('/status/reply', { number: t.number, email: 'wang@example.com', text: '截图已发邮件', lang: 'en' });
    expect(page.status).toBe(200);
    expect(page.html).toContain('Your information was added.');
    expect(page.html).toContain('截图已发邮件');
    const replies = (await storage.listTicketEvents(t.id)).filter((e) => e.type === 'reply' && e.authorKind === 'customer');
    expect(replies.map((e) => [e.text, e.public, e.authorName])).toEqual([
      ['补充：订单号 20261130001', true, '王女士'],
      ['截图已发邮件', true, '王女士'],
    ]);
    // An empty text is refused and adds nothing; the wrong email adds nothing either.
    expect((await post('/api/status/replies', { number: t.number, email: 'wang@example.com', text: '   ' })).json.code).toBe('bad_request');
    expect((await post('/api/status/replies', { number: t.number, email: 'x@example.com', text: '冒充' })).status).toBe(404);
    const emptyPage = await form('/status/reply', { number: t.number, email: 'wang@example.com', text: '' });
    expect(emptyPage.status).toBe(400);
    expect(emptyPage.html).toContain('请填写补充信息');
    expect((await storage.listTicketEvents(t.id)).filter((e) => e.type === 'reply' && e.authorKind === 'customer')).toHaveLength(2);
  });

  it('offers the rating for 48 h after resolution, once; not before resolution and not after the window', async () => {
    const t = await ticket();
    const pair = { number: t.number, email: 'wang@example.com' };
    expect((await post('/api/status/rating', { ...pair, score: 5 })).json.code).toBe('invalid_state');
    const resolvedAt = now;
    await resolve(t, resolvedAt);
    expect((await post('/api/status/lookup', pair)).json.satisfaction).toEqual({ state: 'offered', until: resolvedAt + 48 * HOUR });
    const offeredPage = await form('/status', pair);
    expect(offeredPage.html).toContain('满意度评价');
    expect(offeredPage.html).toMatch(/type="radio" name="score" value="5"/);
    expect((await post('/api/status/rating', { ...pair, score: 6 })).json.code).toBe('bad_request');

    now = resolvedAt + 47 * HOUR;
    const rated = await post('/api/status/rating', { ...pair, score: 4, comment: '处理及时，谢谢' });
    expect(rated.status).toBe(201);
    expect(rated.json.satisfaction).toEqual({ state: 'rated', score: 4, comment: '处理及时，谢谢', at: now });
    expect((await post('/api/status/rating', { ...pair, score: 1 })).json.code).toBe('invalid_state');
    expect(await storage.getTicketRating(t.id)).toMatchObject({ rating: 4, agentId, department: 'complaints', tier: 'urgent' });
    const ratedPage = await form('/status', pair);
    expect(ratedPage.html).toContain('您的评价：4 星');
    expect(ratedPage.html).not.toMatch(/name="score"/);

    // Resolved 48 h ago to the millisecond: the window has closed.
    const late = await ticket();
    await resolve(late, now);
    now += 48 * HOUR;
    const latePair = { number: late.number, email: 'wang@example.com' };
    expect((await post('/api/status/lookup', latePair)).json.satisfaction).toEqual({ state: 'none' });
    expect((await post('/api/status/rating', { ...latePair, score: 5 })).json.code).toBe('invalid_state');
    const latePage = await form('/status/rating', { ...latePair, score: '5' });
    expect(latePage.status).toBe(409);
    expect(latePage.html).toContain('工单解决后 48 小时内可评价');
    expect(await storage.getTicketRating(late.id)).toBeUndefined();
  });

  it('gives supervisors the averages per agent, department and tier, with chat ratings apart and the comments', async () => {
    const from = now;
    const a = await ticket({ tier: 'normal' });
    await resolve(a, now);
    await post('/api/status/rating', { number: a.number, email: 'wang@example.com', score: 2, comment: '太慢' });
    const b = await ticket({ tier: 'urgent' });
    await resolve(b, now);
    await post('/api/status/rating', { number: b.number, email: 'wang@example.com', score: 5 });
    now += 1000;
    const cookie = await login(server.url);
    const res = await fetch(`${server.url}/api/ratings/summary?from=${from}&to=${now}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const summary = (await res.json()) as RatingSummary;
    expect(summary.tickets.all).toEqual({ count: 2, average: 3.5, satisfied: 0.5 });
    expect(summary.tickets.byAgent).toEqual([{ agentId, name: '李客服', count: 2, average: 3.5, satisfied: 0.5 }]);
    expect(summary.tickets.byDepartment).toEqual([expect.objectContaining({ department: 'complaints', count: 2, average: 3.5 })]);
    expect(summary.tickets.byTier).toEqual(expect.arrayContaining([{ tier: 'normal', count: 1, average: 2, satisfied: 0 }, { tier: 'urgent', count: 1, average: 5, satisfied: 1 }]));
    expect(summary.chats.all).toEqual({ count: 0, average: 0, satisfied: 0 });
    expect(summary.comments).toEqual([{ kind: 'ticket', ref: a.number, score: 2, comment: '太慢', agentId, agentName: '李客服', at: from }]);
    const one = await fetch(`${server.url}/api/ratings/tickets/${a.number}`, { headers: { cookie } });
    expect(await one.json()).toEqual({ number: a.number, rating: { score: 2, comment: '太慢', at: from } });
  });
});

describe('status page limits', { timeout: 60_000 }, () => {
  let limited: { server: KefuServer; storage: Storage };
  beforeAll(async () => {
    limited = await start({ statusLookupsPerIp: 6, statusLookupsPerNumber: 3 });
  });
  afterAll(async () => {
    await limited?.server.close();
  });

  it('refuses the fourth request naming one number and the seventh from one address with 429 rate_limited, whether the number exists or not', async () => {
    const base = limited.server.url;
    const t = await limited.storage.createTicket({ day: '20261130', createdAt: now, requesterEmail: 'wang@example.com', description: '问题' });
    const guess = (number: string) => post('/api/status/lookup', { number, email: 'guess@example.com' }, {}, base);
    expect((await Promise.all([guess(t.number), guess(t.number), guess(t.number)])).map((r) => r.status)).toEqual([404, 404, 404]);
    const fourth = await guess(t.number);
    expect(fourth.status).toBe(429);
    expect(fourth.json).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/try again in \d+ s/) });
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    // The right pair is held back too while the number is over its limit.
    expect((await post('/api/status/lookup', { number: t.number, email: 'wang@example.com' }, {}, base)).status).toBe(429);
    // Other numbers from the same address until the address runs out (5 requests so far, refused ones count).
    expect((await guess('T20261130-0066')).status).toBe(404);
    const page = await form('/status', { number: 'T20261130-0077', email: 'guess@example.com' }, base);
    expect(page.status).toBe(429);
    expect(page.html).toMatch(/查询过于频繁，请 \d+ 秒后再试。/);
  });
});
