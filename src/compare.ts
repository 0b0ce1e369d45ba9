import type { Analysis, CompareResult, Extracted, SeveritySetting } from './types.js';

/** An article as the library takes it: raw text, bytes, or text/HTML with metadata. */
export type ArticleInput =
  | string
  | Buffer
  | { text?: string; html?: string; title?: string; byline?: string; siteName?: string; url?: string; published?: string };

export interface CompareOptions {
  /** ESLint-style rule settings: `{ "hedge-added": "off", "number-dropped": "medium" }`. */
  rules?: Record<string, SeveritySetting>;
}

/** STUB — see compareAnalyses. Takes two articles, does no network I/O, returns the `unspun.compare/1` object. */
export function compare(source: ArticleInput, derived: ArticleInput, options: CompareOptions = {}): CompareResult {
  void source; void derived; void options;
  throw new Error('not implemented yet');
}

/** Same as compare() for inputs already extracted and analysed (the store and eval cache analyses). */
export function compareAnalyses(source: Analysis, derived: Analysis, options: CompareOptions & { sourceBytes?: Buffer | string; derivedBytes?: Buffer | string } = {}): CompareResult {
  void source; void derived; void options;
  throw new Error('not implemented yet');
}

export type { Extracted };
