import type { Vectors } from '../align/vectors.js';
import type { Lexicon } from '../align/words/wordnet.js';
import { compare, type ArticleInput } from '../compare.js';
import type { SeveritySetting } from '../types.js';

/** One pair as it crosses to a worker (Buffers arrive as Uint8Array and are turned back). */
export interface PairJob {
  source: ArticleInput | Uint8Array;
  derived: ArticleInput | Uint8Array;
  rules?: Record<string, SeveritySetting>;
}

const input = (x: ArticleInput | Uint8Array): ArticleInput =>
  x instanceof Uint8Array && !Buffer.isBuffer(x)
    ? Buffer.from(x.buffer, x.byteOffset, x.byteLength)
    : (x as ArticleInput);

/** Compares one pair and returns the result as JSON text. */
export function comparePair(job: PairJob, vectors: Vectors, lexicon?: Lexicon): string {
  return JSON.stringify(compare(input(job.source), input(job.derived), { vectors, lexicon, rules: job.rules }));
}
