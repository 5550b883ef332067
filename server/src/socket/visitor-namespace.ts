/** The `/visitor` namespace: hello, send, handoff, rate, sync for the widget (PROTOCOL.md, "Visitor session"). */
import type { VisitorClientEvents } from '@kefu/shared';
import { HandoffRequestSchema, HistorySchema, LeaveQueueSchema, LIMITS, RatingSchema, SyncSchema, VisitorHelloSchema, VisitorSendSchema } from '@kefu/shared';
import type { KefuContext, VisitorNamespace } from '../context.ts';
import { rooms } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { scheduleBotTurn } from '../bot/schedule-bot-turn.ts';
import { postMessage, pushConversation, pushQueue } from '../conversation/broadcast.ts';
import { isCancel } from '../conversation/cancel-words.ts';
import { isLeaveMessageEntry } from '../conversation/leave-message-offer.ts';
import { visitorAvailabilityNow } from '../conversation/routing.ts';
import { continueAfterEnd, ENDED_STATES, handoff, leaveQueue, postNotice } from '../conversation/lifecycle.ts';
import { replayPage, visitorHistoryPage, withEarlier } from '../conversation/message-pages.ts';
import { acceptAnswers } from '../conversation/pre-chat.ts';
import { TEXTS, t } from '../conversation/texts.ts';
import { visitorView } from '../conversation/views.ts';
import { clientIp } from '../security/client-ip.ts';
import { publicSiteSettings, welcomeSuggestions } from '../sites/public-site.ts';
import { checkIdentity } from '../security/identity.ts';
import { consumeAll, type Verdict } from '../security/rate-limiter.ts';
import type { ConversationRecord, VisitorRecord, VisitorSeen } from '../storage/storage.ts';
import { handlers } from './handle.ts';
import { originAllowed } from './origin.ts';
import { registerVisitorTypingAndRead } from './typing-and-read.ts';
import { registerVisitorTicketEvents } from './visitor-ticket-events.ts';

type VisitorSocket = Parameters<Parameters<VisitorNamespace['on']>[1]>[0];

/** The `rate_limited` error for a refused verdict (retryable: the client waits and resends the same payload). */
function rateLimited(verdict: Verdict, what: string): KefuError {
  const seconds = verdict.allowed ? 1 : Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  return new KefuError('rate_limited', `${what}; please wait ${seconds} s`);
}

/** Installs the handshake check (client address, origin) and the handlers. */
export function setupVisitorNamespace(ctx: KefuContext): void {
  const nsp = ctx.visitors;
  nsp.use((socket, next) => {
    socket.data.ip = clientIp(socket.request, ctx.trust);
    const { origin, host } = socket.handshake.headers;
    // The widget names its site in hello; a client may name it at the handshake too (else the default site's rules apply).
    const auth = socket.handshake.auth as { site?: unknown } | undefined;
    const siteKey = typeof auth?.site === 'string' ? auth.site : 'demo';
    ctx.storage.getSite(siteKey).then(
      (site) => {
        // An unknown site is refused by hello with not_found; here only origins are judged.
        if (!site || originAllowed(origin, host, site.allowedOrigins)) return next();
        ctx.log.warn(`visitor socket from origin ${origin ?? '(none)'} refused for site ${site.key}`);
        const err = new Error('forbidden') as Error & { data: unknown };
        err.data = { code: 'forbidden', message: origin ? 'origin not allowed' : 'an Origin header is required for this site' };
        next(err);
      },
      (err: unknown) => next(err instanceof Error ? err : new Error('unavailable')),
    );
  });
  nsp.on('connection', (socket) => {
    registerVisitorHandlers(ctx, socket);
    registerVisitorTypingAndRead(ctx, socket);
    registerVisitorTicketEvents(ctx, socket);
  });
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
  /** A typed "never mind" can cross an agent's accept: then there is no queue left to leave, and nothing to say. */
  const leaveQueueIfWaiting = async (conv: ConversationRecord): Promise<void> => {
    if (conv.state === 'queued') await leaveQueue(ctx, conv).catch((err: unknown) => {
      if (!(err instanceof KefuError && err.code === 'invalid_state')) throw err;
    });
  };
  const ip = socket.data.ip ?? 'unknown';
  const limiters = ctx.limits.visitor;
  /** Per connection, per visitor and per IP at once: a fresh visitor (hello without a token) or a second tab starts no fresh budget. */
  const limit = async (visitorId: string): Promise<void> => {
    const verdict = await consumeAll([
      [limiters.messagesPerConnection, socket.id],
      [limiters.messagesPerVisitor, visitorId],
      [limiters.messagesPerIp, ip],
    ]);
    if (!verdict.allowed) throw rateLimited(verdict, 'too many messages');
  };
  /** Creating visitors is limited per IP, so a flood of token-less hellos cannot mint unlimited identities. */
  const createVisitor = async (input: { siteKey: string } & VisitorSeen): Promise<VisitorRecord> => {
    const verdict = await consumeAll([
      [limiters.visitorsPerIpPerMinute, ip],
      [limiters.visitorsPerIpPerHour, ip],
    ]);
    if (!verdict.allowed) throw rateLimited(verdict, 'too many new visitors from your address');
    return storage.createVisitor(input);
  };

  on('hello', VisitorHelloSchema, async (hello) => {
    const helloVerdict = await limiters.hellosPerConnection.consume(socket.id);
    if (!helloVerdict.allowed) throw rateLimited(helloVerdict, 'too many hellos');
    const now = ctx.now();
    const site = await storage.getSite(hello.site ?? 'demo');
    if (!site) throw new KefuError('not_found', `unknown site ${hello.site}`);
    if (!originAllowed(socket.handshake.headers.origin, socket.handshake.headers.host, site.allowedOrigins)) {
      throw new KefuError('forbidden', 'origin not allowed for this site');
    }
    // Refuses (unauthorized) before anything is stored: a wrong signature, or none where the site requires one.
    const identity = checkIdentity(hello.identity, site, now);
    const claims = hello.token ? ctx.tokens.verify(hello.token, site, now) : undefined;
    let visitor = claims ? await storage.getVisitor(claims.visitorId) : undefined;
    if (visitor && visitor.siteKey !== site.key) visitor = undefined;
    if (identity.verified) {
      // A verified user id resumes its own visitor on any device; this browser's visitor of another verified user is not theirs.
      const linked = await storage.findVerifiedVisitor(site.key, identity.userId!);
      if (linked) visitor = linked;
      else if (visitor?.identityVerified && visitor.userId !== identity.userId) visitor = undefined;
    }
    const page = hello.page;
    // Unsigned claims are hints for agents; they never overwrite a verified identity and never link anything.
    const seen: VisitorSeen =
      identity.verified || !visitor?.identityVerified
        ? { page, name: identity.name, email: identity.email, userId: identity.userId, identityVerified: identity.verified, now }
        : { page, now };
    if (visitor) await storage.touchVisitor(visitor.id, seen);
    else visitor = await createVisitor({ siteKey: site.key, ...seen });
    // The presented token keeps serving until half its life; then (or for another visitor) a fresh one replaces it.
    const token = claims && !claims.renew && claims.visitorId === visitor.id ? hello.token! : ctx.tokens.issue(visitor.id, site, now);

    if (socket.data.visitorId && socket.data.visitorId !== visitor.id) await socket.leave(rooms.visitor(socket.data.visitorId));
    socket.data.visitorId = visitor.id;
    socket.data.siteKey = site.key;
    await socket.join(rooms.visitor(visitor.id));

    let conv = (await storage.latestConversation(visitor.id)) ?? (await storage.createConversation({ siteKey: site.key, visitorId: visitor.id, lang: hello.lang, now }));
    if (!conv.lang && hello.lang) conv = await storage.updateConversation(conv.id, { lang: hello.lang }, now);
    const lang = conv.lang ?? hello.lang ?? 'zh-CN';
    const loaded = ctx.kb.current();
    return {
      token,
      visitorId: visitor.id,
      conversation: await visitorView(ctx, conv),
      // At the start of a conversation that continues a closed one, the widget can page back into that one.
      ...withEarlier(conv, await replayPage(storage, conv, hello.lastSeq)),
      welcome: welcomeSuggestions(site, loaded, lang),
      // The header's "agents online / back at 09:00", for the conversation's department (the site default before one is known).
      availability: await visitorAvailabilityNow(ctx, conv.department ?? site.defaultDepartment),
      site: await publicSiteSettings(ctx, site),
    };
  });

  on('send', VisitorSendSchema, async (input, { after }) => {
    const visitorId = requireVisitor();
    let conv = await currentConversation(visitorId);
    // A resend (same client id) is answered with the stored copy by the append itself; only a message
    // after the end looks first, so a resend never starts a new conversation.
    const reopening = ENDED_STATES.includes(conv.state);
    if (reopening) {
      const existing = await storage.findMessage(conv.id, input.clientId);
      if (existing) return { message: existing };
    }
    try {
      await limit(visitorId);
    } catch (err) {
      // A retry of a message already stored (its ack was lost) is answered, never refused: it stores nothing.
      const existing = reopening ? undefined : await storage.findMessage(conv.id, input.clientId);
      if (existing) return { message: existing };
      throw err;
    }
    if (reopening) conv = await continueAfterEnd(ctx, conv);
    // The leave-a-message button of the long-wait offer: the visitor stops waiting and the bot's flow takes the message.
    if (conv.state === 'queued' && input.entryId !== undefined && isLeaveMessageEntry(ctx, input.entryId)) {
      await leaveQueueIfWaiting(conv);
      conv = (await storage.getConversation(conv.id)) ?? conv;
    }
    // Recorded as pending with the message (when with the bot), so a crash before the reply is answered after a restart.
    const entry = input.entryId ? { entryId: input.entryId } : {};
    const { message, created, conversation } = await postMessage(
      ctx,
      conv,
      { clientId: input.clientId, author: 'visitor', text: input.text, preview: input.text, pendingTurn: entry },
      socket.id,
    );
    if (created && conversation.state === 'bot') {
      const turn = { conversationId: conversation.id, seq: message.seq, text: input.text, ...entry };
      after(() => scheduleBotTurn(ctx, turn));
    } else if (created && conversation.state === 'queued') {
      // "算了" / "cancel" while waiting leaves the queue; anything else is shown to the agents' queue.
      after(() => (isCancel(input.text) ? leaveQueueIfWaiting(conversation) : pushQueue(ctx)));
    }
    return { message };
  });

  on('handoff', HandoffRequestSchema, async (input) => {
    const visitorId = requireVisitor();
    let conv = await currentConversation(visitorId);
    if (await storage.findMessage(conv.id, input.clientId)) return { conversation: await visitorView(ctx, conv) };
    await limit(visitorId);
    // Judged before anything is stored: a refused form (prechat_required, bad_request) changes nothing.
    const answers = await acceptAnswers(ctx, conv, input.preChat);
    if (answers.seen) await storage.touchVisitor(visitorId, answers.seen);
    // Asking for a human after the end is writing again: a new conversation, handed off.
    if (ENDED_STATES.includes(conv.state)) conv = await continueAfterEnd(ctx, conv);
    await postMessage(ctx, conv, { clientId: input.clientId, author: 'visitor', text: t(TEXTS.handoffButton, conv.lang ?? 'zh-CN'), meta: { handoff: true } });
    // Behind any bot turn still running for this conversation, so the queue notice comes after the bot's reply; read
    // again there, as that reply may have set the department (a tap made before the answer came).
    const asked = conv;
    const queued = await ctx.serial.run(asked.id, async () =>
      handoff(ctx, (await storage.getConversation(asked.id)) ?? asked, answers.department ? { department: answers.department } : {}),
    );
    return { conversation: await visitorView(ctx, queued) };
  });

  on('leaveQueue', LeaveQueueSchema, async (input) => {
    const conv = await ownConversation(requireVisitor(), input.conversationId);
    return { conversation: await visitorView(ctx, await leaveQueue(ctx, conv)) };
  });

  on('rate', RatingSchema, async (input) => {
    const visitorId = requireVisitor();
    const conv = await ownConversation(visitorId, input.conversationId);
    const rated = await storage.rateConversation(conv.id, input.score, input.comment, ctx.now());
    if (!rated) {
      throw new KefuError('invalid_state', conv.rating !== undefined ? 'already rated' : 'only a closed conversation can be rated');
    }
    const latest = await postNotice(ctx, rated, 'rating_thanks');
    await pushConversation(ctx, latest);
    return { conversation: await visitorView(ctx, latest) };
  });

  on('sync', SyncSchema, async (input) => {
    const visitorId = requireVisitor();
    const conv = input.conversationId ? await ownConversation(visitorId, input.conversationId) : await currentConversation(visitorId);
    return { messages: await storage.listMessages(conv.id, input.afterSeq, LIMITS.replayPage) };
  });

  on('history', HistorySchema, async (input) => {
    const visitorId = requireVisitor();
    const conv = input.conversationId ? await ownConversation(visitorId, input.conversationId) : await currentConversation(visitorId);
    return visitorHistoryPage(storage, conv, input.beforeSeq);
  });
}
