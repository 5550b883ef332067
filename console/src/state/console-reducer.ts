/** Pure reducer for the console's server-driven state; every socket event and ack becomes one action. */
import type { AgentHelloResult, ConversationDetail, ConversationSummary, HistoryPage, Message } from '@kefu/shared';
import type { ConsoleState, ConversationView, PendingReply } from './console-state.ts';
import { contiguousSeq, mergeMessages } from '@kefu/shared/client';

/** Everything that can change the console state. */
export type ConsoleAction =
  | { type: 'hello'; result: AgentHelloResult }
  | { type: 'queue'; queue: ConversationSummary[] }
  | { type: 'accepted'; detail: ConversationDetail }
  | { type: 'opened'; detail: ConversationDetail }
  /** A page of older messages fetched with `history` before `beforeSeq`. */
  | { type: 'older'; conversationId: string; beforeSeq: number; page: HistoryPage }
  | { type: 'conversation'; summary: ConversationSummary }
  | { type: 'message'; message: Message }
  | { type: 'select'; conversationId: string | null }
  | { type: 'page-visible'; visible: boolean }
  /** The desk page was covered by another page (`false`) or shown again. */
  | { type: 'desk-shown'; shown: boolean }
  /** The visitor started or stopped typing (a push, or the UI's expiry). */
  | { type: 'typing'; conversationId: string; typing: boolean }
  /** This agent's read mark: the ack of our own `read`, or a push from another tab. */
  | { type: 'read'; conversationId: string; seq: number }
  | { type: 'taken'; conversationId: string }
  | { type: 'remove'; conversationId: string }
  | { type: 'reply-pending'; conversationId: string; reply: PendingReply }
  | { type: 'reply-sent'; conversationId: string; clientId: string; message: Message }
  | { type: 'reply-failed'; conversationId: string; clientId: string }
  | { type: 'reply-retry'; conversationId: string; clientId: string };

const emptyView = (summary: ConversationSummary): ConversationView => ({
  summary,
  messages: [],
  loaded: false,
  hasOlder: false,
  pending: [],
  unread: 0,
  visitorTyping: false,
  readSeq: 0,
});

/** Adds stored messages to a view; a pending reply whose id came back stored is no longer pending. */
function withMessages(view: ConversationView, messages: readonly Message[]): ConversationView {
  const merged = mergeMessages(view.messages, messages);
  const stored = new Set(messages.map((m) => m.id));
  const pending = view.pending.filter((p) => !stored.has(p.clientId));
  const last = merged[merged.length - 1];
  // The preview is the visitor's own words, as the server keeps it: not a notice, a reply or the "human" button.
  const said = merged.findLast((m) => m.author === 'visitor' && !m.meta?.handoff);
  const summary =
    last && last.seq >= view.summary.lastSeq
      ? { ...view.summary, lastSeq: last.seq, ...(said ? { lastMessage: said.text } : {}) }
      : view.summary;
  return { ...view, messages: merged, pending, summary };
}

function upsertDetail(state: ConsoleState, detail: ConversationDetail): Record<string, ConversationView> {
  const id = detail.conversation.id;
  let base = state.conversations[id] ?? emptyView(detail.conversation);
  const first = detail.messages[0];
  // A first load, or a newest page that does not join what is held (offline for more than a page):
  // the page starts the transcript, so nothing is shown with a silent hole and "load earlier" pages back.
  // Messages from the page's first seq on are kept: a push can overtake the ack that carries the page.
  if (!base.loaded || (first && first.seq > contiguousSeq(base.messages) + 1)) {
    base = { ...base, messages: first ? base.messages.filter((m) => m.seq >= first.seq) : base.messages, hasOlder: detail.hasOlder };
  }
  const view = withMessages({ ...base, summary: { ...base.summary, ...detail.conversation } }, detail.messages);
  return { ...state.conversations, [id]: { ...view, loaded: true, ...(detail.card ? { card: detail.card } : {}) } };
}

function updateView(
  state: ConsoleState,
  id: string,
  change: (view: ConversationView) => ConversationView,
): ConsoleState {
  const view = state.conversations[id];
  if (!view) return state;
  return { ...state, conversations: { ...state.conversations, [id]: change(view) } };
}

function mapPending(view: ConversationView, clientId: string, status: PendingReply['status']): ConversationView {
  return { ...view, pending: view.pending.map((p) => (p.clientId === clientId ? { ...p, status } : p)) };
}

/** Drops a conversation from my list and the screen. */
function withoutConversation(state: ConsoleState, id: string): ConsoleState {
  const conversations = { ...state.conversations };
  delete conversations[id];
  return {
    ...state,
    mine: state.mine.filter((m) => m !== id),
    conversations,
    openId: state.openId === id ? null : state.openId,
  };
}

/** The next state; unknown conversations in pushes are ignored (the server only pushes what we watch). */
export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'hello': {
      const { agent, queue, mine } = action.result;
      const conversations = { ...state.conversations };
      for (const summary of mine) {
        const view = conversations[summary.id];
        conversations[summary.id] = view ? { ...view, summary } : emptyView(summary);
      }
      const fromServer = mine.map((s) => s.id);
      // Closed ones (and the one on screen) were dropped by the server but the agent may still be reading them.
      const kept = state.mine.filter(
        (id) =>
          !fromServer.includes(id) && (id === state.openId || conversations[id]?.summary.state === 'closed'),
      );
      return { ...state, agent, queue, mine: [...fromServer, ...kept], conversations, greeted: true };
    }
    case 'queue':
      return { ...state, queue: action.queue };
    case 'accepted': {
      const id = action.detail.conversation.id;
      return {
        ...state,
        queue: state.queue.filter((s) => s.id !== id),
        mine: [id, ...state.mine.filter((m) => m !== id)],
        conversations: upsertDetail(state, action.detail),
        openId: id,
      };
    }
    case 'opened':
      return { ...state, conversations: upsertDetail(state, action.detail) };
    case 'older':
      // Only a page that joins the first message held: a reconnect may have replaced the transcript meanwhile.
      return updateView(state, action.conversationId, (view) =>
        view.messages[0]?.seq === action.beforeSeq ? { ...withMessages(view, action.page.messages), hasOlder: action.page.hasOlder } : view,
      );
    case 'conversation': {
      const { summary } = action;
      const held = state.conversations[summary.id];
      const me = state.agent?.id;
      if (me && held?.summary.assignedAgentId === me && state.mine.includes(summary.id) && summary.assignedAgentId !== me && (summary.state === 'assigned' || summary.state === 'queued')) {
        // Given to someone else (a supervisor's assign or transfer, or my own transfer): it is no longer mine to answer.
        const handedAway = { conversationId: summary.id, visitorName: summary.visitorName, ...(summary.assignedAgentName ? { agentName: summary.assignedAgentName } : {}) };
        return { ...withoutConversation(state, summary.id), handedAway };
      }
      if (!state.conversations[summary.id] && summary.state === 'assigned' && summary.assignedAgentId === state.agent?.id) {
        // Taken by this agent elsewhere (another tab): list it; the transcript loads when opened.
        return {
          ...state,
          queue: state.queue.filter((s) => s.id !== summary.id),
          mine: [summary.id, ...state.mine],
          conversations: { ...state.conversations, [summary.id]: emptyView(summary) },
        };
      }
      const next = updateView(state, summary.id, (view) => {
        // Keep the preview of messages we already hold when the summary lags behind them.
        const ahead = view.summary.lastSeq > summary.lastSeq;
        const merged = { ...view.summary, ...summary };
        return {
          ...view,
          summary: ahead ? { ...merged, lastSeq: view.summary.lastSeq, lastMessage: view.summary.lastMessage } : merged,
        };
      });
      if (summary.state !== 'queued' && next.queue.some((s) => s.id === summary.id)) {
        return { ...next, queue: next.queue.filter((s) => s.id !== summary.id) };
      }
      return next;
    }
    case 'message': {
      const { message } = action;
      return updateView(state, message.conversationId, (view) => {
        const fresh = !view.messages.some((m) => m.id === message.id);
        const next = withMessages(view, [message]);
        const seen = state.pageVisible && state.deskShown && state.openId === message.conversationId;
        const countIt = fresh && message.author !== 'agent' && !seen && message.seq > view.readSeq;
        // The visitor's message ends their typing.
        const typed = message.author === 'visitor' ? { ...next, visitorTyping: false } : next;
        return countIt ? { ...typed, unread: typed.unread + 1 } : typed;
      });
    }
    case 'select': {
      const id = action.conversationId;
      const next = { ...state, openId: id };
      return id ? updateView(next, id, (view) => ({ ...view, unread: 0 })) : next;
    }
    case 'page-visible': {
      const next = { ...state, pageVisible: action.visible };
      return action.visible && next.deskShown && state.openId ? updateView(next, state.openId, (view) => ({ ...view, unread: 0 })) : next;
    }
    case 'desk-shown': {
      if (state.deskShown === action.shown) return state;
      const next = { ...state, deskShown: action.shown };
      return action.shown && next.pageVisible && state.openId ? updateView(next, state.openId, (view) => ({ ...view, unread: 0 })) : next;
    }
    case 'typing':
      return updateView(state, action.conversationId, (view) =>
        view.visitorTyping === action.typing ? view : { ...view, visitorTyping: action.typing },
      );
    case 'read':
      return updateView(state, action.conversationId, (view) => {
        if (action.seq <= view.readSeq) return view;
        // Read in another tab up to the newest message held: nothing left unread here either.
        const last = view.messages[view.messages.length - 1];
        const caughtUp = !last || action.seq >= last.seq;
        return { ...view, readSeq: action.seq, unread: caughtUp ? 0 : view.unread };
      });
    case 'taken':
      return { ...state, queue: state.queue.filter((s) => s.id !== action.conversationId) };
    case 'remove':
      return withoutConversation(state, action.conversationId);
    case 'reply-pending':
      return updateView(state, action.conversationId, (view) => ({
        ...view,
        pending: [...view.pending, action.reply],
      }));
    case 'reply-sent':
      return updateView(state, action.conversationId, (view) => {
        const next = withMessages(view, [action.message]);
        return { ...next, pending: next.pending.filter((p) => p.clientId !== action.clientId) };
      });
    case 'reply-failed':
      return updateView(state, action.conversationId, (view) => mapPending(view, action.clientId, 'failed'));
    case 'reply-retry':
      return updateView(state, action.conversationId, (view) => mapPending(view, action.clientId, 'sending'));
  }
}

/** The number shown in the tab title: visitors waiting plus unread messages in my conversations. */
export function attentionCount(state: ConsoleState): number {
  let unread = 0;
  for (const id of state.mine) unread += state.conversations[id]?.unread ?? 0;
  return state.queue.length + unread;
}
