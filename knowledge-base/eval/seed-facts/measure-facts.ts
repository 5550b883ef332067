/**
 * How many seed-fact questions the matcher answers with their fact, as the server would (the full demo knowledge
 * base, answers included), scored by the bench's seed-facts module (`../../bench/seed-facts-bench.ts`, the same rule
 * as the "seed-fact paraphrases" table of `pnpm bench`): the answer given (decision `answer`) contains the fact,
 * whichever entry gave it. Also the share answered by the labelled entry, by another entry that still carries the
 * fact, and the declines or suggestions. `pnpm bench` builds every engine with answers blanked, so its Kefu row can
 * differ from this one when the matcher reads answer text.
 * Usage: node_modules/.bin/tsx knowledge-base/eval/seed-facts/measure-facts.ts [--list]
 */
import { fileURLToPath } from 'node:url';
import { createMatcher, DEMO_KB_DIR, loadKnowledgeBase } from '../../src/index.ts';
import { readSeedFacts, scoreFacts } from '../../bench/seed-facts-bench.ts';

const facts = await readSeedFacts(fileURLToPath(new URL('./queries.jsonl', import.meta.url)));
const kb = await loadKnowledgeBase(DEMO_KB_DIR);
const matcher = createMatcher(kb);
const answers = facts.map((f) => {
  const result = matcher.match(f.q);
  return { answered: result.decision === 'answer' ? (result.entry?.id ?? null) : null, top: result.candidates[0]?.id ?? null };
});
const score = scoreFacts(facts, answers, kb);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
console.log(`seed facts: ${score.n} questions`);
console.log(
  `  answered with the fact ${pct(score.withFact)} (${Math.round(score.withFact * score.n)})   by the labelled entry ${pct(score.byLabelled)}   ` +
    `by another entry that carries the fact ${pct(score.otherWithFact)}   declined or suggested ${pct(score.notAnswered)}   top-1 ${pct(score.top1)}`,
);
if (process.argv.includes('--list')) {
  for (const { fact, got } of score.misses) console.log(`  miss: ${fact.q}\t${fact.id}\t${fact.fact}\t→ ${got.answered ?? `not answered (top ${got.top ?? '-'})`}`);
}
