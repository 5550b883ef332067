/**
 * What a matcher is built from, as one hash: the whole knowledge base but the answers (neither the index nor the
 * calibration reads them). Two loads with the same fingerprint match and decide alike, so a reload that only
 * rewords answers serves the bar and word weights it had, without fitting again.
 */
import { createHash } from 'node:crypto';
import type { Entry, KnowledgeBase } from '../types.ts';

const withoutAnswer = ({ answer: _answer, en, ...rest }: Entry): object => (en ? { ...rest, en: { ...en, answer: '' } } : rest);

export const matchingFingerprint = (kb: KnowledgeBase): string =>
  createHash('sha256')
    .update(JSON.stringify({ ...kb, entries: kb.entries.map(withoutAnswer) }))
    .digest('hex');
