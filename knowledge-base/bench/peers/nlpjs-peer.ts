/** Peer: nlp.js (neural intent classifier) trained with each question/alternate as an utterance of its entry. */
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { LangZh } from '@nlpjs/lang-zh';
import { Nlp } from '@nlpjs/nlp';
import type { Engine, Ranking } from '../engine.ts';
import { hasHan } from './peer-tokens.ts';

interface Classification {
  intent: string;
  score: number;
}

/** The calls the bench makes on nlp.js's `nlp` object. */
interface NlpApi {
  settings: Record<string, unknown>;
  nluManager: { settings: Record<string, unknown> };
  addLanguage(locales: string[]): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, utterance: string): Promise<{ classifications?: Classification[] }>;
}

/** nlp.js's own out-of-scope label, which is never an entry. */
const NONE = 'None';

/** Language of a phrasing for nlp.js: Chinese when it has a Han character, English otherwise. */
function localeOf(text: string): 'zh' | 'en' {
  return hasHan(text) ? 'zh' : 'en';
}

/** Ranks entries by nlp.js's classification score (its confidence), which the bench thresholds for rejection. */
export function createNlpJsPeer(): Engine {
  let nlp: NlpApi | undefined;
  let trained: string[] = [];
  return {
    name: 'nlp.js',
    async build({ entries }) {
      const container = await containerBootstrap();
      container.use(Nlp);
      container.use(LangEn);
      container.use(LangZh);
      const instance = container.get('nlp') as NlpApi;
      Object.assign(instance.settings, { autoSave: false, autoLoad: false, calculateSentiment: false, threshold: 0 });
      instance.nluManager.settings['log'] = false;
      const utterances = entries.flatMap((e) => [e.question, ...e.alternates].map((text) => ({ text, id: e.id, locale: localeOf(text) })));
      trained = [...new Set(utterances.map((u) => u.locale))];
      instance.addLanguage(trained);
      for (const u of utterances) instance.addDocument(u.locale, u.text, u.id);
      // lang-zh announces its dictionary build on stdout; keep the bench's output to its tables.
      await quietly(() => instance.train());
      nlp = instance;
    },
    async rank(query): Promise<Ranking> {
      if (!nlp) throw new Error('nlp.js peer used before build()');
      // A query in a language with no training utterance is classified with the trained one.
      const locale = localeOf(query);
      const out = await nlp.process(trained.includes(locale) ? locale : (trained[0] ?? locale), query);
      const candidates = (out.classifications ?? [])
        .filter((c) => c.intent !== NONE && c.score > 0)
        .slice(0, 5)
        .map((c) => ({ id: c.intent, score: c.score }));
      return { candidates };
    },
  };
}

async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await run();
  } finally {
    console.log = log;
  }
}
