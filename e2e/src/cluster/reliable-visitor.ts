/**
 * A visitor that behaves like the widget through faults: it keeps its token, reconnects (to the first of its URLs
 * that answers) with the last seq it holds, and resends a message with the same clientId until it is acknowledged.
 * It records every acknowledged message and how long each reconnect took.
 */
import type { Ack, Message, VisitorHelloResult } from '@kefu/shared';
import { call, closeSocket, connectVisitor, Inbox, type ClientSocket, type Transport } from './cluster-client.ts';

const RETRYABLE = new Set(['unavailable', 'rate_limited']);

export class ReliableVisitor {
  token: string | undefined;
  conversationId = '';
  socket: ClientSocket | undefined;
  readonly inbox = new Inbox();
  /** Acknowledged sends, by clientId. */
  readonly acked = new Map<string, Message>();
  /** Retryable error codes the server answered, in order. */
  readonly retryableErrors: string[] = [];
  /** Milliseconds from losing the connection to the next successful hello. */
  readonly reconnectMs: number[] = [];
  private lostAt: number | undefined;

  constructor(
    private readonly urls: () => string[],
    private readonly transport: Transport,
  ) {}

  /**
   * The seq up to which the transcript has no gap. Like the widget, which fills a gap before counting past it: a
   * message pushed by another node may have been lost with a dead connection, and the hello after a reconnect asks
   * for everything after this seq.
   */
  lastSeq(): number {
    let held = 0;
    for (const m of this.inbox.transcript(this.conversationId)) {
      if (m.seq > held + 1) break;
      held = m.seq;
    }
    return held;
  }

  /** Connects and says hello, trying each URL until `deadline`. */
  async connect(deadline = Date.now() + 30_000): Promise<VisitorHelloResult> {
    let last: unknown;
    while (Date.now() < deadline) {
      for (const url of this.urls()) {
        try {
          const socket = await connectVisitor(url, this.transport);
          const res = await call<VisitorHelloResult>(socket, 'hello', {
            lang: 'zh-CN',
            ...(this.token ? { token: this.token } : {}),
            ...(this.conversationId ? { lastSeq: this.lastSeq() } : {}),
          });
          if (!res.ok) {
            closeSocket(socket);
            last = new Error(`${res.error.code}: ${res.error.message}`);
            if (RETRYABLE.has(res.error.code)) this.retryableErrors.push(res.error.code);
            continue;
          }
          this.inbox.listen(socket);
          this.token = res.data.token;
          this.conversationId = res.data.conversation.id;
          this.inbox.add(res.data.messages);
          this.socket = socket;
          socket.on('disconnect', ((reason: string) => {
            if (reason !== 'io client disconnect') this.lostAt ??= Date.now();
          }) as (...args: never[]) => void);
          if (this.lostAt !== undefined) this.reconnectMs.push(Date.now() - this.lostAt);
          this.lostAt = undefined;
          return res.data;
        } catch (error) {
          last = error;
        }
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`visitor could not reconnect: ${last instanceof Error ? last.message : String(last)}`);
  }

  /** Sends a message until acknowledged; the same clientId every time, so nothing is stored twice. */
  async send(clientId: string, text: string, deadline?: number): Promise<Message> {
    const data = await this.deliver<{ message: Message }>('send', { clientId, text }, deadline);
    this.acked.set(clientId, data.message);
    this.inbox.add([data.message]);
    return data.message;
  }

  /** Asks for a human (the button) until acknowledged. */
  async handoff(clientId: string): Promise<void> {
    await this.deliver('handoff', { clientId });
  }

  /** The stored transcript (`sync` from the start), reconnecting until a node answers: a node may be restarting. */
  async transcript(deadline?: number): Promise<Message[]> {
    return (await this.deliver<{ messages: Message[] }>('sync', { afterSeq: 0 }, deadline)).messages;
  }

  private async deliver<T>(event: string, payload: { clientId?: string; text?: string; afterSeq?: number }, deadline = Date.now() + 45_000): Promise<T> {
    let last = '';
    while (Date.now() < deadline) {
      if (!this.socket?.connected) {
        this.lostAt ??= Date.now();
        if (this.socket) closeSocket(this.socket);
        await this.connect(deadline);
      }
      let res: Ack<T>;
      try {
        res = await call<T>(this.socket!, event, payload, 5_000);
      } catch (error) {
        // No acknowledgement: the connection is gone or stuck; reconnect and resend.
        last = error instanceof Error ? error.message : String(error);
        this.lostAt ??= Date.now();
        if (this.socket) closeSocket(this.socket);
        this.socket = undefined;
        continue;
      }
      if (res.ok) return res.data;
      last = res.error.code;
      if (!RETRYABLE.has(res.error.code)) throw new Error(`${event} ${payload.clientId ?? ''} refused: ${res.error.code}: ${res.error.message}`);
      this.retryableErrors.push(res.error.code);
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${event} ${payload.clientId ?? ''} never acknowledged (last: ${last})`);
  }

  close(): void {
    if (this.socket) closeSocket(this.socket);
    this.socket = undefined;
  }
}
