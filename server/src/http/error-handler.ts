/** The one Express error handler: coded errors keep their code, body-parser and path-decoding errors become 400/413, the rest a bare 500. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { KefuError, errorBody } from '../kefu-error.ts';
import type { Logger } from '../logger.ts';
import { isStorageBusy } from '../storage/storage-errors.ts';

/** body-parser marks its errors with a `type` and an HTTP status. */
function fromBodyParser(err: unknown): KefuError | undefined {
  if (typeof err !== 'object' || err === null || !('type' in err)) return undefined;
  const type = (err as { type: unknown }).type;
  if (type === 'entity.parse.failed') return new KefuError('bad_request', 'malformed JSON body');
  if (type === 'entity.too.large') return new KefuError('too_large', 'request body too large');
  if (typeof type === 'string' && type.startsWith('encoding.') || type === 'charset.unsupported') return new KefuError('bad_request', 'unsupported body encoding');
  return undefined;
}

/** The router could not percent-decode a path parameter (`/api/tickets/%E0%A4%A`): the client's URL is wrong. */
function fromBadPath(err: unknown): KefuError | undefined {
  return err instanceof URIError && (err as URIError & { status?: number }).status === 400 ? new KefuError('bad_request', 'malformed percent-encoding in the URL path') : undefined;
}

/** A database lock that outlasted the storage's retries: retryable, not a server bug. */
function fromBusyStorage(err: unknown): KefuError | undefined {
  return isStorageBusy(err) ? new KefuError('unavailable', 'the database is busy; please retry shortly') : undefined;
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    const coded = err instanceof KefuError ? err : (fromBodyParser(err) ?? fromBadPath(err) ?? fromBusyStorage(err));
    if (!coded) log.error('request failed', err);
    const body = errorBody(coded ?? err);
    // `unavailable` is retryable: tell HTTP clients when.
    if (coded?.code === 'unavailable') res.setHeader('Retry-After', '1');
    res.status(coded?.status ?? 500).json(body);
  };
}

/** 404 for every path nothing else answered. */
export const notFound: RequestHandler = (req, _res, next) => next(new KefuError('not_found', `no route for ${req.method} ${req.path}`));
