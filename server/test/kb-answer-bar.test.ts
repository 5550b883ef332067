/** A reload keeps the answer bar the bot was serving unless the new content clearly needs another, and logs a move loudly. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_KB_DIR } from '@kefu/knowledge-base';
import { describeBar, describeBarChange, describeEntryBar, describeKeptTerms, describeLoweredBar, describeRefittedTerms, startKbHolder } from '../src/kb/kb-holder.ts';
import { servedBarStore } from '../src/kb/served-bar-store.ts';
import { openSqliteStorage } from '../src/storage/sqlite/sqlite-storage.ts';
import type { Logger } from '../src/logger.ts';
import { sleep, tempDir } from './support/test-server.ts';

/** A logger that keeps what it is told, by level. */
function recordingLogger(): Logger & { lines: Array<{ level: string; message: string }> } {
  const lines: Array<{ level: string; message: string }> = [];
  const keep = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** One entry about something the demo content never mentions, as an operator might add it. */
const UNRELATED_TOPIC = `topic: accounts
entries:
  - id: age-limit
    question: 开户有年龄限制吗？
    alternates: [未成年人可以开账户吗, 多大才能注册账户, 开户最低年龄是多少]
    answer: 年满 16 周岁即可注册。
    en:
      question: Is there an age limit to open an account?
      alternates: [can a minor open an account]
      answer: You can register from the age of 16.
`;

/**
 * UNRELATED_TOPIC with an answer of this run's own: fits are cached by content (calibration-cache.ts), and a test
 * about what a reload does while it fits needs content no earlier run has fitted.
 */
const unrelatedTopicNew = (): string => UNRELATED_TOPIC.replace('年满 16 周岁即可注册。', `年满 16 周岁即可注册（${Date.now()}-${process.pid}）。`);

/** The demo content in a folder of its own, served once with a database that records the bar served: what a restart starts from. */
async function servedBefore() {
  const dir = join(tempDir(), 'kb');
  cpSync(DEMO_KB_DIR, dir, { recursive: true });
  const storage = openSqliteStorage(join(tempDir(), 'kefu.sqlite'));
  const store = servedBarStore(storage);
  const first = startKbHolder(dir, recordingLogger(), store);
  await first.ready();
  const served = first.current()!.matcher.calibration;
  const entries = first.current()!.kb.entries.length;
  first.close();
  const end = Date.now() + 10_000;
  while (!(await store.load()) && Date.now() < end) await sleep(20);
  return { dir, storage, store, served, entries };
}

describe('answer bar across reloads', () => {
  it('keeps the bar when one unrelated entry is added, and logs the bar at every load', async () => {
    const dir = join(tempDir(), 'kb');
    cpSync(DEMO_KB_DIR, dir, { recursive: true });
    const log = recordingLogger();
    const holder = startKbHolder(dir, log);
    try {
      await holder.ready();
      const first = holder.status();
      expect(first.answerBar).toBeGreaterThan(0);
      const served = holder.current()!.matcher.calibration;
      // Read after complaints and contact (files load by name): with folds assigned by position, an entry inserted
      // there moved this content's bar from 0.250 to 0.338.
      writeFileSync(join(dir, 'dev-accounts.yaml'), unrelatedTopicNew());
      const end = Date.now() + 120_000;
      while ((holder.status().entries !== first.entries + 1 || holder.status().loading) && Date.now() < end) await sleep(50);
      expect(holder.status()).toMatchObject({ entries: first.entries + 1, answerBar: first.answerBar, loading: false });
      expect(holder.current()!.matcher.calibration.thresholds).toEqual(served.thresholds);
      const loads = log.lines.filter((l) => l.message.startsWith('knowledge base loaded'));
      // The first load, the new content at the served bar while it is fitted, and the fitted one.
      expect(loads).toHaveLength(3);
      expect(loads[1]!.message).toContain(`answer bar ${served.thresholds.answer.toFixed(3)} kept while the new content is fitted`);
      expect(loads[2]!.message).toContain(`answer bar ${served.thresholds.answer.toFixed(3)}`);
      // The reload kept the word weights of the first load, and says how far the content moved from them.
      expect(loads[0]!.message).not.toContain('word weights');
      expect(loads[2]!.message).toMatch(/word weights kept from the previous load \(the content has moved \d+\.\d % from them, 1 entry edited since they were fitted\)/);
      const reloaded = holder.current()!.matcher.calibration;
      expect(reloaded.termsFrom!.kept).toBe(true);
      expect(reloaded.terms!.phrasing[reloaded.terms!.tokens.indexOf('投诉')]).toBe(served.terms!.phrasing[served.terms!.tokens.indexOf('投诉')]);
      expect(log.lines.filter((l) => l.level === 'warn' && /answer bar changed|word weights fitted afresh/.test(l.message))).toEqual([]);
    } finally {
      holder.close();
    }
  }, 180_000);

  it('serves an edit at the served bar while the new content is fitted, and an edit to answers only without fitting', async () => {
    const dir = join(tempDir(), 'kb');
    cpSync(DEMO_KB_DIR, dir, { recursive: true });
    const lines: Array<{ message: string; loading: boolean; answers?: string }> = [];
    const keep = (message: string): void =>
      void lines.push({ message, loading: holder.status().loading, answers: holder.current()?.matcher.match('未成年人能开户吗').entry?.id });
    const holder = startKbHolder(dir, { debug: keep, info: keep, warn: keep, error: keep });
    const settled = async (done: () => boolean): Promise<void> => {
      const end = Date.now() + 120_000;
      while (!(done() && !holder.status().loading) && Date.now() < end) await sleep(50);
    };
    try {
      await holder.ready();
      const served = holder.current()!.matcher.calibration;

      // An answer reworded: served as soon as the folder is read again, with the bar as it was and no fit.
      const file = join(dir, 'complaints.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('**400-XXX-ZZZZ**', '**400-000-2468**'));
      const from = lines.length;
      await settled(() => holder.current()!.kb.entries.some((e) => e.answer.includes('400-000-2468')));
      expect(holder.current()!.matcher.match('怎么投诉').answer).toContain('400-000-2468');
      const answerOnly = lines.slice(from).filter((l) => l.message.startsWith('knowledge base loaded'));
      expect(answerOnly).toHaveLength(1);
      expect(answerOnly[0]!.message).not.toContain('kept while the new content is fitted');
      expect(holder.current()!.matcher.calibration.thresholds).toEqual(served.thresholds);

      // A new entry: answered at the served bar while the fit still runs, then by the fitted build.
      const next = lines.length;
      writeFileSync(join(dir, 'dev-accounts.yaml'), unrelatedTopicNew());
      await settled(() => holder.current()!.kb.entries.some((e) => e.id === 'age-limit'));
      const loads = lines.slice(next).filter((l) => l.message.startsWith('knowledge base loaded'));
      expect(loads).toHaveLength(2);
      expect(loads[0]).toMatchObject({ loading: true, answers: 'age-limit' });
      expect(loads[0]!.message).toContain(`answer bar ${served.thresholds.answer.toFixed(3)} kept while the new content is fitted`);
      expect(loads[1]).toMatchObject({ loading: false, answers: 'age-limit' });
      expect(loads[1]!.message).not.toContain('kept while the new content is fitted');
    } finally {
      holder.close();
    }
  }, 180_000);

  it('a restart starts from the bar served before it, kept in the database', async () => {
    const { dir, storage, store, served: fitted } = await servedBefore();
    expect((await store.load())!.scale).toBe(fitted.scale);

    // The bar served before the restart was one step above a fresh fit, within what the folds cannot tell apart: the restart keeps it.
    const step = Math.round((fitted.scale + 0.05) * 100) / 100;
    const lower = { ...fitted, scale: step, thresholds: { ...fitted.thresholds, answer: fitted.thresholds.answer * (step / fitted.scale) } };
    await store.save(lower);
    const log = recordingLogger();
    const restarted = startKbHolder(dir, log, store);
    try {
      await restarted.ready();
      expect(restarted.current()!.matcher.calibration.scale).toBe(step);
      // When this start's fit is not cached yet, the bar is served first as it was, then as fitted.
      const end2 = Date.now() + 120_000;
      while (restarted.status().loading && Date.now() < end2) await sleep(50);
      expect(restarted.current()!.matcher.calibration.scale).toBe(step);
      expect(log.lines.filter((l) => l.message.startsWith('knowledge base loaded')).at(-1)!.message).toContain(`×${step} kept from the previous load`);
      // Entries' own bars and the small talk each answers are kept with the bar, for the next reload to start from.
      const withBars = { ...fitted, entryBars: { 'forgot-password': 0.213 }, barWording: { 'forgot-password': '1x8k2a' }, smallTalk: { 'forgot-password': 3, weather: 8 }, raised: [{ id: 'forgot-password', bar: 0.213, smallTalk: 9 }] };
      await store.save(withBars);
      expect(await store.load()).toMatchObject({ scale: fitted.scale, entryBars: { 'forgot-password': 0.213 }, barWording: { 'forgot-password': '1x8k2a' }, smallTalk: { 'forgot-password': 3, weather: 8 } });
      expect((await store.load())!.raised).toBeUndefined();
      // A stored value this version cannot read is a fresh fit, not a failure.
      await storage.setSetting('kb.servedCalibration', '{"scale":"high"}');
      expect(await store.load()).toBeUndefined();
      await storage.setSetting('kb.servedCalibration', JSON.stringify({ ...fitted, entryBars: { 'forgot-password': 'high' } }));
      expect(await store.load()).toBeUndefined();
      await storage.setSetting('kb.servedCalibration', JSON.stringify({ ...fitted, barWording: { 'forgot-password': 7 } }));
      expect(await store.load()).toBeUndefined();
      // The word weights go with the bar (the next start weighs words as this one did), and are checked on the way back.
      await store.save(fitted);
      expect((await store.load())!.terms).toEqual(fitted.terms);
      const terms = fitted.terms!;
      expect(Object.keys(terms.fittedOn!)).toContain('hotline-free');
      for (const bad of [{ ...terms, fittedOn: { 'hotline-free': 7 } }, { ...terms, fittedOn: ['1x8k2a'] }, { ...terms, phrasing: terms.phrasing.slice(1) }, { ...terms, entry: terms.entry.map((w, i) => (i === 0 ? 'rare' : w)) }, { ...terms, unknown: [1] }, { ...terms, tokens: terms.tokens.map((t, i) => (i === 0 ? 7 : t)) }]) {
        await storage.setSetting('kb.servedCalibration', JSON.stringify({ ...fitted, terms: bad }));
        expect(await store.load()).toBeUndefined();
      }
    } finally {
      restarted.close();
      await storage.close();
    }
  }, 180_000);

  it('a restart onto content not fitted before answers at once, at the bar served before it, while the fit runs', async () => {
    const { dir, storage, store, served, entries } = await servedBefore();
    // Edited while the server was down (or a new version of the code): no fit of it is cached.
    writeFileSync(join(dir, 'dev-accounts.yaml'), unrelatedTopicNew());
    const log = recordingLogger();
    const restarted = startKbHolder(dir, log, store);
    try {
      await restarted.ready();
      expect(restarted.status()).toMatchObject({ loading: true, entries: entries + 1 });
      expect(restarted.current()!.matcher.match('未成年人能开户吗').entry?.id).toBe('age-limit');
      expect(restarted.current()!.matcher.calibration.thresholds).toEqual(served.thresholds);
      const loads = (): string[] => log.lines.filter((l) => l.message.startsWith('knowledge base loaded')).map((l) => l.message);
      expect(loads()).toHaveLength(1);
      expect(loads()[0]).toContain(`answer bar ${served.thresholds.answer.toFixed(3)} as served before the restart, kept while the content is fitted`);
      const fitted = Date.now() + 120_000;
      while (restarted.status().loading && Date.now() < fitted) await sleep(50);
      expect(loads()).toHaveLength(2);
      expect(loads()[1]).not.toContain('kept while');
      expect(restarted.current()!.matcher.match('未成年人能开户吗').entry?.id).toBe('age-limit');
    } finally {
      restarted.close();
      await storage.close();
    }
  }, 180_000);

  it('says how the bar was chosen and, when a reload moves it, by how much and how many development questions flip', () => {
    const thresholds = { answer: 0.3, margin: 0.08, marginFloor: 0.27, suggest: 0.264 };
    expect(describeBar({ thresholds, scale: 1.2, queries: 900, fitted: 1.2 })).toBe('answer bar 0.300 (×1.2 calibrated)');
    expect(describeBar({ thresholds, scale: 1.2, queries: 900, fitted: 1.1 })).toMatch(/answer bar 0\.300 \(×1\.2 kept from the previous load; the new content alone would fit ×1\.1/);
    expect(describeBar({ thresholds, scale: 1, queries: 0 })).toBe('answer bar 0.300 (base rule, not calibrated)');
    const line = describeBarChange({ from: 1, to: 1.35, barFrom: 0.25, barTo: 0.3375, flips: 41, asked: 1812 });
    expect(line).toMatch(/^knowledge base answer bar changed 0\.250 → 0\.338 \(×1 → ×1\.35, \+0\.088\)/);
    expect(line).toContain('41 of 1812 development questions are now decided otherwise');
    expect(describeLoweredBar('forgot-password', { ...thresholds, answer: 0.2 })).toBe(
      'knowledge base entry "forgot-password" answers from the served bar 0.200 again: it no longer answers small talk the base rule declines',
    );
    expect(describeKeptTerms({ drift: 0.0041, kept: true })).toBe('word weights kept from the previous load (the content has moved 0.4 % from them)');
    expect(describeKeptTerms({ drift: 0.083, kept: true, edits: 1 })).toBe('word weights kept from the previous load (the content has moved 8.3 % from them, 1 entry edited since they were fitted)');
    expect(describeRefittedTerms({ drift: 0.072, kept: false })).toBe(
      'knowledge base word weights fitted afresh: the content has moved 7.2 % from the weights served (more than 5.0 %); answers to questions about entries that were not edited may change',
    );
    expect(describeRefittedTerms({ drift: 0.072, kept: false, edits: 12 })).toContain('(more than 5.0 %) and 12 entries were edited since they were fitted;');
    expect(describeEntryBar({ id: 'forgot-password', bar: 0.2134, smallTalk: 9 }, { ...thresholds, answer: 0.2 })).toBe(
      'knowledge base entry "forgot-password" answers only from 0.213: at the served bar 0.200 it took 9 small-talk questions the base rule declines; the bar stays where it was for every other entry',
    );
  });
});
