/**
 * The handoff card an agent reads above a conversation (agents only): the visitor's questions, what
 * the bot missed and answered, who the visitor is, where and with what they chat, and their history.
 */
import type { HandoffCard, HandoffQuestion, Message } from '@kefu/shared';
import type { KefuContext } from '../context.ts';
import { rooms } from '../context.ts';
import type { ConversationRecord } from '../storage/storage.ts';
import { summarizeUserAgent } from './user-agent-summary.ts';

/** How far back the transcript is read for questions, misses and answers. */
const MESSAGES_READ = 200;
const QUESTIONS_SHOWN = 10;
const HISTORY_SHOWN = 5;
const PREVIEW_CHARS = 80;
/** Visitors whose User-Agent is remembered after they leave (oldest forgotten first). */
const USER_AGENTS_KEPT = 5000;
/** A node of the cluster that does not answer within this is left out of the live-socket lookup. */
const FETCH_TIMEOUT_MS = 1000;

/**
 * The last User-Agent seen per visitor, in this process only: there is no column for it, so it is
 * read from the visitor's live socket (on any node) and remembered here for when they have left.
 * It does not survive a restart.
 */
const userAgents = new Map<string, string>();

function remember(visitorId: string, ua: string): void {
  userAgents.delete(visitorId);
  userAgents.set(visitorId, ua);
  if (userAgents.size > USER_AGENTS_KEPT) userAgents.delete(userAgents.keys().next().value as string);
}

async function visitorUserAgent(ctx: KefuContext, visitorId: string): Promise<string | undefined> {
  try {
    const sockets = await ctx.visitors.in(rooms.visitor(visitorId)).timeout(FETCH_TIMEOUT_MS).fetchSockets();
    const ua = sockets.map((s) => s.handshake.headers['user-agent']).find((h): h is string => typeof h === 'string' && h !== '');
    if (ua) remember(visitorId, ua);
  } catch {
    // A node that does not answer: fall back to what this one remembers.
  }
  return userAgents.get(visitorId);
}

const quote = (m: Message): HandoffQuestion => ({ seq: m.seq, text: m.text, createdAt: m.createdAt });
const isQuestion = (m: Message): boolean => m.author === 'visitor' && !m.meta?.handoff && !m.meta?.attachment;

/**
 * Misses: a decline, or a "did you mean" whose suggestions the bot's next answer did not use (the
 * visitor did not tap one). Each is charged to the visitor question just before it.
 */
function missedQuestions(messages: readonly Message[]): HandoffQuestion[] {
  const missed = new Map<number, HandoffQuestion>();
  let asked: Message | undefined;
  messages.forEach((m, i) => {
    if (isQuestion(m)) asked = m;
    if (m.author !== 'bot' || !asked) return;
    const decision = m.meta?.decision;
    if (decision === 'decline') missed.set(asked.seq, quote(asked));
    if (decision === 'suggest') {
      const offered = new Set((m.meta?.suggestions ?? []).map((s) => s.id));
      const next = messages.slice(i + 1).find((n) => n.author === 'bot' && n.meta?.decision !== undefined);
      const tapped = next?.meta?.decision === 'answer' && next.meta.entryId !== undefined && offered.has(next.meta.entryId);
      if (!tapped) missed.set(asked.seq, quote(asked));
    }
  });
  return [...missed.values()];
}

function matchedEntries(ctx: KefuContext, messages: readonly Message[]): HandoffCard['matched'] {
  const matcher = ctx.kb.current()?.matcher;
  const seen = new Set<string>();
  const out: HandoffCard['matched'] = [];
  for (const m of [...messages].reverse()) {
    const entryId = m.author === 'bot' && m.meta?.decision === 'answer' ? m.meta.entryId : undefined;
    if (!entryId || seen.has(entryId)) continue;
    seen.add(entryId);
    const entry = matcher?.entry(entryId);
    out.push({
      entryId,
      ...(entry ? { question: entry.question } : {}),
      ...(entry?.en ? { questionEn: entry.en.question } : {}),
      ...(m.meta?.confidence !== undefined ? { confidence: m.meta.confidence } : {}),
    });
  }
  return out;
}

export async function handoffCard(ctx: KefuContext, conv: ConversationRecord): Promise<HandoffCard> {
  const { storage } = ctx;
  const [{ messages }, visitor, conversations, tickets, ua] = await Promise.all([
    storage.listLatestMessages(conv.id, MESSAGES_READ),
    storage.getVisitor(conv.visitorId),
    storage.listVisitorConversations(conv.visitorId, HISTORY_SHOWN + 1),
    storage.listVisitorTickets(conv.visitorId, HISTORY_SHOWN),
    visitorUserAgent(ctx, conv.visitorId),
  ]);
  const card: HandoffCard = {
    questions: messages.filter(isQuestion).slice(-QUESTIONS_SHOWN).map(quote),
    missed: missedQuestions(messages),
    matched: matchedEntries(ctx, messages),
    lang: conv.lang ?? 'zh-CN',
    earlier: conversations
      .filter((c) => c.id !== conv.id)
      .slice(0, HISTORY_SHOWN)
      .map((c) => ({
        id: c.id,
        state: c.state,
        createdAt: c.createdAt,
        ...(c.lastMessage ? { preview: c.lastMessage.slice(0, PREVIEW_CHARS) } : {}),
      })),
    tickets: tickets.map((t) => ({ number: t.number, status: t.status, createdAt: t.createdAt })),
  };
  if (visitor && (visitor.name || visitor.email || visitor.phone || visitor.userId)) {
    card.identity = {
      verified: visitor.identityVerified,
      ...(visitor.name ? { name: visitor.name } : {}),
      ...(visitor.email ? { email: visitor.email } : {}),
      ...(visitor.phone ? { phone: visitor.phone } : {}),
      ...(visitor.userId ? { userId: visitor.userId } : {}),
    };
  }
  if (visitor?.page) card.page = visitor.page;
  const browser = summarizeUserAgent(ua);
  if (browser) card.browser = browser;
  return card;
}
