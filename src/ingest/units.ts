import type { BlockKind } from '../types.js';

/**
 * One paragraph or heading as a format reader produced it, before offsets exist.
 * Readers return units; `assemble()` joins them into `Extracted.text`, so offsets are exact by construction.
 */
export interface Unit {
  text: string;
  kind: BlockKind;
  /** Set when the reader already knows it is boilerplate (wire slug, byline …): the reason. */
  boilerplate?: string;
  /** HTML only: share of the characters inside links, for the link-dense cue. */
  linkDensity?: number;
}

/**
 * Collapses runs of whitespace (incl. NBSP) to one space and drops invisible characters. A lone thin or no-break
 * space between digit groups ("12 000") is kept as written: it is a digit separator, and nlp/fold.ts reads it as one.
 */
export function cleanInline(s: string): string {
  return s
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(SPACE_RUN, keepGroupSpace)
    .trim();
}

/** A run of whitespace other than one plain space (those stay as they are: no call per word on a 10 MB text). */
const SPACE_RUN = /\s{2,}|[^\S ]/g;
const GROUP_SPACE = /^[\u00a0\u2007\u2009\u202f]$/;
function keepGroupSpace(run: string, at: number, s: string): string {
  return GROUP_SPACE.test(run) && /\d/.test(s[at - 1] ?? '') && /^\d{3}(?!\d)/.test(s.slice(at + 1, at + 5))
    ? run
    : ' ';
}

/** Ends like a sentence: `.`, `!`, `?`, possibly followed by closing quotes or brackets. */
export function endsLikeSentence(s: string): boolean {
  return /[.!?…]["'”’»)\]]*$/.test(s.trim());
}

/**
 * Whitespace-separated words holding a letter, digit or underscore (as `s.split(/\s+/)` filtered on `/\w/`), in one
 * pass without allocating: ingest asks it of every block, and a 270 KB paragraph was split dozens of times.
 */
export function wordCount(s: string): number {
  let n = 0;
  let counted = false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (isSpace(c)) counted = false;
    else if (!counted && isWordChar(c)) {
      n++;
      counted = true;
    }
  }
  return n;
}

/** `\s` of a JavaScript regular expression. */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `\w`: ASCII letters, digits and underscore. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** A line that reads as a heading: all capitals, or short with no closing punctuation ("Analysis: what it means"). */
export function looksLikeHeading(line: string): boolean {
  const s = line.trim();
  if (!s || s.length > 120 || !/\p{L}/u.test(s)) return false;
  const letters = s.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  if (allCaps && !/[.!?]["'”’]?$/.test(s)) return true;
  return s.length <= 80 && wordCount(s) <= 12 && !/[.!?,;:…]["'”’)]*$/.test(s) && /^[\p{Lu}\d"“'‘]/u.test(s);
}
