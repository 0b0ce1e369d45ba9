import type { Analysis, Span, Token } from '../types.js';
import { isWord, wordKey } from './features.js';

/** A word run found in both texts, with its character spans on each side. */
export interface SharedRun {
  source: Span;
  derived: Span;
  /** Length in words. */
  words: number;
}

/** Repeated n-grams ("the ministry said") could make the candidate list quadratic; later occurrences add little. */
const MAX_OCCURRENCES = 64;

/**
 * Shared word runs of at least `minWords` words, tiled greedily longest first so no word is used twice on
 * either side (Greedy String Tiling, Wise 1993). Words compare case-insensitively and punctuation is skipped,
 * so `"said, adding"` matches `"said adding"`; spans run from the first word's start to the last word's end.
 */
export function sharedRuns(source: Analysis, derived: Analysis, minWords = 3): SharedRun[] {
  let sa = wordsOf(source);
  const sb = wordsOf(derived);
  if (sa.table !== sb.table) sa = wordsOf(source); // the id table was renewed in between
  const { tokens: a, ids: ka } = sa;
  const { tokens: b, ids: kb } = sb;
  const n = Math.max(1, minWords);
  const gramsB = new Map<string, number[]>();
  for (let j = 0; j + n <= kb.length; j++) {
    const g = gramKey(kb, j, n);
    const list = gramsB.get(g);
    if (!list) gramsB.set(g, [j]);
    else if (list.length < MAX_OCCURRENCES) list.push(j);
  }
  const candidates: Array<{ i: number; j: number; len: number }> = [];
  for (let i = 0; i + n <= ka.length; i++) {
    const list = gramsB.get(gramKey(ka, i, n));
    if (!list) continue;
    for (const j of list) {
      if (i > 0 && j > 0 && ka[i - 1] === kb[j - 1]) continue; // not the start of a maximal run
      let len = n;
      while (i + len < ka.length && j + len < kb.length && ka[i + len] === kb[j + len]) len++;
      candidates.push({ i, j, len });
    }
  }
  candidates.sort((x, y) => y.len - x.len || x.j - y.j || x.i - y.i);
  const usedA = new Uint8Array(ka.length);
  const usedB = new Uint8Array(kb.length);
  const runs: SharedRun[] = [];
  for (const c of candidates) {
    if (overlaps(usedA, c.i, c.len) || overlaps(usedB, c.j, c.len)) continue;
    usedA.fill(1, c.i, c.i + c.len);
    usedB.fill(1, c.j, c.j + c.len);
    runs.push({
      source: spanOf(source.text, a, c.i, c.len),
      derived: spanOf(derived.text, b, c.j, c.len),
      words: c.len,
    });
  }
  return runs.sort((x, y) => x.derived.start - y.derived.start);
}

/** Word keys as small integers, shared by all documents (equal key, equal id): runs compare numbers, not strings. */
let wordIds = new Map<string, number>();
/** Past this many distinct words a new table starts (documents cached with the old one re-read their ids). */
const MAX_WORD_IDS = 1_000_000;

const wordCache = new WeakMap<Analysis, { tokens: Token[]; ids: Int32Array; table: Map<string, number> }>();

/** Word tokens of a document and their ids, once per Analysis (relation features ask for runs four times per pair). */
function wordsOf(doc: Analysis): { tokens: Token[]; ids: Int32Array; table: Map<string, number> } {
  const hit = wordCache.get(doc);
  if (hit && hit.table === wordIds) return hit;
  if (wordIds.size > MAX_WORD_IDS) wordIds = new Map();
  const table = wordIds;
  const tokens = hit?.tokens ?? doc.tokens.filter(isWord);
  const ids = Int32Array.from(tokens, (t) => {
    const key = wordKey(t.text);
    let id = table.get(key);
    if (id === undefined) table.set(key, (id = table.size));
    return id;
  });
  const entry = { tokens, ids, table };
  wordCache.set(doc, entry);
  return entry;
}

/** The n ids from `at` as a short string (two UTF-16 units per id): an exact Map key, unlike a numeric hash. */
function gramKey(ids: Int32Array, at: number, n: number): string {
  let key = '';
  for (let k = at; k < at + n; k++) key += String.fromCharCode(ids[k] & 0xffff, ids[k] >>> 16);
  return key;
}

function overlaps(used: Uint8Array, from: number, len: number): boolean {
  for (let k = from; k < from + len; k++) if (used[k]) return true;
  return false;
}

function spanOf(text: string, words: Token[], from: number, len: number): Span {
  const start = words[from].start;
  const end = words[from + len - 1].end;
  return { start, end, text: text.slice(start, end) };
}

/** Length in words of the longest run two word-key sequences share (dynamic programming, one row). */
export function longestCommonRun(a: string[], b: string[]): number {
  let best = 0;
  const row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = b.length; j >= 1; j--) {
      row[j] = a[i - 1] === b[j - 1] ? row[j - 1] + 1 : 0;
      if (row[j] > best) best = row[j];
    }
  }
  return best;
}
