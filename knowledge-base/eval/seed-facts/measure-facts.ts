/**
 * How many seed-fact questions the matcher answers with their fact: the answer it gives (decision `answer`) contains
 * the fact string, whichever entry gave it. Also reports the share answered by the expected entry, the share answered
 * by another entry that still carries the fact, and the declines.
 * Usage: node_modules/.bin/tsx knowledge-base/eval/seed-facts/measure-facts.ts [--list]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMatcher, DEMO_KB_DIR, loadKnowledgeBase } from '../../src/index.ts';

const rows = readFileSync(join(DEMO_KB_DIR, '..', 'eval', 'seed-facts', 'queries.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { q: string; id: string; fact: string });
const matcher = createMatcher(await loadKnowledgeBase(DEMO_KB_DIR));
let withFact = 0;
let rightEntry = 0;
let otherEntryWithFact = 0;
let declined = 0;
const misses: string[] = [];
for (const row of rows) {
  const result = matcher.match(row.q);
  const answered = result.decision === 'answer' && result.answer !== null;
  if (!answered) declined++;
  if (answered && result.entry?.id === row.id) rightEntry++;
  if (answered && result.answer!.includes(row.fact)) {
    withFact++;
    if (result.entry?.id !== row.id) otherEntryWithFact++;
  } else misses.push(`${row.q}\t${row.id}\t${row.fact}\t→ ${result.decision} ${result.entry?.id ?? result.candidates[0]?.id ?? '-'}`);
}
const pct = (n: number) => `${((n / rows.length) * 100).toFixed(1)}%`;
console.log(`seed facts: ${rows.length} questions`);
console.log(`  answered with the fact ${pct(withFact)} (${withFact})   by the expected entry ${pct(rightEntry)}   by another entry that carries the fact ${pct(otherEntryWithFact)}   declined or suggested ${pct(declined)}`);
if (process.argv.includes('--list')) for (const m of misses) console.log(`  miss: ${m}`);
