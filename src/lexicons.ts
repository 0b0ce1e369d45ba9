import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A lexicon file: data with its source, never a list buried in code. */
export interface Lexicon<T> {
  source: string;
  notes?: string;
  entries: T[];
}

/** The package root, found by walking up from this file (works from `src/` under tsx and from `dist/src/`). */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('unspun: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
})();

const cache = new Map<string, Lexicon<unknown>>();

/** Loads `lexicons/<name>.json` once (read at first use; the kernel does no other I/O). */
export function lexicon<T>(name: string): Lexicon<T> {
  let lex = cache.get(name);
  if (!lex) {
    lex = JSON.parse(readFileSync(join(packageRoot, 'lexicons', name + '.json'), 'utf8')) as Lexicon<unknown>;
    cache.set(name, lex);
  }
  return lex as Lexicon<T>;
}
