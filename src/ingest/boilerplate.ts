import { lexicon } from '../lexicons.js';
import { endsLikeSentence, wordCount, type Unit } from './units.js';

interface BoilerplateEntry {
  pattern: string;
  kind: string;
  match: 'line' | 'prefix' | 'contains';
  cite?: string;
}

/** Kinds that come as a row of short items (buttons, form fields), so their short neighbours belong to them. */
const RUN_KINDS = new Set(['share-bar', 'comment-form', 'navigation']);

/** Kinds whose wording never occurs in reporting, so prefix/contains may match longer blocks and full sentences. */
const STRONG_KINDS = new Set(['comment-form', 'cookie-notice', 'newsletter', 'copyright', 'call-to-action']);

let entries: Array<BoilerplateEntry & { key: string }> | null = null;
function lexiconEntries() {
  return (entries ??= lexicon<BoilerplateEntry>('boilerplate').entries.map((e) => ({
    ...e,
    key: normalise(e.pattern),
  })));
}

/** Lower case, whitespace collapsed, leading bullets and trailing `:` `*` `…` `»` dropped: "Share this:" → "share this". */
function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s•·*|>»–-]+/, '')
    .replace(/[\s:*…>»|]+$/, '');
}

/** Lower case, whitespace collapsed, leading bullets dropped; trailing punctuation kept. */
function bare(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s•·*|>»–-]+/, '');
}

/** The lexicon reason for one block, e.g. `comment-form: "Leave a Reply"`, or null. */
export function lexiconReason(text: string): string | null {
  const words = wordCount(text);
  // No entry matches a block this long (line entries are short lines): skip normalising a 10 MB paragraph.
  if (words > 60) return null;
  const norm = normalise(text);
  if (!norm) return null;
  for (const e of lexiconEntries()) {
    if (e.match === 'line' ? norm === e.key : false) return `${e.kind}: "${e.pattern}"`;
    if (e.match === 'line') continue;
    const strong = STRONG_KINDS.has(e.kind);
    // A news sentence may start "Read more than…" or contain "have your say": only short, label-like blocks qualify.
    if (words > (strong ? 60 : 15) || (!strong && endsLikeSentence(text))) continue;
    // A pattern ending in ':' needs the colon: "Published: 14 March" is a date line, "Published figures show" is news.
    const key = e.pattern.endsWith(':') ? e.pattern.toLowerCase() : e.key;
    const text0 = e.pattern.endsWith(':') ? bare(text) : norm;
    const hit =
      e.match === 'prefix' ? text0.startsWith(key) && !/\w/.test(text0.charAt(key.length)) : norm.includes(e.key);
    if (hit) return `${e.kind}: "${e.pattern}"`;
  }
  return null;
}

/** "By Maria Lenz and Tom Hale" — a short line of names, not a sentence ("By the time the ministry…"). */
const BYLINE =
  /^By\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|and|&|de|van|von|al|bin)){0,7})\s*(?:[,|–—-]\s*(.*))?$/u;

/** A label-like block: short and unpunctuated, or mostly link text. */
function weak(u: Unit): boolean {
  return (wordCount(u.text) <= 15 && !endsLikeSentence(u.text)) || (u.linkDensity ?? 0) >= 0.5;
}

export interface BoilerplateResult {
  units: Unit[];
  /** Byline text found in a `By …` line near the top, without "By". */
  byline: string | null;
}

/**
 * Marks boilerplate units (lexicon, link-dense, byline) and extends the marks structurally:
 * short label-like units right after a marked one (share bar buttons) and a trailing block of them are boilerplate too.
 */
export function markBoilerplate(input: Unit[]): BoilerplateResult {
  const units = input.map((u) => ({ ...u }));
  let byline: string | null = null;
  units.forEach((u, i) => {
    if (u.boilerplate) return;
    const reason = lexiconReason(u.text);
    if (reason) u.boilerplate = reason;
    else if (u.kind === 'paragraph' && (u.linkDensity ?? 0) >= 0.6 && wordCount(u.text) <= 25)
      u.boilerplate = 'link-dense';
    else if (i < 5 && wordCount(u.text) <= 12 && !/[.!?]$/.test(u.text)) {
      const by = BYLINE.exec(u.text);
      if (by) {
        u.boilerplate = 'byline';
        byline = by[2] ? `${by[1]}, ${by[2]}` : by[1];
      }
    }
  });
  for (let i = 1; i < units.length; i++) {
    const prev = units[i - 1].boilerplate;
    const u = units[i];
    // Share bars and forms: "Share this:" then "Facebook", "X", "Bluesky" … each its own short item. Not after
    // "Read more: …", which is often followed by a real subheading.
    const kind = prev?.replace(/:.*| \(run\)$/, '');
    if (
      !u.boilerplate &&
      kind &&
      RUN_KINDS.has(kind) &&
      u.kind === 'paragraph' &&
      wordCount(u.text) <= 4 &&
      !endsLikeSentence(u.text)
    )
      u.boilerplate = `${kind} (run)`;
  }
  markTrailing(units);
  return { units, byline };
}

/** A run of label-like units closing the page is boilerplate when it holds at least one recognised boilerplate unit. */
function markTrailing(units: Unit[]): void {
  let from = units.length;
  while (from > 0 && (units[from - 1].boilerplate || weak(units[from - 1]))) from--;
  const run = units.slice(from);
  if (!run.some((u) => u.boilerplate && u.boilerplate !== 'byline')) return;
  // Everything weak: the page is mostly labels; mark only from the first recognised unit on.
  const start = from > 0 ? from : run.findIndex((u) => u.boilerplate && u.boilerplate !== 'byline');
  for (let i = start; i < units.length; i++) units[i].boilerplate ??= 'trailing-boilerplate';
}
