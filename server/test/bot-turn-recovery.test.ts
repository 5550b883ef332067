/**
 * kill -9 between a visitor message's acknowledgement and its bot reply: after a restart on the same
 * data folder, every acknowledged message has exactly one reply, in order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '@kefu/shared';
import type { KefuServer } from '../src/index.ts';
import { closeClients, connectVisitor, ok, startServer, tempDir, visitorCall, type VisitorClient } from './support/test-server.ts';
import { spawnServer, type SpawnedServer } from './support/spawn-server.ts';

const VISITORS = 12;
const MESSAGES_EACH = 6;
const KILL_AFTER_ACKS = (VISITORS * MESSAGES_EACH) / 2;
// Fixture entries without flows, asked by tapping them, so each reply names the entry it answers.
const ENTRIES = [
  { id: 'hotline', text: '客服热线是多少？' },
  { id: 'service-hours', text: '客服的服务时间是什么时候？' },
  { id: 'invoice', text: '怎么开发票？' },
];

interface Visitor {
  token: string;
  socket: VisitorClient;
  /** clientId → entry asked, for every acknowledged message. */
  acked: Map<string, string>;
  botRepliesSeen: number;
}

let running: SpawnedServer[] = [];
let restarted: KefuServer | undefined;
afterEach(async () => {
  closeClients();
  await Promise.all(running.map((s) => s.stop()));
  running = [];
  await restarted?.close();
  restarted = undefined;
});

describe('bot turns across a crash', () => {
  it('answers every acknowledged message exactly once after kill -9 and a restart', async () => {
    const dataDir = tempDir();
    // The delay (test-only, see schedule-bot-turn.ts) keeps turns waiting when the kill comes.
    const first = await spawnServer(dataDir, { KEFU_TEST_BOT_TURN_DELAY_MS: '100' });
    running.push(first);

    const visitors: Visitor[] = await Promise.all(
      Array.from({ length: VISITORS }, async () => {
        const socket = connectVisitor(first.url);
        const hello = ok(await visitorCall(socket, 'hello', {}));
        const v: Visitor = { token: hello.token, socket, acked: new Map(), botRepliesSeen: 0 };
        socket.on('message', (m: Message) => {
          if (m.author === 'bot') v.botRepliesSeen++;
        });
        return v;
      }),
    );

    let acks = 0;
    let killed: Promise<void> | undefined;
    await Promise.all(
      visitors.map(async (v, vi) => {
        for (let i = 0; i < MESSAGES_EACH && !killed; i++) {
          const entry = ENTRIES[(vi + i) % ENTRIES.length]!;
          const clientId = `v${vi}-m${i}`;
          const res = await visitorCall(v.socket, 'send', { clientId, text: entry.text, entryId: entry.id }).catch(() => undefined);
          if (!res?.ok) break;
          v.acked.set(clientId, entry.id);
          if (++acks === KILL_AFTER_ACKS) killed = first.kill();
        }
      }),
    );
    await killed;
    const ackedTotal = visitors.reduce((n, v) => n + v.acked.size, 0);
    const repliedBeforeKill = visitors.reduce((n, v) => n + v.botRepliesSeen, 0);
    expect(ackedTotal).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // The kill must really have come between acknowledgements and replies.
    expect(repliedBeforeKill).toBeLessThan(ackedTotal);
    closeClients();

    // The restart runs in this process (quicker to start than a second tsx process); it is the same createKefuServer.
    const second = await startServer({ dataDir });
    restarted = second;
    // With a knowledge base each reply names the entry it answers; without one every reply is a decline, still one per question.
    const kbLoaded = ((await (await fetch(`${second.url}/healthz`)).json()) as { kb: { entries: number } }).kb.entries > 0;
    for (const v of visitors) {
      const socket = connectVisitor(second.url);
      ok(await visitorCall(socket, 'hello', { token: v.token }));
      let messages: Message[] = [];
      const deadline = Date.now() + 5000;
      for (;;) {
        messages = ok(await visitorCall(socket, 'sync', { afterSeq: 0 })).messages;
        const asked = messages.filter((m) => m.author === 'visitor').length;
        const answered = messages.filter((m) => m.author === 'bot').length;
        if (answered >= asked || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const asked = messages.filter((m) => m.author === 'visitor');
      // Every acknowledged message is stored (an unacknowledged one may be too: it was committed just before the kill).
      for (const clientId of v.acked.keys()) expect(asked.map((m) => m.id)).toContain(clientId);
      // One reply per question, in the order asked, each after its question.
      const entryOf = (clientId: string) => ENTRIES[(Number(/^v(\d+)-m(\d+)$/.exec(clientId)![1]) + Number(/-m(\d+)$/.exec(clientId)![1])) % ENTRIES.length]!.id;
      const replies = messages.filter((m) => m.author === 'bot');
      expect(replies).toHaveLength(asked.length);
      replies.forEach((reply, i) => expect(reply.seq).toBeGreaterThan(asked[i]!.seq));
      // A reply names the entry it answers (or is a decline, when its process had no knowledge base yet).
      if (kbLoaded) expect(replies.map((m, i) => m.meta?.decision === 'decline' ? 'declined' : m.meta?.entryId)).toEqual(replies.map((m, i) => m.meta?.decision === 'decline' ? 'declined' : entryOf(asked[i]!.id)));
    }
  }, 60_000);
});
