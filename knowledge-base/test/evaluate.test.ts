import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, KbError, loadFaqJson, readQueries } from '../src/index.ts';
import { devSplit } from '../src/match/dev-folds.ts';

const FAQ = [
  { id: 'weather', question: '明天天气怎么样？', alternates: ['今天会下雨吗', '外面冷不冷'], answer: 'Answer for weather' },
  { id: 'alarm', question: '帮我定一个早上七点的闹钟', alternates: ['设置闹钟', '明早六点叫醒我'], answer: 'Answer for alarm' },
];

function writeDataset(faq: unknown, queries: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-ds-'));
  writeFileSync(join(dir, 'faq.json'), JSON.stringify(faq));
  writeFileSync(join(dir, 'queries.jsonl'), queries);
  return dir;
}

describe('datasets format', () => {
  it('loads faq.json and scores queries', async () => {
    const dir = writeDataset(FAQ, '{"q":"后天天气好吗","id":"weather"}\n{"q":"定个八点的闹钟","id":"alarm"}\n{"q":"播放周杰伦的歌","id":null}\n');
    const kb = await loadFaqJson(join(dir, 'faq.json'));
    expect(kb.entries).toHaveLength(2);
    const report = evaluate(kb, await readQueries(join(dir, 'queries.jsonl')), { dataset: 'tiny' });
    expect(report).toMatchObject({ dataset: 'tiny', n: 3, in_scope: 2, ood: 1, top1: 1, mrr5: 1 });
    expect(report.p99_ms).toBeGreaterThanOrEqual(report.p50_ms);
  });

  it('names the entry and field of a bad faq.json item', async () => {
    const dir = writeDataset([{ id: 'x', question: '', alternates: [], answer: 'a' }], '');
    const err = await loadFaqJson(join(dir, 'faq.json')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KbError);
    expect(err).toMatchObject({ file: 'faq.json', entry: 'x', field: 'question' });
  });

  it('names the line of a bad query', async () => {
    const dir = writeDataset(FAQ, '{"q":"ok","id":null}\n{"q":1}\n');
    await expect(readQueries(join(dir, 'queries.jsonl'))).rejects.toThrow('queries.jsonl: line 2: q');
  });
});

describe('devSplit', () => {
  it('holds phrasings out of the knowledge base it queries', async () => {
    const kb = { entries: Array.from({ length: 10 }, (_, i) => ({ id: `e${i}`, question: `q${i}`, alternates: [`a${i}`, `b${i}`], keywords: [], answer: '', followUps: [], topic: 't' })), synonyms: [], flows: [], welcome: [] };
    for (const fold of devSplit(kb)) {
      const phrasings = new Set(fold.kb.entries.flatMap((e) => [e.question, ...e.alternates]));
      for (const q of fold.queries) expect(phrasings.has(q.q)).toBe(false);
      expect(fold.queries.some((q) => q.id === null)).toBe(true);
    }
  });
});
