/** Small readers and lexical features shared by the eval tasks (no NLP: baselines must stay independent of Unspun). */
import { readFileSync } from 'node:fs';
import { wordContainment } from '../src/relation/features.js';

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
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu)) {
    out.push({ start: m.index, end: m.index + m[0].length, norm: m[0].toLowerCase().replace(/’/g, "'") });
  }
  return out;
}

/** Share of the distinct words of `part` that occur in `whole` (word 1-gram containment, Broder 1997; one home: the kernel's). */
export function containment(part: string, whole: string): number {
  return wordContainment(part, whole);
}

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
