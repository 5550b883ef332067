/**
 * How common a Chinese word is in general text: the share of documents that use it, from the idf list jieba ships
 * beside its dictionary (`@node-rs/jieba/idf.txt`, 270k words with idf = ln(documents / documents using the word)).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Words rarer than this idf (fewer than 1 document in 8,100) are left out: as background to a small knowledge base they
 * weigh nothing (the matcher's decisions on xsid-zh were identical with the whole list), and the 20,700 kept take
 * 1.7 MB and 0.12 s to read instead of 33 MB and 0.23 s.
 */
const RARE_IDF = 9;

let shares: Map<string, number> | undefined;

/** Share of general-text documents that use `word`, 0 for a word the list does not have (or too rare to keep, or not Chinese). */
export function generalShare(word: string): number {
  shares ??= readShares();
  return shares.get(word) ?? 0;
}

function readShares(): Map<string, number> {
  const out = new Map<string, number>();
  const text = readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/idf.txt'), 'utf8');
  for (const line of text.split('\n')) {
    const at = line.indexOf(' ');
    const idf = Number(line.slice(at + 1));
    if (at > 0 && idf < RARE_IDF) out.set(line.slice(0, at), Math.exp(-idf));
  }
  return out;
}
