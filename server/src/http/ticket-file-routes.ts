/**
 * The customer's side of ticket files, for the widget (cross-origin, the visitor token in
 * `Authorization: Bearer …`, never a cookie):
 *
 *   POST /api/ticket-files/:number      the file's bytes (name in X-File-Name) → 201 TicketFileUpload,
 *                                       then sent with 补充信息 (the visitor event addTicketInfo, `files`)
 *   GET  /api/ticket-files/:number/:id  a public file sent with one of the ticket's replies, with the
 *                                       short-lived link the ticket's detail carries, or the token
 *
 * Only the ticket's own visitor gets anywhere: another visitor's ticket, a file of another ticket, a
 * file no public reply carries, a forged or stale link all answer the same 404.
 */
import express, { type Request, type RequestHandler, type Router } from 'express';
import { TicketNumberSchema, v, type TicketFileUpload } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { visitorOfToken } from '../files/file-access.ts';
import { KefuError } from '../kefu-error.ts';
import { clientIp } from '../security/client-ip.ts';
import { consumeAll, memoryStore } from '../security/rate-limiter.ts';
import type { TicketRecord } from '../storage/ticket-storage.ts';
import { receiveTicketFile, ticketFile, ticketFiles } from '../tickets/ticket-files.ts';
import { cors, sendStoredFile } from './file-routes.ts';
import { ownTicket } from '../tickets/visitor-tickets.ts';

/** Uploads per visitor per minute, and per client address (as in the chat). */
const UPLOADS_PER_MINUTE = 20;
const UPLOADS_PER_IP_PER_MINUTE = 60;

const notFound = () => new KefuError('not_found', 'file not found');


/** Refusals mid-body close the connection: the rest of a refused upload is never read. */
const closeOnRefusal: RequestHandler = (req, res, next) => {
  res.on('finish', () => {
    if (res.statusCode >= 400 && !req.readableEnded) req.socket.destroySoon();
  });
  next();
};

export function ticketFileRoutes(ctx: KefuContext): Router {
  const router = express.Router();
  const perVisitor = memoryStore.limiter('ticketUploadsPerVisitor', UPLOADS_PER_MINUTE, 60);
  const perIp = memoryStore.limiter('ticketUploadsPerVisitorIp', UPLOADS_PER_IP_PER_MINUTE, 60);

  /** The token's visitor's own ticket by number; anything else is not found. */
  const own = async (req: Request): Promise<{ visitorId: string; ticket: TicketRecord }> => {
    const { visitorId } = await visitorOfToken(ctx, req);
    if (!v.safeParse(TicketNumberSchema, req.params.number).success) throw new KefuError('not_found', 'ticket not found');
    return { visitorId, ticket: await ownTicket(ctx, visitorId, String(req.params.number)) };
  };

  router.options(['/ticket-files/:number', '/ticket-files/:number/:id'], cors);

  router.post('/ticket-files/:number', cors, closeOnRefusal, async (req, res) => {
    const { visitorId, ticket } = await own(req);
    const verdict = await consumeAll([
      [perVisitor, visitorId],
      [perIp, clientIp(req, ctx.trust)],
    ]);
    if (!verdict.allowed) throw new KefuError('rate_limited', `too many uploads; please wait ${Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))} s`);
    const file = await receiveTicketFile(ctx, req, ticket, 'visitor', visitorId);
    res.status(201).json({ file } satisfies TicketFileUpload);
  });

  router.get('/ticket-files/:number/:id', cors, async (req, res) => {
    const id = String(req.params.id);
    let ticket: TicketRecord | undefined;
    const { e, s } = req.query;
    if (e !== undefined || s !== undefined) {
      const number = String(req.params.number);
      const t = v.safeParse(TicketNumberSchema, number).success ? await ctx.storage.getTicketByNumber(number) : undefined;
      if (t && (await ticketFiles(ctx).links()).verify(id, t.id, e, s, ctx.now())) ticket = t;
    } else {
      try {
        ticket = (await own(req)).ticket;
      } catch (err) {
        if (err instanceof KefuError && (err.code === 'unauthorized' || err.code === 'not_found')) throw notFound();
        throw err;
      }
    }
    if (!ticket) throw notFound();
    const { file, store } = await ticketFile(ctx, ticket, id, true);
    // The link opens only files sent with the ticket's replies; the conversation's own open at /api/files.
    if (file.conversationId !== ticket.id) throw notFound();
    await sendStoredFile(req, res, file, store);
  });

  return router;
}
