/**
 * The visitor's side of the protocol, without any UI: hello and resume, optimistic sends kept in
 * storage and resent on reconnect or reload, handoff, rating, live messages merged by id and seq,
 * and paging back through a long conversation.
 */
import type {
  Ack,
  ErrorCode,
  Message,
  PreChatAnswers,
  PublicSiteSettings,
  Suggestion,
  VisitorAvailability,
  VisitorClientEvents,
  VisitorConversation,
  VisitorIdentity,
  VisitorServerEvents,
} from '@kefu/shared';
import type { Socket } from 'socket.io-client';
import { outboxKey, readOutbox, writeOutbox, type OutboxItem } from '../common/outbox-store.ts';
import { tokenKey, type KeyValueStore } from '../common/safe-storage.ts';
import type { WidgetConfig } from '../common/widget-config.ts';
import { lastSeqOf, mergeMessages, newClientId, type ChatMessage } from '@kefu/shared/client';

/** The visitor socket with the protocol's event maps. */
export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

/** idle: not started; connecting: no socket yet or no hello; online: hello acknowledged; offline: lost. */
export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'offline';

/** Who the host site says the visitor is (`Kefu('identify', …)`). */
export type Identity = VisitorIdentity;

/** Everything the panel renders. */
export interface ChatState {
  status: ConnectionStatus;
  conversation?: VisitorConversation;
  messages: ChatMessage[];
  welcome: Suggestion[];
  /** Messages older than the first one held exist on the server (the "load earlier" button). */
  older?: boolean;
  /** Set when the server refused the session (e.g. `forbidden` origin). */
  error?: ErrorCode;
  /** Whether human agents are on duty, as of the last hello (the header line). */
  availability?: VisitorAvailability;
  /** The agent is typing (cleared by their message, a stop, or a few seconds without news). */
  typing?: boolean;
  /** How far the agent has read this conversation (the 已读 mark). */
  read?: number;
  /** The site's look, greeting and pre-chat form, as of the last hello. */
  site?: PublicSiteSettings;
  /** A handoff the server refused for want of the pre-chat form (the site turned it on after this hello): the panel shows the form. */
  preChat?: string;
}

/** Inputs of the chat client. */
export interface ChatClientOptions {
  config: WidgetConfig;
  /** Persistent storage for the visitor token and the outbox. */
  store: KeyValueStore;
  /** Opens the socket to the `/visitor` namespace (not connected yet). */
  createSocket: () => VisitorSocket;
  /** The page the visitor is on; only its origin and path are sent. */
  page: () => string;
  /** Called once for each message that arrived live (not the initial history). */
  onMessage?: (message: Message) => void;
  /** Fires `online` when the network is back (the page's window, which is the default where there is one). */
  network?: EventTarget;
}

/** The client's public surface. */
export interface ChatClient {
  readonly state: ChatState;
  subscribe(listener: () => void): () => void;
  /** Connects (once); safe to call again. */
  start(): void;
  identify(identity: Identity): void;
  send(text: string, entryId?: string): void;
  /** Asks for a human, with the pre-chat form's answers when there was one. */
  handoff(text: string, preChat?: PreChatAnswers): void;
  /** Stops waiting for a human; the bot answers again. */
  leaveQueue(): void;
  /** Called on every keystroke; tells the agent the visitor is typing (at most once per 2 s, then a stop). */
  typing(): void;
  /** Sends a refused message again under the same client id. */
  retry(clientId: string): void;
  /** Fetches the page before the first message held and prepends it. */
  loadOlder(): void;
  rate(score: number, comment?: string): Promise<Ack<unknown>>;
  /** The socket once started (the tickets part, widget/src/tickets, talks over it). */
  readonly io?: VisitorSocket;
  destroy(): void;
}

/** Creates a chat client; nothing happens on the network until `start()`. */
export function createChatClient(options: ChatClientOptions): ChatClient {
  const { config, store } = options;
  const tokenName = tokenKey(config.site);
  // The outbox belongs to a visitor; which one is only known after a hello, so remember the last one.
  const ownerName = `kefu:visitor:${config.site}`;
  let owner = store.get(ownerName) || '';
  const boxName = () => outboxKey(config.site, owner);
  const listeners = new Set<() => void>();
  const outbox = new Map<string, OutboxItem>();
  /** Refused items, kept (in memory only) so Retry resends them as they were. */
  const refused = new Map<string, OutboxItem>();
  const inflight = new Set<string>();
  let identity: Identity | undefined;
  let socket: VisitorSocket | undefined;
  let helloDone = false;
  let paging = false;
  let state: ChatState = { status: 'idle', messages: [], welcome: [] };
  let typedAt = 0;
  let stopWatching = (): void => {};
  let typingStop: ReturnType<typeof setTimeout> | undefined;
  let agentTyping: ReturnType<typeof setTimeout> | undefined;
  /** Tells the agent's console; without an ack (the server needs none, and nothing is retried). False when there is nobody to tell. */
  const sendTyping = (typing: boolean): boolean => {
    const c = state.conversation;
    if (c?.state !== 'assigned' || !socket?.connected) return false;
    (socket as Socket).emit('typing', { conversationId: c.id, typing });
    return true;
  };

  const update = (patch: Partial<ChatState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) {
      try {
        listener();
      } catch {
        // Listeners run inside socket callbacks; an error there would surface on the host page.
      }
    }
  };

  const merge = (incoming: ChatMessage[], live: boolean, base = state.messages) => {
    const known = new Set(state.messages.filter((m) => !m.pending && !m.failed).map((m) => m.id));
    update({ messages: mergeMessages(base, incoming) });
    if (live) for (const message of incoming) if (!known.has(message.id)) options.onMessage?.(message);
  };

  /** Queues an item and shows it as pending (seq 0) until its acknowledgement. */
  const queue = (x: OutboxItem) => {
    outbox.set(x.id, x);
    update({ messages: mergeMessages(state.messages, [{ id: x.id, conversationId: '', seq: 0, author: 'visitor', text: x.text, createdAt: x.at, pending: true }]) });
  };

  /** Queues what storage holds that this tab does not (a reload, another tab). */
  const adopt = () => {
    for (const x of readOutbox(store, boxName())) if (!outbox.has(x.id) && !refused.has(x.id)) queue(x);
  };

  const hello = () => {
    const s = socket;
    if (!s) return;
    const token = store.get(tokenName) ?? undefined;
    const lastSeq = helloDone ? lastSeqOf(state.messages) : undefined;
    // The query and fragment can carry session ids, coupons or e-mail addresses: the agent gets origin and path.
    const page = options.page().split(/[?#]/)[0]?.slice(0, 2048);
    s.emit('hello', { token, site: config.site, lang: config.lang, lastSeq, page, identity }, (res) => {
      if (!res.ok) return update({ status: 'offline', error: res.error.code });
      const { visitorId, messages, hasOlder } = res.data;
      store.set(tokenName, res.data.token);
      if (visitorId !== owner) {
        // Typed before the first hello, or under a token that has since expired: typed in this browser,
        // so they belong to whoever this browser is now.
        for (const x of readOutbox(store, boxName())) writeOutbox(store, outboxKey(config.site, visitorId), x);
        store.remove(boxName());
        store.set(ownerName, (owner = visitorId));
      }
      adopt();
      const wasDone = helloDone;
      helloDone = true;
      update({ status: 'online', error: undefined, conversation: res.data.conversation, welcome: res.data.welcome, availability: res.data.availability, site: res.data.site });
      // A newest page that does not join what is held (or a first hello) replaces the held history,
      // so the transcript never hides a silent gap: the "load earlier" button pages back instead.
      const first = messages[0];
      if (!wasDone || (first && first.seq > (lastSeq ?? 0) + 1)) {
        update({ older: hasOlder });
        merge(messages, wasDone, state.messages.filter((m) => m.pending || m.failed));
      } else merge(messages, true);
      flush();
    });
  };

  const flush = () => {
    if (!socket?.connected || !helloDone) return;
    for (const [clientId, item] of outbox) {
      if (inflight.has(clientId)) continue;
      // A request for a human leaves only once the messages before it are confirmed (and what follows it waits too):
      // the server then knows the question it is about, and hands off to that question's department.
      if (item.handoff && inflight.size > 0) break;
      inflight.add(clientId);
      const done = (res: Ack<{ message?: Message; conversation?: VisitorConversation }>) => {
        inflight.delete(clientId);
        outbox.delete(clientId);
        // Any answer ends the item's life in storage: a refusal would only be refused again after a reload.
        writeOutbox(store, boxName(), undefined, [clientId]);
        const rest = state.messages.filter((m) => !(m.id === clientId && (m.pending || m.failed)));
        if (res.ok) {
          state = { ...state, messages: rest };
          if (res.data.conversation) state.conversation = res.data.conversation;
          merge(res.data.message ? [res.data.message] : [], false);
        } else if (res.error.code == 'prechat_required') {
          // Fetch the site's settings again; the form they now ask for replaces the refused request.
          update({ messages: rest, preChat: clientId });
          hello();
        } else {
          refused.set(clientId, item);
          const failed = state.messages.find((m) => m.id === clientId);
          update({ messages: failed ? mergeMessages(rest, [{ ...failed, pending: false, failed: res.error.code }]) : rest });
        }
        flush();
      };
      if (item.handoff) socket.emit('handoff', { clientId, preChat: item.preChat }, done);
      else socket.emit('send', { clientId, text: item.text, entryId: item.entryId }, done);
    }
  };

  const enqueue = (item: OutboxItem) => {
    writeOutbox(store, boxName(), item);
    queue(item);
    client.start();
    flush();
  };

  // Messages a reload interrupted show at once, before the socket is even up.
  adopt();

  const client: ChatClient = {
    get state() {
      return state;
    },
    get io() {
      return socket;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (socket) return;
      const s = options.createSocket();
      socket = s;
      update({ status: 'connecting' });
      s.on('connect', hello);
      s.on('disconnect', () => {
        inflight.clear();
        update({ status: 'offline' });
      });
      // The browser knows when the network is back. Socket.IO would wait out its backoff first, or an attempt made
      // while the network was gone, which may hang until its 20 s timeout: try again at once instead.
      const network = options.network ?? (typeof window === 'undefined' ? undefined : window);
      const reconnect = () => {
        if (socket === s && !s.connected && state.error !== 'forbidden') s.disconnect().connect();
      };
      network?.addEventListener('online', reconnect);
      stopWatching = () => network?.removeEventListener('online', reconnect);
      s.on('connect_error', (err) => {
        // An origin this site does not allow is a setup problem, not a network one: say so, do not retry.
        const code = (err as Error & { data?: { code?: string } }).data?.code;
        if (code === 'forbidden') return update({ status: 'offline', error: code });
        // A refused handshake (middleware error) is not retried by socket.io; retry it slowly.
        update({ status: 'offline' });
        if (!s.active) setTimeout(() => socket === s && s.connect(), 5000);
      });
      s.on('message', (message) => {
        if (message.author === 'agent') update({ typing: false });
        merge([message], true);
      });
      s.on('typing', (x) => {
        clearTimeout(agentTyping);
        // An indicator whose stop was lost expires by itself.
        if (x.typing) agentTyping = setTimeout(() => update({ typing: false }), 6000);
        update({ typing: x.typing && x.conversationId === state.conversation?.id });
      });
      s.on('read', (x) => x.conversationId === state.conversation?.id && update({ read: Math.max(x.seq, state.read || 0) }));
      // A new conversation starts unread.
      s.on('conversation', (conversation) => update({ conversation, read: conversation.id === state.conversation?.id ? state.read : 0 }));
      s.connect();
    },
    identify(next) {
      identity = next;
      if (helloDone) hello();
    },
    send(text, entryId) {
      const trimmed = text.trim();
      if (trimmed) enqueue({ id: newClientId(), text: trimmed, entryId, at: Date.now() });
    },
    handoff(text, preChat) {
      enqueue({ id: newClientId(), text, handoff: 1, preChat, at: Date.now() });
    },
    leaveQueue() {
      const conversationId = state.conversation?.id;
      if (socket?.connected && conversationId) socket.emit('leaveQueue', { conversationId }, (res) => res.ok && update({ conversation: res.data.conversation }));
    },
    typing() {
      const now = Date.now();
      // Only a signal actually sent starts the 2 s pause: typing to the bot must not mute the first keys after an agent joins.
      if (now - typedAt > 2000 && sendTyping(true)) typedAt = now;
      clearTimeout(typingStop);
      typingStop = setTimeout(() => {
        typedAt = 0;
        sendTyping(false);
      }, 3000);
    },
    retry(clientId) {
      // The same client id: should the refusal have been a lost ack after all, the server answers with the stored copy.
      const item = refused.get(clientId);
      if (item && refused.delete(clientId)) enqueue(item);
    },
    loadOlder() {
      const first = state.messages[0];
      if (!state.older || paging || !first?.seq || !socket?.connected) return;
      paging = true;
      socket.emit('history', { conversationId: first.conversationId, beforeSeq: first.seq }, (res) => {
        paging = false;
        // A reconnect may have replaced the transcript meanwhile; this page would then not join it.
        if (res.ok && state.messages[0]?.id === first.id) {
          update({ older: res.data.hasOlder });
          merge(res.data.messages, false);
        }
      });
    },
    rate(score, comment) {
      return new Promise((resolve) => {
        const conversationId = state.conversation?.id;
        if (!socket?.connected || !conversationId)
          return resolve({ ok: false, error: { code: 'invalid_state', message: 'offline' } });
        socket.emit('rate', { conversationId, score, comment: comment || undefined }, (res) => {
          if (res.ok) update({ conversation: res.data.conversation });
          resolve(res);
        });
      });
    },
    destroy() {
      stopWatching();
      socket?.disconnect();
      socket = undefined;
      listeners.clear();
    },
  };
  return client;
}
