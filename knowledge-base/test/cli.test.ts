import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixtureKb } from './fixture-kb.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs `kb ...` the way `pnpm kb` does and returns exit code and output. */
function kb(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['knowledge-base/src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';

describe('kb CLI', () => {
  const dir = writeFixtureKb();

  it('query --json ends with the decision, answer and candidates', () => {
    const r = kb('query', '客服电话是多少', '--kb', dir, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(lastLine(r.stdout)) as { decision: string; answer: string | null; candidates: Array<{ id: string; question: string; score: number }> };
    expect(out.decision).toBe('answer');
    expect(out.answer).toContain('400-XXX-XXXX');
    expect(out.candidates[0]).toMatchObject({ id: 'hotline-personal', question: '客服热线是多少？' });
    expect(typeof out.candidates[0]?.score).toBe('number');
  });

  it('query reports a handoff', () => {
    const out = JSON.parse(lastLine(kb('query', '转人工', '--kb', dir, '--json').stdout)) as { decision: string; answer: null };
    expect(out).toMatchObject({ decision: 'handoff', answer: null });
  });

  it('eval --json ends with the metrics of a datasets-format folder', () => {
    const data = mkdtempSync(join(tmpdir(), 'kefu-eval-'));
    writeFileSync(
      join(data, 'faq.json'),
      JSON.stringify([
        { id: 'card_arrival', question: 'When will my card arrive?', alternates: ['my card has not come yet'], answer: 'Answer for card_arrival' },
        { id: 'exchange_rate', question: 'What is the exchange rate?', alternates: ['how much is a dollar in euros'], answer: 'Answer for exchange_rate' },
      ]),
    );
    writeFileSync(join(data, 'queries.jsonl'), '{"q":"where is my new card","id":"card_arrival"}\n{"q":"current exchange rate please","id":"exchange_rate"}\n{"q":"play some jazz music","id":null}\n');
    const r = kb('eval', data, '--json');
    expect(r.code).toBe(0);
    const m = JSON.parse(lastLine(r.stdout)) as Record<string, number | string>;
    expect(m).toMatchObject({ n: 3, in_scope: 2, ood: 1, top1: 1, ood_rejection: 1 });
    for (const key of ['dataset', 'mrr5', 'accuracy', 'p50_ms', 'p99_ms']) expect(m).toHaveProperty(key);
    // The thresholds used, not the weight of every word (which the calibration carries for the next build).
    expect(m).toHaveProperty('calibration.thresholds.answer');
    expect(m).not.toHaveProperty('calibration.terms');
  });

  it('lint prints file: entry: field: message and exits 1 on problems', () => {
    const bad = writeFixtureKb({ '_welcome.yaml': 'welcome: [gone]\n' });
    const r = kb('lint', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('_welcome.yaml: welcome[0]: unknown entry id "gone"');
  });

  it('exits 2 with usage on a bad command line', () => {
    const r = kb('query');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage');
  });
});
