/// <reference types="node" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { createKefuServer, openSqliteStorage, type KefuServer, type Storage } from '@kefu/server';
import { VISITOR_NAMESPACE } from '@kefu/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createChatClient, type ChatClient, type VisitorSocket } from '../src/app/chat-client.ts';
import { createSafeStorage, type KeyValueStore } from '../src/common/safe-storage.ts';
import type { WidgetConfig } from '../src/common/widget-config.ts';

let server: KefuServer;
let storage: Storage;
let dataDir: string;
const clients: ChatClient[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kefu-widget-client-'));
  // The test keeps a handle on the server's storage to count what was really stored.
  storage = openSqliteStorage(join(dataDir, 'kefu.sqlite'));
  // Humans on duty at any hour, and the first-start admin present, so a handoff queues.
  const aroundTheClock = Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]));
  server = await createKefuServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'error', serviceHours: { default: aroundTheClock } }, { storage });
  for (const { agent } of await storage.listAgentLoads()) await storage.updateAgent(agent.id, { presence: 'online' }, Date.now());
  // The knowledge base loads and calibrates at start, slower on a busy machine.
}, 60_000);
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A chat client on a real socket to the real server; `store` is shared to play a second tab. */
function open(
  store: KeyValueStore,
  lang: WidgetConfig['lang'] = 'zh-CN',
  transports: ('websocket' | 'polling')[] = ['websocket'],
  site = 'demo',
) {
  let socket: VisitorSocket | undefined;
  const live: string[] = [];
  const client = createChatClient({
    config: { site, lang, color: '', position: 'right', base: server.url },
    store,
    createSocket: () =>
      (socket = io(server.url + VISITOR_NAMESPACE, { transports, autoConnect: false, reconnectionDelay: 50, reconnectionDelayMax: 100 })),
    page: () => 'https://shop.example/cart',
    onMessage: (message) => live.push(message.text),
  });
  clients.push(client);
  return { client, live, socket: () => socket };
}

const memoryStore = () => createSafeStorage(() => undefined);

/** Resolves when the client's state satisfies `check`. */
function until(client: ChatClient, check: (c: ChatClient) => boolean, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check(client)) return resolve();
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out; state: ${JSON.stringify(client.state).slice(0, 600)}`));
    }, ms);
    const stop = client.subscribe(() => {
      if (!check(client)) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

const texts = (client: ChatClient) => client.state.messages.map((m) => m.text);

describe('chat client against the real server', () => {
  it('says hello, keeps the token, and shows the welcome questions', async () => {
    const store = memoryStore();
    const { client } = open(store);
    client.start();
    await until(client, (c) => c.state.status === 'online');
    expect(store.get('kefu:token:demo')).toBeTruthy();
    expect(client.state.conversation?.state).toBe('bot');
    expect(client.state.welcome.length).toBeGreaterThan(0);
  });

  it('shows a sent question at once, then the stored copy and the bot answer', async () => {
    const { client } = open(memoryStore());
    client.send('客服热线是多少');
    expect(client.state.messages).toMatchObject([{ author: 'visitor', text: '客服热线是多少', pending: true }]);
    await until(client, (c) => c.state.messages.some((m) => m.author === 'bot'));
    const [question, answer] = client.state.messages;
    expect(question).toMatchObject({ author: 'visitor', seq: 1 });
    expect(question?.pending).toBeFalsy();
    expect(answer?.text).toMatch(/400-[0-9X]{3}-[0-9X]{4}/);
  });

  it('works over long-polling too (networks that block WebSocket)', async () => {
    const { client } = open(memoryStore(), 'en', ['polling']);
    client.send('What is the customer service hotline?');
    await until(client, (c) => c.state.messages.some((m) => m.author === 'bot'));
    expect(client.state.messages.find((m) => m.author === 'bot')?.text).toMatch(/400-[0-9X]{3}-[0-9X]{4}/);
  });

  it('answers a tapped suggestion with its entry', async () => {
    const { client } = open(memoryStore());
    client.start();
    await until(client, (c) => c.state.welcome.length > 0);
    const first = client.state.welcome[0];
    if (!first) throw new Error('no welcome question');
    client.send(first.question, first.id);
    await until(client, (c) => c.state.messages.some((m) => m.author === 'bot'));
    expect(client.state.messages.find((m) => m.author === 'bot')?.meta?.entryId).toBe(first.id);
  });

  it('a second tab with the same token resumes the transcript and receives new messages live', async () => {
    const store = memoryStore();
    const first = open(store);
    first.client.send('你们的服务时间是什么时候');
    await until(first.client, (c) => c.state.messages.length >= 2);
    const second = open(store);
    second.client.start();
    await until(second.client, (c) => c.state.messages.length >= 2);
    expect(texts(second.client)).toEqual(texts(first.client));
    first.client.send('客服热线是多少');
    await until(second.client, (c) => c.state.messages.length >= 4);
    // The sending tab has its question from the ack, and the answer arrives at both tabs independently.
    await until(first.client, (c) => c.state.messages.length >= 4);
    expect(second.live).toContain('客服热线是多少');
    expect(texts(second.client)).toEqual(texts(first.client));
  });

  it('keeps messages typed while offline and sends each exactly once after reconnecting', async () => {
    const { client, socket } = open(memoryStore());
    client.start();
    await until(client, (c) => c.state.status === 'online');
    client.send('第一条');
    // Drop the connection right after the emit: whether or not the server stored it, the ack is lost.
    socket()?.io.engine.close();
    client.send('第二条');
    expect(client.state.messages.filter((m) => m.pending).map((m) => m.text)).toContain('第二条');
    await until(client, (c) => c.state.status === 'online' && !c.state.messages.some((m) => m.pending));
    await until(client, (c) => c.state.messages.filter((m) => m.author === 'bot').length >= 2);
    const visitor = client.state.messages.filter((m) => m.author === 'visitor').map((m) => m.text);
    expect(visitor).toEqual(['第一条', '第二条']);
    const seqs = client.state.messages.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('after a reconnect asks only for what it missed and merges it in order', async () => {
    const store = memoryStore();
    const tab = open(store);
    tab.client.send('客服热线是多少');
    await until(tab.client, (c) => c.state.messages.length >= 2);
    tab.socket()?.io.engine.close();
    const other = open(store);
    other.client.send('你们的服务时间是什么时候');
    await until(other.client, (c) => c.state.messages.length >= 4);
    await until(tab.client, (c) => c.state.messages.length >= 4);
    expect(texts(tab.client)).toEqual(texts(other.client));
  });

  it('a handoff shows the visitor message and moves the conversation to the queue', async () => {
    const { client } = open(memoryStore(), 'en');
    client.start();
    await until(client, (c) => c.state.status === 'online');
    client.handoff('Talk to a human');
    await until(client, (c) => c.state.conversation?.state === 'queued');
    await until(client, (c) => c.state.messages.some((m) => m.author === 'system'));
    expect(client.state.messages.filter((m) => m.author === 'visitor' && !m.pending).length).toBe(1);
    expect(client.state.messages.some((m) => m.pending)).toBe(false);
  });

  it('reports a refused session (unknown site) instead of pretending to connect', async () => {
    const { client } = open(memoryStore(), 'zh-CN', ['websocket'], 'no-such-site');
    client.start();
    await until(client, (c) => c.state.error !== undefined);
    expect(client.state).toMatchObject({ status: 'offline', error: 'not_found' });
  });

  it('says an origin the site does not allow is refused instead of "reconnecting" forever', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-widget-origin-'));
    const strict = await createKefuServer({ port: 0, host: '127.0.0.1', dataDir: dir, logLevel: 'error', allowedOrigins: ['https://shop.example'] });
    try {
      const client = createChatClient({
        config: { site: 'demo', lang: 'zh-CN', color: '', position: 'right', base: strict.url },
        store: memoryStore(),
        createSocket: () =>
          io(strict.url + VISITOR_NAMESPACE, { transports: ['websocket'], autoConnect: false, extraHeaders: { origin: 'https://evil.example' } }),
        page: () => 'https://evil.example/',
        onMessage: () => {},
      });
      clients.push(client);
      client.start();
      await until(client, (c) => c.state.error !== undefined);
      expect(client.state).toMatchObject({ status: 'offline', error: 'forbidden' });
    } finally {
      await strict.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses to rate a conversation that is not closed, with a coded error', async () => {
    const { client } = open(memoryStore());
    client.start();
    await until(client, (c) => c.state.status === 'online');
    const res = await client.rate(5);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('invalid_state');
  });

  it('stores only the origin and path of the host page, not its query string', async () => {
    const store = memoryStore();
    const client = createChatClient({
      config: { site: 'demo', lang: 'zh-CN', color: '', position: 'right', base: server.url },
      store,
      createSocket: () => io(server.url + VISITOR_NAMESPACE, { transports: ['websocket'], autoConnect: false }),
      page: () => 'https://shop.example/order/42?token=secret-abc&email=zhang%40example.com#pay',
    });
    clients.push(client);
    client.start();
    await until(client, (c) => c.state.status === 'online');
    const visitorId = store.get('kefu:visitor:demo');
    expect((await storage.getVisitor(visitorId ?? ''))?.page).toBe('https://shop.example/order/42');
  });
});

describe('the outbox across a reload', () => {
  /** The visitor's stored messages with `text`, read from the server's database. */
  const stored = async (store: KeyValueStore, text: string) => {
    const conv = await storage.latestConversation(store.get('kefu:visitor:demo') ?? '');
    return conv ? (await storage.listMessages(conv.id, 0, 1000)).filter((m) => m.text === text) : [];
  };

  it('a message typed offline survives a reload, shows as pending at once, and is delivered exactly once', async () => {
    const store = memoryStore();
    const before = open(store);
    before.client.start();
    await until(before.client, (c) => c.state.status === 'online');
    before.socket()?.disconnect();
    await until(before.client, (c) => c.state.status === 'offline');
    before.client.send('离线时写的留言');
    expect(store.get(`kefu:outbox:demo:${store.get('kefu:visitor:demo')}`)).toContain('离线时写的留言');
    before.client.destroy();

    const after = open(store);
    expect(after.client.state.messages).toMatchObject([{ text: '离线时写的留言', pending: true }]);
    after.client.start();
    await until(after.client, (c) => c.state.messages.some((m) => m.text === '离线时写的留言' && m.seq > 0));
    await until(after.client, (c) => c.state.messages.some((m) => m.author === 'bot'));
    expect(await stored(store, '离线时写的留言')).toHaveLength(1);
    expect(store.get(`kefu:outbox:demo:${store.get('kefu:visitor:demo')}`)).toBeNull();
  });

  it('a message whose acknowledgement a reload cut off is resent under the same id and stored once', async () => {
    const store = memoryStore();
    const before = open(store);
    before.client.start();
    await until(before.client, (c) => c.state.status === 'online');
    before.client.send('刚发出就刷新了');
    // The page goes away right after the emit: the server may or may not have stored it, the ack is lost.
    before.client.destroy();
    const after = open(store);
    after.client.start();
    await until(after.client, (c) => c.state.status === 'online' && !c.state.messages.some((m) => m.pending));
    expect(after.client.state.messages.filter((m) => m.text === '刚发出就刷新了')).toHaveLength(1);
    expect(await stored(store, '刚发出就刷新了')).toHaveLength(1);
  });
});

describe('when the network comes back', () => {
  it('tries again at once instead of waiting out an attempt that hangs', async () => {
    // A host that takes connections and never answers: the first attempt hangs, as one made on a dead network can.
    const opened: Socket[] = [];
    let next: (() => void) | undefined;
    const blackHole = createServer((conn) => {
      opened.push(conn);
      next?.();
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}`;
    const attempt = () => new Promise<void>((resolve) => (next = resolve));
    const network = new EventTarget();
    const client = createChatClient({
      config: { site: 'demo', lang: 'zh-CN', color: '', position: 'right', base: url },
      store: memoryStore(),
      // Socket.IO's defaults: the hanging attempt would time out after 20 s, then back off.
      createSocket: () => io(url + VISITOR_NAMESPACE, { transports: ['websocket'], autoConnect: false }),
      page: () => 'https://shop.example/',
      network,
    });
    clients.push(client);
    try {
      const first = attempt();
      client.start();
      await first;
      const second = attempt();
      network.dispatchEvent(new Event('online'));
      await second;
      expect(opened).toHaveLength(2);
      // The hanging attempt was given up, not left open beside the new one.
      await vi.waitFor(() => expect(opened[0]!.destroyed || opened[0]!.readableEnded).toBe(true));
    } finally {
      client.destroy();
      for (const conn of opened) conn.destroy();
      blackHole.close();
    }
  });

  it('leaves a working connection alone', async () => {
    const network = new EventTarget();
    let socket: VisitorSocket | undefined;
    const client = createChatClient({
      config: { site: 'demo', lang: 'zh-CN', color: '', position: 'right', base: server.url },
      store: memoryStore(),
      createSocket: () => (socket = io(server.url + VISITOR_NAMESPACE, { transports: ['websocket'], autoConnect: false })),
      page: () => 'https://shop.example/',
      network,
    });
    clients.push(client);
    client.start();
    await until(client, (c) => c.state.status === 'online');
    const id = socket!.id;
    const botTurns = () => client.state.messages.filter((m) => m.author === 'bot').length;
    const before = botTurns();
    network.dispatchEvent(new Event('online'));
    client.send('热线电话是多少');
    await until(client, (c) => !c.state.messages.some((m) => m.pending) && botTurns() > before);
    // The same connection: a reconnect would have given the socket a new id.
    expect(socket!.id).toBe(id);
    expect(client.state.status).toBe('online');
  });
});
