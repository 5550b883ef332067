/**
 * `kb tune <folder>... [--kb dir] [--tokenizer t] [--no-fuzzy] [--no-synonyms] [--no-normalise] [--json]`: development
 * metrics of a configuration (folds made from each knowledge base, or a queries-only folder such as eval/demo-dev) and the thresholds that maximise them (how DEFAULT_THRESHOLDS were chosen).
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DEMO_KB_DIR } from '../demo-kb-dir.ts';
import type { EvalQuery } from '../evaluation/evaluate.ts';
import { readQueries } from '../evaluation/read-queries.ts';
import { scoreDev } from '../evaluation/score-dev.ts';
import { devAccuracy, OOD_SHARE, tuneThresholds, type ScoredQuery } from '../evaluation/tune-thresholds.ts';
import { loadFaqJson } from '../load/load-faq-json.ts';
import { readKnowledgeBase } from '../load/read-knowledge-base.ts';
import { DEFAULT_THRESHOLDS } from '../match/create-matcher.ts';
import type { KnowledgeBase, MatcherOptions, TokenizerName } from '../types.ts';
import { parseArgs, UsageError } from './parse-args.ts';

const TOKENIZERS: readonly TokenizerName[] = ['jieba', 'segmenter', 'bigram', 'combined'];

/** A dataset folder (faq.json, folds made from it), a queries-only folder (its queries against `kbDir`), or a content folder (folds). */
async function load(dir: string, kbDir: string): Promise<{ kb: KnowledgeBase; source: string; queries?: EvalQuery[] }> {
  const faq = join(dir, 'faq.json');
  if (existsSync(faq)) return { kb: await loadFaqJson(faq), source: dir };
  // Content still being written may have dangling follow-ups; the matcher does not care, so read it leniently.
  if (existsSync(join(dir, 'queries.jsonl'))) return { kb: (await readKnowledgeBase(kbDir)).kb, source: resolve(kbDir), queries: await readQueries(join(dir, 'queries.jsonl')) };
  return { kb: (await readKnowledgeBase(dir)).kb, source: dir };
}

/** Prints per-folder development top-1 and accuracy, then the tuned thresholds. */
export async function tuneCommand(argv: string[], print: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['tokenizer', 'kb'], ['json', 'no-fuzzy', 'no-synonyms', 'no-normalise']);
  if (args.positionals.length === 0) throw new UsageError('kb tune needs at least one dataset or content folder');
  const tokenizer = args.options.get('tokenizer');
  if (tokenizer !== undefined && !(TOKENIZERS as readonly string[]).includes(tokenizer)) throw new UsageError(`--tokenizer must be one of ${TOKENIZERS.join(', ')}`);
  const options: MatcherOptions = {
    fuzzy: !args.flags.has('no-fuzzy'),
    synonyms: !args.flags.has('no-synonyms'),
    normalise: !args.flags.has('no-normalise'),
  };
  if (tokenizer !== undefined) options.tokenizer = tokenizer as TokenizerName;
  // Folders about the same knowledge base (its content folds and a queries folder against it) form one set, so every
  // dataset counts once in the objective.
  const bySource = new Map<string, ScoredQuery[]>();
  const rows: Array<{ folder: string; top1: number; accuracy: number }> = [];
  for (const folder of args.positionals) {
    const { kb, source, queries } = await load(resolve(folder), args.options.get('kb') ?? DEMO_KB_DIR);
    const scored = scoreDev(kb, options, queries);
    bySource.set(source, [...(bySource.get(source) ?? []), ...scored]);
    const inScope = scored.filter((q) => q.expected !== null);
    const top1 = inScope.filter((q) => q.top === q.expected).length / Math.max(1, inScope.length);
    rows.push({ folder: basename(resolve(folder)), top1, accuracy: devAccuracy([scored], DEFAULT_THRESHOLDS) });
  }
  const sets = [...bySource.values()];
  const tuned = tuneThresholds(sets);
  for (const r of rows) print(`${r.folder}: dev top-1 ${(r.top1 * 100).toFixed(1)}%  accuracy (default thresholds) ${(r.accuracy * 100).toFixed(1)}%`);
  print(`mean accuracy over ${sets.length} knowledge bases at ${OOD_SHARE * 100} % out of scope: default ${(devAccuracy(sets, DEFAULT_THRESHOLDS) * 100).toFixed(1)}%, tuned ${(tuned.score * 100).toFixed(1)}%`);
  print(`tuned thresholds: ${JSON.stringify(tuned.thresholds)}`);
  if (args.flags.has('json')) print(JSON.stringify({ rows, tuned }));
  return 0;
}
