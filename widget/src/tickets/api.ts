/**
 * What the tickets chunk (widget-tickets.<hash>.js) needs from the app: the chat client, found on the
 * chat panel's element as `k` (chat-panel.tsx), with the panel's `lang` attribute naming the language.
 */
import type { Ack, MessageMeta, TicketReplyPush } from '@kefu/shared';

/** The visitor socket, as far as the chunk uses it. */
export interface TicketsSocket {
  emit(event: string, payload: unknown, ack: (res: Ack<unknown>) => void): unknown;
  on(event: 'ticketReply', listener: (push: TicketReplyPush) => void): unknown;
}

/** The app's chat client, as far as the chunk uses it. */
export interface TicketsHost {
  readonly state: { status: string; messages: readonly { id: string; createdAt: number; meta?: MessageMeta }[] };
  subscribe(listener: () => void): () => void;
  /** The socket, once the client has started. */
  readonly io?: TicketsSocket;
}

/** The chat panel as the app draws it, carrying its client. */
export type HostPanel = HTMLElement & { k?: TicketsHost };
