import { documentVector } from '../align/index.js';
import type { Vectors } from '../align/vectors.js';
import { InputError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { Analysis } from '../types.js';

/** The kind of document vector a store holds (setting `vector.kind`): GloVe SIF from src/align, int8-quantised. */
export const VECTOR_KIND = 'align-document-vector';

/** The stored form of a document's vector: the SIF embedding, quantised. */
export function storedVector(a: Analysis, vectors: Vectors): Int8Array {
  return quantise(documentVector(a, vectors));
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

/** Records the vector kind in a new store; a store written with other vectors cannot be mixed with these. */
export async function claimVectorKind(store: Store): Promise<void> {
  const stored = await store.getSetting('vector.kind');
  if (!stored) await store.setSetting('vector.kind', VECTOR_KIND);
  else if (stored !== VECTOR_KIND)
    throw new InputError(
      `store ${store.capabilities.location} holds "${stored}" document vectors, this build writes "${VECTOR_KIND}": add the articles to a new store`,
    );
}
