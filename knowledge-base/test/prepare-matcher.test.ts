import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMatcher, DEMO_KB_DIR, loadKnowledgeBase, prepareMatcher, readQueries } from '../src/index.ts';

const DEMO_QUERIES = join(DEMO_KB_DIR, '../eval/demo/queries.jsonl');

describe('prepareMatcher', () => {
  it('gives, after a structured clone (as a worker posts it), a matcher that decides and scores exactly like createMatcher', async () => {
    const kb = await loadKnowledgeBase(DEMO_KB_DIR);
    const queries = await readQueries(DEMO_QUERIES);
    const direct = createMatcher(kb);
    const posted = structuredClone({ kb, prepared: prepareMatcher(kb) });
    const assembled = createMatcher(posted.kb, {}, posted.prepared);

    expect(assembled.calibration).toEqual(direct.calibration);
    expect(queries.length).toBeGreaterThan(400);
    for (const { q } of queries) {
      for (const lang of [undefined, 'en', 'zh-CN'] as const) {
        const a = assembled.match(q, lang ? { lang } : {});
        const d = direct.match(q, lang ? { lang } : {});
        expect({ q, decision: a.decision, entry: a.entry?.id, candidates: a.candidates }).toEqual({ q, decision: d.decision, entry: d.entry?.id, candidates: d.candidates });
      }
    }
  });
});
