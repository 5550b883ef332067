/**
 * `kb tune <folder>... [--kb dir] [--tokenizer t] [--no-fuzzy] [--no-synonyms] [--no-thesaurus] [--no-normalise] [--no-unrelated] [--json]`:
 * development metrics of a configuration (folds made from each knowledge base, or a queries-only folder such as
 * eval/demo-dev) and the thresholds that maximise them (how DEFAULT_THRESHOLDS were chosen).
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DEMO_KB_DIR } from '../demo-kb-dir.ts';
import type { EvalQuery } from '../evaluation/evaluate.ts';
import { readQueries } from '../evaluation/read-queries.ts';
import { scoreDev } from '../evaluation/score-dev.ts';
import { tuneThresholds } from '../evaluation/tune-thresholds.ts';
import { loadFaqJson } from '../load/load-faq-json.ts';
import { languagesOf, phrasingsOf } from '../load/phrasings.ts';
import { readKnowledgeBase } from '../load/read-knowledge-base.ts';
import { createMatcher, DEFAULT_THRESHOLDS } from '../match/create-matcher.ts';
import { devAccuracy, NEAR_MISS_SHARE, OOD_SHARE, weightedAccuracy, type ScoredQuery } from '../match/dev-objective.ts';
import { detectLang } from '../text/detect-lang.ts';
import type { KnowledgeBase, MatcherOptions, TokenizerName } from '../types.ts';
import { parseArgs, UsageError } from './parse-args.ts';

const TOKENIZERS: readonly TokenizerName[] = ['jieba', 'segmenter', 'bigram', 'combined'];

/** Unrelated questions taken per knowledge base, at most (evenly spaced): enough to measure, cheap to score. */
const MAX_UNRELATED = 1000;

interface Loaded {
  folder: string;
  kind: 'dataset' | 'content' | 'queries';
  kb: KnowledgeBase;
  source: string;
  queries?: EvalQuery[];
}

/** A dataset folder (faq.json, folds made from it), a queries-only folder (its queries against `kbDir`), or a content folder (folds). */
async function load(dir: string, kbDir: string): Promise<Loaded> {
  const faq = join(dir, 'faq.json');
  if (existsSync(faq)) return { folder: dir, kind: 'dataset', kb: await loadFaqJson(faq), source: dir };
  // Content still being written may have dangling follow-ups; the matcher does not care, so read it leniently.
  if (existsSync(join(dir, 'queries.jsonl'))) return { folder: dir, kind: 'queries', kb: (await readKnowledgeBase(kbDir)).kb, source: resolve(kbDir), queries: await readQueries(join(dir, 'queries.jsonl')) };
  return { folder: dir, kind: 'content', kb: (await readKnowledgeBase(dir)).kb, source: dir };
}


/**
 * Out-of-scope questions for `own` from a knowledge base about something else: the public datasets ask the demo
 * content's phrasings, the demo content asks the datasets' (a dataset is never asked another dataset's phrasings,
 * since banking77 and clinc150 share a domain). Only languages the knowledge base is written in are asked.
 */
function unrelatedFor(own: Loaded, pool: Loaded[]): string[] {
  if (own.kind === 'queries') return [];
  const langs = languagesOf(phrasingsOf(own.kb));
  const other = own.kind === 'dataset' ? 'content' : 'dataset';
  const all = pool.filter((l) => l.kind === other).flatMap((l) => phrasingsOf(l.kb)).filter((p) => langs.has(detectLang(p)));
  const step = Math.max(1, all.length / MAX_UNRELATED);
  const out: string[] = [];
  for (let i = 0; i < all.length; i += step) out.push(all[Math.floor(i)]!);
  return out;
}

/** What the fold's own matcher did: its calibrated decision. */
const ownDecision = (q: ScoredQuery): string | null => q.answered ?? null;

/** Prints per-folder development top-1 and accuracy, then the tuned thresholds. */
export async function tuneCommand(argv: string[], print: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['tokenizer', 'kb'], ['json', 'no-fuzzy', 'no-synonyms', 'no-thesaurus', 'no-normalise', 'no-unrelated']);
  if (args.positionals.length === 0) throw new UsageError('kb tune needs at least one dataset or content folder');
  const tokenizer = args.options.get('tokenizer');
  if (tokenizer !== undefined && !(TOKENIZERS as readonly string[]).includes(tokenizer)) throw new UsageError(`--tokenizer must be one of ${TOKENIZERS.join(', ')}`);
  const options: MatcherOptions = {
    fuzzy: !args.flags.has('no-fuzzy'),
    synonyms: !args.flags.has('no-synonyms'),
    thesaurus: !args.flags.has('no-thesaurus'),
    normalise: !args.flags.has('no-normalise'),
  };
  if (tokenizer !== undefined) options.tokenizer = tokenizer as TokenizerName;
  // Folders about the same knowledge base (its content folds and a queries folder against it) form one set, so every
  // dataset counts once in the objective.
  const bySource = new Map<string, ScoredQuery[]>();
  const rows: Array<{ folder: string; top1: number; accuracy: number; calibrated: number; scale: number }> = [];
  const pool: Loaded[] = [];
  for (const folder of args.positionals) pool.push(await load(resolve(folder), args.options.get('kb') ?? DEMO_KB_DIR));
  for (const loaded of pool) {
    const { folder, kb, source, queries } = loaded;
    const scored = scoreDev(kb, options, queries, args.flags.has('no-unrelated') ? [] : unrelatedFor(loaded, pool));
    bySource.set(source, [...(bySource.get(source) ?? []), ...scored]);
    const inScope = scored.filter((q) => q.expected !== null);
    const top1 = inScope.filter((q) => q.top === q.expected).length / Math.max(1, inScope.length);
    // The scale the matcher itself would choose for this knowledge base at build time (1 for a queries-only folder's).
    const scale = loaded.kind === 'queries' ? 1 : createMatcher(kb, options).calibration.scale;
    rows.push({ folder: basename(folder), top1, accuracy: devAccuracy([scored], DEFAULT_THRESHOLDS), calibrated: weightedAccuracy([scored], ownDecision), scale });
  }
  const sets = [...bySource.values()];
  const tuned = tuneThresholds(sets);
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  for (const r of rows) print(`${r.folder}: dev top-1 ${pct(r.top1)}  accuracy: default thresholds ${pct(r.accuracy)}, calibrated ${pct(r.calibrated)}  (scale on the whole knowledge base ×${r.scale})`);
  print(
    `mean accuracy over ${sets.length} knowledge bases at ${OOD_SHARE * 100} % out of scope (${NEAR_MISS_SHARE * 100} % of it near misses): ` +
      `default ${pct(devAccuracy(sets, DEFAULT_THRESHOLDS))}, each fold calibrated ${pct(weightedAccuracy(sets, ownDecision))}, tuned ${pct(tuned.score)}`,
  );
  print(`tuned thresholds: ${JSON.stringify(tuned.thresholds)}`);
  if (args.flags.has('json')) print(JSON.stringify({ rows, tuned }));
  return 0;
}
