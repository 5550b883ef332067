/**
 * The fault harness on one shared knowledge-base folder: three nodes on PostgreSQL and Redis load the same `KB_DIR`
 * (a copy of the demo content). Asked directly, each node gives the same answer and /healthz shows the same content
 * fingerprint; an answer changed in the folder, and an entry added to it, are served by every node within a bound.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message, VisitorHelloResult } from '@kefu/shared';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { call, closeAll, connectVisitor, Inbox, ok, type ClientSocket } from '../src/cluster/cluster-client.ts';
import { describeCluster } from '../src/cluster/describe-cluster.ts';
import { startCluster, type Cluster } from '../src/cluster/start-cluster.ts';
import type { KefuNode } from '../src/cluster/start-kefu-node.ts';
import { REPO_ROOT } from '../src/repo-root.ts';

/** The demo knowledge base (knowledge-base's DEMO_KB_DIR). */
const DEMO_KB = join(REPO_ROOT, 'knowledge-base/content');
/** Every node must serve a change within this long of the file being written. */
const RELOAD_BOUND_MS = 20_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface HealthKb {
  entries: number;
  loading: boolean;
  loadedAt?: number;
  contentHash?: string;
  error?: string;
}

const healthKb = async (node: KefuNode): Promise<HealthKb> =>
  ((await (await fetch(`${node.url}/healthz`, { signal: AbortSignal.timeout(2_000) })).json()) as { kb: HealthKb }).kb;

/** A visitor connected straight to one node (not through nginx), asking the bot. */
class NodeVisitor {
  private readonly inbox = new Inbox();
  private asked = 0;
  private constructor(
    readonly node: KefuNode,
    private readonly socket: ClientSocket,
  ) {}

  static async open(node: KefuNode): Promise<NodeVisitor> {
    const socket = await connectVisitor(node.url, 'websocket');
    const visitor = new NodeVisitor(node, socket);
    visitor.inbox.listen(socket);
    ok(await call<VisitorHelloResult>(socket, 'hello', { lang: 'zh-CN' }));
    return visitor;
  }

  /** Sends `text` and resolves with the bot's first reply to it. */
  async ask(text: string): Promise<Message> {
    const mine = ok(await call<{ message: Message }>(this.socket, 'send', { clientId: `${this.node.name}-q${++this.asked}`, text })).message;
    const isReply = (m: Message) => m.author === 'bot' && m.seq > mine.seq;
    await this.inbox.waitFor(isReply);
    return [...this.inbox.byId.values()].filter(isReply).sort((a, b) => a.seq - b.seq)[0]!;
  }
}

/** Asks each node (side by side) until its bot reply passes `served`; resolves with each node's milliseconds since `since`. */
async function servedWithin(visitors: NodeVisitor[], question: string, served: (reply: Message) => boolean, since: number): Promise<number[]> {
  return Promise.all(
    visitors.map(async (visitor) => {
      for (;;) {
        const reply = await visitor.ask(question);
        const elapsed = Date.now() - since;
        if (served(reply)) return elapsed;
        if (elapsed > RELOAD_BOUND_MS) {
          throw new Error(`${visitor.node.name} still answers "${reply.text.slice(0, 60)}" ${elapsed} ms after the change`);
        }
        await sleep(100);
      }
    }),
  );
}

describeCluster('three nodes on one shared KB_DIR', (tools) => {
  let cluster: Cluster;
  let kbDir: string;
  let visitors: NodeVisitor[];
  beforeAll(async () => {
    kbDir = mkdtempSync(join(tmpdir(), 'kefu-cluster-kb-'));
    cpSync(DEMO_KB, kbDir, { recursive: true });
    cluster = await startCluster(tools, { useRedis: true, env: { KEFU_STICKY: 'true', KB_DIR: kbDir } });
    visitors = await Promise.all(cluster.nodes.map((node) => NodeVisitor.open(node)));
  }, 120_000);
  afterAll(async () => {
    closeAll();
    await cluster?.destroy();
    if (kbDir) rmSync(kbDir, { recursive: true, force: true });
  }, 60_000);
  afterEach((context) => {
    if (context.task.result?.state === 'fail') console.error(cluster.logs());
  });

  it('every node, asked directly, gives the same answer and shows the same content on /healthz', async () => {
    const replies = await Promise.all(visitors.map((v) => v.ask('怎么投诉？')));
    for (const reply of replies) {
      expect(reply.meta?.decision).toBe('answer');
      expect(reply.meta?.entryId).toBe('complaint-channels');
      expect(reply.text).toBe(replies[0]!.text);
    }
    expect(replies[0]!.text).toContain('400-XXX-ZZZZ');
    const health = await Promise.all(cluster.nodes.map(healthKb));
    for (const kb of health) {
      expect(kb).toMatchObject({ loading: false, entries: health[0]!.entries, contentHash: health[0]!.contentHash });
      expect(kb.error).toBeUndefined();
    }
    expect(health[0]!.contentHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('an answer changed in the shared folder is served by every node within the bound', async () => {
    const before = await Promise.all(cluster.nodes.map(healthKb));
    const file = join(kbDir, 'complaints.yaml');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('**投诉专线**：**400-XXX-ZZZZ**', '**投诉专线**：**400-000-2468**');
    expect(edited).not.toBe(text);
    const since = Date.now();
    writeFileSync(file, edited);
    const ms = await servedWithin(visitors, '怎么投诉？', (r) => r.meta?.entryId === 'complaint-channels' && r.text.includes('400-000-2468'), since);
    console.log(`changed answer served by ${cluster.nodes.map((n, i) => `${n.name} after ${ms[i]} ms`).join(', ')} (bound ${RELOAD_BOUND_MS} ms)`);

    const after = await Promise.all(cluster.nodes.map(healthKb));
    for (const kb of after) {
      expect(kb.contentHash).toBe(after[0]!.contentHash);
      expect(kb.entries).toBe(before[0]!.entries);
    }
    expect(after[0]!.contentHash).not.toBe(before[0]!.contentHash);
  });

  it('an entry added to the shared folder is answered by every node within the bound', async () => {
    const question = '园区的企鹅几点喂食？';
    const answer = '园区企鹅每天 10:30 和 15:30 喂食。';
    const before = await Promise.all(cluster.nodes.map(healthKb));
    for (const reply of await Promise.all(visitors.map((v) => v.ask(question)))) expect(reply.text).not.toContain(answer);

    // Written beside the folder and moved in, as a deploy would: the nodes never read half a file.
    const staged = join(kbDir, '..', `${kbDir.split('/').pop()}-penguins.yaml`);
    writeFileSync(
      staged,
      [
        'topic: penguins',
        'department: general',
        'entries:',
        '  - id: penguin-feeding',
        `    question: ${question}`,
        '    alternates: [企鹅什么时候喂食, 企鹅喂食时间, 喂企鹅是几点]',
        '    keywords: [企鹅, 喂食]',
        `    answer: ${answer}`,
        '',
      ].join('\n'),
    );
    const since = Date.now();
    renameSync(staged, join(kbDir, 'penguins.yaml'));
    const ms = await servedWithin(visitors, question, (r) => r.meta?.entryId === 'penguin-feeding' && r.text.includes(answer), since);
    console.log(`new entry answered by ${cluster.nodes.map((n, i) => `${n.name} after ${ms[i]} ms`).join(', ')} (bound ${RELOAD_BOUND_MS} ms)`);

    const after = await Promise.all(cluster.nodes.map(healthKb));
    for (const kb of after) expect(kb).toMatchObject({ entries: before[0]!.entries + 1, contentHash: after[0]!.contentHash });
  });
});
