import { existsSync, readFileSync } from 'node:fs';
import { fnv1a as hashWord } from '../hash.js';
import { buildVectorCache } from './vectors-build.js';
import { CACHE_MAGIC, defaultCachePath, defaultEmbeddingsPath, userCachePath } from './vectors-paths.js';

/** Word vectors as the aligner reads them: a row per word, Int8 with a per-row scale. */
export interface Vectors {
  readonly size: number;
  readonly dims: number;
  /** Row of a lower-cased word, or -1 when it is not in the table. */
  indexOf(word: string): number;
  /** Corpus frequency rank of a row (0 = most frequent word). */
  rank(row: number): number;
  /** `target += weight × vector(row)`. */
  addTo(target: Float32Array, row: number, weight: number): void;
  /** The SIF common direction of this table when the cache stores it (see `commonDirection` in sif.ts). */
  readonly common?: Float32Array;
}

/** A table over int8 rows with per-row scales (the cache's rows, or the builder's before they are written). */
export function quantisedRows(
  dims: number,
  size: number,
  quant: Int8Array,
  scales: Float32Array,
  ranks: ArrayLike<number>,
  indexOf: (word: string) => number = () => -1,
  common?: Float32Array,
): Vectors {
  return {
    size,
    dims,
    indexOf,
    rank: (r) => ranks[r],
    addTo(target, r, weight) {
      const w = weight * scales[r];
      const base = r * dims;
      for (let k = 0; k < dims; k++) target[k] += w * quant[base + k];
    },
    common,
  };
}

/** Reads a cache file written by buildVectorCache (layout documented there). One read, no per-word work. */
export function readVectorCache(path: string): Vectors {
  let file = readFileSync(path);
  if (file.toString('latin1', 0, 8) !== CACHE_MAGIC) throw new Error(`not an unspun vector cache: ${path}`);
  if (file.byteOffset % 4 !== 0) file = Buffer.from(file); // typed views below need 4-byte alignment
  const size = file.readUInt32LE(8);
  const dims = file.readUInt32LE(12);
  const slots = file.readUInt32LE(16);
  let at = file.byteOffset + 20;
  const common = Float32Array.from(new Float32Array(file.buffer as ArrayBuffer, at, dims));
  at += dims * 4;
  const view = <T>(make: (buf: ArrayBuffer, offset: number, n: number) => T, n: number, bytes: number): T => {
    const v = make(file.buffer as ArrayBuffer, at, n);
    at += bytes;
    return v;
  };
  const quant = view((b, o, n) => new Int8Array(b, o, n), size * dims, Math.ceil((size * dims) / 4) * 4);
  const scales = view((b, o, n) => new Float32Array(b, o, n), size, size * 4);
  const ranks = view((b, o, n) => new Uint32Array(b, o, n), size, size * 4);
  const offsets = view((b, o, n) => new Uint32Array(b, o, n), size + 1, (size + 1) * 4);
  const table = view((b, o, n) => new Int32Array(b, o, n), slots, slots * 4);
  const wordsStart = at - file.byteOffset;
  if (wordsStart + offsets[size] !== file.length) throw new Error(`vector cache ${path} is truncated or corrupt`);
  const wordAt = (row: number): string =>
    file.toString('utf8', wordsStart + offsets[row], wordsStart + offsets[row + 1]);
  const memo = new Map<string, number>();
  const indexOf = (word: string): number => {
    let row = memo.get(word);
    if (row !== undefined) return row;
    row = -1;
    for (let h = hashWord(word) & (slots - 1); table[h] >= 0; h = (h + 1) & (slots - 1)) {
      if (wordAt(table[h]) === word) {
        row = table[h];
        break;
      }
    }
    if (memo.size < 100_000) memo.set(word, row);
    return row;
  };
  return quantisedRows(dims, size, quant, scales, ranks, indexOf, common);
}

/** A table with no words: similarity then rests on lexical evidence alone. */
export function emptyVectors(dims = 100): Vectors {
  return { size: 0, dims, indexOf: () => -1, rank: () => 0, addTo: () => undefined };
}

const loaded = new Map<string, Vectors>();

/**
 * Loads the GloVe word vectors the kernel takes as an argument (`compare(a, b, { vectors })`). Call it once, at the
 * entry point (CLI, eval, bench, a worker): the kernel itself never loads or caches files.
 * Reads `path` when given, else the cache `prepare` built (`$UNSPUN_CACHE` or the package's `.cache`), else the
 * per-user cache (`$XDG_CACHE_HOME/unspun`), building that one from the installed embeddings on first use
 * (~10 s, once). Without the embeddings package it warns and returns empty vectors (alignment on words alone).
 * Repeated calls with the same path return the same table (one ~25 MB read per process).
 */
export function loadVectors(path?: string): Vectors {
  const file = path ?? (existsSync(defaultCachePath()) ? defaultCachePath() : userCachePath());
  const hit = loaded.get(file);
  if (hit) return hit;
  let v: Vectors;
  try {
    if (!existsSync(file)) {
      if (path) throw new Error(`no vector cache at ${path}`);
      buildVectorCache(defaultEmbeddingsPath(), file);
    }
    v = readVectorCache(file);
  } catch (e) {
    if (path) throw e;
    process.emitWarning(`unspun: word vectors unavailable, aligning on words only (${(e as Error).message})`);
    v = emptyVectors();
  }
  loaded.set(file, v);
  return v;
}
