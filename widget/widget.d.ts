/**
 * Types of the Kefu widget's page API, `Kefu(command, ...args)`, as installed by
 * `<script src="https://HOST/widget.js" async>`. Served at `GET /widget.d.ts`; copy it into a
 * project (or reference it) to type-check calls. Calls made before the widget has loaded are
 * queued and replayed in order; a bad call never throws into the page.
 */

/** Who the visitor is, as the site knows them; sent to the agents with the conversation. */
export interface KefuIdentity {
  name?: string;
  email?: string;
  /** The site's own user id; with identity verification, a verified id resumes its conversations on any device. */
  userId?: string;
  /** HMAC-SHA256 of `userId` with the site's secret, made on the site's server (never in the page). */
  signature?: string;
  /** Or an HS256 JWT made on the site's server, whose `sub` is the user id. */
  jwt?: string;
}

/** The author of a transcript message. */
export type KefuAuthor = 'visitor' | 'bot' | 'agent' | 'system';

/** A message as `Kefu('on', 'message', …)` hands it to the page. */
export interface KefuMessage {
  id: string;
  conversationId: string;
  /** Per-conversation sequence number, from 1. */
  seq: number;
  author: KefuAuthor;
  /** The agent's display name on agent messages. */
  authorName?: string;
  text: string;
  /** Unix epoch milliseconds. */
  createdAt: number;
}

/** Events the page can listen to, with their handler's arguments. */
export interface KefuEvents {
  /** Each new message in the conversation (from the visitor, the bot, an agent or the system). */
  message: (message: KefuMessage) => void;
  /** The chat panel opened. */
  open: () => void;
  /** The chat panel closed. */
  close: () => void;
  /** Messages the visitor has not seen yet (0 once the panel is open). */
  unread: (count: number) => void;
}

/** An event name of `Kefu('on', event, handler)`. */
export type KefuEvent = keyof KefuEvents;

/** The page API. */
export interface Kefu {
  /** Opens, closes or toggles the chat panel (loads the chat if needed). */
  (command: 'open' | 'close' | 'toggle'): void;
  /** Tells agents who the visitor is; sent with the next connection. */
  (command: 'identify', identity: KefuIdentity): void;
  /**
   * Listens to a widget event. Events come from the chat, which loads on the visitor's first sign
   * of interest (hover, focus, touch, click, `open`, `send`) or at page load while there are unread
   * messages or an agent on the conversation; before that nothing fires.
   */
  <E extends KefuEvent>(command: 'on', event: E, handler: KefuEvents[E]): void;
  /** Sends a message as the visitor (loads the chat and connects if needed). */
  (command: 'send', text: string): void;
  /** Calls queued by the inline stub before widget.js ran. */
  q?: ArrayLike<unknown>[];
}

declare global {
  /** Installed by widget.js (or the inline stub); also reachable as `window.Kefu`. */
  // eslint-disable-next-line no-var
  var Kefu: Kefu;
}
