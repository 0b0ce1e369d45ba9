import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Analysis, Sentence, Token } from '../types.js';

/**
 * Analyses are stored deflated so trace need not re-analyse. Tokens are most of an analysis and repeat the text,
 * so they go in columns (offsets, lemma only when it differs from the lower-cased word, POS numbers) and sentence
 * texts are sliced back from the text: about 3× less to stringify and deflate, and faster to decode.
 * Analyses stored as plain JSON (the first format) still decode.
 */
interface Packed {
  packed: 2;
  analysis: Omit<Analysis, 'tokens' | 'sentences'> & {
    tokens: null;
    sentences: Array<Omit<Sentence, 'text'> & { text: null }>;
  };
  /** Gap from the previous token's end (or 0) to each start, and each token's length. */
  gap: number[];
  length: number[];
  /** 0: the lemma is the lower-cased token text. */
  lemma: Array<string | 0>;
  pos: number[];
  posNames: string[];
  stop: number[];
}

export function encodeAnalysis(a: Analysis): Uint8Array {
  return deflateRawSync(Buffer.from(JSON.stringify(pack(a) ?? a)), { level: 3 });
}

/** The default for a library call's `onWarning`: Node's own warning channel (stderr unless the host listens). */
export const warn = (message: string): void => process.emitWarning(`unspun: ${message}`);

/**
 * Only the text of a stored analysis, unchecked: index backfills need nothing else, and a row too old or damaged
 * for decodeAnalysis must still be searchable rather than stop a migration.
 */
export function analysisText(bytes: Uint8Array): string {
  const parsed = JSON.parse(inflateRawSync(bytes).toString('utf8')) as {
    text?: unknown;
    analysis?: { text?: unknown };
  };
  const text = 'packed' in parsed ? parsed.analysis?.text : parsed.text;
  return typeof text === 'string' ? text : '';
}

/** A stored or imported analysis that is not one Unspun could have written: the row is skipped, never trusted. */
export class DamagedAnalysisError extends Error {
  constructor(reason: string) {
    super(`damaged analysis: ${reason}`);
    this.name = 'DamagedAnalysisError';
  }
}

/**
 * Decodes a stored analysis and checks its shape (analysisProblem): a row written by an older import of a
 * crafted `analysis` must fail here, as one row, not inside a check halfway through a corpus-wide command.
 */
export function decodeAnalysis(bytes: Uint8Array): Analysis {
  let a: Analysis;
  try {
    const parsed = JSON.parse(inflateRawSync(bytes).toString('utf8')) as Analysis | Packed;
    a = parsed && typeof parsed === 'object' && 'packed' in parsed ? unpack(parsed) : parsed;
  } catch (e) {
    throw new DamagedAnalysisError((e as Error).message);
  }
  const problem = analysisProblem(a);
  if (problem) throw new DamagedAnalysisError(problem);
  // Stores written before unspun.analysis/2 named the outlet `siteName`.
  const old = a as Analysis & { siteName?: string | null };
  if (old.outlet === undefined && old.siteName !== undefined) {
    old.outlet = old.siteName;
    old.schema = 'unspun.analysis/2';
    delete old.siteName;
  }
  return a;
}

const LISTS = [
  'warnings',
  'sentences',
  'boilerplate',
  'tokens',
  'entities',
  'numbers',
  'quotes',
  'attributions',
  'speakerDescriptions',
  'hedges',
  'negations',
] as const;

/**
 * Why `a` is not an analysis the kernel can read, or null. Checks what every step relies on: each list is a list,
 * every span (any object with `start`/`end`) lies inside the text and slices back to its `text` (tokens are
 * folded, so only their bounds), and sentence and token indices point at existing sentences and tokens.
 */
export function analysisProblem(a: unknown): string | null {
  if (!a || typeof a !== 'object') return 'not an object';
  const x = a as Record<string, unknown>;
  if (typeof x.text !== 'string') return '"text" is not a string';
  for (const k of ['title', 'byline', 'outlet', 'published', 'url', 'language'])
    if (x[k] !== null && x[k] !== undefined && typeof x[k] !== 'string') return `"${k}" is not a string`;
  for (const k of LISTS) if (!Array.isArray(x[k])) return `"${k}" is not a list`;
  const text = x.text;
  const an = a as Analysis;
  const nSentences = an.sentences.length;
  const nTokens = an.tokens.length;
  const sentenceId = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < nSentences;
  let bad: string | null = null;
  const walk = (v: unknown, path: string, folded: boolean, depth: number): void => {
    if (bad || v === null || typeof v !== 'object') return;
    if (depth > 8) {
      bad = `${path} is nested too deeply`;
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && !bad; i++) walk(v[i], `${path}[${i}]`, folded, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if ('start' in o || 'end' in o) {
      const { start, end } = o;
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0)
        return void (bad = `${path} has no integer [start,end)`);
      if ((end as number) < (start as number) || (end as number) > text.length)
        return void (bad = `${path} [${start},${end}) lies outside the text`);
      if (typeof o.text !== 'string') return void (bad = `${path} has no text`);
      if (!folded && text.slice(start as number, end as number) !== o.text)
        return void (bad = `${path} does not slice back out of the text`);
    }
    for (const [k, child] of Object.entries(o))
      if (typeof child === 'object') walk(child, `${path}.${k}`, false, depth + 1);
  };
  for (const k of LISTS) if (k !== 'warnings') walk(x[k], k, k === 'tokens', 0);
  if (bad) return bad;
  for (const [i, s] of an.sentences.entries())
    if (s.id !== i || !(s.tokenStart >= 0 && s.tokenStart <= s.tokenEnd && s.tokenEnd <= nTokens))
      return `sentences[${i}] has a wrong id or token range`;
  for (const [i, t] of an.tokens.entries()) if (!sentenceId(t.sentence)) return `tokens[${i}] names no sentence`;
  for (const [i, q] of an.quotes.entries())
    if (!Array.isArray(q.sentences) || !q.sentences.every(sentenceId)) return `quotes[${i}] names no sentence`;
  for (const [i, at] of an.attributions.entries())
    if (!sentenceId(at.sentence)) return `attributions[${i}] names no sentence`;
  return null;
}

/** Columns for the tokens, or null when a token or sentence does not match the text (kept as plain JSON then). */
function pack(a: Analysis): Packed | null {
  const { text, tokens } = a;
  const n = tokens.length;
  const gap = new Array<number>(n);
  const length = new Array<number>(n);
  const lemma = new Array<string | 0>(n);
  const pos = new Array<number>(n);
  const stop = new Array<number>(n);
  const posIds = new Map<string, number>();
  const sentenceOf = new Int32Array(n).fill(-1);
  let covered = 0;
  for (const s of a.sentences) {
    // unpack walks sentences in token order: they must not overlap or go back.
    if (text.slice(s.start, s.end) !== s.text || s.tokenStart < covered) return null;
    covered = Math.max(covered, s.tokenEnd);
    for (let i = s.tokenStart; i < s.tokenEnd && i < n; i++) sentenceOf[i] = s.id;
  }
  let prevEnd = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.sentence !== sentenceOf[i] || t.end < t.start || text.slice(t.start, t.end) !== t.text) return null;
    gap[i] = t.start - prevEnd;
    length[i] = t.end - t.start;
    prevEnd = t.end;
    lemma[i] = t.lemma === t.text.toLowerCase() ? 0 : t.lemma;
    let p = posIds.get(t.pos);
    if (p === undefined) posIds.set(t.pos, (p = posIds.size));
    pos[i] = p;
    stop[i] = t.stop ? 1 : 0;
  }
  const sentences = a.sentences.map((s) => ({ ...s, text: null }));
  return {
    packed: 2,
    analysis: { ...a, tokens: null, sentences },
    gap,
    length,
    lemma,
    pos,
    posNames: [...posIds.keys()],
    stop,
  };
}

function unpack(p: Packed): Analysis {
  const a = p.analysis as unknown as Analysis;
  const { text } = a;
  for (const s of a.sentences) s.text = text.slice(s.start, s.end);
  const tokens: Token[] = new Array(p.gap.length);
  let prevEnd = 0;
  let sentence = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (sentence < a.sentences.length - 1 && i >= a.sentences[sentence].tokenEnd) sentence++;
    const start = prevEnd + p.gap[i];
    const end = start + p.length[i];
    const word = text.slice(start, end);
    const lemma = p.lemma[i];
    tokens[i] = {
      start,
      end,
      text: word,
      lemma: lemma === 0 ? word.toLowerCase() : lemma,
      pos: p.posNames[p.pos[i]],
      sentence: a.sentences[sentence].id,
      stop: p.stop[i] === 1,
    };
    prevEnd = end;
  }
  a.tokens = tokens;
  return a;
}
