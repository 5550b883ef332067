/** The bot's reply to one visitor message in state `bot`: small talk, answer, suggest, decline (offering a human on the second miss), hand off, or a flow step. */
import type { ComplaintPrompt, Lang, SmallTalkKind, Suggestion } from '@kefu/shared';
import { detectLang, type Entry, type KnowledgeBase, type Matcher, type MatchResult } from '@kefu/knowledge-base';
import type { KefuContext } from '../context.ts';
import type { ConversationPatch, ConversationRecord } from '../storage/storage.ts';
import { handoff } from '../conversation/lifecycle.ts';
import { formComesFirst } from '../conversation/pre-chat.ts';
import { COMPLAINT_ASK, complaintPrompt } from '../tickets/complaint-intent.ts';
import { TEXTS, t } from '../conversation/texts.ts';
import { OFFER_TEXTS } from './bot-texts.ts';
import { continueFlow, startFlow } from './flow-runner.ts';
import { HISTORY_LIMIT, missRun, offersHuman } from './human-offer.ts';
import { entryAnswer, entryQuestion, suggestionsFor } from './localize.ts';
import { smallTalkKind } from './small-talk.ts';
import { replySmallTalk } from './small-talk-reply.ts';
import type { TurnReply } from './turn-reply.ts';

/** One visitor message waiting for the bot. */
export interface BotTurnInput {
  conversationId: string;
  /** The visitor message's seq: its pending turn is settled by the reply. */
  seq: number;
  text: string;
  /** A tapped suggestion: answer this entry directly. */
  entryId?: string;
}

async function answerEntry(
  ctx: KefuContext,
  reply: TurnReply,
  conv: ConversationRecord,
  loaded: { kb: KnowledgeBase; matcher: Matcher },
  entry: Entry,
  lang: Lang,
  patch: ConversationPatch,
  confidence?: number,
): Promise<void> {
  // Stored with the answer, and only when it changes: most answers write nothing but the message.
  if (conv.department !== entry.department) patch = { ...patch, department: entry.department ?? null };
  const updated = await reply.post(conv, {
    text: entryAnswer(entry, lang),
    meta: {
      decision: 'answer',
      entryId: entry.id,
      ...(confidence !== undefined ? { confidence } : {}),
      suggestions: suggestionsFor(entry.followUps, loaded.matcher, lang),
    },
    patch,
  });
  if (entry.flow) await startFlow(ctx, reply, updated, loaded.kb, entry.flow, lang);
}

/**
 * A decline or a "did you mean": on the second miss in a row it also offers a human, once (see
 * human-offer.ts). The run is read back only on a miss, so answers cost no extra read.
 */
async function miss(
  ctx: KefuContext,
  reply: TurnReply,
  conv: ConversationRecord,
  lang: Lang,
  patch: ConversationPatch,
  suggestions?: Suggestion[],
): Promise<void> {
  const decision = suggestions ? 'suggest' : 'decline';
  // All replies so far count, also those to earlier messages posted after this one was sent (the visitor
  // typed twice before the first reply); later visitor messages are skipped, their turns have not run.
  const { messages } = await ctx.storage.listLatestMessages(conv.id, HISTORY_LIMIT);
  const offer = offersHuman(missRun(messages), decision);
  const text = offer ? OFFER_TEXTS[decision][lang] : t(suggestions ? TEXTS.didYouMean : TEXTS.decline, lang);
  await reply.post(conv, {
    text,
    meta: { decision, ...(suggestions ? { suggestions } : {}), ...(offer ? { offerHuman: true } : {}) },
    patch,
  });
}

/** The matcher's score for the answering entry, 0–1 with two decimals, for the agents' handoff card. */
function confidenceOf(match: MatchResult, entryId: string): number | undefined {
  const score = match.candidates.find((c) => c.id === entryId)?.score;
  return score === undefined ? undefined : Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}

/**
 * The visitor's own words set the bot's language: a Chinese question asked on an English page gets a
 * Chinese answer. Text with no letters or Han characters (a number, an emoji) keeps the conversation's.
 */
function replyLang(text: string, conv: ConversationRecord): Lang {
  return /[\p{Script=Han}A-Za-z]/u.test(text) ? detectLang(text) : (conv.lang ?? 'zh-CN');
}

/**
 * What the bot makes of a message before the matcher, so every site's knowledge base gets it: small talk (你好, 谢谢)
 * gets a friendly line, and 我要投诉 / 我要提建议 opens the complaint form instead of an FAQ card.
 */
export function readBeforeMatching(text: string): { smallTalk: SmallTalkKind } | { complaint: ComplaintPrompt } | undefined {
  const smallTalk = smallTalkKind(text);
  if (smallTalk) return { smallTalk };
  const complaint = complaintPrompt(text);
  return complaint ? { complaint } : undefined;
}

/**
 * Runs one bot turn; does nothing unless the conversation is (still) with the bot. Either way the
 * visitor message's pending turn is settled, with the first reply when there is one.
 */
export async function botTurn(ctx: KefuContext, turn: BotTurnInput, reply: TurnReply): Promise<void> {
  const conv = await ctx.storage.getConversation(turn.conversationId);
  if (conv && conv.state === 'bot') await respond(ctx, conv, turn, reply);
  await reply.finish(turn.conversationId);
}

async function respond(ctx: KefuContext, conv: ConversationRecord, turn: BotTurnInput, reply: TurnReply): Promise<void> {
  const loaded = ctx.kb.current();
  if (!loaded) {
    ctx.metrics.botDecision('decline');
    return miss(ctx, reply, conv, conv.lang ?? 'zh-CN', {});
  }
  const { kb, matcher } = loaded;

  if (turn.entryId) {
    const entry = matcher.entry(turn.entryId);
    if (entry) {
      ctx.metrics.botDecision('answer');
      return answerEntry(ctx, reply, conv, loaded, entry, replyLang(turn.text, conv), conv.flow ? { flow: null } : {});
    }
  }

  // A flow's question takes any reply itself.
  const before = conv.flow ? undefined : readBeforeMatching(turn.text);
  if (before && 'smallTalk' in before) {
    ctx.metrics.botDecision('answer');
    const lang = replyLang(turn.text, conv);
    return replySmallTalk(reply, conv, loaded, before.smallTalk, lang, conv.lang ? {} : { lang });
  }
  if (before) {
    ctx.metrics.botDecision('answer');
    const lang = replyLang(turn.text, conv);
    const { complaint } = before;
    return void (await reply.post(conv, { text: COMPLAINT_ASK[complaint.kind][lang], meta: { complaint }, patch: conv.lang ? {} : { lang } }));
  }

  let match: MatchResult | undefined;
  const patch: ConversationPatch = {};
  if (conv.flow) {
    const flowed = await continueFlow(ctx, reply, { ...conv, flow: conv.flow }, kb, matcher, turn.text, conv.lang ?? 'zh-CN');
    if (flowed.result === 'handled') return;
    match = flowed.match;
    // The visitor left the flow: cleared with the reply below.
    patch.flow = null;
  }
  const lang = replyLang(turn.text, conv);
  match ??= matcher.match(turn.text, { lang });
  if (!conv.lang) patch.lang = lang;
  ctx.metrics.botDecision(match.decision);

  switch (match.decision) {
    case 'answer':
      if (match.entry) return answerEntry(ctx, reply, conv, loaded, match.entry, lang, patch, confidenceOf(match, match.entry.id));
      return miss(ctx, reply, conv, lang, patch);
    case 'suggest': {
      const suggestions = match.candidates.slice(0, 3).map((c) => {
        const entry = matcher.entry(c.id);
        return { id: c.id, question: entry ? entryQuestion(entry, lang) : c.question };
      });
      return miss(ctx, reply, conv, lang, patch, suggestions);
    }
    case 'decline':
      return miss(ctx, reply, conv, lang, patch);
    case 'handoff': {
      // A typed 转人工 goes through the site's pre-chat form too: the widget shows it, and its submit hands off.
      if (await formComesFirst(ctx, conv)) return void (await reply.post(conv, { text: t(TEXTS.preChatAsk, lang), meta: { preChat: true }, patch }));
      const settlesTurn = reply.claim();
      await handoff(ctx, conv, { ...(patch.lang ? { patch: { lang: patch.lang } } : {}), ...(settlesTurn !== undefined ? { settlesTurn } : {}) });
      return;
    }
  }
}
