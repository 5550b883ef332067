/** The edit-stability measurement: seeded edits, changes counted only for questions about other entries, and its table. */
import { createMatcher, type Entry, type KnowledgeBase } from '@kefu/knowledge-base';
import { describe, expect, it } from 'vitest';
import { corpusFromEntries } from '../corpus.ts';
import type { BenchDataset } from '../datasets.ts';
import { donorsFor, editStabilityTable, measureEditStability } from '../edit-stability.ts';

const entry = (id: string, [question, ...alternates]: string[]): Entry => ({ id, question: question!, alternates, keywords: [], answer: '', followUps: [], topic: 'test' });
const kbOf = (entries: Entry[]): KnowledgeBase => ({ entries, synonyms: [], flows: [], welcome: [] });

const KB = kbOf([
  entry('hours', ['你们几点上班', '营业时间是什么时候', '周末上班吗', '几点下班']),
  entry('refund', ['怎么申请退款', '退款多久到账', '可以退钱吗', '退款流程是什么']),
  entry('invoice', ['发票怎么开', '可以开电子发票吗', '发票抬头怎么改', '专票怎么申请']),
  entry('password', ['忘记密码怎么办', '怎么重置密码', '密码找回', '修改登录密码']),
  entry('address', ['怎么改收货地址', '地址填错了', '修改地址', '换个收货地址']),
  entry('delivery', ['多久能发货', '什么时候发货', '发货时间', '几天能到']),
]);
const QUERIES = [
  { q: '你们营业到几点', id: 'hours' },
  { q: '退款要几天', id: 'refund' },
  { q: '能开发票吗', id: 'invoice' },
  { q: '密码忘了', id: 'password' },
  { q: '收货地址写错了', id: 'address' },
  { q: '今天能发货吗', id: 'delivery' },
  { q: '给我讲个笑话', id: null },
];
const DONORS = [entry('alarm', ['定一个早上七点的闹钟', '设置闹钟', '明早六点半叫醒我']), entry('weather', ['明天天气怎么样', '会下雨吗', '北京冷不冷'])];

describe('edit stability', () => {
  it('runs the same seeded edits every time, adds and removes, and never counts questions about the edited entry', () => {
    const run = () => measureEditStability('tiny', KB, QUERIES, { edits: 8, seed: 't', donors: DONORS, rebuild: (kb) => createMatcher(kb, { calibrate: false }) });
    const a = run();
    expect(run().edits).toEqual(a.edits);
    expect(a.edits.some((e) => e.kind === 'add') && a.edits.some((e) => e.kind === 'remove')).toBe(true);
    for (const e of a.edits) {
      expect(e.asked).toBe(QUERIES.filter((q) => q.id !== e.entry).length);
      expect(e.changed).toBeLessThanOrEqual(e.asked);
    }
    expect(a.worstShare).toBeGreaterThanOrEqual(a.meanShare);
    expect(editStabilityTable([a])).toContain('| tiny');
  });

  it('counts the decisions a moved bar changes', () => {
    // A rebuild that sets the bar above every score declines everything it answered before.
    const r = measureEditStability('tiny', KB, QUERIES, { edits: 4, seed: 't', donors: DONORS, rebuild: (kb) => createMatcher(kb, { thresholds: { answer: 2, marginFloor: 2, suggest: 2 } }) });
    expect(r.meanShare).toBeGreaterThan(0.5);
    expect(r.barMoves).toBe(4);
  });

  it('takes added entries only from datasets of another family that share a language', () => {
    const ds = (name: string, entries: Entry[]): BenchDataset => ({ name, corpus: corpusFromEntries(entries), queries: [] });
    const zh = ds('xsid-zh', [entry('a', ['设置闹钟'])]);
    const zhPart = ds('xsid-zh-heldout-oos', [entry('b', ['取消闹钟'])]);
    const en = ds('banking77', [entry('c', ['my card is lost'])]);
    const demo = ds('demo', [entry('d', ['怎么退款'])]);
    expect(donorsFor(zh, [zh, zhPart, en, demo]).map((e) => e.id)).toEqual(['d']);
    expect(donorsFor(en, [zh, zhPart, en, demo]).map((e) => e.id)).toEqual([]);
  });
});
