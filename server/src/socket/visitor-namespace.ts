/** The `/visitor` namespace: hello, send, handoff, rate, sync for the widget (PROTOCOL.md, "Visitor session"). */
import type { VisitorClientEvents } from '@kefu/shared';
import { HandoffRequestSchema, LIMITS, RatingSchema, SyncSchema, VisitorHelloSchema, VisitorSendSchema } from '@kefu/shared';
import type { KefuContext, VisitorNamespace } from '../context.ts';
import { rooms } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { botTurn } from '../bot/bot-turn.ts';
import { suggestionsFor } from '../bot/localize.ts';
import { postMessage, pushConversation, pushQueue } from '../conversation/broadcast.ts';
import { enqueue } from '../conversation/enqueue.ts';
import { TEXTS, t } from '../conversation/texts.ts';
import { visitorView } from '../conversation/views.ts';
import type { ConversationRecord } from '../storage/storage.ts';
import { handlers } from './handle.ts';
import { originAllowed } from './origin.ts';

type VisitorSocket = Parameters<Parameters<VisitorNamespace['on']>[1]>[0];

/** Installs the origin check and the handlers. */
export function setupVisitorNamespace(ctx: KefuContext): void {
  const nsp = ctx.visitors;
  nsp.use((socket, next) => {
    const { origin, host } = socket.handshake.headers;
    if (originAllowed(origin, host, ctx.config.allowedOrigins)) return next();
    ctx.log.warn(`visitor socket from origin ${origin} refused`);
    const err = new Error('forbidden') as Error & { data: unknown };
    err.data = { code: 'forbidden', message: 'origin not allowed' };
    next(err);
  });
  nsp.on('connection', (socket) => registerVisitorHandlers(ctx, socket));
}

function registerVisitorHandlers(ctx: KefuContext, socket: VisitorSocket): void {
  const { storage } = ctx;
  const on = handlers<VisitorClientEvents>(socket, ctx.log);
  const requireVisitor = (): string => {
    const id = socket.data.visitorId;
    if (!id) throw new KefuError('unauthorized', 'send hello first');
    return id;
  };
  const currentConversation = async (visitorId: string): Promise<ConversationRecord> => {
    const conv = await storage.latestConversation(visitorId);
    if (!conv) throw new KefuError('not_found', 'no conversation');
    return conv;
  };
  const ownConversation = async (visitorId: string, id: string): Promise<ConversationRecord> => {
    const conv = await storage.getConversation(id);
    // Someone else's conversation looks exactly like a missing one.
    if (!conv || conv.visitorId !== visitorId) throw new KefuError('not_found', 'conversation not found');
    return conv;
  };
  const limit = (visitorId: string): void => {
    if (!ctx.limits.visitorMessages.take(visitorId)) throw new KefuError('rate_limited', 'too many messages; please wait a moment');
  };

  on('hello', VisitorHelloSchema, async (hello) => {
    const now = ctx.now();
    const site = await storage.getSite(hello.site ?? 'demo');
    if (!site) throw new KefuError('not_found', `unknown site ${hello.site}`);
    if (!originAllowed(socket.handshake.headers.origin, socket.handshake.headers.host, site.allowedOrigins)) {
      throw new KefuError('forbidden', 'origin not allowed for this site');
    }
    const claimed = hello.token ? ctx.tokens.verify(hello.token) : undefined;
    let visitor = claimed ? await storage.getVisitor(claimed) : undefined;
    if (visitor && visitor.siteKey !== site.key) visitor = undefined;
    // Unsigned identity is shown to agents as a hint only; it never grants access to anything.
    const seen = { page: hello.page, name: hello.identity?.name?.trim() || undefined, email: hello.identity?.email?.trim() || undefined, now };
    if (visitor) await storage.touchVisitor(visitor.id, seen);
    else visitor = await storage.createVisitor({ siteKey: site.key, ...seen });

    if (socket.data.visitorId && socket.data.visitorId !== visitor.id) await socket.leave(rooms.visitor(socket.data.visitorId));
    socket.data.visitorId = visitor.id;
    socket.data.siteKey = site.key;
    await socket.join(rooms.visitor(visitor.id));

    let conv = (await storage.latestConversation(visitor.id)) ?? (await storage.createConversation({ siteKey: site.key, visitorId: visitor.id, lang: hello.lang, now }));
    if (!conv.lang && hello.lang) conv = await storage.updateConversation(conv.id, { lang: hello.lang }, now);
    const lang = conv.lang ?? hello.lang ?? 'zh-CN';
    const loaded = ctx.kb.current();
    return {
      token: ctx.tokens.issue(visitor.id),
      visitorId: visitor.id,
      conversation: await visitorView(ctx, conv),
      messages: await storage.listMessages(conv.id, hello.lastSeq ?? 0, LIMITS.replayPage),
      hasOlder: false, // placeholder: replay of the newest page lands with the history event
      welcome: loaded ? suggestionsFor(loaded.kb.welcome, loaded.matcher, lang) : [],
    };
  });

  on('send', VisitorSendSchema, async (input, { after }) => {
    const visitorId = requireVisitor();
    let conv = await currentConversation(visitorId);
    const existing = await storage.findMessage(conv.id, input.clientId);
    if (existing) return { message: existing };
    limit(visitorId);
    if (conv.state === 'closed' || conv.state === 'ticket') {
      const reopened = await storage.transitionConversation(conv.id, ['closed', 'ticket'], { state: 'bot', assignedAgentId: null, flow: null }, ctx.now());
      if (reopened) {
        conv = reopened;
        await postMessage(ctx, conv, { author: 'system', text: t(TEXTS.reopened, conv.lang ?? 'zh-CN'), meta: { notice: 'reopened' } });
        await pushConversation(ctx, conv);
      }
    }
    const { message, created } = await postMessage(ctx, conv, { clientId: input.clientId, author: 'visitor', text: input.text });
    if (created && conv.state === 'bot') {
      const id = conv.id;
      after(() => ctx.serial.run(id, () => botTurn(ctx, id, { text: input.text, entryId: input.entryId })));
    } else if (created && conv.state === 'queued') {
      after(() => pushQueue(ctx));
    }
    return { message };
  });

  on('handoff', HandoffRequestSchema, async (input) => {
    const visitorId = requireVisitor();
    const conv = await currentConversation(visitorId);
    if (await storage.findMessage(conv.id, input.clientId)) return { conversation: await visitorView(ctx, conv) };
    limit(visitorId);
    await postMessage(ctx, conv, { clientId: input.clientId, author: 'visitor', text: t(TEXTS.handoffButton, conv.lang ?? 'zh-CN') });
    // Behind any bot turn still running for this conversation, so the queue notice comes after the bot's reply.
    const queued = await ctx.serial.run(conv.id, () => enqueue(ctx, conv));
    return { conversation: await visitorView(ctx, queued) };
  });

  on('rate', RatingSchema, async (input) => {
    const visitorId = requireVisitor();
    const conv = await ownConversation(visitorId, input.conversationId);
    const rated = await storage.rateConversation(conv.id, input.score, input.comment, ctx.now());
    if (!rated) {
      throw new KefuError('invalid_state', conv.rating !== undefined ? 'already rated' : 'only a closed conversation can be rated');
    }
    await postMessage(ctx, rated, { author: 'system', text: t(TEXTS.ratingThanks, rated.lang ?? 'zh-CN'), meta: { notice: 'rating_thanks' } });
    const latest = (await storage.getConversation(rated.id)) ?? rated;
    await pushConversation(ctx, latest);
    return { conversation: await visitorView(ctx, latest) };
  });

  on('sync', SyncSchema, async (input) => {
    const visitorId = requireVisitor();
    const conv = input.conversationId ? await ownConversation(visitorId, input.conversationId) : await currentConversation(visitorId);
    return { messages: await storage.listMessages(conv.id, input.afterSeq, LIMITS.replayPage) };
  });
}
