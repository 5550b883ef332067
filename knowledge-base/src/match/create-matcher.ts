/** The FAQ matcher: BM25 candidates from the phrase index, re-ranked by token cosine and character similarity, then a decision. */
import type { Lang } from '@kefu/shared';
import type { Candidate, Entry, KnowledgeBase, Matcher, MatcherOptions, MatchOptions, MatchResult, Thresholds } from '../types.ts';
import { detectLang } from '../text/detect-lang.ts';
import { charBigramCodes, dice } from './char-bigrams.ts';
import { decide } from './decide.ts';
import { detectHandoff } from './detect-handoff.ts';
import { PhraseIndex, type IndexedPhrasing } from './phrase-index.ts';
import { createTextPipeline } from './text-pipeline.ts';

/** The measured best configuration (see README: chosen on the development split). */
export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.62, margin: 0.12, marginFloor: 0.45, suggest: 0.3 };
const CANDIDATES = 12;
const COSINE_WEIGHT = 0.7;
const KEYWORD_BONUS = 0.1;

/** Builds the index for `kb` once; `match` then costs only the query's postings and a handful of candidates. */
export function createMatcher(kb: KnowledgeBase, options: MatcherOptions = {}): Matcher {
  const fuzzy = options.fuzzy ?? true;
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const userWords = [...kb.synonyms.flat(), ...kb.entries.flatMap((e) => [...e.keywords, ...(e.en?.keywords ?? [])])];
  const pipeline = createTextPipeline(
    { tokenizer: options.tokenizer ?? 'combined', normalise: options.normalise ?? true, synonyms: options.synonyms ?? true },
    kb.synonyms,
    userWords,
  );
  const entries = kb.entries;
  const phrasings: IndexedPhrasing[] = [];
  const entryDocs: number[][] = entries.map(() => []);
  entries.forEach((entry, i) => {
    const texts = [entry.question, ...entry.alternates];
    if (entry.en) texts.push(entry.en.question, ...entry.en.alternates);
    for (const text of texts) {
      const { norm, tokens } = pipeline.process(text);
      if (tokens.length === 0) continue;
      entryDocs[i]!.push(phrasings.length);
      phrasings.push({ entry: i, norm, tokens });
    }
  });
  const index = new PhraseIndex(phrasings);
  const keywordIds = entries.map((e) => new Set([...e.keywords, ...(e.en?.keywords ?? [])].flatMap((k) => [...index.ids(pipeline.process(k).tokens)])));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const entryBest = new Float64Array(entries.length);
  const entryStamp = new Int32Array(entries.length);
  let epoch = 0;

  const questionIn = (entry: Entry, lang: Lang): string => (lang === 'en' && entry.en ? entry.en.question : entry.question);
  const answerIn = (entry: Entry, lang: Lang): string => (lang === 'en' && entry.en ? entry.en.answer : entry.answer);

  const rank = (text: string): { scores: Array<{ entry: number; score: number }> } => {
    const { norm, tokens } = pipeline.process(text);
    if (tokens.length === 0) return { scores: [] };
    const ids = index.ids(tokens);
    const hits = index.search(ids);
    epoch++;
    const top: number[] = [];
    for (let k = 0; k < hits.count; k++) {
      const doc = hits.docs[k]!;
      const e = index.docEntry[doc]!;
      if (entryStamp[e] !== epoch) {
        entryStamp[e] = epoch;
        entryBest[e] = 0;
        top.push(e);
      }
      if (hits.bm25[doc]! > entryBest[e]!) entryBest[e] = hits.bm25[doc]!;
    }
    top.sort((a, b) => entryBest[b]! - entryBest[a]!);
    if (top.length > CANDIDATES) top.length = CANDIDATES;
    const queryCodes = fuzzy ? charBigramCodes(norm) : null;
    let queryMass = 0;
    for (const id of ids) queryMass += id < 0 ? index.maxIdf : index.idf[id]!;
    const scores = top.map((e) => {
      let best = 0;
      for (const doc of entryDocs[e]!) {
        const cos = index.wasHit(doc) ? hits.dot[doc]! / (hits.queryNorm * index.docNorm[doc]!) : 0;
        const s = queryCodes ? COSINE_WEIGHT * cos + (1 - COSINE_WEIGHT) * dice(queryCodes, index.docCodes[doc]!) : cos;
        if (s > best) best = s;
      }
      const kw = keywordIds[e]!;
      if (kw.size > 0) {
        let hit = 0;
        for (const id of ids) if (id >= 0 && kw.has(id)) hit += index.idf[id]!;
        best += (KEYWORD_BONUS * hit) / queryMass;
      }
      return { entry: e, score: Math.min(1, best) };
    });
    scores.sort((a, b) => b.score - a.score);
    return { scores };
  };

  return {
    match(text: string, opts: MatchOptions = {}): MatchResult {
      const lang = opts.lang ?? detectLang(text);
      const { scores } = rank(text);
      const candidates: Candidate[] = scores.slice(0, 5).map(({ entry, score }) => ({
        id: entries[entry]!.id,
        question: questionIn(entries[entry]!, lang),
        score: Math.round(score * 1000) / 1000,
      }));
      const decision = detectHandoff(text) ? 'handoff' : decide(scores[0]?.score ?? 0, scores[1]?.score ?? 0, thresholds);
      const entry = decision === 'answer' ? entries[scores[0]!.entry]! : null;
      return { decision, lang, entry, answer: entry ? answerIn(entry, lang) : null, candidates };
    },
    entry(id: string): Entry | undefined {
      return byId.get(id);
    },
  };
}
