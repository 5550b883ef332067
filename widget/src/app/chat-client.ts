/**
 * The visitor's side of the protocol, without any UI: hello and resume, optimistic sends with
 * resend on reconnect, handoff, rating, live messages merged by id and seq.
 */
import type {
  Ack,
  ErrorCode,
  Message,
  Suggestion,
  VisitorClientEvents,
  VisitorConversation,
  VisitorIdentity,
  VisitorServerEvents,
} from '@kefu/shared';
import type { Socket } from 'socket.io-client';
import { tokenKey, type KeyValueStore } from '../common/safe-storage.ts';
import type { WidgetConfig } from '../common/widget-config.ts';
import { lastSeqOf, mergeMessages, type ChatMessage } from './merge-messages.ts';
import { newClientId } from './new-client-id.ts';

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
  /** Set when the server refused the session (e.g. `forbidden` origin). */
  error?: ErrorCode;
}

/** Inputs of the chat client. */
export interface ChatClientOptions {
  config: WidgetConfig;
  /** Persistent storage for the visitor token. */
  store: KeyValueStore;
  /** Opens the socket to the `/visitor` namespace (not connected yet). */
  createSocket: () => VisitorSocket;
  /** The page the visitor is on. */
  page: () => string;
  /** Called once for each message that arrived live (not the initial history). */
  onMessage?: (message: Message) => void;
}

type Outgoing = { kind: 'send'; text: string; entryId?: string } | { kind: 'handoff'; text: string };

/** The client's public surface. */
export interface ChatClient {
  readonly state: ChatState;
  subscribe(listener: () => void): () => void;
  /** Connects (once); safe to call again. */
  start(): void;
  identify(identity: Identity): void;
  send(text: string, entryId?: string): void;
  handoff(text: string): void;
  retry(clientId: string): void;
  rate(score: number, comment?: string): Promise<Ack<unknown>>;
  destroy(): void;
}

/** Creates a chat client; nothing happens on the network until `start()`. */
export function createChatClient(options: ChatClientOptions): ChatClient {
  const { config, store } = options;
  const tokenName = tokenKey(config.site);
  const listeners = new Set<() => void>();
  const outbox = new Map<string, Outgoing>();
  const inflight = new Set<string>();
  let identity: Identity | undefined;
  let socket: VisitorSocket | undefined;
  let helloDone = false;
  let state: ChatState = { status: 'idle', messages: [], welcome: [] };

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

  const merge = (incoming: ChatMessage[], live: boolean) => {
    const known = new Set(state.messages.filter((m) => !m.pending && !m.failed).map((m) => m.id));
    update({ messages: mergeMessages(state.messages, incoming) });
    if (live) for (const message of incoming) if (!known.has(message.id)) options.onMessage?.(message);
  };

  const hello = () => {
    const s = socket;
    if (!s) return;
    const token = store.get(tokenName) ?? undefined;
    const lastSeq = helloDone ? lastSeqOf(state.messages) : undefined;
    s.emit(
      'hello',
      { token, site: config.site, lang: config.lang, lastSeq, page: options.page().slice(0, 2048), identity },
      (res) => {
        if (!res.ok) return update({ status: 'offline', error: res.error.code });
        store.set(tokenName, res.data.token);
        const wasDone = helloDone;
        helloDone = true;
        update({ status: 'online', error: undefined, conversation: res.data.conversation, welcome: res.data.welcome });
        merge(res.data.messages, wasDone);
        flush();
      },
    );
  };

  const flush = () => {
    if (!socket?.connected || !helloDone) return;
    for (const [clientId, item] of outbox) {
      if (inflight.has(clientId)) continue;
      inflight.add(clientId);
      const done = (res: Ack<{ message?: Message; conversation?: VisitorConversation }>) => {
        inflight.delete(clientId);
        outbox.delete(clientId);
        const rest = state.messages.filter((m) => !(m.id === clientId && (m.pending || m.failed)));
        if (res.ok) {
          state = { ...state, messages: rest };
          if (res.data.conversation) state.conversation = res.data.conversation;
          merge(res.data.message ? [res.data.message] : [], false);
        } else {
          const failed = state.messages.find((m) => m.id === clientId);
          update({ messages: failed ? mergeMessages(rest, [{ ...failed, pending: false, failed: res.error.code }]) : rest });
        }
      };
      if (item.kind === 'send') socket.emit('send', { clientId, text: item.text, entryId: item.entryId }, done);
      else socket.emit('handoff', { clientId }, done);
    }
  };

  const enqueue = (clientId: string, item: Outgoing) => {
    outbox.set(clientId, item);
    const optimistic: ChatMessage = {
      id: clientId,
      conversationId: state.conversation?.id ?? '',
      seq: 0,
      author: 'visitor',
      text: item.text,
      createdAt: Date.now(),
      pending: true,
    };
    update({ messages: mergeMessages(state.messages, [optimistic]) });
    client.start();
    flush();
  };

  const client: ChatClient = {
    get state() {
      return state;
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
      s.on('connect_error', (err) => {
        // An origin this site does not allow is a setup problem, not a network one: say so, do not retry.
        const code = (err as Error & { data?: { code?: string } }).data?.code;
        if (code === 'forbidden') return update({ status: 'offline', error: code });
        // A refused handshake (middleware error) is not retried by socket.io; retry it slowly.
        update({ status: 'offline' });
        if (!s.active) setTimeout(() => socket === s && s.connect(), 5000);
      });
      s.on('message', (message) => merge([message], true));
      s.on('conversation', (conversation) => update({ conversation }));
      s.connect();
    },
    identify(next) {
      identity = next;
      if (helloDone) hello();
    },
    send(text, entryId) {
      const trimmed = text.trim();
      if (trimmed) enqueue(newClientId(), { kind: 'send', text: trimmed, entryId });
    },
    handoff(text) {
      enqueue(newClientId(), { kind: 'handoff', text });
    },
    retry(clientId) {
      const failed = state.messages.find((m) => m.id === clientId && m.failed);
      if (!failed) return;
      update({ messages: state.messages.filter((m) => m !== failed) });
      client.send(failed.text);
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
      socket?.disconnect();
      socket = undefined;
      listeners.clear();
    },
  };
  return client;
}
