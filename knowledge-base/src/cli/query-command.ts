/** `kb query "<text>" [--kb <dir>] [--json]`: what the bot would do with one visitor message. */
import { DEMO_KB_DIR } from '../demo-kb-dir.ts';
import { loadKnowledgeBase } from '../load/load-knowledge-base.ts';
import { createMatcher } from '../match/create-matcher.ts';
import { parseArgs, UsageError } from './parse-args.ts';

/** Prints the candidates and the decision; with --json the last line is the INTERFACES.md object. */
export async function queryCommand(argv: string[], print: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['kb'], ['json']);
  const text = args.positionals.join(' ').trim();
  if (text === '') throw new UsageError('kb query needs the question text');
  const kb = await loadKnowledgeBase(args.options.get('kb') ?? DEMO_KB_DIR);
  const matcher = createMatcher(kb);
  const t0 = performance.now();
  const result = matcher.match(text);
  const ms = performance.now() - t0;
  const t = matcher.calibration.thresholds;
  print(`decision: ${result.decision} (read as ${result.lang}, ${ms.toFixed(2)} ms; answer at ${t.answer.toFixed(3)}, or ${t.marginFloor.toFixed(3)} with a ${t.margin.toFixed(3)} lead)`);
  result.candidates.forEach((c, i) => print(`  ${i + 1}. ${c.score.toFixed(3)}  ${c.id}  ${c.question}`));
  if (result.answer !== null) print(`answer:\n${result.answer}`);
  if (args.flags.has('json')) {
    print(JSON.stringify({ decision: result.decision, answer: result.answer, lang: result.lang, candidates: result.candidates }));
  }
  return 0;
}
