import type { Analysis } from '../types.js';
import { hash32, mix32 } from '../hash.js';

export const SHINGLE = 5;
export const MINHASH_SIZE = 64;
/** 32 bands of 2 rows: a pair with 5-shingle Jaccard 0.2 shares a band with p ≈ 0.73, at 0.05 with p ≈ 0.08. */
export const BAND_ROWS = 2;
export const MAX_ANCHORS = 40;
const MAX_FIXED_ANCHORS = 16;
/** Parts of speech whose lemmas can be retrieval anchors: open classes minus adverbs ("also", "quickly" say nothing of the story). */
const ANCHOR_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);

/** Everything retrieval needs from one analysis; rare lemmas are picked later, against the store's document frequencies. */
export interface Fingerprint {
  bands: number[];
  /** Entity-key and number anchors (always indexed). */
  fixedAnchors: number[];
  /** Distinct content-lemma hashes with a preference rank (PROPN first, then longer words). */
  lemmas: number[];
  lemmaRank: number[];
  words: number;
}

/** Lower-cased word tokens of body sentences (headings included, boilerplate never: it has no sentences). */
export function words(a: Analysis): string[] {
  const out: string[] = [];
  for (const t of a.tokens)
    if (t.pos !== 'PUNCT' && t.pos !== 'SYM' && /\w/.test(t.text)) out.push(t.text.toLowerCase());
  return out;
}

/** Hashes of word n-grams ("shingles"); texts shorter than n give one shingle of all their words. */
export function shingles(ws: string[], n = SHINGLE): Uint32Array {
  if (!ws.length) return new Uint32Array(0);
  if (ws.length < n) return Uint32Array.of(hash32(ws.join(' ')));
  const out = new Uint32Array(ws.length - n + 1);
  for (let i = 0; i + n <= ws.length; i++) out[i] = hash32(ws.slice(i, i + n).join(' '));
  return out;
}

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(0x9e3779b9 * (i + 1)));

/** MinHash signature: for each seeded permutation, the smallest permuted shingle hash. */
export function minhash(sh: Uint32Array): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const x of sh) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = mix32(x ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** LSH band keys: band number in the high bits, a hash of the band's rows below (fits a safe integer). */
export function bandKeys(sig: Uint32Array, rows = BAND_ROWS): number[] {
  const keys: number[] = [];
  if (!sig.length || sig[0] === 0xffffffff) return keys;
  for (let b = 0; b * rows < sig.length; b++) {
    let h = b + 1;
    for (let r = 0; r < rows; r++) h = mix32(h ^ Math.imul(sig[b * rows + r], 0x27d4eb2d));
    keys.push(b * 2 ** 32 + h);
  }
  return keys;
}

/** Normalised number key: "12,000 soldiers" and "12000 troops" share `n:12000`; units kept for measures and money. */
export function numberKey(value: number, unit: string | null, kind: string): string {
  const v = Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/0+$/, '');
  return kind === 'money' || kind === 'percent' || kind === 'measure' ? `n:${v}:${unit ?? ''}` : `n:${v}`;
}

export function fingerprint(a: Analysis): Fingerprint {
  const ws = words(a);
  const bands = bandKeys(minhash(shingles(ws)));
  const fixed = new Set<number>();
  // Small round numbers ("two", "10") say little about the story; keep those with some specificity.
  for (const n of a.numbers)
    if (n.kind !== 'year' && !(Number.isInteger(n.value) && n.value <= 10))
      fixed.add(hash32(numberKey(n.value, n.unit, n.kind)));
  for (const e of a.entities) fixed.add(hash32('e:' + e.key));
  const rank = new Map<string, number>();
  for (const t of a.tokens) {
    if (t.stop || !ANCHOR_POS.has(t.pos) || t.lemma.length < 3 || !/[a-z]/i.test(t.lemma)) continue;
    const r = (t.pos === 'PROPN' ? 100 : 0) + Math.min(t.lemma.length, 20);
    if ((rank.get(t.lemma) ?? -1) < r) rank.set(t.lemma, r);
  }
  const lemmas: number[] = [];
  const lemmaRank: number[] = [];
  for (const [l, r] of rank) {
    lemmas.push(lemmaHash(l));
    lemmaRank.push(r);
  }
  return { bands, fixedAnchors: [...fixed].slice(0, MAX_FIXED_ANCHORS), lemmas, lemmaRank, words: ws.length };
}

export function lemmaHash(lemma: string): number {
  return hash32('l:' + lemma);
}

/**
 * The anchors to index: the fixed ones plus the rarest lemmas by document frequency
 * (ties: proper nouns, then longer words; "Oberhausen" beats "council" beats "say").
 */
export function selectAnchors(fp: Fingerprint, df: Map<number, number>, max = MAX_ANCHORS): number[] {
  const order = fp.lemmas.map((_, i) => i);
  order.sort((x, y) => (df.get(fp.lemmas[x]) ?? 0) - (df.get(fp.lemmas[y]) ?? 0) || fp.lemmaRank[y] - fp.lemmaRank[x]);
  const out = new Set(fp.fixedAnchors);
  for (const i of order) {
    if (out.size >= max) break;
    out.add(fp.lemmas[i]);
  }
  return [...out];
}

/** Query-side anchors: every feature, so any rare lemma a stored article indexed can be met. */
export function queryAnchors(fp: Fingerprint): number[] {
  return [...new Set([...fp.fixedAnchors, ...fp.lemmas])];
}
