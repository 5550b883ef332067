/** What the widget learns about its site in the hello acknowledgement: look, greeting, pre-chat form, suggested questions. */
import type { Lang, PublicSiteSettings, Suggestion } from '@kefu/shared';
import type { Entry } from '@kefu/knowledge-base';
import type { KefuContext } from '../context.ts';
import type { LoadedKb } from '../kb/kb-holder.ts';
import type { SiteRecord } from '../storage/storage.ts';
import { suggestionsFor } from '../bot/localize.ts';

export async function publicSiteSettings(ctx: KefuContext, site: SiteRecord): Promise<PublicSiteSettings> {
  // Only a form that asks for a department needs the list; the widget shows each in its own language.
  const departments = site.preChat.askDepartment
    ? (await ctx.storage.listDepartments()).map((d) => ({ key: d.key, nameZh: d.nameZh, nameEn: d.nameEn }))
    : [];
  return {
    name: site.name,
    ...(site.themeColor !== undefined ? { themeColor: site.themeColor } : {}),
    ...(site.welcomeText !== undefined ? { welcomeText: site.welcomeText } : {}),
    preChat: site.preChat,
    departments,
  };
}

/** Case, surrounding space and closing punctuation aside, the same question. */
const normalized = (s: string) => s.trim().toLowerCase().replace(/[\s?？!！。.]+$/u, '');

function asks(entry: Entry, question: string): boolean {
  const own = [entry.question, ...entry.alternates, ...(entry.en ? [entry.en.question, ...entry.en.alternates] : [])];
  return own.some((q) => normalized(q) === question);
}

/**
 * The site's suggested questions as buttons, in the admin's words. One that an entry asks word for word
 * carries that entry's id (tapped, it is answered from the entry); the others carry none and are matched
 * as if typed.
 */
export function siteSuggestions(questions: readonly string[], loaded: LoadedKb | undefined): Suggestion[] {
  return questions.map((question) => {
    const wanted = normalized(question);
    const entry = loaded?.kb.entries.find((e) => asks(e, wanted));
    return entry ? { id: entry.id, question } : { question };
  });
}

/** The buttons under the greeting: the site's own questions when it has any, else the knowledge base's welcome entries. */
export function welcomeSuggestions(site: SiteRecord, loaded: LoadedKb | undefined, lang: Lang): Suggestion[] {
  if (site.suggestions.length > 0) return siteSuggestions(site.suggestions, loaded);
  return loaded ? suggestionsFor(loaded.kb.welcome, loaded.matcher, lang) : [];
}
