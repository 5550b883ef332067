/**
 * Canned replies and knowledge-base answers over HTTP on a real server (SQLite, 127.0.0.1): the demo team
 * replies, personal ones seen only by their owner, team ones changed only by supervisors and admins, and
 * refusals that change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KefuServer } from '../src/index.ts';
import { login, startServer } from './support/test-server.ts';

let server: KefuServer;
let admin: string;
let agentA: string;
let agentB: string;

async function api(method: string, path: string, cookie: string, body?: unknown): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { cookie };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

async function join(email: string): Promise<string> {
  const invite = await api('POST', '/api/team/invites', admin, { email, role: 'agent' });
  const token = invite.json.invite.path.split('/').pop();
  const res = await fetch(`${server.url}/api/team/invites/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: email.split('@')[0], password: 'long password 1' }),
  });
  expect(res.status).toBe(201);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

beforeAll(async () => {
  server = await startServer();
  admin = await login(server.url);
  agentA = await join('a@kefu.test');
  agentB = await join('b@kefu.test');
});

afterAll(async () => {
  await server?.close();
});

describe('canned replies', () => {
  it('starts with the demo team replies, which every agent sees', async () => {
    const { status, json } = await api('GET', '/api/canned-replies', agentA);
    expect(status).toBe(200);
    expect(json.replies.map((r: { text: string }) => r.text)).toEqual([
      '您好，我是客服，请问有什么可以帮您？',
      '感谢您的耐心等待。',
      '请提供您的订单号，我帮您查询。',
      '还有其他可以帮您的吗？',
    ]);
    expect(json.replies.every((r: { team: boolean }) => r.team)).toBe(true);
  });

  it('keeps a personal reply for its owner only, and lets only the owner change or delete it', async () => {
    const created = await api('POST', '/api/canned-replies', agentA, { title: ' 退款 ', text: '退款将在 3 个工作日内到账。', shortcut: 'refund' });
    expect(created.status).toBe(201);
    expect(created.json.reply).toMatchObject({ team: false, title: '退款', shortcut: 'refund' });
    const id = created.json.reply.id as string;
    expect((await api('GET', '/api/canned-replies', agentA)).json.replies.at(-1).id).toBe(id);
    expect((await api('GET', '/api/canned-replies', agentB)).json.replies.map((r: { id: string }) => r.id)).not.toContain(id);
    // Another agent, even an admin, finds nothing there, and the reply stays as it was.
    expect((await api('PATCH', `/api/canned-replies/${id}`, agentB, { text: '改掉' })).json.code).toBe('not_found');
    expect((await api('DELETE', `/api/canned-replies/${id}`, admin)).json.code).toBe('not_found');
    const patched = await api('PATCH', `/api/canned-replies/${id}`, agentA, { text: '退款将在 1 个工作日内到账。', shortcut: null });
    expect(patched.json.reply).toMatchObject({ text: '退款将在 1 个工作日内到账。' });
    expect(patched.json.reply).not.toHaveProperty('shortcut');
    expect((await api('DELETE', `/api/canned-replies/${id}`, agentA)).status).toBe(204);
    expect((await api('DELETE', `/api/canned-replies/${id}`, agentA)).json.code).toBe('not_found');
  });

  it('lets only supervisors and admins create or change team replies; a refusal changes nothing', async () => {
    const before = (await api('GET', '/api/canned-replies', agentA)).json.replies;
    expect((await api('POST', '/api/canned-replies', agentA, { title: '团队', text: '大家的', team: true })).json.code).toBe('forbidden');
    expect((await api('PATCH', `/api/canned-replies/${before[0].id}`, agentA, { text: '改掉' })).json.code).toBe('forbidden');
    expect((await api('DELETE', `/api/canned-replies/${before[0].id}`, agentA)).json.code).toBe('forbidden');
    expect((await api('GET', '/api/canned-replies', agentA)).json.replies).toEqual(before);

    const team = await api('POST', '/api/canned-replies', admin, { title: '节假日', text: '节假日期间回复可能稍慢。', team: true });
    expect(team.json.reply.team).toBe(true);
    expect((await api('GET', '/api/canned-replies', agentB)).json.replies.map((r: { id: string }) => r.id)).toContain(team.json.reply.id);
    expect((await api('PATCH', `/api/canned-replies/${team.json.reply.id}`, admin, { title: '假期' })).json.reply.title).toBe('假期');
  });

  it('refuses bad bodies with bad_request', async () => {
    expect((await api('POST', '/api/canned-replies', agentA, { title: '', text: 'x' })).json.code).toBe('bad_request');
    expect((await api('POST', '/api/canned-replies', agentA, { title: 'x', text: 'x'.repeat(2001) })).json.code).toBe('bad_request');
    expect((await api('POST', '/api/canned-replies', agentA, { title: 'x', text: 'x', shortcut: 'a b' })).json.code).toBe('bad_request');
    expect((await api('POST', '/api/canned-replies', agentA, [])).json.code).toBe('bad_request');
  });
});

describe('knowledge-base entries for agents', () => {
  it('lists each entry with its question and answer in the asked language', async () => {
    const zh = await api('GET', '/api/kb/entries?lang=zh-CN', agentA);
    expect(zh.status).toBe(200);
    expect(zh.json.entries.find((e: { id: string }) => e.id === 'service-hours')).toEqual({
      id: 'service-hours',
      question: '客服的服务时间是什么时候？',
      answer: '在线客服 7×24 小时，人工客服工作日 9:00-18:00。',
    });
    const en = await api('GET', '/api/kb/entries?lang=en', agentA);
    expect(en.json.entries.find((e: { id: string }) => e.id === 'service-hours')?.question).toBe('What are your service hours?');
    expect((await api('GET', '/api/kb/entries?lang=fr', agentA)).json.code).toBe('bad_request');
  });
});
