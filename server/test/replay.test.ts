/** Missed messages come back after a reconnect with lastSeq, also after a server restart on the same data folder. */
import { afterEach, describe, expect, it } from 'vitest';
import type { KefuServer } from '../src/index.ts';
import { agentCall, agentOnDuty, closeClients, connectAgent, connectVisitor, login, ok, startServer, tempDir, visitorCall } from './support/test-server.ts';

afterEach(closeClients);

describe('replay', () => {
  it('returns exactly the messages after lastSeq, in order, also across a restart', async () => {
    const dataDir = tempDir();
    let server: KefuServer = await startServer({ dataDir });
    try {
      const v = connectVisitor(server.url);
      const hello = ok(await visitorCall(v, 'hello', {}));
      await agentOnDuty(server.url);
      ok(await visitorCall(v, 'send', { clientId: 'r1', text: '转人工客服' }));
      const held = ok(await visitorCall(v, 'sync', { afterSeq: 0 })).messages;
      const lastSeq = held.at(-1)!.seq;
      v.disconnect();

      // While the visitor is away, an agent takes over and writes twice.
      const agent = connectAgent(server.url, await login(server.url));
      const id = hello.conversation.id;
      ok(await agentCall(agent, 'accept', { conversationId: id }));
      ok(await agentCall(agent, 'send', { conversationId: id, clientId: 'a1', text: '您好' }));
      ok(await agentCall(agent, 'send', { conversationId: id, clientId: 'a2', text: '请问有什么可以帮您？' }));

      const back = connectVisitor(server.url);
      const resumed = ok(await visitorCall(back, 'hello', { token: hello.token, lastSeq }));
      expect(resumed.messages.map((m) => m.seq)).toEqual([lastSeq + 1, lastSeq + 2, lastSeq + 3]);
      expect(resumed.messages.map((m) => m.author)).toEqual(['system', 'agent', 'agent']);
      expect(resumed.conversation).toMatchObject({ state: 'assigned', agentName: 'Admin', lastSeq: lastSeq + 3 });
      back.disconnect();
      ok(await agentCall(agent, 'send', { conversationId: id, clientId: 'a3', text: '稍等，我查一下' }));

      await server.close();
      server = await startServer({ dataDir });
      const afterRestart = connectVisitor(server.url);
      const again = ok(await visitorCall(afterRestart, 'hello', { token: hello.token, lastSeq: lastSeq + 3 }));
      expect(again.token).toBe(hello.token);
      expect(again.conversation.id).toBe(id);
      expect(again.messages.map((m) => [m.seq, m.id, m.text])).toEqual([[lastSeq + 4, 'a3', '稍等，我查一下']]);
      const dup = ok(await visitorCall(afterRestart, 'send', { clientId: 'r1', text: '转人工客服' }));
      expect(dup.message.seq).toBe(1);
    } finally {
      await server.close();
    }
  });
});
