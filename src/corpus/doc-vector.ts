import type { Analysis } from '../types.js';
import { hash32 } from './hash.js';

export type VectorFn = (a: Analysis) => ArrayLike<number>;

export const HASHED_KIND = 'hashed-lemma-96';
const HASHED_DIM = 96;

let alignVector: VectorFn | null | undefined;

/**
 * `documentVector` from src/align (GloVe SIF, paraphrase-robust) when that module provides it, else null.
 * Loaded by a computed specifier so this folder builds before src/align exists.
 */
export async function loadAlignVector(): Promise<VectorFn | null> {
  if (alignVector !== undefined) return alignVector;
  const spec = '../align/index.js';
  try {
    const mod = (await import(spec)) as { documentVector?: VectorFn };
    alignVector = typeof mod.documentVector === 'function' ? mod.documentVector : null;
  } catch {
    alignVector = null;
  }
  return alignVector;
}

/** Fallback vector: signed feature hashing of content lemmas (lexical; catches reordering, not synonyms). */
export function hashedLemmaVector(a: Analysis): Float32Array {
  const v = new Float32Array(HASHED_DIM);
  const tf = new Map<string, number>();
  for (const t of a.tokens) if (!t.stop && /[a-z0-9]/i.test(t.lemma)) tf.set(t.lemma, (tf.get(t.lemma) ?? 0) + 1);
  for (const [lemma, n] of tf) {
    const h = hash32('v:' + lemma);
    v[h % HASHED_DIM] += (h & 0x80000000 ? -1 : 1) * Math.sqrt(n);
  }
  return v;
}

/** L2-normalises and quantises to int8 (×127): 100 dims cost 100 bytes. */
export function quantise(v: ArrayLike<number>): Int8Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
  norm = Math.sqrt(norm) || 1;
  const q = new Int8Array(v.length);
  for (let i = 0; i < v.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round((v[i] / norm) * 127)));
  return q;
}

/** Picks the vector function for a store's recorded kind, so every stored vector is comparable. */
export async function vectorFnFor(kind: string | null): Promise<{ kind: string; fn: VectorFn }> {
  const align = kind === HASHED_KIND ? null : await loadAlignVector();
  if (align && (kind === null || kind === 'align-document-vector')) return { kind: 'align-document-vector', fn: align };
  return { kind: HASHED_KIND, fn: hashedLemmaVector };
}
