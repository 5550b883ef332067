/** Posts the bot's messages of one turn; the first one settles the visitor message's pending turn in its own transaction. */
import type { MessageMeta } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import type { ConversationPatch, ConversationRecord } from '../storage/storage.ts';
import { postMessage } from '../conversation/broadcast.ts';

export interface BotMessage {
  text: string;
  meta?: MessageMeta;
  /** Conversation changes stored with this message (department, language, flow position). */
  patch?: ConversationPatch;
}

export interface TurnReply {
  /** Posts one bot message and returns the conversation as stored with it. */
  post(conv: ConversationRecord, message: BotMessage): Promise<ConversationRecord>;
  /** The seq to settle with the next write, once: later writes of the turn settle nothing. */
  claim(): number | undefined;
  /** True once a write of this turn has settled the pending turn. */
  readonly settled: boolean;
  /** Clears the pending turn when the turn ended without any reply (the conversation left the bot). */
  finish(conversationId: string): Promise<void>;
}

/** `seq` is the visitor message being answered. */
export function createTurnReply(ctx: KefuContext, seq: number): TurnReply {
  let settled = false;
  const claim = (): number | undefined => {
    if (settled) return undefined;
    settled = true;
    return seq;
  };
  return {
    async post(conv, { text, meta, patch }) {
      const settlesTurn = claim();
      const result = await postMessage(ctx, conv, {
        author: 'bot',
        text,
        ...(meta ? { meta } : {}),
        ...(patch && Object.keys(patch).length > 0 ? { patch } : {}),
        ...(settlesTurn !== undefined ? { settlesTurn } : {}),
      });
      return result.conversation;
    },
    claim,
    get settled() {
      return settled;
    },
    async finish(conversationId) {
      const settlesTurn = claim();
      if (settlesTurn !== undefined) await ctx.storage.settleTurn(conversationId, settlesTurn);
    },
  };
}
