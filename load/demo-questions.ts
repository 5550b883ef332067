/**
 * Realistic visitor questions: the demo knowledge base's held-out queries, minus those that would end
 * the bot conversation (a hand-off to the queue) or start a flow (whose prompt is a second bot message),
 * so every question gets exactly one bot reply, as the generator expects.
 */
import { readFileSync } from 'node:fs';
import { createMatcher, DEMO_KB_DIR, loadKnowledgeBase } from '../knowledge-base/src/index.ts';
import { detectLang } from '../knowledge-base/src/index.ts';
import { ROOT } from './spawn-server.ts';

export async function demoQuestions(): Promise<string[]> {
  const kb = await loadKnowledgeBase(DEMO_KB_DIR);
  const matcher = createMatcher(kb);
  const lines = readFileSync(`${ROOT}knowledge-base/eval/demo/queries.jsonl`, 'utf8').split('\n').filter(Boolean);
  const questions: string[] = [];
  for (const line of lines) {
    const { q } = JSON.parse(line) as { q: string };
    const match = matcher.match(q, { lang: detectLang(q) });
    if (match.decision === 'handoff' || (match.decision === 'answer' && match.entry?.flow)) continue;
    questions.push(q);
  }
  return questions;
}
