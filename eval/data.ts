/** Small readers and lexical features shared by the eval tasks (no NLP: baselines must stay independent of Unspun). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normWord, WORD_PATTERN, wordContainment } from '../src/relation/word-containment.js';

/** Non-empty trimmed lines (the METER index files have CRLF ends and stray leading spaces). */
export function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export function readJsonl<T>(path: string): T[] {
  return readLines(path).map((l) => JSON.parse(l) as T);
}

/** One row of `llm-rewrites/*.jsonl` (see its PROVENANCE.md): an original and a machine rewrite of it. */
export interface RewritePair {
  id: string;
  source: string;
  derived: string;
  /** LLMFake: how the rewrite was asked for (`paraphrase_generation`, `information_manipulation_*`, …). */
  method?: string;
  /** MixSet: `polish_*`, `complete`, …; `model` names the rewriting model. */
  operation?: string;
  model?: string;
  /** LLMFake: the news collection the original came from. */
  dataset?: string;
  /** SheepDog: the reframing style. */
  style?: string;
}

/**
 * LLMFake stores its originals cut at 4,000 characters (789 of 2,552 rows: 654 at exactly 4,000, 135 at 3,999 where
 * the cut left a trailing space) while the rewrite covers the whole article, so the facts and quotes of the missing
 * part would look invented. No other file reaches that length cap (MixSet ≤ 1,142; SheepDog's long ones are whole).
 */
export const LLMFAKE_CUT = 4000;

/** The rows of one llm-rewrites file, without LLMFake pairs whose source was cut: a check is not scored on a source we never saw whole. */
export function readRewrites(dataDir: string, file: string): RewritePair[] {
  const rows = readJsonl<RewritePair>(join(dataDir, 'llm-rewrites', file));
  return file.startsWith('llmfake') ? rows.filter((r) => r.source.length < LLMFAKE_CUT - 1) : rows;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) → records keyed by the header row. */
export function readCsv(path: string): Array<Record<string, string>> {
  const text = readFileSync(path, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  return body.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

export interface Word {
  start: number;
  end: number;
  /** Lower-cased surface form. */
  norm: string;
}

/** Word tokens (letters/digits, inner apostrophes and hyphens kept) with their offsets. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_PATTERN)) {
    out.push({ start: m.index, end: m.index + m[0].length, norm: normWord(m[0]) });
  }
  return out;
}

/**
 * Share of the distinct words of `part` that occur in `whole` (word 1-gram containment, Broder 1997): the kernel's
 * own measure, which the verdict table's `words` rows read, so the baseline and the table count words alike.
 */
export const containment = (part: string, whole: string): number => wordContainment(part, whole);

/** Set of word n-grams as joined strings. */
export function ngramSet(norms: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= norms.length; i++) out.add(norms.slice(i, i + n).join(' '));
  return out;
}

/** For each position of `norms`, whether it lies inside some n-gram (n ≥ `n`) that `grams` holds. */
export function insideSharedRun(norms: string[], grams: Set<string>, n = 3): boolean[] {
  const inside = norms.map(() => false);
  for (let i = 0; i + n <= norms.length; i++) {
    if (grams.has(norms.slice(i, i + n).join(' '))) for (let k = i; k < i + n; k++) inside[k] = true;
  }
  return inside;
}
