import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

/** A lexicon file: data with its source, never a list buried in code. */
export interface Lexicon<T> {
  source: string;
  notes?: string;
  entries: T[];
}

export { packageRoot };

/**
 * Every `lexicons/*.json`, read once when this module loads: the kernel then does no file I/O while it runs
 * (compare() with vectors passed in touches no file, and a test holds it to that).
 */
const lexicons: ReadonlyMap<string, Lexicon<unknown>> = new Map(
  readdirSync(join(packageRoot, 'lexicons'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [
      f.slice(0, -'.json'.length),
      JSON.parse(readFileSync(join(packageRoot, 'lexicons', f), 'utf8')) as Lexicon<unknown>,
    ]),
);

/** The names of all lexicon files (without `.json`). */
export function lexiconNames(): string[] {
  return [...lexicons.keys()].sort();
}

/** The lexicon `lexicons/<name>.json`; an unknown name is a programming error. */
export function lexicon<T>(name: string): Lexicon<T> {
  const lex = lexicons.get(name);
  if (!lex) throw new Error(`unspun: no lexicon "${name}" in ${join(packageRoot, 'lexicons')}`);
  return lex as Lexicon<T>;
}
