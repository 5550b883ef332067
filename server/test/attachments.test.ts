/**
 * Attachments end to end on a real server with real files on disk: uploads become messages both
 * sides see, downloads are sandboxed and private to the conversation, and every refusal stores nothing.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FileLinkResponse, Message, UploadResponse, VisitorConversation, VisitorHelloResult } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import {
  agentCall,
  closeClients,
  connectAgent,
  connectVisitor,
  login,
  ok,
  recorder,
  startServer,
  tempDir,
  visitorCall,
} from './support/test-server.ts';
import { PDF, png } from './support/test-files.ts';

const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

let server: KefuServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = tempDir();
  server = await startServer({ dataDir });
});
afterAll(() => server.close());
afterEach(closeClients);

/** Every file under DATA_DIR/files (bytes, records, partial uploads). */
function storedFiles(): string[] {
  const root = join(dataDir, 'files');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  try {
    return walk(root);
  } catch {
    return [];
  }
}

async function newVisitor() {
  const socket = connectVisitor(server.url);
  const messages = recorder<Message>(socket, 'message');
  const hello: VisitorHelloResult = ok(await visitorCall(socket, 'hello', {}));
  return { socket, messages, hello, auth: { authorization: `Bearer ${hello.token}` } };
}

function upload(conversationId: string, body: Buffer | ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return fetch(`${server.url}/api/conversations/${conversationId}/files`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

describe('attachments', () => {
  it('a visitor uploads a PNG: a message carries it live to the agent, who downloads the same bytes; replay keeps it', async () => {
    const visitor = await newVisitor();
    const cookie = await login(server.url);
    const agent = connectAgent(server.url, cookie);
    const agentMessages = recorder<Message>(agent, 'message');
    ok(await agentCall(agent, 'open', { conversationId: visitor.hello.conversation.id }));

    const image = png(64, 40, 0x3c);
    const res = await upload(visitor.hello.conversation.id, image, {
      ...visitor.auth,
      'content-type': 'image/png',
      'x-file-name': encodeURIComponent('截图 1.png'),
    });
    expect(res.status).toBe(201);
    const { message } = (await res.json()) as UploadResponse;
    expect(message).toMatchObject({ author: 'visitor', text: '截图 1.png' });
    const attachment = message.meta!.attachment!;
    expect(attachment).toMatchObject({ name: '截图 1.png', type: 'image/png', size: image.length, width: 64, height: 40 });

    // Both sides see it live (the uploading visitor's other tabs too).
    expect((await agentMessages.next((m) => m.id === message.id)).meta?.attachment?.id).toBe(attachment.id);
    expect((await visitor.messages.next((m) => m.id === message.id)).meta?.attachment?.id).toBe(attachment.id);

    const download = await fetch(`${server.url}/api/files/${attachment.id}`, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toMatch(/^inline; filename="[^"]+"; filename\*=UTF-8''%E6%88%AA%E5%9B%BE%201\.png$/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await download.arrayBuffer()).equals(image)).toBe(true);

    // A returning visitor (same token, new tab) replays the message with its attachment.
    const again = connectVisitor(server.url);
    const resumed = ok(await visitorCall(again, 'hello', { token: visitor.hello.token }));
    expect(resumed.messages.find((m) => m.id === message.id)?.meta?.attachment).toEqual(attachment);
  });

  it('an agent sends a PDF: the visitor downloads it through a signed link, as an attachment, sandboxed', async () => {
    const visitor = await newVisitor();
    const conversationId = visitor.hello.conversation.id;
    const cookie = await login(server.url);
    const agent = connectAgent(server.url, cookie);
    ok(await agentCall(agent, 'hello', {}));
    const states = recorder<VisitorConversation>(visitor.socket, 'conversation');
    ok(await visitorCall(visitor.socket, 'handoff', { clientId: 'h1' }));
    // Routing may assign the conversation to this (only) agent by itself; else it waits in the queue.
    const handedOff = await states.next((c) => c.state === 'queued' || c.state === 'assigned');
    if (handedOff.state === 'queued') ok(await agentCall(agent, 'accept', { conversationId }));

    const res = await upload(conversationId, PDF, { cookie, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('报价单 "v2".pdf') });
    expect(res.status, await res.clone().text()).toBe(201);
    const { message } = (await res.json()) as UploadResponse;
    expect(message.author).toBe('agent');
    const seen = await visitor.messages.next((m) => m.id === message.id);
    const file = seen.meta!.attachment!;
    expect(file).toMatchObject({ type: 'application/pdf', size: PDF.length, name: '报价单 "v2".pdf' });
    expect(file.width).toBeUndefined();

    const linkRes = await fetch(`${server.url}/api/files/${file.id}/link`, { headers: visitor.auth });
    expect(linkRes.status).toBe(200);
    const link = (await linkRes.json()) as FileLinkResponse;
    // The link alone opens it: no token, no cookie (what an <a href> in the widget sends).
    const download = await fetch(`${server.url}/api/files/${file.id}?${link.query}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]*_v2_\.pdf"; filename\*=UTF-8''/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);

    // The visitor's token works as well (fetch from the widget).
    expect((await fetch(`${server.url}/api/files/${file.id}`, { headers: visitor.auth })).status).toBe(200);
    // A tampered or borrowed link opens nothing.
    const [, sig] = /s=([^&]+)/.exec(link.query)!;
    const tampered = link.query.replace(sig!, `${sig!.slice(0, -3)}AAA`);
    expect((await fetch(`${server.url}/api/files/${file.id}?${tampered}`)).status).toBe(403);
    // A link cannot mint a fresh link for itself.
    expect((await fetch(`${server.url}/api/files/${file.id}/link?${link.query}`)).status).toBe(404);
  });

  it('refuses an HTML file named .png with unsupported_type, and stores nothing', async () => {
    const visitor = await newVisitor();
    const before = storedFiles();
    const res = await upload(visitor.hello.conversation.id, HTML, { ...visitor.auth, 'content-type': 'image/png', 'x-file-name': 'cat.png' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { code: string }).code).toBe('unsupported_type');
    expect(storedFiles()).toEqual(before);
    const replay = ok(await visitorCall(connectVisitor(server.url), 'hello', { token: visitor.hello.token }));
    expect(replay.messages.some((m) => m.meta?.attachment)).toBe(false);
  });

  it('refuses 10 MB + 1 byte with too_large, declared or streamed, and stores nothing', async () => {
    const visitor = await newVisitor();
    const before = storedFiles();
    // A real PNG header, padded past the limit: the size, not the type, is what is refused.
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    png(8, 8, 0x3c).copy(big);
    const declared = await upload(visitor.hello.conversation.id, big, { ...visitor.auth, 'x-file-name': 'big.png' });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { code: string }).code).toBe('too_large');

    // Without a Content-Length the count is kept while streaming.
    const chunks = Array.from({ length: 41 }, (_, i) => big.subarray(i * 256 * 1024, (i + 1) * 256 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next && next.length > 0) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await upload(visitor.hello.conversation.id, stream, { ...visitor.auth, 'x-file-name': 'big.png' }).catch((err: unknown) => err);
    // The server answers 413 and closes the connection; a client still sending may see the reset instead.
    if (streamed instanceof Response) {
      expect(streamed.status).toBe(413);
      expect(((await streamed.json()) as { code: string }).code).toBe('too_large');
    }
    expect(storedFiles()).toEqual(before);
    const replay = ok(await visitorCall(connectVisitor(server.url), 'hello', { token: visitor.hello.token }));
    expect(replay.messages.some((m) => m.meta?.attachment)).toBe(false);
  });

  it('serves a file to nobody but its conversation: another visitor, no credentials and a forged token get 404', async () => {
    const owner = await newVisitor();
    const res = await upload(owner.hello.conversation.id, png(4, 4, 0x3c), { ...owner.auth, 'x-file-name': 'mine.png' });
    const { message } = (await res.json()) as UploadResponse;
    const url = `${server.url}/api/files/${message.meta!.attachment!.id}`;

    const stranger = await newVisitor();
    expect((await fetch(url, { headers: stranger.auth })).status).toBe(404);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url, { headers: { authorization: `Bearer ${owner.hello.token.slice(0, -4)}AAAA` } })).status).toBe(404);
    expect((await fetch(`${url}/link`, { headers: stranger.auth })).status).toBe(404);
    // A link to the stranger's own file does not open the owner's.
    const theirs = (await (await upload(stranger.hello.conversation.id, png(2, 2, 0x3c), { ...stranger.auth, 'x-file-name': 'x.png' })).json()) as UploadResponse;
    const theirLink = (await (await fetch(`${server.url}/api/files/${theirs.message.meta!.attachment!.id}/link`, { headers: stranger.auth })).json()) as FileLinkResponse;
    expect((await fetch(`${url}?${theirLink.query}`)).status).toBe(403);
    // Malformed ids never reach the disk.
    expect((await fetch(`${server.url}/api/files/..%2F..%2Fkefu.sqlite`, { headers: owner.auth })).status).toBe(404);
  });

  it('a visitor cannot upload to another visitor\'s conversation, nor anyone without credentials', async () => {
    const owner = await newVisitor();
    const stranger = await newVisitor();
    const before = storedFiles();
    const res = await upload(owner.hello.conversation.id, png(4, 4, 0x3c), { ...stranger.auth, 'x-file-name': 'x.png' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('not_found');
    const anonymous = await upload(owner.hello.conversation.id, png(4, 4, 0x3c), { 'x-file-name': 'x.png' });
    expect(anonymous.status).toBe(401);
    expect((await upload('no-such-conversation', png(4, 4, 0x3c), owner.auth)).status).toBe(404);
    expect(storedFiles()).toEqual(before);
    await new Promise((r) => setTimeout(r, 100));
    expect(owner.messages.seen.some((m) => m.meta?.attachment)).toBe(false);
  });

  it('an agent cannot upload from another origin with the session cookie, nor to a conversation not assigned to them', async () => {
    const visitor = await newVisitor();
    const cookie = await login(server.url);
    // Still with the bot: not the agent's to write to.
    const unassigned = await upload(visitor.hello.conversation.id, png(4, 4, 0x3c), { cookie, 'x-file-name': 'a.png' });
    expect(unassigned.status).toBe(409);
    const crossSite = await upload(visitor.hello.conversation.id, png(4, 4, 0x3c), { cookie, origin: 'http://evil.example', 'x-file-name': 'a.png' });
    expect(crossSite.status).toBe(403);
  });

  it('the widget\'s upload (POST /api/files) goes to the token\'s own current conversation; a forged or missing token is refused', async () => {
    const visitor = await newVisitor();
    const res = await fetch(`${server.url}/api/files`, { method: 'POST', body: png(3, 3, 0x3c), headers: { ...visitor.auth, 'x-file-name': 'w.png' } });
    expect(res.status).toBe(201);
    const { message } = (await res.json()) as UploadResponse;
    expect(message.conversationId).toBe(visitor.hello.conversation.id);
    const before = storedFiles();
    const [payload, sig] = visitor.hello.token.split('.') as [string, string];
    // The site named in a payload is only believed once the signature over it checks out.
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), s: 'other-site' })).toString('base64url');
    for (const authorization of [`Bearer ${forged}.${sig}`, 'Bearer garbage', '']) {
      const refused = await fetch(`${server.url}/api/files`, { method: 'POST', body: png(3, 3, 0x3c), headers: { authorization, 'x-file-name': 'w.png' } });
      expect(refused.status, authorization).toBe(401);
    }
    expect(storedFiles()).toEqual(before);
  });

  it('answers the widget\'s CORS preflight without allowing credentials', async () => {
    const res = await fetch(`${server.url}/api/conversations/x/files`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:9', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, x-file-name' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:9');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/x-file-name/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
