import { describe, expect, it } from 'vitest';
import type { AgentProfile, ConversationSummary, Message } from '@kefu/shared';
import { attentionCount, consoleReducer, type ConsoleAction } from './console-reducer.ts';
import { initialConsoleState, type ConsoleState } from './console-state.ts';

const agent: AgentProfile = { id: 'a1', email: 'a@example.com', name: '小王', role: 'agent' };

const summary = (id: string, state: ConversationSummary['state'] = 'queued', extra: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id,
  state,
  visitorId: `v-${id}`,
  visitorName: `访客 ${id}`,
  lang: 'zh-CN',
  priority: 0,
  queuedAt: 1000,
  lastSeq: 2,
  createdAt: 500,
  updatedAt: 1000,
  ...extra,
});

const message = (conversationId: string, seq: number, author: Message['author'] = 'visitor', id = `${conversationId}-${seq}`): Message => ({
  id,
  conversationId,
  seq,
  author,
  text: `${author} ${seq}`,
  createdAt: 1000 + seq,
});

const run = (actions: ConsoleAction[], from: ConsoleState = initialConsoleState) => actions.reduce(consoleReducer, from);

const accepted = (id: string, messages = [message(id, 1), message(id, 2, 'bot')]): ConsoleAction => ({
  type: 'accepted',
  detail: { conversation: summary(id, 'assigned'), messages, hasOlder: false },
});

describe('consoleReducer', () => {
  it('hello fills the queue and my conversations; queue events replace the queue', () => {
    const state = run([
      { type: 'hello', result: { agent, queue: [summary('q1'), summary('q2')], mine: [summary('m1', 'assigned')] } },
      { type: 'queue', queue: [summary('q2')] },
    ]);
    expect(state.agent).toEqual(agent);
    expect(state.queue.map((s) => s.id)).toEqual(['q2']);
    expect(state.mine).toEqual(['m1']);
    expect(state.conversations.m1?.loaded).toBe(false);
  });

  it('accepting moves the conversation from the queue to mine and opens it with the bot transcript', () => {
    const state = run([{ type: 'queue', queue: [summary('q1'), summary('q2')] }, accepted('q1')]);
    expect(state.queue.map((s) => s.id)).toEqual(['q2']);
    expect(state.mine).toEqual(['q1']);
    expect(state.openId).toBe('q1');
    expect(state.conversations.q1?.messages.map((m) => m.author)).toEqual(['visitor', 'bot']);
    expect(state.conversations.q1?.summary.state).toBe('assigned');
  });

  it('a conflict drops the conversation from the queue', () => {
    const state = run([{ type: 'queue', queue: [summary('q1'), summary('q2')] }, { type: 'taken', conversationId: 'q1' }]);
    expect(state.queue.map((s) => s.id)).toEqual(['q2']);
  });

  it('pushed messages are appended in seq order, once, and update the preview', () => {
    const state = run([
      accepted('c1'),
      { type: 'message', message: message('c1', 4) },
      { type: 'message', message: message('c1', 3) },
      { type: 'message', message: message('c1', 3) },
    ]);
    const view = state.conversations.c1;
    expect(view?.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(view?.summary.lastMessage).toBe('visitor 4');
    expect(view?.summary.lastSeq).toBe(4);
  });

  it('messages for conversations not held are ignored', () => {
    const state = run([{ type: 'message', message: message('zz', 1) }]);
    expect(state.conversations).toEqual({});
  });

  it('counts unread visitor messages in conversations not on screen, and clears them on select', () => {
    let state = run([accepted('c1'), accepted('c2')]);
    expect(state.openId).toBe('c2');
    state = run(
      [
        { type: 'message', message: message('c1', 3) },
        { type: 'message', message: message('c1', 4) },
        { type: 'message', message: message('c1', 4) },
        { type: 'message', message: message('c2', 3) },
        { type: 'queue', queue: [summary('q9')] },
      ],
      state,
    );
    expect(state.conversations.c1?.unread).toBe(2);
    expect(state.conversations.c2?.unread).toBe(0);
    expect(attentionCount(state)).toBe(3);
    state = consoleReducer(state, { type: 'select', conversationId: 'c1' });
    expect(state.conversations.c1?.unread).toBe(0);
    expect(attentionCount(state)).toBe(1);
  });

  it('a reply is pending until acknowledged, and a push of the same id does not double it', () => {
    let state = run([
      accepted('c1'),
      { type: 'reply-pending', conversationId: 'c1', reply: { clientId: 'k1', text: 'hi', createdAt: 1, status: 'sending' } },
    ]);
    expect(state.conversations.c1?.pending).toHaveLength(1);
    const stored = { ...message('c1', 3, 'agent', 'k1'), text: 'hi' };
    state = run(
      [
        { type: 'message', message: stored },
        { type: 'reply-sent', conversationId: 'c1', clientId: 'k1', message: stored },
      ],
      state,
    );
    expect(state.conversations.c1?.pending).toEqual([]);
    expect(state.conversations.c1?.messages.filter((m) => m.id === 'k1')).toHaveLength(1);
    expect(state.conversations.c1?.unread).toBe(0);
  });

  it('a failed reply can be retried', () => {
    const state = run([
      accepted('c1'),
      { type: 'reply-pending', conversationId: 'c1', reply: { clientId: 'k1', text: 'hi', createdAt: 1, status: 'sending' } },
      { type: 'reply-failed', conversationId: 'c1', clientId: 'k1' },
    ]);
    expect(state.conversations.c1?.pending[0]?.status).toBe('failed');
    const retried = consoleReducer(state, { type: 'reply-retry', conversationId: 'c1', clientId: 'k1' });
    expect(retried.conversations.c1?.pending[0]?.status).toBe('sending');
  });

  it('conversation events show the close and the rating; the closed one stays listed after a reconnect', () => {
    let state = run([
      accepted('c1'),
      { type: 'conversation', summary: summary('c1', 'closed') },
      { type: 'conversation', summary: summary('c1', 'closed', { rating: 5 }) },
    ]);
    expect(state.conversations.c1?.summary.state).toBe('closed');
    expect(state.conversations.c1?.summary.rating).toBe(5);
    state = consoleReducer(state, { type: 'hello', result: { agent, queue: [], mine: [] } });
    expect(state.mine).toEqual(['c1']);
    expect(state.conversations.c1?.messages).toHaveLength(2);
    state = consoleReducer(state, { type: 'remove', conversationId: 'c1' });
    expect(state.mine).toEqual([]);
    expect(state.openId).toBeNull();
  });

  it('a replay after reconnect fills the gap without duplicates', () => {
    const state = run([
      accepted('c1'),
      { type: 'message', message: message('c1', 5) },
      { type: 'opened', detail: { conversation: summary('c1', 'assigned'), messages: [message('c1', 3), message('c1', 4), message('c1', 5)], hasOlder: false } },
    ]);
    expect(state.conversations.c1?.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('consoleReducer previews', () => {
  it('a conversation event with an older lastSeq keeps the newer preview', () => {
    const state = run([
      accepted('c1'),
      { type: 'message', message: message('c1', 3) },
      { type: 'conversation', summary: summary('c1', 'closed', { lastSeq: 2, lastMessage: 'old' }) },
    ]);
    expect(state.conversations.c1?.summary.state).toBe('closed');
    expect(state.conversations.c1?.summary.lastMessage).toBe('visitor 3');
  });
});

describe('consoleReducer across tabs', () => {
  it('a conversation assigned to this agent elsewhere joins my list, unloaded', () => {
    const start = run([{ type: 'hello', result: { agent, queue: [summary('q1')], mine: [] } }]);
    const state = consoleReducer(start, { type: 'conversation', summary: summary('q1', 'assigned', { assignedAgentId: agent.id }) });
    expect(state.queue).toEqual([]);
    expect(state.mine).toEqual(['q1']);
    expect(state.conversations.q1?.loaded).toBe(false);
    const other = consoleReducer(start, { type: 'conversation', summary: summary('q1', 'assigned', { assignedAgentId: 'someone-else' }) });
    expect(other.mine).toEqual([]);
  });
});

describe('consoleReducer when a supervisor gives my conversation away', () => {
  const mineAssigned = (id: string): ConsoleAction => ({
    type: 'accepted',
    detail: { conversation: summary(id, 'assigned', { assignedAgentId: agent.id, assignedAgentName: agent.name }), messages: [message(id, 1)], hasOlder: false },
  });

  it('assigned to another agent: it leaves my list and the screen, and says to whom', () => {
    const start = run([{ type: 'hello', result: { agent, queue: [], mine: [] } }, mineAssigned('c2'), mineAssigned('c1')]);
    expect(start.openId).toBe('c1');
    const state = consoleReducer(start, { type: 'conversation', summary: summary('c1', 'assigned', { assignedAgentId: 'a2', assignedAgentName: '小C' }) });
    expect(state.mine).toEqual(['c2']);
    expect(state.conversations.c1).toBeUndefined();
    expect(state.openId).toBeNull();
    expect(state.handedAway).toEqual({ conversationId: 'c1', visitorName: '访客 c1', agentName: '小C' });
    // A later push about it (the same news again) changes nothing.
    expect(consoleReducer(state, { type: 'conversation', summary: summary('c1', 'assigned', { assignedAgentId: 'a2' }) }).mine).toEqual(['c2']);
  });

  it('back to a queue: it leaves my list too; my own close or a reassignment to me keeps it', () => {
    const start = run([{ type: 'hello', result: { agent, queue: [], mine: [] } }, mineAssigned('c1')]);
    const queued = consoleReducer(start, { type: 'conversation', summary: summary('c1', 'queued', { department: 'complaints' }) });
    expect(queued.mine).toEqual([]);
    expect(queued.handedAway).toEqual({ conversationId: 'c1', visitorName: '访客 c1' });
    const closed = consoleReducer(start, { type: 'conversation', summary: summary('c1', 'closed', { assignedAgentId: agent.id }) });
    expect(closed.mine).toEqual(['c1']);
    expect(closed.handedAway).toBeNull();
    const still = consoleReducer(start, { type: 'conversation', summary: summary('c1', 'assigned', { assignedAgentId: agent.id, lastSeq: 3 }) });
    expect(still.mine).toEqual(['c1']);
  });
});

describe('consoleReducer and a background tab', () => {
  it('counts messages in the open conversation while the tab is hidden, and clears them when it is shown', () => {
    let state = run([accepted('c1'), { type: 'page-visible', visible: false }, { type: 'message', message: message('c1', 3) }]);
    expect(state.conversations.c1?.unread).toBe(1);
    expect(attentionCount(state)).toBe(1);
    state = consoleReducer(state, { type: 'page-visible', visible: true });
    expect(state.conversations.c1?.unread).toBe(0);
  });
});

describe('consoleReducer and a long conversation', () => {
  const range = (id: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => message(id, from + i));
  const detail = (id: string, messages: Message[], hasOlder: boolean) => ({ conversation: summary(id, 'assigned'), messages, hasOlder });

  it('opens on the newest page with "load earlier", and prepends older pages until the first message', () => {
    let state = run([{ type: 'opened', detail: detail('c1', range('c1', 501, 1000), true) }]);
    expect(state.conversations.c1?.hasOlder).toBe(true);
    state = consoleReducer(state, { type: 'older', conversationId: 'c1', beforeSeq: 501, page: { messages: range('c1', 1, 500), hasOlder: false } });
    const view = state.conversations.c1;
    expect(view?.messages.map((m) => m.seq)).toEqual(range('c1', 1, 1000).map((m) => m.seq));
    expect(view?.hasOlder).toBe(false);
    expect(view?.summary.lastMessage).toBe('visitor 1000');
  });

  it('a resync that joins what is held appends and keeps "load earlier" as it was', () => {
    const state = run([
      { type: 'opened', detail: detail('c1', range('c1', 501, 1000), true) },
      { type: 'opened', detail: detail('c1', range('c1', 1001, 1010), true) },
    ]);
    expect(state.conversations.c1?.messages.map((m) => m.seq)).toEqual(range('c1', 501, 1010).map((m) => m.seq));
    expect(state.conversations.c1?.hasOlder).toBe(true);
  });

  it('a newest page that does not join what is held replaces it and offers "load earlier" instead of a silent gap', () => {
    const state = run([
      accepted('c1', range('c1', 1, 10)),
      { type: 'message', message: message('c1', 1300) },
      { type: 'opened', detail: detail('c1', range('c1', 801, 1299), true) },
    ]);
    const seqs = state.conversations.c1?.messages.map((m) => m.seq);
    expect(seqs).toEqual(range('c1', 801, 1300).map((m) => m.seq));
    expect(state.conversations.c1?.hasOlder).toBe(true);
  });

  it('ignores an older page that no longer joins the first message held', () => {
    const state = run([
      { type: 'opened', detail: detail('c1', range('c1', 501, 1000), true) },
      { type: 'opened', detail: detail('c1', range('c1', 2001, 2500), true) },
      { type: 'older', conversationId: 'c1', beforeSeq: 501, page: { messages: range('c1', 1, 500), hasOlder: false } },
    ]);
    expect(state.conversations.c1?.messages[0]?.seq).toBe(2001);
    expect(state.conversations.c1?.hasOlder).toBe(true);
  });

  it('a conversation listed before it was opened takes the page’s "load earlier" flag on its first open', () => {
    const state = run([
      { type: 'hello', result: { agent, queue: [], mine: [summary('m1', 'assigned')] } },
      { type: 'message', message: message('m1', 1000) },
      { type: 'opened', detail: detail('m1', range('m1', 501, 1000), true) },
    ]);
    expect(state.conversations.m1?.hasOlder).toBe(true);
    expect(state.conversations.m1?.messages).toHaveLength(500);
  });
});
