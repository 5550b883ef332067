/** Peer: natural's TfIdf, one document per phrasing, over jieba-segmented / stemmed tokens. */
import natural, { type TfIdf } from 'natural';
import { topPerEntry, type Engine, type Scored } from '../engine.ts';
import { peerTokens, type ChineseCutter } from './peer-tokens.ts';

/** Scores each phrasing by natural's tf·idf sum for the query's tokens; an entry keeps its best phrasing. */
export function createNaturalTfIdfPeer(cutter: ChineseCutter = 'jieba'): Engine {
  let tfidf: TfIdf | undefined;
  let owners: string[] = [];
  return {
    name: 'natural TfIdf',
    async build({ entries }) {
      tfidf = new natural.TfIdf();
      owners = [];
      for (const entry of entries) {
        for (const text of [entry.question, ...entry.alternates]) {
          tfidf.addDocument(peerTokens(text, cutter));
          owners.push(entry.id);
        }
      }
    },
    rank(query) {
      if (!tfidf) throw new Error('natural TfIdf peer used before build()');
      const terms = peerTokens(query, cutter);
      if (terms.length === 0) return { candidates: [] };
      const scored: Scored[] = [];
      tfidf.tfidfs(terms, (i, measure) => {
        const id = owners[i];
        if (id !== undefined && measure > 0) scored.push({ id, score: measure });
      });
      return { candidates: topPerEntry(scored) };
    },
  };
}
