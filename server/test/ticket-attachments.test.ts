/**
 * Ticket attachments on a real server (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): a ticket
 * made from a conversation lists the conversation's files; the visitor attaches a file to 补充信息 and
 * an agent to a public reply, each side sees the other's in the thread and opens it; another visitor,
 * an agent outside the ticket's department and a forged link get nothing; the status page names the
 * files without opening them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetail, TicketFileUpload, UploadResponse, VisitorHelloResult, VisitorTicketDetail } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { createTestSchema, type TestSchema } from '../src/storage/postgres/postgres-test-schema.ts';
import { closeClients, connectVisitor, login, ok, recorder, startServer, tempDir, visitorCall, type VisitorClient } from './support/test-server.ts';
import { PDF, png } from './support/test-files.ts';

const pgUrl = process.env.TEST_DATABASE_URL;


for (const database of ['sqlite', 'postgres'] as const) describe.skipIf(database === 'postgres' && !pgUrl)(`ticket attachments (${database})`, { timeout: 60_000 }, () => {
  let server: KefuServer;
  let schema: TestSchema | undefined;
  let admin: string;
  let visitor: { socket: VisitorClient; hello: VisitorHelloResult; auth: Record<string, string> };
  let number: string;
  let chatImage: Buffer;
  let chatFileId: string;
  let visitorFileId: string;
  let agentFileId: string;

  const url = (path: string) => `${server.url}${path}`;
  const json = async <T>(res: Response) => ({ status: res.status, body: (await res.json()) as T & { code?: string } });
  const send = (path: string, headers: Record<string, string>, body: Buffer) =>
    fetch(url(path), { method: 'POST', headers, body }).then((r) => json<TicketFileUpload>(r));
  const detail = async () => (await json<TicketDetail>(await fetch(url(`/api/tickets/${number}`), { headers: { cookie: admin } }))).body;

  async function newVisitor(email: string) {
    const socket = connectVisitor(server.url);
    const hello: VisitorHelloResult = ok(await visitorCall(socket, 'hello', { lang: 'zh-CN', identity: { name: '王女士', email } }));
    return { socket, hello, auth: { authorization: `Bearer ${hello.token}` } };
  }

  beforeAll(async () => {
    if (database === 'postgres') schema = await createTestSchema(pgUrl!);
    server = await startServer({ dataDir: tempDir(), ...(schema ? { databaseUrl: schema.url } : {}) });
    admin = await login(server.url);
    visitor = await newVisitor('wang@example.com');
    ok(await visitorCall(visitor.socket, 'send', { clientId: 'q-1', text: '订单页面打不开，截图如下' }));
    // A screenshot sent in the chat, before anyone made a ticket of it.
    chatImage = png(48, 30);
    const up = await fetch(url('/api/files'), {
      method: 'POST',
      headers: { ...visitor.auth, 'content-type': 'image/png', 'x-file-name': encodeURIComponent('订单页截图.png') },
      body: chatImage,
    });
    expect(up.status).toBe(201);
    chatFileId = ((await up.json()) as UploadResponse).message.meta!.attachment!.id;
    const made = await json<TicketDetail>(
      await fetch(url('/api/tickets'), { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ conversationId: visitor.hello.conversation.id }) }),
    );
    expect(made.status).toBe(201);
    number = made.body.ticket.number;
  });
  afterAll(async () => {
    closeClients();
    await server?.close();
    await schema?.drop();
  });

  it('a ticket made from a conversation lists the conversation’s files, for the agent and for the visitor, who opens it with its link', async () => {
    const d = await detail();
    expect(d.attachments).toEqual([expect.objectContaining({ id: chatFileId, name: '订单页截图.png', type: 'image/png', width: 48, height: 30, origin: 'conversation', author: 'customer' })]);
    const agentGet = await fetch(url(`/api/tickets/${number}/files/${chatFileId}`), { headers: { cookie: admin } });
    expect(agentGet.status).toBe(200);
    expect(Buffer.from(await agentGet.arrayBuffer()).equals(chatImage)).toBe(true);

    const mine = ok(await visitorCall(visitor.socket, 'ticket', { number })) as VisitorTicketDetail;
    expect(mine.files).toEqual([expect.objectContaining({ id: chatFileId, name: '订单页截图.png', origin: 'conversation' })]);
    const opened = await fetch(url(mine.files![0]!.url!));
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer()).equals(chatImage)).toBe(true);
  });

  it('the visitor attaches a PDF to 补充信息: it shows in their thread and the agent’s, and only they and agents can open it', async () => {
    const refused = await send(`/api/ticket-files/${number}`, { ...visitor.auth, 'content-type': 'text/html', 'x-file-name': 'page.html' }, Buffer.from('<html><script>alert(1)</script>'));
    expect(refused).toMatchObject({ status: 415, body: { code: 'unsupported_type' } });

    const up = await send(`/api/ticket-files/${number}`, { ...visitor.auth, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('错误日志.pdf') }, PDF);
    expect(up.status).toBe(201);
    visitorFileId = up.body.file.id;
    expect(up.body.file).toMatchObject({ name: '错误日志.pdf', type: 'application/pdf', size: PDF.length });
    // Uploaded but not sent yet: not the ticket's.
    expect((await detail()).attachments?.map((f) => f.id)).toEqual([chatFileId]);

    const after = ok(await visitorCall(visitor.socket, 'addTicketInfo', { number, text: '补充错误日志', files: [visitorFileId] })) as VisitorTicketDetail;
    const reply = after.replies.at(-1)!;
    expect(reply).toMatchObject({ author: 'customer', text: '补充错误日志', files: [expect.objectContaining({ id: visitorFileId, name: '错误日志.pdf', origin: 'ticket' })] });
    const download = await fetch(url(reply.files![0]!.url!));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    // The token opens it too; a file is sent once.
    expect((await fetch(url(`/api/ticket-files/${number}/${visitorFileId}`), { headers: visitor.auth })).status).toBe(200);
    const twice = await visitorCall(visitor.socket, 'addTicketInfo', { number, files: [visitorFileId] });
    expect(twice.ok ? '' : twice.error.code).toBe('not_found');

    const d = await detail();
    const event = d.events.find((e) => e.type === 'reply' && e.author.kind === 'customer')!;
    expect(event.attachments).toEqual([expect.objectContaining({ id: visitorFileId, name: '错误日志.pdf' })]);
    expect(d.attachments?.map((f) => [f.id, f.origin, f.author])).toEqual([
      [chatFileId, 'conversation', 'customer'],
      [visitorFileId, 'ticket', 'customer'],
    ]);
    expect((await fetch(url(`/api/tickets/${number}/files/${visitorFileId}`), { headers: { cookie: admin } })).status).toBe(200);
  });

  it('another visitor cannot upload to the ticket, read its files, or send its visitor’s file; a forged or foreign link opens nothing', async () => {
    const other = await newVisitor('li@example.com');
    const upload = await send(`/api/ticket-files/${number}`, { ...other.auth, 'content-type': 'application/pdf' }, PDF);
    expect(upload).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect((await fetch(url(`/api/ticket-files/${number}/${visitorFileId}`), { headers: other.auth })).status).toBe(404);
    expect((await fetch(url(`/api/ticket-files/${number}/${visitorFileId}`))).status).toBe(404);
    const forged = `e=${Date.now() + 60_000}&s=${Buffer.alloc(32).toString('base64url')}`;
    expect((await fetch(url(`/api/ticket-files/${number}/${visitorFileId}?${forged}`))).status).toBe(404);
    // The conversation file's link does not open it under the ticket-file route.
    const mine = ok(await visitorCall(visitor.socket, 'ticket', { number })) as VisitorTicketDetail;
    const chatLink = mine.files!.find((f) => f.id === chatFileId)!.url!;
    expect((await fetch(url(`/api/ticket-files/${number}/${visitorFileId}?${chatLink.split('?')[1]}`))).status).toBe(404);
    // An agent outside the ticket's department cannot open it or add to it; nobody signed in, nothing.
    expect((await fetch(url(`/api/tickets/${number}/files/${visitorFileId}`))).status).toBe(401);
    const invite = await json<{ invite: { path: string } }>(
      await fetch(url('/api/team/invites'), { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'xiaoli@kefu.test', role: 'agent' }) }),
    );
    const joined = await fetch(url(`/api/team/invites/${invite.body.invite.path.split('/').pop()}/accept`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '小李', password: 'long password 1' }),
    });
    const plain = joined.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(url(`/api/tickets/${number}/files/${visitorFileId}`), { headers: { cookie: plain } })).status).toBe(404);
    expect((await fetch(url(`/api/tickets/${number}/files/${chatFileId}`), { headers: { cookie: plain } })).status).toBe(404);
    expect((await send(`/api/tickets/${number}/files`, { cookie: plain, 'content-type': 'application/pdf' }, PDF)).status).toBe(404);
    const lookup = await visitorCall(other.socket, 'ticket', { number });
    expect(lookup.ok ? '' : lookup.error.code).toBe('not_found');
  });

  it('an agent’s public reply with a file reaches the visitor’s ticket view, which opens it; a note stays text only', async () => {
    const picture = png(20, 10);
    const up = await send(`/api/tickets/${number}/files`, { cookie: admin, 'content-type': 'image/png', 'x-file-name': encodeURIComponent('修复说明.png') }, picture);
    expect(up.status).toBe(201);
    agentFileId = up.body.file.id;
    // The visitor cannot send the agent's upload as theirs.
    const stolen = await visitorCall(visitor.socket, 'addTicketInfo', { number, text: '我的', files: [agentFileId] });
    expect(stolen.ok ? '' : stolen.error.code).toBe('not_found');

    const pushes = recorder<{ number?: string }>(visitor.socket, 'ticketReply');
    const res = await fetch(url(`/api/tickets/${number}/replies`), {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '已修复，请看说明图', files: [agentFileId] }),
    });
    expect(res.status).toBe(201);
    expect((await pushes.next((p) => p.number === number)).number).toBe(number);
    const note = await fetch(url(`/api/tickets/${number}/notes`), { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ text: '内部：已回访', files: [agentFileId] }) });
    expect(note.status).toBe(201);
    expect(((await note.json()) as TicketDetail).events.at(-1)).toMatchObject({ type: 'note', text: '内部：已回访' });
    expect(((await detail()).events.at(-1))?.attachments).toBeUndefined();

    const mine = ok(await visitorCall(visitor.socket, 'ticket', { number })) as VisitorTicketDetail;
    const answer = mine.replies.at(-1)!;
    expect(answer).toMatchObject({ author: 'agent', text: '已修复，请看说明图', files: [expect.objectContaining({ id: agentFileId, name: '修复说明.png', width: 20, height: 10 })] });
    expect(mine.files?.map((f) => f.name)).toEqual(['订单页截图.png', '错误日志.pdf', '修复说明.png']);
    const opened = await fetch(url(answer.files![0]!.url!));
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await opened.arrayBuffer()).equals(picture)).toBe(true);

    // A reply of a file alone reads as the file's name.
    const alone = await send(`/api/tickets/${number}/files`, { cookie: admin, 'content-type': 'application/pdf', 'x-file-name': 'manual.pdf' }, PDF);
    const onlyFile = await fetch(url(`/api/tickets/${number}/replies`), { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ files: [alone.body.file.id] }) });
    expect(((await onlyFile.json()) as TicketDetail).events.at(-1)).toMatchObject({ type: 'reply', text: 'manual.pdf' });
  });

  it('the status page names the files without a way to open them', async () => {
    const res = await fetch(url('/api/status/lookup'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ number, email: 'wang@example.com' }) });
    expect(res.status).toBe(200);
    const status = (await res.json()) as VisitorTicketDetail;
    expect(status.files?.map((f) => f.name)).toEqual(['订单页截图.png', '错误日志.pdf', '修复说明.png', 'manual.pdf']);
    expect(status.files?.some((f) => f.url)).toBe(false);
    expect(status.replies.some((r) => r.files?.some((f) => f.url))).toBe(false);
    const page = await fetch(url('/status'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ number, email: 'wang@example.com' }) });
    const html = await page.text();
    expect(html).toContain('附件');
    expect(html).toContain('错误日志.pdf');
    expect(html).not.toContain(visitorFileId);
  });
});
