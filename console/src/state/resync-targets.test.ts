import { describe, expect, it } from 'vitest';
import type { ConversationSummary, Message } from '@kefu/shared';
import { initialConsoleState, type ConsoleState, type ConversationView } from './console-state.ts';
import { resyncTargets } from './resync-targets.ts';

const summary = (id: string): ConversationSummary => ({
  id,
  state: 'assigned',
  visitorId: 'v',
  visitorName: 'v',
  lang: 'zh-CN',
  priority: 0,
  lastSeq: 0,
  createdAt: 0,
  updatedAt: 0,
});
const msg = (conversationId: string, seq: number): Message => ({ id: `${conversationId}${seq}`, conversationId, seq, author: 'visitor', text: 'x', createdAt: seq });
const view = (id: string, seqs: number[], loaded: boolean): ConversationView => ({
  summary: summary(id),
  messages: seqs.map((s) => msg(id, s)),
  loaded,
  hasOlder: false,
  pending: [],
  unread: 0,
  visitorTyping: false,
  readSeq: 0,
});

describe('resyncTargets', () => {
  it('re-opens held transcripts after their last unbroken seq, and the open one in full when not loaded', () => {
    const state: ConsoleState = {
      ...initialConsoleState,
      mine: ['a', 'b', 'c'],
      conversations: { a: view('a', [1, 2, 3, 5], true), b: view('b', [], false), c: view('c', [1], false) },
      openId: 'c',
    };
    expect(resyncTargets(state)).toEqual([{ conversationId: 'a', afterSeq: 3 }, { conversationId: 'c' }]);
  });

  it('asks for nothing before anything is held', () => {
    expect(resyncTargets(initialConsoleState)).toEqual([]);
  });
});
