/** Registers a socket event handler behind its schema: bad payloads, coded errors and crashes all become acks. */
import type { Ack } from '@kefu/shared';
import { v } from '@kefu/shared';
import { KefuError, errorBody } from '../kefu-error.ts';
import type { Logger } from '../logger.ts';
import { isStorageBusy } from '../storage/storage-errors.ts';

/** The data type an event's acknowledgement carries, read from an event map entry. */
export type AckData<F> = F extends (payload: never, ack: (res: Ack<infer T>) => void) => void ? T : never;

/** Work to run after the ack was sent (e.g. the bot's reply after the visitor's message is confirmed). */
export interface HandlerContext {
  after(task: () => Promise<void>): void;
}

interface Listenable {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** Registers one validated handler; see `handlers`. */
export type On<Events> = <E extends keyof Events & string, S extends v.GenericSchema>(
  event: E,
  schema: S,
  handler: (payload: v.InferOutput<S>, ctx: HandlerContext) => Promise<AckData<Events[E]>>,
) => void;

/**
 * `const on = handlers<VisitorClientEvents>(socket, log); on('send', VisitorSendSchema, async (payload) => data)`.
 * The ack may be missing or not a function (a careless client); the handler still runs, and
 * nothing is thrown into Socket.IO.
 */
export function handlers<Events>(socket: object, log: Logger): On<Events> {
  return (event, schema, handler) => listen<Events, typeof event, typeof schema>(socket as Listenable, event, schema, handler, log);
}

function listen<Events, E extends keyof Events & string, S extends v.GenericSchema>(
  socket: Listenable,
  event: E,
  schema: S,
  handler: (payload: v.InferOutput<S>, ctx: HandlerContext) => Promise<AckData<Events[E]>>,
  log: Logger,
): void {
  socket.on(event, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (res: Ack<AckData<Events[E]>>) => void) : undefined;
    const payload = ack && args.length === 1 ? undefined : args[0];
    const reply = (res: Ack<AckData<Events[E]>>): void => {
      try {
        ack?.(res);
      } catch (err) {
        log.warn(`ack for ${event} failed`, err);
      }
    };
    void (async () => {
      const tasks: (() => Promise<void>)[] = [];
      try {
        const parsed = v.safeParse(schema, payload);
        if (!parsed.success) {
          const issue = parsed.issues[0];
          const path = issue.path?.map((p) => String(p.key)).join('.');
          throw new KefuError('bad_request', `${event}: ${path ? `${path}: ` : ''}${issue.message}`);
        }
        const data = await handler(parsed.output, { after: (task) => tasks.push(task) });
        reply({ ok: true, data });
      } catch (err) {
        const coded = codedError(err);
        if (!coded) log.error(`${event} handler failed`, err);
        reply({ ok: false, error: errorBody(coded ?? err) });
        return;
      }
      for (const task of tasks) {
        try {
          await task();
        } catch (err) {
          log.error(`${event}: follow-up work failed`, err);
        }
      }
    })();
  });
}

/** A database lock that outlasted the storage's retries is a retryable `unavailable`, never an `internal`. */
function codedError(err: unknown): KefuError | undefined {
  if (err instanceof KefuError) return err;
  return isStorageBusy(err) ? new KefuError('unavailable', 'the database is busy; please retry shortly') : undefined;
}
