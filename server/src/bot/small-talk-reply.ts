/** The bot's reply to a greeting, thanks or goodbye: a friendly line, and under a greeting the site's welcome questions. */
import type { Lang, SmallTalkKind } from '@kefu/shared';
import type { KnowledgeBase, Matcher } from '@kefu/knowledge-base';
import type { ConversationPatch, ConversationRecord } from '../storage/storage.ts';
import { GREETING_PICK, SMALL_TALK_TEXTS } from './bot-texts.ts';
import { suggestionsFor } from './localize.ts';
import type { TurnReply } from './turn-reply.ts';

/** Posted as decision `answer` with `smalltalk` set, so it reads as answered yet stays apart from knowledge-base answers. */
export async function replySmallTalk(
  reply: TurnReply,
  conv: ConversationRecord,
  loaded: { kb: KnowledgeBase; matcher: Matcher },
  kind: SmallTalkKind,
  lang: Lang,
  patch: ConversationPatch,
): Promise<void> {
  const suggestions = kind === 'greeting' ? suggestionsFor(loaded.kb.welcome, loaded.matcher, lang) : [];
  const text = SMALL_TALK_TEXTS[kind][lang] + (suggestions.length ? `\n${GREETING_PICK[lang]}` : '');
  await reply.post(conv, {
    text,
    meta: { decision: 'answer', smalltalk: kind, ...(suggestions.length ? { suggestions } : {}) },
    patch,
  });
}
