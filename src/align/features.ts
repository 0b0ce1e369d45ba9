import type { Token } from '../types.js';
import { commonDirection, removeCommonAndNormalise, sifWeight } from './sif.js';
import type { Vectors } from './vectors.js';

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
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/** Comparable form of a word: lower case, straight apostrophes, digits without separators ("12,000" → "12000"). */
export function wordKey(text: string): string {
  const t = text.toLowerCase().replace(/[’‘`]/g, "'");
  return /^\d[\d,.]*\d$/.test(t) ? t.replace(/,/g, '') : t;
}

export function isWord(token: Pick<Token, 'text'>): boolean {
  return WORDLIKE.test(token.text);
}

/** Row of a token in the vector table: the surface form first (GloVe has inflections), then the lemma. */
function rowOf(token: Token, vectors: Vectors): number {
  const row = vectors.indexOf(wordKey(token.text));
  return row >= 0 ? row : vectors.indexOf(token.lemma);
}

/**
 * Features of a token run. `agreementKeys` (entity keys, number values from later NLP steps) count as content
 * and anchors, so "Germany's" and "Germany", or "1.5 million" and "1,500,000", agree.
 */
export function sentenceFeatures(tokens: Token[], vectors: Vectors, agreementKeys: Iterable<string> = []): SentenceFeatures {
  const sum = new Float32Array(vectors.dims);
  const content = new Map<string, number>();
  const anchors = new Set<string>();
  let words = 0;
  let contentWeight = 0;
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
    if (t.stop) continue;
    const key = t.pos === 'NUM' ? wordKey(t.text) : t.lemma.replace(/[’‘`]/g, "'");
    if (!content.has(key)) {
      content.set(key, weight);
      contentWeight += weight;
    }
    // Proper nouns and numbers survive paraphrase; so do rare words (including any the vector table lacks).
    if (t.pos === 'PROPN' || t.pos === 'NUM' || row < 0) anchors.add(key);
  }
  return finish({ sum, words, unit: sum, content, contentWeight, anchors }, vectors);
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
  return finish({ sum, words, unit: sum, content, contentWeight, anchors }, vectors);
}

function finish(f: SentenceFeatures, vectors: Vectors): SentenceFeatures {
  const unit = Float32Array.from(f.sum);
  if (f.words > 0 && vectors.size > 0) removeCommonAndNormalise(unit, commonDirection(vectors));
  return { ...f, unit };
}
