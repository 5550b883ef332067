/**
 * The public status page and its JSON twin. `GET /status` shows the lookup form; `POST /status`
 * (a number and the requester's email, or the widget's visitor token) shows the ticket, and the
 * forms under it post more information (`/status/reply`) and the rating (`/status/rating`). The
 * same three steps answer JSON at `/api/status/lookup`, `/api/status/replies` and `/api/status/rating`.
 * Every pair that does not open a ticket gets the same 404; every request naming a number counts
 * against the per-address and per-number limits first.
 */
import express, { Router, type Request, type Response } from 'express';
import {
  LANGS,
  record,
  StatusAddInfoSchema,
  StatusInfoTextSchema,
  StatusLookupSchema,
  TicketRatingSchema,
  type Lang,
  type PublicTicketStatus,
} from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { clientIp } from '../security/client-ip.ts';
import { consumeAll } from '../security/rate-limiter.ts';
import { renderStatusPage, type StatusPageModel } from '../status-page/render-status-page.ts';
import { STATUS_CSS } from '../status-page/status-style.ts';
import { st, type StatusTextKey } from '../status-page/status-texts.ts';
import type { TicketRecord } from '../storage/ticket-storage.ts';
import { publicTicketStatus } from '../tickets/public-ticket-view.ts';
import { ticketForStatus } from '../tickets/status-access.ts';
import { replyToTicket } from '../tickets/ticket-lifecycle.ts';
import { rateTicket } from '../tickets/ticket-rating.ts';
import { parseBody } from './parse-body.ts';

/** zh-CN unless ?lang=en (or a form's lang field), or the browser prefers English. */
function pageLang(req: Request): Lang {
  const asked = (req.body as Record<string, unknown> | undefined)?.lang ?? req.query.lang;
  if (typeof asked === 'string' && (LANGS as readonly string[]).includes(asked)) return asked as Lang;
  return req.acceptsLanguages('zh-CN', 'zh', 'en') === 'en' ? 'en' : 'zh-CN';
}

const bearer = (req: Request): string | undefined => {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || undefined : undefined;
};

const field = (body: unknown, name: string): string | undefined => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export function statusRoutes(ctx: KefuContext): Router {
  const router = Router();

  /** Counts the request against the caller's address and the number it names; 429 past either. */
  async function limit(req: Request, number: string): Promise<void> {
    const verdict = await consumeAll([
      [ctx.limits.visitor.statusLookupsPerIp, clientIp(req, ctx.trust)],
      [ctx.limits.visitor.statusLookupsPerNumber, number],
    ]);
    if (!verdict.allowed) {
      const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
      throw Object.assign(new KefuError('rate_limited', `too many status lookups; try again in ${seconds} s`), { retryAfterSeconds: seconds });
    }
  }

  async function open(req: Request, number: string, email: string | undefined, token: string | undefined): Promise<TicketRecord> {
    await limit(req, number);
    const { origin, host } = req.headers;
    return ticketForStatus(ctx, { number, ...(email ? { email } : {}), ...(token ? { token } : {}), ...(origin ? { origin } : {}), ...(host ? { host } : {}) });
  }

  async function addInformation(t: TicketRecord, text: string): Promise<TicketRecord> {
    if (t.status === 'closed') throw new KefuError('invalid_state', 'the ticket is closed');
    return replyToTicket(ctx, t.id, { kind: 'customer', ...(t.requesterName ? { name: t.requesterName } : {}) }, text);
  }

  async function rate(t: TicketRecord, score: number, comment: string | undefined): Promise<TicketRecord> {
    await rateTicket(ctx, t, score, comment || undefined);
    return t;
  }

  // --- JSON ---------------------------------------------------------------------------------

  /** The widget on a customer's page may call the JSON routes with its token; no cookie ever counts here. */
  router.use('/api/status', (req, res, next) => {
    res.vary('Origin');
    if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    if (req.method !== 'OPTIONS') return next();
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  });

  const sendRetryAfter = (res: Response, err: unknown) => {
    const seconds = (err as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (seconds) res.setHeader('Retry-After', String(seconds));
  };
  const json =
    (handle: (req: Request) => Promise<PublicTicketStatus>, status = 200) =>
    async (req: Request, res: Response) => {
      try {
        res.status(status).json(await handle(req));
      } catch (err) {
        sendRetryAfter(res, err);
        throw err;
      }
    };

  router.post(
    '/api/status/lookup',
    json(async (req) => {
      const input = parseBody(StatusLookupSchema, req.body);
      return publicTicketStatus(ctx, await open(req, input.number, input.email, bearer(req)));
    }),
  );
  router.post(
    '/api/status/replies',
    json(async (req) => {
      const input = parseBody(StatusAddInfoSchema, req.body);
      return publicTicketStatus(ctx, await addInformation(await open(req, input.number, input.email, bearer(req)), input.text));
    }, 201),
  );
  router.post(
    '/api/status/rating',
    json(async (req) => {
      const input = parseBody(TicketRatingSchema, req.body);
      const t = await open(req, input.number, input.email, bearer(req));
      await rate(t, input.score, input.comment);
      return publicTicketStatus(ctx, t);
    }, 201),
  );

  // --- HTML ---------------------------------------------------------------------------------

  router.get('/status/status.css', (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600').send(STATUS_CSS);
  });

  const form = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 });

  /** Which words explain a refused field. */
  const FIELD_TEXT: Record<string, StatusTextKey> = { number: 'badNumber', email: 'badEmail', text: 'badText', score: 'badScore', comment: 'badComment' };

  /**
   * Renders the page after `act`: the ticket it opened (or acted on) with what happened, or the refusal.
   * A refusal after the pair was proven (empty text, rating past 48 h) still shows the ticket.
   */
  async function page(req: Request, res: Response, act: (opened: (t: TicketRecord) => void) => Promise<{ ticket?: TicketRecord; notice?: StatusTextKey }>): Promise<void> {
    const lang = pageLang(req);
    const source = req.method === 'GET' ? req.query : req.body;
    const model: StatusPageModel = { lang, timeZone: ctx.config.timeZone };
    const number = field(source, 'number');
    const email = field(source, 'email');
    const token = req.method === 'GET' ? undefined : field(source, 'token');
    if (number) model.number = number.trim();
    if (email) model.email = email.trim();
    if (token) model.token = token;
    let status = 200;
    let shown: TicketRecord | undefined;
    try {
      const done = await act((t) => (shown = t));
      shown = done.ticket ?? shown;
      if (done.notice) model.notice = st(lang, done.notice);
    } catch (err) {
      if (!(err instanceof KefuError)) throw err;
      status = err.status;
      model.error = refusal(lang, err);
      if (err.code === 'rate_limited') sendRetryAfter(res, err);
      // A token that opened nothing is not handed back in the page.
      if (!shown) delete model.token;
    }
    // Read again: information just added or a rating just given shows at once.
    if (shown) model.ticket = await publicTicketStatus(ctx, (await ctx.storage.getTicket(shown.id)) ?? shown);
    res.status(status).type('html').setHeader('Cache-Control', 'no-store').setHeader('Referrer-Policy', 'no-referrer').send(renderStatusPage(model));
  }

  function refusal(lang: Lang, err: KefuError): string {
    switch (err.code) {
      case 'not_found':
        return st(lang, 'notFound');
      case 'rate_limited':
        return st(lang, 'rateLimited', { s: (err as { retryAfterSeconds?: number }).retryAfterSeconds ?? 60 });
      case 'bad_request': {
        const name = err.message.split(':')[0] ?? '';
        return st(lang, FIELD_TEXT[name] ?? 'badNumber');
      }
      case 'invalid_state':
        return err.message.includes('rated already') ? st(lang, 'alreadyRated') : err.message.includes('closed') ? st(lang, 'closedNote') : st(lang, 'ratingClosed');
      default:
        return st(lang, 'busy');
    }
  }

  /** Reads the pair from a form (number, email or token) and opens the ticket. */
  async function fromForm(req: Request): Promise<TicketRecord> {
    const input = parseBody(StatusLookupSchema, { number: field(req.body, 'number')?.trim() ?? '', ...(field(req.body, 'email') ? { email: field(req.body, 'email') } : {}) });
    return open(req, input.number, input.email, field(req.body, 'token') ?? bearer(req));
  }

  // A token never travels in a URL (history, logs, Referer): the widget opens the page with a form POST.
  router.get('/status', (req, res) => page(req, res, async () => ({})));
  router.post('/status', form, (req, res) => page(req, res, async () => ({ ticket: await fromForm(req) })));
  router.post('/status/reply', form, (req, res) =>
    page(req, res, async (opened) => {
      const t = await fromForm(req);
      opened(t);
      const text = parseBody(record({ text: StatusInfoTextSchema }), { text: field(req.body, 'text') ?? '' }).text;
      return { ticket: await addInformation(t, text), notice: 'added' };
    }),
  );
  router.post('/status/rating', form, (req, res) =>
    page(req, res, async (opened) => {
      const t = await fromForm(req);
      opened(t);
      const raw = field(req.body, 'score');
      const input = parseBody(TicketRatingSchema, {
        number: t.number,
        score: raw && /^[1-5]$/.test(raw) ? Number(raw) : 0,
        ...(field(req.body, 'comment') ? { comment: field(req.body, 'comment') } : {}),
      });
      await rate(t, input.score, input.comment);
      return { ticket: t, notice: 'thanks' };
    }),
  );

  return router;
}
