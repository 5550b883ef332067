/** Deterministic synthetic knowledge bases of any size, mixed zh and en, with held-out queries that overlap realistically. */
import type { BenchEntry, BenchQuery } from './engine.ts';
import { createRng, type Rng } from './rng.ts';
import { EN, ZH, type Vocabulary } from './synthetic-vocabulary.ts';

/** Phrasings per entry: the question and this many alternates minus one. */
const PHRASINGS = 5;

/** A synthetic corpus and queries against it. */
export interface SyntheticData {
  entries: BenchEntry[];
  queries: BenchQuery[];
}

interface Combo {
  lang: 'zh' | 'en';
  v: number;
  n: number;
  m: number;
}

/**
 * `size` entries, each one (verb, noun, modifier) in one language phrased with five of the ten
 * templates; `queryCount` queries, about 80 % in scope (another template, sometimes a typo or
 * a filler) and 20 % out of scope (an unused combination: same words, no entry).
 */
export function generateSynthetic(size: number, queryCount: number, seed = 'kefu-bench'): SyntheticData {
  const rng = createRng(`${seed}/${size}`);
  const combos = allCombos();
  if (size >= combos.length) throw new Error(`at most ${combos.length - 1} synthetic entries`);
  rng.shuffle(combos);
  const used = combos.slice(0, size);
  const unused = combos.slice(size);
  const templatesOf = new Map<string, number[]>();
  const entries = used.map((combo, i): BenchEntry => {
    const id = `syn-${String(i).padStart(5, '0')}`;
    const order = rng.shuffle([...Array(vocab(combo).templates.length).keys()]);
    templatesOf.set(id, order);
    const [first = 0, ...rest] = order.slice(0, PHRASINGS);
    return { id, question: phrase(combo, first), alternates: rest.map((t) => phrase(combo, t)) };
  });
  const queries: BenchQuery[] = [];
  for (let i = 0; i < queryCount; i += 1) {
    if (rng.next() < 0.2) {
      queries.push({ q: noisy(rng, rng.pick(unused), rng.int(10)), id: null });
      continue;
    }
    const k = rng.int(size);
    const entry = entries[k];
    const combo = used[k];
    if (entry === undefined || combo === undefined) continue;
    const heldOut = (templatesOf.get(entry.id) ?? []).slice(PHRASINGS);
    queries.push({ q: noisy(rng, combo, rng.pick(heldOut)), id: entry.id });
  }
  return { entries, queries };
}

function allCombos(): Combo[] {
  const out: Combo[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const voc = lang === 'zh' ? ZH : EN;
    for (let v = 0; v < voc.verbs.length; v += 1) {
      for (let n = 0; n < voc.nouns.length; n += 1) {
        for (let m = 0; m < voc.modifiers.length; m += 1) out.push({ lang, v, n, m });
      }
    }
  }
  return out;
}

function vocab(combo: Combo): Vocabulary {
  return combo.lang === 'zh' ? ZH : EN;
}

function phrase(combo: Combo, template: number): string {
  const voc = vocab(combo);
  return (voc.templates[template] ?? '{v} {m} {n}')
    .replace('{v}', voc.verbs[combo.v] ?? '')
    .replace('{n}', voc.nouns[combo.n] ?? '')
    .replace('{m}', voc.modifiers[combo.m] ?? '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A phrasing with, sometimes, a filler in front and one character dropped (a typo). */
function noisy(rng: Rng, combo: Combo, template: number): string {
  let text = rng.pick(vocab(combo).fillers) + phrase(combo, template);
  if (rng.next() < 0.25 && text.length > 6) {
    const at = 2 + rng.int(text.length - 4);
    text = text.slice(0, at) + text.slice(at + 1);
  }
  return text;
}
