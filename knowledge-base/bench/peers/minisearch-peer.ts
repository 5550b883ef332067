/** Peer: MiniSearch (BM25 with prefix and fuzzy terms), one document per phrasing, peer tokens. */
import MiniSearch from 'minisearch';
import { topPerEntry, type Engine } from '../engine.ts';
import { peerTokens, type ChineseCutter } from './peer-tokens.ts';

interface Doc {
  key: number;
  entry: string;
  text: string;
}

/** MiniSearch as its README suggests for search-as-you-type: OR of terms, prefix, fuzzy 0.2. */
export function createMiniSearchPeer(cutter: ChineseCutter = 'jieba'): Engine {
  let index: MiniSearch<Doc> | undefined;
  return {
    name: 'MiniSearch',
    async build({ entries }) {
      index = new MiniSearch<Doc>({
        idField: 'key',
        fields: ['text'],
        storeFields: ['entry'],
        tokenize: (text) => peerTokens(text, cutter),
        // Tokens are already lower-cased and stemmed by peerTokens.
        processTerm: (term) => term,
        searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'OR' },
      });
      let key = 0;
      index.addAll(
        entries.flatMap((e) => [e.question, ...e.alternates].map((text) => ({ key: key++, entry: e.id, text }))),
      );
    },
    rank(query) {
      if (!index) throw new Error('MiniSearch peer used before build()');
      const hits = index.search(query);
      return { candidates: topPerEntry(hits.map((h) => ({ id: String(h['entry']), score: h.score }))) };
    },
  };
}
