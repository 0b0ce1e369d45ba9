import { fnv1a as hashWord } from '../../hash.js';
import type { LexiconData } from './wordnet.js';

/**
 * The lexicon file as `prepare` writes it: flat Int32 arrays that a reader views in place (no JSON parse, no maps
 * or sets built per word), like the vector cache. Reading the JSON form cost ~1 s CPU of a CLI `compare` (parse,
 * 150k small arrays and sets, the GC after them); this is one file read.
 *
 * Layout (little-endian): magic `UNSPWN02`; u32 words, synsets, slots, and the lengths of the four lists below;
 * then Int32 arrays — per word its synsets (offsets[words + 1], ids), per synset its hypernyms (offsets, ids), per
 * word its antonyms and its derivations (offsets, ids; both directions), the open-addressing word table
 * (FNV-1a, linear probing, -1 empty); then Uint32 byte offsets of the words (words + 1) and the UTF-8 words.
 */
export const LEXICON_MAGIC = 'UNSPWN02';

/** Adjacency lists as offsets + concatenated ids (CSR). */
interface Lists {
  offsets: Int32Array;
  ids: Int32Array;
}

function lists(n: number, each: (i: number) => Iterable<number>): Lists {
  const offsets = new Int32Array(n + 1);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const x of each(i)) ids.push(x);
    offsets[i + 1] = ids.length;
  }
  return { offsets, ids: Int32Array.from(ids) };
}

/** Both directions of each [a, b] pair, per word, in pair order. */
function symmetric(words: number, pairs: [number, number][]): Lists {
  const out: number[][] = Array.from({ length: words }, () => []);
  for (const [a, b] of pairs) {
    out[a].push(b);
    out[b].push(a);
  }
  return lists(words, (i) => out[i]);
}

/** The binary lexicon of compiled WordNet data. */
export function encodeLexicon(data: LexiconData): Buffer {
  const n = data.words.length;
  const synsetsOf: number[][] = data.words.map(() => []);
  data.members.forEach((m, s) => {
    for (const w of m) synsetsOf[w].push(s);
  });
  const parts = [
    lists(n, (i) => synsetsOf[i]),
    lists(data.members.length, (s) => data.hypernyms[s]),
    symmetric(n, data.antonyms),
    symmetric(n, data.derivations),
  ];
  let slots = 1;
  while (slots < n * 2) slots *= 2;
  const table = new Int32Array(slots).fill(-1);
  data.words.forEach((w, i) => {
    let h = hashWord(w) & (slots - 1);
    while (table[h] >= 0) h = (h + 1) & (slots - 1);
    table[h] = i;
  });
  const bytes = data.words.map((w) => Buffer.from(w, 'utf8'));
  const wordOffsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) wordOffsets[i + 1] = wordOffsets[i] + bytes[i].length;
  const header = Buffer.alloc(8 + 4 * 7);
  header.write(LEXICON_MAGIC, 0, 'latin1');
  const counts = [n, data.members.length, slots, ...parts.map((p) => p.ids.length)];
  for (let i = 0; i < counts.length; i++) header.writeUInt32LE(counts[i], 8 + 4 * i);
  const arrays = [...parts.flatMap((p) => [p.offsets, p.ids]), table, wordOffsets];
  return Buffer.concat([header, ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)), ...bytes]);
}

/** Views over a binary lexicon (see the file comment); throws on a file that is not one or is cut short. */
export function decodeLexicon(file: Buffer): {
  size: number;
  idOf(word: string): number;
  synsets: Lists;
  hypernyms: Lists;
  antonyms: Lists;
  derivations: Lists;
} {
  if (file.toString('latin1', 0, 8) !== LEXICON_MAGIC) throw new Error('not an unspun WordNet lexicon');
  if (file.byteOffset % 4 !== 0) file = Buffer.from(file); // Int32 views need 4-byte alignment
  const [words, synsets, slots, nSyn, nHyp, nAnt, nDer] = Array.from({ length: 7 }, (_, i) =>
    file.readUInt32LE(8 + 4 * i),
  );
  let at = file.byteOffset + 36;
  const int32 = (count: number): Int32Array => {
    if (at - file.byteOffset + count * 4 > file.length) throw new Error('WordNet lexicon is truncated');
    const v = new Int32Array(file.buffer as ArrayBuffer, at, count);
    at += count * 4;
    return v;
  };
  const pair = (rows: number, count: number): Lists => ({ offsets: int32(rows + 1), ids: int32(count) });
  const synsetLists = pair(words, nSyn);
  const hypernyms = pair(synsets, nHyp);
  const antonyms = pair(words, nAnt);
  const derivations = pair(words, nDer);
  const table = int32(slots);
  const wordOffsets = new Uint32Array(int32(words + 1).buffer, at - (words + 1) * 4, words + 1);
  const wordsStart = at - file.byteOffset;
  if (wordsStart + wordOffsets[words] !== file.length) throw new Error('WordNet lexicon is truncated or corrupt');
  const memo = new Map<string, number>();
  return {
    size: words,
    synsets: synsetLists,
    hypernyms,
    antonyms,
    derivations,
    idOf(word) {
      let id = memo.get(word);
      if (id !== undefined) return id;
      id = -1;
      for (let h = hashWord(word) & (slots - 1); table[h] >= 0; h = (h + 1) & (slots - 1)) {
        const w = table[h];
        if (file.toString('utf8', wordsStart + wordOffsets[w], wordsStart + wordOffsets[w + 1]) === word) {
          id = w;
          break;
        }
      }
      if (memo.size < 100_000) memo.set(word, id);
      return id;
    },
  };
}
