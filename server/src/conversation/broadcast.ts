/** Stores messages and pushes every change to the visitor's tabs and the agents watching. */
import type { KefuContext } from '../context.ts';
import { rooms } from '../context.ts';
import type { AppendResult, ConversationRecord, NewMessage } from '../storage/storage.ts';
import { queueStanding, type TakingsCache } from './queue-times.ts';
import { summaryView, visitorView } from './views.ts';

/**
 * Appends a message (idempotent by client id) and, when it is new, pushes it to both sides. The socket that
 * sent it (`senderSocketId`) is left out: it has the message in its acknowledgement, and one push fewer per
 * question is one socket write fewer.
 */
export async function postMessage(
  ctx: KefuContext,
  conv: ConversationRecord,
  input: Omit<NewMessage, 'conversationId' | 'createdAt'>,
  senderSocketId?: string,
): Promise<AppendResult> {
  const result = await ctx.storage.appendMessage({ ...input, conversationId: conv.id, createdAt: ctx.now() });
  if (result.created) {
    const visitorRoom = ctx.visitors.to(rooms.visitor(conv.visitorId));
    (senderSocketId ? visitorRoom.except(senderSocketId) : visitorRoom).emit('message', result.message);
    ctx.agents.to(rooms.conversation(conv.id)).emit('message', result.message);
  }
  return result;
}

/** Tells the visitor's tabs and the agents watching that the conversation changed. */
export async function pushConversation(ctx: KefuContext, conv: ConversationRecord): Promise<void> {
  const [view, summary] = await Promise.all([visitorView(ctx, conv), summaryView(ctx, conv)]);
  ctx.visitors.to(rooms.visitor(conv.visitorId)).emit('conversation', view);
  ctx.agents.to(rooms.conversation(conv.id)).emit('conversation', summary);
}

/** Sends the whole queue to every agent and each waiting visitor their position and expected wait. */
export async function pushQueue(ctx: KefuContext): Promise<void> {
  const queue = await ctx.storage.listQueue();
  const summaries = await Promise.all(queue.map((c) => summaryView(ctx, c)));
  ctx.agents.to(rooms.agents).emit('queue', summaries);
  const takings: TakingsCache = new Map();
  await Promise.all(
    queue.map(async (conv) => {
      const standing = await queueStanding(ctx, conv, queue, takings);
      ctx.visitors.to(rooms.visitor(conv.visitorId)).emit('conversation', await visitorView(ctx, conv, standing));
    }),
  );
}
