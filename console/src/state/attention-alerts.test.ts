import { describe, expect, it } from 'vitest';
import type { AgentProfile, ConversationSummary, Message } from '@kefu/shared';
import { attentionAlerts } from './attention-alerts.ts';
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
  lastSeq: 2,
  createdAt: 500,
  updatedAt: 1000,
  ...(state === 'assigned' ? { assignedAgentId: agent.id } : {}),
  ...extra,
});

const message = (conversationId: string, seq: number, author: Message['author'] = 'visitor'): Message => ({
  id: `${conversationId}-${seq}`,
  conversationId,
  seq,
  author,
  text: `${author} ${seq}`,
  createdAt: 1000 + seq,
});

const accepted = (id: string): ConsoleAction => ({
  type: 'accepted',
  detail: { conversation: summary(id, 'assigned'), messages: [message(id, 1), message(id, 2, 'bot')], hasOlder: false },
});

/** Runs actions one by one and collects the alerts each change raised. */
function play(actions: ConsoleAction[], from: ConsoleState = { ...initialConsoleState, agent }) {
  let state = from;
  const alerts: ReturnType<typeof attentionAlerts> = [];
  for (const action of actions) {
    const next = consoleReducer(state, action);
    alerts.push(...attentionAlerts(state, next));
    state = next;
  }
  return { state, alerts };
}

const hello = (queue: ConversationSummary[] = [], mine: ConversationSummary[] = []): ConsoleAction => ({ type: 'hello', result: { agent, queue, mine } });

describe('attention alerts', () => {
  it('visitors already waiting at sign-in are not news; one who joins the queue later is', () => {
    const { alerts, state } = play([
      hello([summary('q1')]),
      { type: 'queue', queue: [summary('q1'), summary('q2', 'queued', { lastMessage: '发票怎么开' })] },
      { type: 'queue', queue: [summary('q2', 'queued', { lastMessage: '发票怎么开' })] },
    ]);
    expect(alerts).toEqual([{ kind: 'queued', conversationId: 'q2', visitorName: '访客 q2', text: '发票怎么开' }]);
    expect(attentionCount(state)).toBe(1);
  });

  it('a visitor message in a conversation not on screen alerts and counts in the title; on screen it does neither', () => {
    const { alerts, state } = play([
      hello(),
      accepted('c1'),
      accepted('c2'),
      { type: 'select', conversationId: 'c2' },
      { type: 'message', message: message('c1', 3) },
      { type: 'message', message: message('c2', 3) },
      // A bot or agent message, or the same message again, is not news.
      { type: 'message', message: message('c1', 3) },
      { type: 'message', message: message('c1', 4, 'agent') },
    ]);
    expect(alerts).toEqual([{ kind: 'message', conversationId: 'c1', visitorName: '访客 c1', text: 'visitor 3' }]);
    expect(state.conversations.c1?.unread).toBe(1);
    expect(state.conversations.c2?.unread).toBe(0);
    expect(attentionCount(state)).toBe(1);
  });

  it('while the tab is hidden, a message in the open conversation alerts too', () => {
    const { alerts, state } = play([hello(), accepted('c1'), { type: 'page-visible', visible: false }, { type: 'message', message: message('c1', 3) }]);
    expect(alerts.map((a) => a.kind)).toEqual(['message']);
    expect(attentionCount(state)).toBe(1);
  });
});

describe('typing and read state', () => {
  it('the visitor’s typing shows until they send, or a stop', () => {
    const { state } = play([hello(), accepted('c1'), { type: 'typing', conversationId: 'c1', typing: true }]);
    expect(state.conversations.c1?.visitorTyping).toBe(true);
    const sent = consoleReducer(state, { type: 'message', message: message('c1', 3) });
    expect(sent.conversations.c1?.visitorTyping).toBe(false);
    const stopped = consoleReducer(state, { type: 'typing', conversationId: 'c1', typing: false });
    expect(stopped.conversations.c1?.visitorTyping).toBe(false);
    // A conversation not held is ignored.
    expect(consoleReducer(state, { type: 'typing', conversationId: 'zz', typing: true })).toBe(state);
  });

  it('a read mark from another tab clears the unread count once it covers the newest message', () => {
    const { state } = play([
      hello(),
      accepted('c1'),
      accepted('c2'),
      { type: 'message', message: message('c1', 3) },
      { type: 'message', message: message('c1', 4) },
    ]);
    expect(state.conversations.c1?.unread).toBe(2);
    const partly = consoleReducer(state, { type: 'read', conversationId: 'c1', seq: 3 });
    expect(partly.conversations.c1?.unread).toBe(2);
    const all = consoleReducer(partly, { type: 'read', conversationId: 'c1', seq: 4 });
    expect(all.conversations.c1?.unread).toBe(0);
    expect(all.conversations.c1?.readSeq).toBe(4);
    // A lower mark never moves it back.
    expect(consoleReducer(all, { type: 'read', conversationId: 'c1', seq: 2 }).conversations.c1?.readSeq).toBe(4);
    // A message already marked read elsewhere (a replay after reconnect) is not counted again.
    const replayed = consoleReducer({ ...all, conversations: { ...all.conversations, c1: { ...all.conversations.c1!, messages: all.conversations.c1!.messages.slice(0, 3) } } }, { type: 'message', message: message('c1', 4) });
    expect(replayed.conversations.c1?.unread).toBe(0);
  });
});

describe('the desk covered by another page', () => {
  it('a message in the open conversation counts and alerts while the team page is shown, and is cleared on return', () => {
    const { alerts, state } = play([hello(), accepted('c1'), { type: 'desk-shown', shown: false }, { type: 'message', message: message('c1', 3) }]);
    expect(alerts.map((a) => a.kind)).toEqual(['message']);
    expect(attentionCount(state)).toBe(1);
    expect(attentionCount(consoleReducer(state, { type: 'desk-shown', shown: true }))).toBe(0);
  });
});
