import { describe, expect, it } from 'vitest';
import { stem } from '../src/text/english-words.ts';
import { createHanTokenizer } from '../src/text/han-tokenizers.ts';
import { tokenize } from '../src/text/tokenize.ts';

/** Forms a visitor writes for the same thing: each group must meet in one index token. */
const SAME_STEM = [
  ['refund', 'refunds', 'refunded', 'refunding'],
  ['cancel', 'cancels', 'cancelled', 'canceled', 'cancelling', 'canceling'],
  ['charge', 'charges', 'charged', 'charging'],
  ['activate', 'activated', 'activating', 'activation'],
  ['verify', 'verified', 'verifies', 'verifying'],
  ['deliver', 'delivers', 'delivered', 'delivering'],
  ['payment', 'payments'],
  ['password', 'passwords'],
];

/** Words that must stay apart, or one question would match the other's answer. */
const DIFFERENT_STEMS = [
  ['card', 'cart'],
  ['transfer', 'transaction'],
  ['pin', 'pine'],
];

describe('English stems', () => {
  it.each(SAME_STEM)('brings %s and its forms together', (...forms) => {
    const stems = new Set(forms.map(stem));
    expect([...stems]).toHaveLength(1);
  });

  it.each(DIFFERENT_STEMS)('keeps %s and %s apart', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it('gives the same answer from its cache as the first time', () => {
    const first = stem('refunded');
    expect(stem('refunded')).toBe(first);
  });

  it('lets a question about a refund and one about being refunded share a token', () => {
    const han = createHanTokenizer('bigram');
    const asked = tokenize('why was my card not refunded', han);
    const indexed = tokenize('how do i get a refund', han);
    expect(asked.filter((t) => indexed.includes(t))).toEqual([stem('refund')]);
  });
});
