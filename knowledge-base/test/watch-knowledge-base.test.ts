import { cpSync, renameSync, writeFileSync } from 'node:fs';
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
    stop = watchKnowledgeBase(dir, rec.handlers, { debounceMs: 30, pollMs: 50 }).close;
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
    // Polls that find the folder as it was when it broke do not load it again.
    await new Promise((r) => setTimeout(r, 400));
    expect(rec.events).toHaveLength(3);

    writeFileSync(join(dir, 'tickets.yaml'), TICKETS_YAML);
    await rec.next(4);
    expect(rec.events[3]).toMatchObject({ kind: 'load' });
    expect(rec.events.filter((e) => e.kind === 'error')).toHaveLength(1);
  });

  it('catches by comparing the files what file events miss: edits in a folder swapped in under the same path', async () => {
    const dir = writeFixtureKb();
    const rec = recorder();
    stop = watchKnowledgeBase(dir, rec.handlers, { debounceMs: 30, pollMs: 200 }).close;
    await rec.next(1);
    // A deploy that moves a new copy in place: the file events were on the folder moved away.
    const fresh = `${dir}-next`;
    cpSync(dir, fresh, { recursive: true });
    renameSync(dir, `${dir}-old`);
    renameSync(fresh, dir);
    writeFileSync(join(dir, 'tickets.yaml'), TICKETS_YAML.replace('请输入工单编号。', '请输入新的工单编号。'));
    const answer = (e: (typeof rec.events)[number]) => (e.kind === 'load' ? e.kb.entries.find((x) => x.id === 'ticket-lookup')?.answer : undefined);
    const deadline = Date.now() + 5000;
    while (!rec.events.some((e) => answer(e) === '请输入新的工单编号。') && Date.now() < deadline) await rec.next(rec.events.length + 1).catch(() => undefined);
    expect(rec.events.map(answer)).toContain('请输入新的工单编号。');

    // Then an edit in the folder now in place, which no file event reports.
    const seen = rec.events.length;
    writeFileSync(join(dir, 'tickets.yaml'), TICKETS_YAML.replace('请输入工单编号。', '请输入第三版工单编号。'));
    await rec.next(seen + 1);
    expect(answer(rec.events[seen]!)).toBe('请输入第三版工单编号。');
  });

  it('reports a missing folder through onError', async () => {
    const rec = recorder();
    stop = watchKnowledgeBase('/nonexistent/kefu-kb-watch', rec.handlers).close;
    await rec.next(1);
    expect(rec.events.every((e) => e.kind === 'error')).toBe(true);
  });
});
