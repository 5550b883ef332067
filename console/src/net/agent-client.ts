/** The console's `/agent` Socket.IO connection: typed requests with timeouts, pushes forwarded, resync after reconnects. */
import { io, type Socket } from 'socket.io-client';
import {
  AGENT_NAMESPACE,
  type Ack,
  type AgentClientEvents,
  type AgentHelloResult,
  type AgentServerEvents,
  type ConversationDetail,
  type ConversationSummary,
  type HistoryPage,
  type InternalNote,
  type LiveConversation,
  type Message,
  type ReadMark,
  type SendResult,
  type TeamAgent,
  type Ticket,
  type TicketAlert,
  type TicketEvent,
  type TransferInput,
  type TransferTarget,
  type TypingSignal,
} from '@kefu/shared';
import type { ResyncTarget } from '../state/resync-targets.ts';
import { socketToken } from './http-auth.ts';

/** Connection state shown in the header. */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting';

/** An ack, or a client-side failure: no answer in time. */
export type Result<T> = Ack<T> | { ok: false; error: { code: 'timeout'; message: string } };

/** What the client reports to the UI. */
export interface AgentClientHandlers {
  status(status: ConnectionStatus): void;
  hello(result: AgentHelloResult): void;
  queue(queue: ConversationSummary[]): void;
  conversation(summary: ConversationSummary): void;
  message(message: Message): void;
  /** The visitor of a conversation we watch started or stopped typing. */
  typing(signal: TypingSignal): void;
  /** This agent's read mark moved (another tab of theirs). */
  read(mark: ReadMark): void;
  /** An internal note on a conversation we watch. */
  note?(note: InternalNote): void;
  /** A ticket this agent may see changed, or its thread grew (the ticket screens follow them). */
  ticket?(ticket: Ticket): void;
  ticketEvent?(event: TicketEvent): void;
  /** A ticket's SLA is at risk or breached, or it was escalated. */
  ticketAlert?(alert: TicketAlert): void;
  /** Supervisors and admins: a colleague's team row changed (presence, role, capacity, account, departments) or a new one joined. */
  teamAgent?(agent: TeamAgent): void;
  /** A transcript fetched after a reconnect. */
  resynced(detail: ConversationDetail): void;
  /** The session is gone: back to sign-in. */
  unauthorized(): void;
  /** Conversations to re-open after each (re)connect, with the last seq held. */
  watched(): ResyncTarget[];
}

type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

const ACK_TIMEOUT_MS = 10_000;
const RETRY_MS = 3_000;
/** At most one "typing" per conversation this often while keys are pressed… */
const TYPING_EVERY_MS = 2_000;
/** …and a stop this long after the last key. */
const TYPING_STOP_MS = 3_000;

/** Wraps one socket; nothing happens until `start()`, and `close()` stops everything. */
export class AgentClient {
  private socket: AgentSocket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Per conversation: when "typing" was last sent, and the timer that sends the stop. */
  private typingState = new Map<string, { sentAt: number; stop: ReturnType<typeof setTimeout> }>();

  /**
   * `network` fires `online` when the network is back (the page's window by default): the client then reconnects at
   * once, instead of waiting out Socket.IO's backoff or an attempt made while the network was gone, which may hang
   * until its 20 s timeout.
   */
  constructor(
    private readonly on: AgentClientHandlers,
    private readonly network: EventTarget | undefined = typeof window === 'undefined' ? undefined : window,
  ) {}

  private readonly reconnectNow = (): void => {
    if (this.socket && !this.socket.connected) this.socket.disconnect().connect();
  };

  /** Connects to `/agent` on this origin with the session cookie. */
  start(): void {
    // WebSocket first (no sticky sessions needed behind a load balancer); long-polling when a proxy blocks it.
    const socket: AgentSocket = io(AGENT_NAMESPACE, {
      withCredentials: true,
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      // Sent in the CONNECT packet (never in a URL); read afresh for each attempt, so a new session's token is used.
      auth: (cb) => void socketToken().then((token) => cb({ token })),
    });
    this.socket = socket;
    this.network?.addEventListener('online', this.reconnectNow);
    this.on.status('connecting');
    socket.on('connect', () => void this.greet());
    socket.on('disconnect', (reason) => {
      this.on.status('reconnecting');
      // After a server-side disconnect Socket.IO does not retry by itself. The server also disconnects a
      // session it ended (sign-out elsewhere, password change): reconnecting at once lets the handshake
      // say so (`unauthorized`) and the agent sees the sign-in screen within a moment.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized') {
        // Signed out: no network coming back reconnects this session.
        this.network?.removeEventListener('online', this.reconnectNow);
        socket.disconnect();
        this.on.unauthorized();
        return;
      }
      this.on.status('reconnecting');
      if (!socket.active) this.retryLater();
    });
    socket.on('queue', (queue) => this.on.queue(queue));
    socket.on('conversation', (summary) => this.on.conversation(summary));
    socket.on('message', (message) => this.on.message(message));
    socket.on('typing', (signal) => this.on.typing(signal));
    socket.on('read', (mark) => this.on.read(mark));
    socket.on('note', (note) => this.on.note?.(note));
    socket.on('ticket', (ticket) => this.on.ticket?.(ticket));
    socket.on('ticketEvent', (event) => this.on.ticketEvent?.(event));
    socket.on('ticketAlert', (alert) => this.on.ticketAlert?.(alert));
    socket.on('teamAgent', (agent) => this.on.teamAgent?.(agent));
  }

  /** Disconnects and stops retrying. */
  close(): void {
    this.network?.removeEventListener('online', this.reconnectNow);
    clearTimeout(this.retryTimer);
    for (const { stop } of this.typingState.values()) clearTimeout(stop);
    this.typingState.clear();
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  /** Takes a waiting conversation; `conflict` when another agent was first. */
  accept(conversationId: string): Promise<Result<ConversationDetail>> {
    return this.request<ConversationDetail>((s, ack) => s.emit('accept', { conversationId }, ack));
  }

  /** Fetches a transcript (only what follows `afterSeq` when given) and watches the conversation. */
  open(conversationId: string, afterSeq?: number): Promise<Result<ConversationDetail>> {
    const payload = afterSeq === undefined ? { conversationId } : { conversationId, afterSeq };
    return this.request<ConversationDetail>((s, ack) => s.emit('open', payload, ack));
  }

  /** The page of messages just before `beforeSeq` (scrolling back through a long conversation). */
  history(conversationId: string, beforeSeq: number): Promise<Result<HistoryPage>> {
    return this.request<HistoryPage>((s, ack) => s.emit('history', { conversationId, beforeSeq }, ack));
  }

  /** Sends a reply; resending the same clientId is safe. */
  send(conversationId: string, clientId: string, text: string): Promise<Result<SendResult>> {
    return this.request<SendResult>((s, ack) => s.emit('send', { conversationId, clientId, text }, ack));
  }

  /** Called on every keystroke in a reply: tells the visitor at most once per 2 s, and stops 3 s after the last key. */
  typing(conversationId: string): void {
    const now = Date.now();
    const held = this.typingState.get(conversationId);
    if (held) clearTimeout(held.stop);
    const sentAt = !held || now - held.sentAt >= TYPING_EVERY_MS ? (this.signalTyping(conversationId, true), now) : held.sentAt;
    this.typingState.set(conversationId, { sentAt, stop: setTimeout(() => this.stopTyping(conversationId), TYPING_STOP_MS) });
  }

  /** The reply was sent or abandoned: the visitor's indicator goes away now. */
  stopTyping(conversationId: string): void {
    const held = this.typingState.get(conversationId);
    if (!held) return;
    clearTimeout(held.stop);
    this.typingState.delete(conversationId);
    this.signalTyping(conversationId, false);
  }

  /** Marks a conversation read up to `seq`; the ack carries the mark the server now holds. */
  read(conversationId: string, seq: number): Promise<Result<ReadMark>> {
    return this.request<ReadMark>((s, ack) => s.emit('read', { conversationId, seq }, ack));
  }

  /** Fire and forget: a lost typing signal is replaced by the next one or expires on the other side. */
  private signalTyping(conversationId: string, typing: boolean): void {
    if (this.socket?.connected) this.socket.emit('typing', { conversationId, typing }, () => undefined);
  }

  /** Closes a conversation assigned to this agent. */
  closeConversation(conversationId: string): Promise<Result<{ conversation: ConversationSummary }>> {
    return this.request<{ conversation: ConversationSummary }>((s, ack) => s.emit('close', { conversationId }, ack));
  }

  /** An internal note for the agents (never the visitor); resending the same clientId is safe. */
  note(conversationId: string, clientId: string, text: string): Promise<Result<{ note: InternalNote }>> {
    return this.request<{ note: InternalNote }>((s, ack) => s.emit('note', { conversationId, clientId, text }, ack));
  }

  /** Hands the conversation to an agent or a department, with an optional note for the receiver. */
  transfer(input: TransferInput): Promise<Result<{ conversation: ConversationSummary }>> {
    return this.request<{ conversation: ConversationSummary }>((s, ack) => s.emit('transfer', input, ack));
  }

  /** Supervisors and admins: gives a conversation to a named agent (themselves: taking over). */
  assign(conversationId: string, agentId: string): Promise<Result<{ conversation: ConversationSummary }>> {
    return this.request<{ conversation: ConversationSummary }>((s, ack) => s.emit('assign', { conversationId, agentId }, ack));
  }

  /** Colleagues a conversation can be transferred to. */
  listAgents(): Promise<Result<{ agents: TransferTarget[] }>> {
    return this.request<{ agents: TransferTarget[] }>((s, ack) => s.emit('listAgents', {}, ack));
  }

  /** Supervisors and admins: every queued and assigned conversation. */
  listLive(): Promise<Result<{ conversations: LiveConversation[] }>> {
    return this.request<{ conversations: LiveConversation[] }>((s, ack) => s.emit('listLive', {}, ack));
  }

  private async greet(): Promise<void> {
    const socket = this.socket;
    const hello = await this.request<AgentHelloResult>((s, ack) => s.emit('hello', {}, ack));
    if (socket !== this.socket) return;
    if (!hello.ok) {
      if (hello.error.code === 'unauthorized') this.on.unauthorized();
      else this.retryLater(() => this.socket?.connected && void this.greet());
      return;
    }
    this.on.status('online');
    this.on.hello(hello.data);
    for (const target of this.on.watched()) {
      const res = await this.open(target.conversationId, target.afterSeq);
      if (socket !== this.socket) return;
      if (res.ok) this.on.resynced(res.data);
    }
  }

  private retryLater(action: () => void = () => this.socket?.connect()): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(action, RETRY_MS);
  }

  /** Emits with an ack and a timer (not `socket.timeout()`, whose ack types lose the payload type). */
  private request<T>(emit: (socket: AgentSocket, ack: (res: Ack<T>) => void) => void): Promise<Result<T>> {
    const socket = this.socket;
    if (!socket) return Promise.resolve({ ok: false, error: { code: 'timeout', message: 'not connected' } });
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, error: { code: 'timeout', message: 'no answer' } }), ACK_TIMEOUT_MS);
      emit(socket, (res) => {
        clearTimeout(timer);
        resolve(res);
      });
    });
  }
}
