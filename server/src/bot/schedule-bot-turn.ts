/** Runs a visitor message's bot turn behind the conversation's earlier turns, riding out a briefly busy database. */
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { botTurn, type BotTurnInput } from './bot-turn.ts';
import { createTurnReply } from './turn-reply.ts';

const ATTEMPTS = 3;
const RETRY_PAUSE_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * KEFU_TEST_BOT_TURN_DELAY_MS (only with NODE_ENV=test, at most 2000): holds every bot turn back so
 * the crash-recovery test can kill the process while turns are still waiting. Read once.
 */
let testDelayMs: number | undefined;
function botTurnTestDelay(): number {
  if (testDelayMs === undefined) {
    const asked = process.env.NODE_ENV === 'test' ? Number(process.env.KEFU_TEST_BOT_TURN_DELAY_MS ?? 0) : 0;
    testDelayMs = Number.isFinite(asked) ? Math.min(Math.max(asked, 0), 2000) : 0;
  }
  return testDelayMs;
}

/**
 * Queues the turn on the conversation's serial line. The knowledge base's first load (it runs while
 * the server already listens) and `ready` are awaited inside the line, so a question asked during
 * start-up gets a real answer rather than a decline, and later turns of the conversation wait too.
 * A turn that meets a database still busy after the storage's own retries is tried again a little
 * later, unless it already posted part of its reply. `stillWanted`, checked first inside the line,
 * skips a turn that is no longer needed.
 */
export function scheduleBotTurn(ctx: KefuContext, turn: BotTurnInput, ready?: Promise<unknown>, stillWanted?: () => Promise<boolean>): Promise<void> {
  return ctx.serial.run(turn.conversationId, async () => {
    await ready;
    await ctx.kb.ready();
    // A resumed turn another node may have answered while this one waited for the conversation's lock.
    if (stillWanted && !(await stillWanted())) return;
    const delay = botTurnTestDelay();
    if (delay > 0) await sleep(delay);
    const reply = createTurnReply(ctx, turn.seq);
    for (let attempt = 1; ; attempt++) {
      try {
        return await botTurn(ctx, turn, reply);
      } catch (err) {
        const busy = err instanceof KefuError && err.code === 'unavailable';
        if (!busy || reply.settled || attempt >= ATTEMPTS) throw err;
        await sleep(RETRY_PAUSE_MS * attempt);
      }
    }
  });
}
