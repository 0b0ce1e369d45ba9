import { join } from 'node:path';
import { homedir } from 'node:os';
import { cacheDir } from '../vectors-paths.js';

/** Bump when the lexicon layout changes: the file name changes with it, so an old file is never misread. */
export const LEXICON_FORMAT = 'unspun.wordnet/1';

export const LEXICON_FILE = 'wordnet-3.1.lexicon.v2.bin';

/** Where `prepare` writes the lexicon: beside the vector cache (`$UNSPUN_CACHE` or `<package root>/.cache`). */
export function defaultLexiconPath(): string {
  return join(cacheDir(), LEXICON_FILE);
}

/** The per-user copy a run builds when no prepared lexicon exists (`$XDG_CACHE_HOME/unspun`). */
export function userLexiconPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'unspun', LEXICON_FILE);
}
