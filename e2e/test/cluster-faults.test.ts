/**
 * The fault harness: three nodes on one PostgreSQL and one Redis behind nginx. What must hold when a node dies, the
 * database restarts or the nodes are restarted one by one, and what must be decided once across nodes (one winner of
 * a raced accept, one conversation for two tabs).
 */
import type { AgentHelloResult, Message } from '@kefu/shared';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { call, closeAll, connectAgent, connectVisitor, Inbox, ok, signIn, type ClientSocket, type Transport } from '../src/cluster/cluster-client.ts';
import { describeCluster } from '../src/cluster/describe-cluster.ts';
import { ReliableVisitor } from '../src/cluster/reliable-visitor.ts';
import { startCluster, type Cluster } from '../src/cluster/start-cluster.ts';
import { stickyNodeIndex } from '../src/cluster/sticky-node.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeCluster('three nodes on PostgreSQL and Redis behind nginx, under node and database faults', (tools) => {
  let cluster: Cluster;
  let session: { cookie: string; token: string };
  beforeAll(async () => {
    // As deployed: Redis between the nodes, nginx keeping each client on one node.
    cluster = await startCluster(tools, { useRedis: true, env: { KEFU_STICKY: 'true' } });
    session = await signIn(cluster.nginx.url);
  }, 120_000);
  afterAll(async () => {
    closeAll();
    await cluster?.destroy();
  }, 60_000);
  afterEach(async (context) => {
    closeAll();
    if (context.task.result?.state === 'fail') console.error(cluster.logs());
    // Each test starts with every node up.
    for (const node of cluster.nodes) await node.start();
  });

  async function agentOn(url: string, transport: Transport = 'websocket') {
    const socket = await connectAgent(url, session, transport);
    const inbox = new Inbox();
    inbox.listen(socket);
    const hello = ok(await call<AgentHelloResult>(socket, 'hello', {}));
    return { socket, inbox, hello };
  }

  /** A visitor who asked for a human and an agent who accepted. */
  async function assigned(visitor: ReliableVisitor, agent: { socket: ClientSocket; inbox: Inbox }, tag: string) {
    await visitor.connect();
    await visitor.handoff(`${tag}-handoff`);
    const accepted = ok(await call<{ messages: Message[] }>(agent.socket, 'accept', { conversationId: visitor.conversationId }));
    agent.inbox.add(accepted.messages);
  }

  it('two agents on different nodes accept at the same instant: one wins; two tabs on different nodes share one conversation', async () => {
    const [a, b, c] = cluster.nodes;
    const tab1 = new ReliableVisitor(() => [a!.url], 'websocket');
    await tab1.connect();
    const tab2 = new ReliableVisitor(() => [b!.url], 'polling');
    tab2.token = tab1.token;
    await tab2.connect();
    expect(tab2.conversationId).toBe(tab1.conversationId);
    // Both tabs write at once, each through its own node: one transcript, seqs without gaps or repeats.
    await Promise.all([tab1.send('tab1-a', '你好'), tab2.send('tab2-a', '在吗')]);
    // On duty before the handoff: with nobody present it would offer to leave a message instead.
    const [agentB, agentC] = [await agentOn(b!.url), await agentOn(c!.url, 'polling')];
    await tab1.handoff('tab1-h');

    const results = await Promise.all([
      call(agentB.socket, 'accept', { conversationId: tab1.conversationId }),
      call(agentC.socket, 'accept', { conversationId: tab1.conversationId }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['conflict']);

    const transcript = ok(await call<{ messages: Message[] }>(tab2.socket!, 'sync', { afterSeq: 0 })).messages;
    expect(transcript.map((m) => m.seq)).toEqual(transcript.map((_, i) => i + 1));
    expect(transcript.filter((m) => m.id === 'tab1-a' || m.id === 'tab2-a')).toHaveLength(2);
  });

  it("the visitor's node is SIGKILLed mid-conversation: through nginx they reach another node and get every agent message sent meanwhile, in order, once", async () => {
    const sticky = stickyNodeIndex(cluster);
    const victim = cluster.nodes[await sticky]!;
    const agentNode = cluster.nodes.find((n) => n !== victim)!;
    const visitor = new ReliableVisitor(() => [cluster.nginx.url], 'websocket');
    const agent = await agentOn(agentNode.url);
    await assigned(visitor, agent, 'kill');
    await visitor.send('kill-v1', '我的订单还没到');

    await victim.kill();
    const sent: Message[] = [];
    for (let i = 1; i <= 6; i++) {
      sent.push(ok(await call<{ message: Message }>(agent.socket, 'send', { conversationId: visitor.conversationId, clientId: `kill-a${i}`, text: `回复 ${i}` })).message);
    }
    // The widget notices the dead connection and says hello again through nginx, with the last seq it holds.
    await visitor.send('kill-v2', '还在吗');

    const fromAgent = visitor.inbox.transcript(visitor.conversationId).filter((m) => m.author === 'agent');
    expect(fromAgent.map((m) => m.id)).toEqual(sent.map((m) => m.id));
    expect(fromAgent.map((m) => m.seq)).toEqual(sent.map((m) => m.seq));
    for (const count of visitor.inbox.arrivals.values()) expect(count).toBe(1);
    const transcript = visitor.inbox.transcript(visitor.conversationId);
    expect(transcript.map((m) => m.seq)).toEqual(transcript.map((_, i) => transcript[0]!.seq + i));
  });

  it('PostgreSQL restarts during traffic: sends wait or get unavailable, nothing acknowledged is lost, every node recovers by itself', async () => {
    const node = cluster.nodes[0]!;
    const visitor = new ReliableVisitor(() => [node.url], 'websocket');
    const agent = await agentOn(node.url);
    await assigned(visitor, agent, 'pg');

    let stop = false;
    const traffic = (async () => {
      for (let i = 0; !stop; i++) {
        await visitor.send(`pg-${i}`, `消息 ${i}`);
        await sleep(50);
      }
    })();
    await sleep(1_000);
    cluster.postgres.stop();
    await sleep(2_000);
    cluster.postgres.start();
    await sleep(1_500);
    stop = true;
    await traffic;

    // deliver() throws on any code other than a retryable one: the outage showed only as waits and `unavailable`.
    console.log(`PostgreSQL restart: ${visitor.acked.size} acknowledged, ${visitor.retryableErrors.length} retryable answers (${[...new Set(visitor.retryableErrors)].join(', ') || 'none'})`);
    expect(visitor.acked.size).toBeGreaterThan(10);
    // Nothing acknowledged is missing, nothing is stored twice.
    const stored = ok(await call<{ messages: Message[] }>(visitor.socket!, 'sync', { afterSeq: 0 })).messages;
    const ids = stored.map((m) => m.id);
    for (const clientId of visitor.acked.keys()) expect(ids.filter((id) => id === clientId)).toHaveLength(1);
    // The agent has them too (pushed, or replayed by open after a reconnect).
    const opened = ok(await call<{ messages: Message[] }>(agent.socket, 'open', { conversationId: visitor.conversationId, afterSeq: 0 }));
    agent.inbox.add(opened.messages);
    for (const clientId of visitor.acked.keys()) expect(agent.inbox.byId.has(clientId)).toBe(true);
    // Every node serves a new visitor again without a restart.
    for (const n of cluster.nodes) {
      const fresh = new ReliableVisitor(() => [n.url], 'polling');
      await fresh.connect(Date.now() + 15_000);
      expect((await fresh.send(`pg-after-${n.name}`, '恢复了吗', Date.now() + 15_000)).seq).toBeGreaterThan(0);
    }
  });

  it('a rolling restart of all three nodes under load loses no acknowledged message', async () => {
    const visitors = Array.from({ length: 8 }, (_, i) => new ReliableVisitor(() => [cluster.nginx.url], i % 2 ? 'polling' : 'websocket'));
    const agent = await agentOn(cluster.nodes[0]!.url);
    for (const [i, v] of visitors.entries()) await assigned(v, agent, `roll${i}`);

    let stop = false;
    const traffic = visitors.map(async (v, vi) => {
      for (let i = 0; !stop; i++) {
        await v.send(`roll${vi}-${i}`, `第 ${i} 条`);
        await sleep(100);
      }
    });
    // Start with the node nginx sends everyone to, so every visitor reconnects at least once.
    const first = await stickyNodeIndex(cluster);
    const order = [first, ...[0, 1, 2].filter((i) => i !== first)];
    for (const i of order) {
      await sleep(500);
      await cluster.nodes[i]!.stop();
      await cluster.nodes[i]!.start();
    }
    await sleep(1_000);
    stop = true;
    await Promise.all(traffic);

    const reconnects = visitors.flatMap((v) => v.reconnectMs).sort((a, b) => a - b);
    expect(reconnects.length).toBeGreaterThanOrEqual(visitors.length);
    const p95 = reconnects[Math.min(reconnects.length - 1, Math.ceil(reconnects.length * 0.95) - 1)]!;
    console.log(`rolling restart: ${reconnects.length} reconnects, p50 ${reconnects[Math.floor(reconnects.length / 2)]} ms, p95 ${p95} ms, max ${reconnects.at(-1)} ms`);

    for (const v of visitors) {
      const stored = await v.transcript();
      expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
      const ids = new Set(stored.map((m) => m.id));
      for (const clientId of v.acked.keys()) expect(ids.has(clientId)).toBe(true);
      expect(v.acked.size).toBeGreaterThan(3);
    }
  });
});
