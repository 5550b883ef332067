/**
 * The fault harness with Redis: three nodes on one PostgreSQL and one Redis (KEFU_STICKY=true) behind nginx. A visitor
 * and an agent on different nodes reach each other, through Redis outages too, and limits count once across nodes.
 */
import type { AgentHelloResult, Message } from '@kefu/shared';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { call, closeAll, connectAgent, Inbox, ok, signIn, type ClientSocket, type Transport } from '../src/cluster/cluster-client.ts';
import { describeCluster } from '../src/cluster/describe-cluster.ts';
import { ReliableVisitor } from '../src/cluster/reliable-visitor.ts';
import { startCluster, type Cluster } from '../src/cluster/start-cluster.ts';
import { stickyNodeIndex } from '../src/cluster/sticky-node.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Per visitor per minute, for the cross-node limit test; the other tests stay under it. */
const VISITOR_LIMIT = 60;

describeCluster('three nodes on PostgreSQL and Redis behind nginx', (tools) => {
  let cluster: Cluster;
  let session: { cookie: string; token: string };
  beforeAll(async () => {
    cluster = await startCluster(tools, {
      useRedis: true,
      env: { KEFU_STICKY: 'true', KEFU_LIMIT_MESSAGES_PER_VISITOR: String(VISITOR_LIMIT) },
    });
    session = await signIn(cluster.nginx.url);
  }, 120_000);
  afterAll(async () => {
    closeAll();
    await cluster?.destroy();
  }, 60_000);
  afterEach(async (context) => {
    closeAll();
    if (context.task.result?.state === 'fail') console.error(cluster.logs());
    cluster.redis.resume();
    await cluster.redis.start().catch(() => {});
  });

  /** An agent socket that counts its disconnects (a "Session ID unknown" on polling is one). */
  async function agentOn(url: string, transport: Transport) {
    const socket = await connectAgent(url, session, transport);
    const inbox = new Inbox();
    inbox.listen(socket);
    const drops: string[] = [];
    socket.on('disconnect', ((reason: string) => drops.push(reason)) as (...args: never[]) => void);
    ok(await call<AgentHelloResult>(socket, 'hello', {}));
    return { socket, inbox, drops };
  }

  async function assigned(visitor: ReliableVisitor, agent: { socket: ClientSocket; inbox: Inbox }, tag: string) {
    await visitor.connect();
    await visitor.handoff(`${tag}-handoff`);
    agent.inbox.add(ok(await call<{ messages: Message[] }>(agent.socket, 'accept', { conversationId: visitor.conversationId })).messages);
  }

  const agentSend = async (agent: { socket: ClientSocket }, conversationId: string, clientId: string, text: string) =>
    ok(await call<{ message: Message }>(agent.socket, 'send', { conversationId, clientId, text })).message;

  for (const transport of ['websocket', 'polling'] as const) {
    it(`a visitor on one node and an agent on another chat both ways on ${transport}, direct and through nginx, without a dropped session`, async () => {
      const [a, b] = cluster.nodes;
      // Through nginx the visitor lands on the node its address hashes to; the agent connects to another one.
      const behindNginx = await stickyNodeIndex(cluster);
      const other = cluster.nodes[(behindNginx + 1) % cluster.nodes.length]!;
      for (const [visitorUrl, agentUrl, tag] of [
        [a!.url, b!.url, `${transport}-direct`],
        [cluster.nginx.url, other.url, `${transport}-nginx`],
      ] as const) {
        const visitor = new ReliableVisitor(() => [visitorUrl], transport);
        const agent = await agentOn(agentUrl, transport);
        await assigned(visitor, agent, tag);
        const visitorDrops: string[] = [];
        visitor.socket!.on('disconnect', ((reason: string) => visitorDrops.push(reason)) as (...args: never[]) => void);
        for (let i = 0; i < 3; i++) {
          const asked = await visitor.send(`${tag}-v${i}`, `问题 ${i}`);
          await agent.inbox.waitFor((m) => m.id === asked.id);
          const reply = await agentSend(agent, visitor.conversationId, `${tag}-a${i}`, `回答 ${i}`);
          await visitor.inbox.waitFor((m) => m.id === reply.id);
        }
        // Long enough for several polling cycles through nginx.
        await sleep(1_500);
        expect(visitorDrops).toEqual([]);
        expect(agent.drops).toEqual([]);
        expect(visitor.reconnectMs).toEqual([]);
      }
    });
  }

  for (const fault of ['stopped', 'paused with SIGSTOP'] as const) {
    it(`Redis ${fault} for 10 s during traffic: nothing acknowledged is missing afterwards and cross-node delivery resumes`, async () => {
      const [a, b] = cluster.nodes;
      const visitor = new ReliableVisitor(() => [a!.url], 'websocket');
      const agent = await agentOn(b!.url, 'websocket');
      await assigned(visitor, agent, `redis-${fault.length}`);
      const tag = fault === 'stopped' ? 'rs' : 'rp';
      const fromAgent: Message[] = [];
      let stop = false;
      const traffic = (async () => {
        for (let i = 0; !stop; i++) {
          await visitor.send(`${tag}-v${i}`, `访客 ${i}`);
          fromAgent.push(await agentSend(agent, visitor.conversationId, `${tag}-a${i}`, `客服 ${i}`));
          await sleep(500);
        }
      })();
      await sleep(1_000);
      if (fault === 'stopped') await cluster.redis.stop();
      else cluster.redis.pause();
      await sleep(10_000);
      if (fault === 'stopped') await cluster.redis.start();
      else cluster.redis.resume();
      await sleep(1_000);
      stop = true;
      await traffic;

      // Cross-node delivery resumes by itself: new messages are pushed both ways without restarting a node.
      const after = await visitor.send(`${tag}-after`, '好了吗');
      await agent.inbox.waitFor((m) => m.id === after.id, 10_000);
      const reply = await agentSend(agent, visitor.conversationId, `${tag}-after-a`, '好了');
      await visitor.inbox.waitFor((m) => m.id === reply.id, 10_000);

      // What a push missed during the outage, each screen fills by seq as the widget and the console do on a gap.
      const pushedToVisitor = fromAgent.filter((m) => visitor.inbox.byId.has(m.id)).length;
      const pushedToAgent = [...visitor.acked.values()].filter((m) => agent.inbox.byId.has(m.id)).length;
      console.log(`Redis ${fault}: ${pushedToVisitor}/${fromAgent.length} agent messages and ${pushedToAgent}/${visitor.acked.size} visitor messages arrived by push`);
      visitor.inbox.add(ok(await call<{ messages: Message[] }>(visitor.socket!, 'sync', { afterSeq: visitor.lastSeq() })).messages);
      const agentHeld = agent.inbox.transcript(visitor.conversationId);
      let agentSeq = 0;
      for (const m of agentHeld) if (m.seq === agentSeq + 1) agentSeq = m.seq;
      agent.inbox.add(ok(await call<{ messages: Message[] }>(agent.socket, 'open', { conversationId: visitor.conversationId, afterSeq: agentSeq })).messages);
      for (const m of fromAgent) expect(visitor.inbox.byId.has(m.id)).toBe(true);
      for (const m of visitor.acked.values()) expect(agent.inbox.byId.has(m.id)).toBe(true);
      const screen = visitor.inbox.transcript(visitor.conversationId);
      expect(screen.map((m) => m.seq)).toEqual(screen.map((_, i) => i + 1));
      // The outage ended no node, the idle one included (a command dropped in flight once did).
      expect(cluster.nodes.filter((n) => !n.running()).map((n) => n.name)).toEqual([]);
    }, 60_000);
  }

  it('the per-visitor message limit counts once across nodes, not once per node', async () => {
    const tabs = cluster.nodes.map((n) => new ReliableVisitor(() => [n.url], 'websocket'));
    await tabs[0]!.connect();
    for (const tab of tabs.slice(1)) {
      tab.token = tabs[0]!.token;
      await tab.connect();
    }
    const attempts = tabs.flatMap((tab, t) =>
      Array.from({ length: VISITOR_LIMIT }, (_, i) => call<{ message: Message }>(tab.socket!, 'send', { clientId: `rl-${t}-${i}`, text: `限流 ${i}` })),
    );
    const results = await Promise.all(attempts);
    const accepted = results.filter((r) => r.ok).length;
    const limited = results.filter((r) => !r.ok && r.error.code === 'rate_limited').length;
    console.log(`per-visitor limit ${VISITOR_LIMIT}/min over ${tabs.length} nodes: ${accepted} of ${results.length} sends accepted, ${limited} rate_limited`);
    expect(accepted).toBeLessThanOrEqual(VISITOR_LIMIT);
    expect(accepted).toBeGreaterThan(0);
    expect(accepted + limited).toBe(results.length);
  });
});
