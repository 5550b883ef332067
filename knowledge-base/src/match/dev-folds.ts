/**
 * Development data made from a knowledge base itself, so thresholds are never chosen on test queries:
 * in each of five folds a fifth of the entries is held out (their phrasings become out-of-scope queries) and every
 * other entry loses one phrasing, which becomes an in-scope query for that entry.
 */
import type { Entry, KnowledgeBase } from '../types.ts';

/** One labelled query; `id` null means no entry answers it. */
export interface EvalQuery {
  q: string;
  id: string | null;
}

/** One fold: the reduced knowledge base and its queries. */
export interface DevFold {
  kb: KnowledgeBase;
  queries: EvalQuery[];
}

/** Takes phrasing number `pick` out of question + alternates; null when the entry has only one phrasing. */
function takeOut(question: string, alternates: string[], pick: number): { question: string; alternates: string[]; query: string } | null {
  const all = [question, ...alternates];
  if (all.length < 2) return null;
  const at = pick % all.length;
  const query = all[at]!;
  const rest = all.filter((_, i) => i !== at);
  return { question: rest[0]!, alternates: rest.slice(1), query };
}

/** `folds` deterministic folds (entry i is held out in fold i % folds, when there are at least `folds` entries). */
export function devSplit(kb: KnowledgeBase, folds = 5): DevFold[] {
  const out: DevFold[] = [];
  for (let f = 0; f < folds; f++) {
    const entries: Entry[] = [];
    const queries: EvalQuery[] = [];
    kb.entries.forEach((entry, i) => {
      if (kb.entries.length >= folds && i % folds === f) {
        for (const q of [entry.question, ...entry.alternates]) queries.push({ q, id: null });
        if (entry.en) for (const q of [entry.en.question, ...entry.en.alternates]) queries.push({ q, id: null });
        return;
      }
      const copy: Entry = { ...entry };
      const zh = takeOut(entry.question, entry.alternates, f + i);
      if (zh) {
        copy.question = zh.question;
        copy.alternates = zh.alternates;
        queries.push({ q: zh.query, id: entry.id });
      }
      if (entry.en) {
        const en = takeOut(entry.en.question, entry.en.alternates, f + i);
        if (en) {
          copy.en = { ...entry.en, question: en.question, alternates: en.alternates };
          queries.push({ q: en.query, id: entry.id });
        }
      }
      entries.push(copy);
    });
    const ids = new Set(entries.map((e) => e.id));
    out.push({
      kb: { ...kb, entries: entries.map((e) => ({ ...e, followUps: e.followUps.filter((id) => ids.has(id)) })), welcome: kb.welcome.filter((id) => ids.has(id)) },
      queries,
    });
  }
  return out;
}
