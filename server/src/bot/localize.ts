/** Picks the conversation's language from knowledge-base content, falling back to zh-CN where no English was written. */
import type { Lang, Suggestion } from '@kefu/shared';
import type { Entry, Localized, Matcher } from '@kefu/knowledge-base';

export function localized(text: Localized, lang: Lang): string {
  return lang === 'en' && text.en ? text.en : text['zh-CN'];
}

export function entryQuestion(entry: Entry, lang: Lang): string {
  return lang === 'en' && entry.en ? entry.en.question : entry.question;
}

export function entryAnswer(entry: Entry, lang: Lang): string {
  return lang === 'en' && entry.en ? entry.en.answer : entry.answer;
}

/** Entry ids → buttons, skipping ids the knowledge base no longer has. */
export function suggestionsFor(ids: readonly string[], matcher: Matcher, lang: Lang): Suggestion[] {
  return ids.flatMap((id) => {
    const entry = matcher.entry(id);
    return entry ? [{ id, question: entryQuestion(entry, lang) }] : [];
  });
}
