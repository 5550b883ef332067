import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchKnowledgeBase, type KnowledgeBase } from '../src/index.ts';
import { TICKETS_YAML, writeFixtureKb } from './fixture-kb.ts';

/** Records the watcher's calls and lets a test wait for the next one. */
function recorder() {
  const events: Array<{ kind: 'load'; kb: KnowledgeBase } | { kind: 'error'; err: Error }> = [];
  let wake: (() => void) | null = null;
  const push = (e: (typeof events)[number]): void => {
    events.push(e);
    wake?.();
  };
  return {
    events,
    handlers: { onLoad: (kb: KnowledgeBase) => push({ kind: 'load', kb }), onError: (err: Error) => push({ kind: 'error', err }) },
    async next(count: number): Promise<void> {
      const deadline = Date.now() + 5000;
      while (events.length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for event ${count}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('watchKnowledgeBase', () => {
  it('loads once, reloads on change, and keeps the last good knowledge base on a broken file', async () => {
    const dir = writeFixtureKb();
    const rec = recorder();
    stop = watchKnowledgeBase(dir, rec.handlers, { debounceMs: 30 }).close;
    await rec.next(1);
    expect(rec.events[0]).toMatchObject({ kind: 'load' });

    writeFileSync(join(dir, 'tickets.yaml'), TICKETS_YAML.replace('请输入工单编号。', '请输入新的工单编号。'));
    await rec.next(2);
    const second = rec.events[1]!;
    expect(second.kind).toBe('load');
    if (second.kind === 'load') expect(second.kb.entries.find((e) => e.id === 'ticket-lookup')?.answer).toBe('请输入新的工单编号。');

    writeFileSync(join(dir, 'tickets.yaml'), 'entries:\n  - id: [broken\n');
    await rec.next(3);
    const third = rec.events[2]!;
    expect(third.kind).toBe('error');
    if (third.kind === 'error') expect(third.err.message).toContain('tickets.yaml');

    writeFileSync(join(dir, 'tickets.yaml'), TICKETS_YAML);
    await rec.next(4);
    expect(rec.events[3]).toMatchObject({ kind: 'load' });
    expect(rec.events.filter((e) => e.kind === 'error')).toHaveLength(1);
  });

  it('reports a missing folder through onError', async () => {
    const rec = recorder();
    stop = watchKnowledgeBase('/nonexistent/kefu-kb-watch', rec.handlers).close;
    await rec.next(1);
    expect(rec.events.every((e) => e.kind === 'error')).toBe(true);
  });
});
