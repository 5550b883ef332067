/** The bot's reply to one visitor message in state `bot`: answer, suggest, decline, hand off, or a flow step. */
import type { Lang } from '@kefu/shared';
import { detectLang, type Entry, type KnowledgeBase, type Matcher, type MatchResult } from '@kefu/knowledge-base';
import type { KefuContext } from '../context.ts';
import type { ConversationRecord } from '../storage/storage.ts';
import { postMessage } from '../conversation/broadcast.ts';
import { enqueue } from '../conversation/enqueue.ts';
import { TEXTS, t } from '../conversation/texts.ts';
import { continueFlow, startFlow } from './flow-runner.ts';
import { entryAnswer, entryQuestion, suggestionsFor } from './localize.ts';

export interface VisitorInput {
  text: string;
  /** A tapped suggestion: answer this entry directly. */
  entryId?: string;
}

async function answerEntry(ctx: KefuContext, conv: ConversationRecord, kb: KnowledgeBase, matcher: Matcher, entry: Entry, lang: Lang): Promise<void> {
  const updated = await ctx.storage.updateConversation(conv.id, { department: entry.department ?? null }, ctx.now());
  await postMessage(ctx, updated, {
    author: 'bot',
    text: entryAnswer(entry, lang),
    meta: { decision: 'answer', entryId: entry.id, suggestions: suggestionsFor(entry.followUps, matcher, lang) },
  });
  if (entry.flow) await startFlow(ctx, updated, kb, entry.flow, lang);
}

async function decline(ctx: KefuContext, conv: ConversationRecord, lang: Lang): Promise<void> {
  await postMessage(ctx, conv, { author: 'bot', text: t(TEXTS.decline, lang), meta: { decision: 'decline', offerHuman: true } });
}

/**
 * The visitor's own words set the bot's language: a Chinese question asked on an English page gets a
 * Chinese answer. Text with no letters or Han characters (a number, an emoji) keeps the conversation's.
 */
function replyLang(text: string, conv: ConversationRecord): Lang {
  return /[\p{Script=Han}A-Za-z]/u.test(text) ? detectLang(text) : (conv.lang ?? 'zh-CN');
}

/** Runs one bot turn; does nothing unless the conversation is (still) with the bot. */
export async function botTurn(ctx: KefuContext, conversationId: string, input: VisitorInput): Promise<void> {
  let conv = await ctx.storage.getConversation(conversationId);
  if (!conv || conv.state !== 'bot') return;
  const loaded = ctx.kb.current();
  if (!loaded) {
    ctx.metrics.botDecision('decline');
    return decline(ctx, conv, conv.lang ?? 'zh-CN');
  }
  const { kb, matcher } = loaded;

  if (input.entryId) {
    const entry = matcher.entry(input.entryId);
    if (entry) {
      const lang = replyLang(input.text, conv);
      ctx.metrics.botDecision('answer');
      if (conv.flow) conv = await ctx.storage.updateConversation(conv.id, { flow: null }, ctx.now());
      return answerEntry(ctx, conv, kb, matcher, entry, lang);
    }
  }

  let match: MatchResult | undefined;
  if (conv.flow) {
    const flowed = await continueFlow(ctx, { ...conv, flow: conv.flow }, kb, matcher, input.text, conv.lang ?? 'zh-CN');
    if (flowed.result === 'handled') return;
    match = flowed.match;
    conv = (await ctx.storage.getConversation(conv.id)) ?? conv;
  }
  const lang = replyLang(input.text, conv);
  match ??= matcher.match(input.text, { lang });
  if (!conv.lang) conv = await ctx.storage.updateConversation(conv.id, { lang }, ctx.now());
  ctx.metrics.botDecision(match.decision);

  switch (match.decision) {
    case 'answer':
      if (match.entry) return answerEntry(ctx, conv, kb, matcher, match.entry, lang);
      return decline(ctx, conv, lang);
    case 'suggest':
      await postMessage(ctx, conv, {
        author: 'bot',
        text: t(TEXTS.didYouMean, lang),
        meta: {
          decision: 'suggest',
          suggestions: match.candidates.slice(0, 3).map((c) => {
            const entry = matcher.entry(c.id);
            return { id: c.id, question: entry ? entryQuestion(entry, lang) : c.question };
          }),
        },
      });
      return;
    case 'decline':
      return decline(ctx, conv, lang);
    case 'handoff':
      await enqueue(ctx, conv);
      return;
  }
}
