/** `kb eval <dataset-dir> [--kb <dir>] [--json]`: the metrics of INTERFACES.md on a datasets-format folder. */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DEMO_KB_DIR } from '../demo-kb-dir.ts';
import { evaluate } from '../evaluation/evaluate.ts';
import { readQueries } from '../evaluation/read-queries.ts';
import { loadFaqJson } from '../load/load-faq-json.ts';
import { loadKnowledgeBase } from '../load/load-knowledge-base.ts';
import { parseArgs, UsageError } from './parse-args.ts';

/** Without faq.json in the folder the knowledge base is `--kb` (default: the demo content). */
export async function evalCommand(argv: string[], print: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['kb'], ['json']);
  if (args.positionals.length !== 1) throw new UsageError('kb eval needs exactly one dataset folder');
  const dir = resolve(args.positionals[0]!);
  const queriesFile = join(dir, 'queries.jsonl');
  if (!existsSync(queriesFile)) throw new UsageError(`${queriesFile} not found`);
  const faqFile = join(dir, 'faq.json');
  const kb = existsSync(faqFile) ? await loadFaqJson(faqFile) : await loadKnowledgeBase(args.options.get('kb') ?? DEMO_KB_DIR);
  const queries = await readQueries(queriesFile);
  const report = evaluate(kb, queries, { dataset: basename(dir) });
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  print(`dataset ${report.dataset}: ${report.n} queries (${report.in_scope} in scope, ${report.ood} out of scope), ${kb.entries.length} entries`);
  print(`  top-1 ${pct(report.top1)}   MRR@5 ${report.mrr5.toFixed(3)}   out-of-scope rejected ${pct(report.ood_rejection)}   handled right ${pct(report.accuracy)}`);
  const { scale, thresholds: t, queries: devQueries } = report.calibration;
  const how = devQueries > 0 ? `scaled ×${scale} on ${devQueries} development queries made from the FAQ` : 'not calibrated';
  print(`  thresholds answer ${t.answer.toFixed(3)}, lead ${t.margin.toFixed(3)} over ${t.marginFloor.toFixed(3)}, suggest ${t.suggest.toFixed(3)} (${how})`);
  print(`  latency p50 ${report.p50_ms.toFixed(3)} ms   p99 ${report.p99_ms.toFixed(3)} ms   index build ${report.build_ms.toFixed(0)} ms`);
  if (args.flags.has('json')) print(JSON.stringify(report));
  return 0;
}
