import { isWord } from '../nlp/words.js';
import type { Token } from '../types.js';
import { commonDirection, removeCommonAndNormalise, sifWeight } from './sif.js';
import type { Vectors } from './vectors.js';
import { fnv1a as hashWord } from '../hash.js';
import type { SoftWords } from './soft.js';

/** What similarity needs from one sentence (or from several merged), computed once per sentence. */
export interface SentenceFeatures {
  /** SIF-weighted sum of word vectors; sums of split/merged sentences add up. */
  sum: Float32Array;
  /** Words the sum averages over. */
  words: number;
  /** Unit SIF embedding, common direction removed (all zero when no word has a vector). */
  unit: Float32Array;
  /** Content lemma → SIF weight (rare words weigh more). */
  content: Map<string, number>;
  contentWeight: number;
  /** Names, numbers and words missing from the vector table: strong evidence when shared. */
  anchors: Set<string>;
  /** Content words for soft matching (soft.ts). */
  soft: SoftWords;
  /** Sorted distinct hashes of every word's lemma, stop words included (all-word Jaccard). */
  lemmaIds: Int32Array;
  /** People named and exact quantities stated (from the NLP steps; absent for raw text). */
  facts?: SentenceFacts;
}

/** What two sentences can visibly disagree on: "Kask told supporters" is not "Tamm told supporters". */
export interface SentenceFacts {
  /** Keys of the people named, each also by its last word ("kadri tamm" and "tamm" agree). */
  people: Set<string>;
  /** Keys of the organisations named. */
  orgs: Set<string>;
  /** Unit (or number kind) → exact values: "31.2 percent" and "17.8 percent" disagree, "nearly 300" and "hundreds" do not. */
  quantities: Map<string, Set<number>>;
}

/** Comparable form of a word: lower case, straight apostrophes, digits without separators ("12,000" → "12000"). */
export function wordKey(text: string): string {
  const t = text.toLowerCase().replace(/[’‘`]/g, "'");
  return /^\d[\d,.]*\d$/.test(t) ? t.replace(/,/g, '') : t;
}

export { isWord };

/** Row of a token in the vector table: the surface form first (GloVe has inflections), then the lemma. */
function rowOf(token: Token, vectors: Vectors): number {
  const row = vectors.indexOf(wordKey(token.text));
  return row >= 0 ? row : vectors.indexOf(token.lemma);
}

/**
 * The SIF document vector alone: the unit vector `combineFeatures` would give for these sentences, without the
 * content maps, anchors and soft-match arrays (ingest needs only the vector: ~6× less work per article).
 * Summed per sentence, then across sentences, in the same order, so the floats are identical.
 */
export function sentencesVector(
  tokens: Token[],
  runs: Array<{ tokenStart: number; tokenEnd: number }>,
  vectors: Vectors,
): Float32Array {
  const total = new Float32Array(vectors.dims);
  const sum = new Float32Array(vectors.dims);
  let words = 0;
  for (const r of runs) {
    sum.fill(0);
    for (let i = r.tokenStart; i < r.tokenEnd; i++) {
      const t = tokens[i];
      if (!isWord(t)) continue;
      const row = rowOf(t, vectors);
      if (row >= 0) vectors.addTo(sum, row, sifWeight(vectors.rank(row)));
      words++;
    }
    for (let k = 0; k < total.length; k++) total[k] += sum[k];
  }
  if (words > 0 && vectors.size > 0) removeCommonAndNormalise(total, commonDirection(vectors));
  return total;
}

/**
 * Features of a token run. `agreementKeys` (entity keys, number values from later NLP steps) count as content
 * and anchors, so "Germany's" and "Germany", or "1.5 million" and "1,500,000", agree.
 */
export function sentenceFeatures(
  tokens: Token[],
  vectors: Vectors,
  agreementKeys: Iterable<string> = [],
): SentenceFeatures {
  const sum = new Float32Array(vectors.dims);
  const content = new Map<string, number>();
  const anchors = new Set<string>();
  let words = 0;
  let contentWeight = 0;
  const softRows: number[] = [];
  const softKeys: number[] = [];
  const softWeights: number[] = [];
  const lemmaIds: number[] = [];
  for (const key of agreementKeys) {
    anchors.add(key);
    if (!content.has(key)) {
      content.set(key, 1);
      contentWeight += 1;
    }
  }
  for (const t of tokens) {
    if (!isWord(t)) continue;
    const row = rowOf(t, vectors);
    const weight = sifWeight(row >= 0 ? vectors.rank(row) : null);
    if (row >= 0) vectors.addTo(sum, row, weight);
    words++;
    lemmaIds.push(hashWord(t.lemma) | 0);
    if (t.stop) continue;
    const key = t.pos === 'NUM' ? wordKey(t.text) : t.lemma.replace(/[’‘`]/g, "'");
    if (!content.has(key)) {
      content.set(key, weight);
      contentWeight += weight;
      softRows.push(row);
      softKeys.push(hashWord(key) | 0);
      softWeights.push(weight);
    }
    // Proper nouns and numbers survive paraphrase; so do rare words (including any the vector table lacks).
    if (t.pos === 'PROPN' || t.pos === 'NUM' || row < 0) anchors.add(key);
  }
  const soft = {
    rows: Int32Array.from(softRows),
    keys: Int32Array.from(softKeys),
    weights: Float32Array.from(softWeights),
    total: sumOf(softWeights),
  };
  return finish(
    { sum, words, unit: sum, content, contentWeight, anchors, soft, lemmaIds: distinctSorted(lemmaIds) },
    vectors,
  );
}

/** Features of several sentences read as one (a merge or a split side of a link). */
export function combineFeatures(parts: SentenceFeatures[], vectors: Vectors): SentenceFeatures {
  if (parts.length === 1) return parts[0];
  const sum = new Float32Array(vectors.dims);
  const content = new Map<string, number>();
  const anchors = new Set<string>();
  let words = 0;
  let contentWeight = 0;
  for (const p of parts) {
    for (let k = 0; k < sum.length; k++) sum[k] += p.sum[k];
    words += p.words;
    for (const [key, w] of p.content) {
      if (content.has(key)) continue;
      content.set(key, w);
      contentWeight += w;
    }
    for (const a of p.anchors) anchors.add(a);
  }
  const soft = concatSoft(parts.map((p) => p.soft));
  const facts = mergeFacts(parts.map((p) => p.facts));
  const lemmaIds = distinctSorted(parts.flatMap((p) => [...p.lemmaIds]));
  return finish({ sum, words, unit: sum, content, contentWeight, anchors, soft, lemmaIds, facts }, vectors);
}

function mergeFacts(parts: Array<SentenceFacts | undefined>): SentenceFacts | undefined {
  if (parts.some((p) => !p)) return undefined;
  const people = new Set<string>();
  const orgs = new Set<string>();
  const quantities = new Map<string, Set<number>>();
  for (const p of parts as SentenceFacts[]) {
    for (const x of p.people) people.add(x);
    for (const x of p.orgs) orgs.add(x);
    for (const [unit, values] of p.quantities) {
      const set = quantities.get(unit) ?? new Set<number>();
      for (const v of values) set.add(v);
      quantities.set(unit, set);
    }
  }
  return { people, orgs, quantities };
}

/** Kinds of fact (people, organisations, each quantity unit) both sentences state with nothing in common. */
export function factConflicts(a: SentenceFacts | undefined, b: SentenceFacts | undefined): number {
  if (!a || !b) return 0;
  let conflicts = 0;
  if (disjoint(a.people, b.people)) conflicts++;
  if (disjoint(a.orgs, b.orgs)) conflicts++;
  for (const [unit, values] of a.quantities) {
    const other = b.quantities.get(unit);
    if (other && disjoint(values, other)) conflicts++;
  }
  return conflicts;
}

/** Both non-empty and sharing nothing (a loop, not a spread: this runs for every candidate sentence pair). */
function disjoint<T>(x: Set<T>, y: Set<T>): boolean {
  if (x.size === 0 || y.size === 0) return false;
  for (const v of x) if (y.has(v)) return false;
  return true;
}

function concatSoft(parts: SoftWords[]): SoftWords {
  const seen = new Set<number>();
  const rows: number[] = [];
  const keys: number[] = [];
  const weights: number[] = [];
  for (const p of parts) {
    for (let k = 0; k < p.keys.length; k++) {
      if (seen.has(p.keys[k])) continue;
      seen.add(p.keys[k]);
      rows.push(p.rows[k]);
      keys.push(p.keys[k]);
      weights.push(p.weights[k]);
    }
  }
  return {
    rows: Int32Array.from(rows),
    keys: Int32Array.from(keys),
    weights: Float32Array.from(weights),
    total: sumOf(weights),
  };
}

function sumOf(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function distinctSorted(ids: number[]): Int32Array {
  const out = Int32Array.from(new Set(ids));
  return out.sort();
}

/** Jaccard of two sorted id lists (one merge pass, no allocation). */
export function sortedJaccard(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union > 0 ? shared / union : 0;
}

function finish(f: SentenceFeatures, vectors: Vectors): SentenceFeatures {
  const unit = Float32Array.from(f.sum);
  if (f.words > 0 && vectors.size > 0) removeCommonAndNormalise(unit, commonDirection(vectors));
  return { ...f, unit };
}
