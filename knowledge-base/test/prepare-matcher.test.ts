import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMatcher, DEMO_KB_DIR, loadKnowledgeBase, prepareMatcher, readQueries, type PreparedMatcher } from '../src/index.ts';
import { COMMANDS, entry } from './command-kb.ts';

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

  it('gives the new index at the served bar before it fits, the same as preparing it with calibrate: keep, and then the same fit', () => {
    const served = createMatcher(COMMANDS).calibration;
    const edited = { ...COMMANDS, entries: [...COMMANDS.entries, entry('timer', ['设一个十分钟的计时器', '倒计时五分钟', '计时器还剩多久', '帮我计时三十秒'])] };
    const kept: PreparedMatcher[] = [];
    const prepared = prepareMatcher(edited, { previous: served }, (p) => kept.push(structuredClone(p)));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toEqual(prepareMatcher(edited, { previous: served, calibrate: 'keep' }));
    expect(prepared).toEqual(prepareMatcher(edited, { previous: served }));
    // The kept one answers the new entry already.
    expect(createMatcher(edited, {}, kept[0]).match('计时器还有几分钟').entry?.id).toBe('timer');
    // Nothing to give when nothing is fitted, or no bar is served yet.
    for (const options of [{ previous: served, calibrate: 'keep' as const }, { previous: served, calibrate: false }, {}]) {
      prepareMatcher(edited, options, (p) => kept.push(p));
    }
    expect(kept).toHaveLength(1);
  });
});
