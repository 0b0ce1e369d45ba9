import type { Block, Extracted, Sentence, Token } from '../types.js';
import { lexicon } from '../lexicons.js';
import { foldText } from './fold.js';
import { its, nlp } from './wink.js';

const STOP_POS = new Set(['PUNCT', 'SYM', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'AUX', 'PRON']);
const OPENING_QUOTES = /^["“”«»'‘’`]+$/;

let abbreviations: Set<string> | null = null;
function isAbbreviation(word: string): boolean {
  abbreviations ??= new Set(lexicon<string>('abbreviations').entries);
  return abbreviations.has(word.toLowerCase().replace(/\.$/, ''));
}

export interface Tokenised {
  sentences: Sentence[];
  tokens: Token[];
  /** Set when a sentence had to be cut (see MAX_SENTENCE_TOKENS). */
  warnings: string[];
  /** Where analysis stopped when the text is longer than MAX_ANALYSED_CHARS, else null. */
  end: number | null;
}

/**
 * Longest sentence, in wink tokens; longer runs are cut into pieces of this size. News sentences rarely pass 80
 * words; a 200 KB line with no full stop used to be one sentence, and every quote, attribution and finding in it
 * repeated its text, so output grew with length × items (54 MB printed for 200 KB).
 */
export const MAX_SENTENCE_TOKENS = 160;

/**
 * Step 1: tokens, lemmas, POS and sentences for every body and heading block.
 * wink-nlp is lossless (tokens plus their preceding spaces rebuild the input), which gives exact offsets.
 * Token text is folded (fold.ts: one dash, one space, straight quotes); offsets index the original text.
 * Example: `Maj. Gen. Peter Lenz said …` stays one sentence although wink breaks after `Maj.`.
 */
export function tokenise(ex: Extracted): Tokenised {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let cut = 0;
  let budget = MAX_ANALYSED_CHARS;
  let stopped: number | null = null;
  ex.blocks.forEach((block, blockIndex) => {
    if (stopped !== null) return;
    const part = withinBudget(ex.text, block, budget);
    if (part.end < block.end) stopped = part.end;
    if (part.end <= part.start) return;
    budget -= part.end - part.start;
    cut += segmentBlock(ex.text, part, blockIndex, sentences, tokens);
  });
  const warnings = cut ? [`${cut} sentence(s) longer than ${MAX_SENTENCE_TOKENS} tokens were cut into pieces`] : [];
  if (stopped !== null)
    warnings.push(
      `text is longer than ${MAX_ANALYSED_CHARS.toLocaleString('en-US')} characters: only the first ${MAX_ANALYSED_CHARS.toLocaleString('en-US')} were analysed`,
    );
  return { sentences, tokens, warnings, end: stopped };
}

/**
 * Characters of body and heading text analysed per document (~50,000 words: ten times a long feature). Past it the
 * rest is left out with a warning, so any input under the byte cap is analysed and compared in bounded time: two
 * texts of 10 MB of short alike sentences compare in ~12 s CPU at this cap (~25 s at 500,000).
 */
export const MAX_ANALYSED_CHARS = 300_000;

/** The block, or its head up to `budget` characters cut at a space (an empty block when none fits). */
function withinBudget(text: string, block: Block, budget: number): Block {
  if (block.end - block.start <= budget) return block;
  if (budget <= 0) return { ...block, end: block.start };
  const space = text.lastIndexOf(' ', block.start + budget);
  let end = space > block.start ? space : block.start + budget;
  while (end > block.start && /\s|[\ud800-\udbff]/.test(text[end - 1])) end--; // no trailing space or half a surrogate pair
  return { ...block, end };
}

/** Appends the block's sentences and tokens; returns how many over-long sentences were cut. */
function segmentBlock(text: string, block: Block, blockIndex: number, sentences: Sentence[], tokens: Token[]): number {
  // wink reads the folded text (same length, same offsets): "12‑month" and "12-month" get one token and one lemma.
  const blockText = foldText(text.slice(block.start, block.end));
  if (!blockText.trim()) return 0;
  const doc = nlp.readDoc(blockText);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const pos = all.out(its.pos) as string[];
  const stops = all.out(its.stopWordFlag) as unknown as boolean[];
  const lemmas = lemmasOf(all, values, pos);
  const starts = tokenStarts(blockText, values);

  // Sentence spans as token ranges, with breaks after abbreviations undone.
  const ranges: Array<[number, number]> = [];
  for (const [first, last] of doc.sentences().out(its.span) as unknown as Array<[number, number]>) {
    const prev = ranges[ranges.length - 1];
    if (prev && shouldMerge(values, prev[1], first)) prev[1] = last;
    else ranges.push([first, last]);
  }
  let cut = 0;
  for (let r = 0; r < ranges.length; r++) {
    const [first, last] = ranges[r];
    if (last - first + 1 <= MAX_SENTENCE_TOKENS) continue;
    cut++;
    const pieces: Array<[number, number]> = [];
    for (let a = first; a <= last; a += MAX_SENTENCE_TOKENS)
      pieces.push([a, Math.min(last, a + MAX_SENTENCE_TOKENS - 1)]);
    ranges.splice(r, 1, ...pieces);
    r += pieces.length - 1;
  }

  for (const [first, last] of ranges) {
    // Trim leading/trailing whitespace-only tokens (wink keeps line breaks as tokens in some inputs).
    let a = first;
    let b = last;
    while (a <= b && isBlank(values[a])) a++;
    while (b >= a && isBlank(values[b])) b--;
    if (a > b) continue;
    const id = sentences.length;
    const tokenStart = tokens.length;
    for (let i = a; i <= b; i++) {
      const value = values[i];
      if (isBlank(value)) continue;
      const start = block.start + starts[i];
      const tag = pos[i];
      tokens.push({
        start,
        end: start + value.length,
        text: value,
        lemma: lemmas[i],
        pos: tag,
        sentence: id,
        stop: stops[i] || STOP_POS.has(tag),
      });
    }
    const start = block.start + starts[a];
    const end = block.start + starts[b] + values[b].length;
    sentences.push({
      id,
      kind: block.kind === 'heading' ? 'heading' : 'body',
      start,
      end,
      text: text.slice(start, end),
      tokenStart,
      tokenEnd: tokens.length,
      block: blockIndex,
    });
  }
  return cut;
}

/** True for a whitespace-only token; most tokens start with a visible character, so test that first. */
function isBlank(value: string): boolean {
  const c = value.charCodeAt(0);
  return value.length === 0 ||
    c <= 32 ||
    c === 0xa0 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
    ? !value.trim()
    : false;
}

/**
 * Start of each token in the block. wink only drops whitespace between tokens, so skip whitespace until the token
 * matches (cheaper than asking wink for its preceding spaces); fall back to indexOf if they ever disagree.
 * Whitespace-only tokens are never emitted, so their start does not matter.
 */
function tokenStarts(blockText: string, values: string[]): number[] {
  const starts = new Array<number>(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isBlank(value)) {
      starts[i] = at;
      continue;
    }
    while (at < blockText.length && !blockText.startsWith(value, at) && isBlank(blockText[at])) at++;
    if (!blockText.startsWith(value, at)) {
      const found = blockText.indexOf(value, at);
      at = found < 0 ? at : found;
    }
    starts[i] = at;
    at += value.length;
  }
  return starts;
}

/**
 * Lower-cased lemmas. wink lemmatises on every call; outside contractions ("ca|n't") the lemma depends only on the
 * token's value and POS, so remember it per (POS, value). Bounded: cleared when it grows past LEMMA_CACHE_MAX.
 */
const LEMMA_CACHE_MAX = 200_000;
const lemmaCache = new Map<string, Map<string, string>>();
let lemmaCacheSize = 0;
type WinkTokens = ReturnType<ReturnType<typeof nlp.readDoc>['tokens']>;
function lemmasOf(all: WinkTokens, values: string[], pos: string[]): string[] {
  const contractions = all.out(its.contractionFlag as never) as unknown as boolean[];
  const lemmas = new Array<string>(values.length);
  if (lemmaCacheSize > LEMMA_CACHE_MAX) {
    lemmaCache.clear();
    lemmaCacheSize = 0;
  }
  for (let i = 0; i < values.length; i++) {
    if (contractions[i]) {
      lemmas[i] = winkLemma(all, i, values[i]);
      continue;
    }
    let byValue = lemmaCache.get(pos[i]);
    if (!byValue) lemmaCache.set(pos[i], (byValue = new Map()));
    let lemma = byValue.get(values[i]);
    if (lemma === undefined) {
      lemma = winkLemma(all, i, values[i]);
      byValue.set(values[i], lemma);
      lemmaCacheSize++;
    }
    lemmas[i] = lemma;
  }
  return lemmas;
}

function winkLemma(all: WinkTokens, i: number, value: string): string {
  const lemma = all.itemAt(i).out(its.lemma as never) as unknown as string | undefined;
  return (lemma ?? value).toLowerCase();
}

/** Undo a break when the previous sentence ends in a title abbreviation ("Maj.", "Dr") followed by a capital or digit. */
function shouldMerge(values: string[], prevLast: number, first: number): boolean {
  let k = prevLast;
  if (values[k] === '.' && k > 0) k--; // wink splits "Maj" "." sometimes
  const word = values[k];
  const next = values[first] ?? '';
  if (!isAbbreviation(word)) return false;
  if (OPENING_QUOTES.test(next)) return false;
  return /^[A-Z0-9]/.test(next);
}
