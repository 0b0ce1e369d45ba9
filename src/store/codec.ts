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

export function decodeAnalysis(bytes: Uint8Array): Analysis {
  const parsed = JSON.parse(inflateRawSync(bytes).toString('utf8')) as Analysis | Packed;
  const a = 'packed' in parsed ? unpack(parsed) : parsed;
  // Stores written before unspun.analysis/2 named the outlet `siteName`.
  const old = a as Analysis & { siteName?: string | null };
  if (old.outlet === undefined && old.siteName !== undefined) {
    old.outlet = old.siteName;
    old.schema = 'unspun.analysis/2';
    delete old.siteName;
  }
  return a;
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
