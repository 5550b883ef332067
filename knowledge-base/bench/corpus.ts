/** Turns FAQ entries or a knowledge base into the Corpus every engine is built from. */
import type { Entry, KnowledgeBase } from '@kefu/knowledge-base';
import type { BenchEntry, Corpus } from './engine.ts';

/** A corpus from bare entries (datasets, synthetic data): each becomes a knowledge-base entry with no answer. */
export function corpusFromEntries(entries: BenchEntry[]): Corpus {
  const kbEntries = entries.map(
    (e): Entry => ({
      id: e.id,
      question: e.question,
      alternates: [...e.alternates],
      keywords: [],
      answer: '',
      followUps: [],
      topic: 'bench',
    }),
  );
  return { entries, kb: { entries: kbEntries, synonyms: [], flows: [], welcome: [] } };
}

/**
 * A corpus from a full knowledge base (the demo): Kefu keeps its synonyms, keywords and English
 * fields; peers index every phrasing and keyword of both languages. Answers are blanked for all.
 */
export function corpusFromKnowledgeBase(kb: KnowledgeBase): Corpus {
  const entries = kb.entries.map((e): BenchEntry => {
    const phrasings = [...e.alternates];
    if (e.keywords.length > 0) phrasings.push(e.keywords.join(' '));
    if (e.en) {
      phrasings.push(e.en.question, ...e.en.alternates);
      if (e.en.keywords.length > 0) phrasings.push(e.en.keywords.join(' '));
    }
    return { id: e.id, question: e.question, alternates: phrasings };
  });
  const blanked = kb.entries.map((e): Entry => ({ ...e, answer: '', ...(e.en ? { en: { ...e.en, answer: '' } } : {}) }));
  return { entries, kb: { ...kb, entries: blanked } };
}
