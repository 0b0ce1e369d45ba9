import type { Block, Extracted, Sentence, Token } from '../types.js';
import { lexicon } from '../lexicons.js';
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
}

/**
 * Step 1: tokens, lemmas, POS and sentences for every body and heading block.
 * wink-nlp is lossless (tokens plus their preceding spaces rebuild the input), which gives exact offsets.
 * Example: `Maj. Gen. Peter Lenz said …` stays one sentence although wink breaks after `Maj.`.
 */
export function tokenise(ex: Extracted): Tokenised {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  ex.blocks.forEach((block, blockIndex) => segmentBlock(ex.text, block, blockIndex, sentences, tokens));
  return { sentences, tokens };
}

function segmentBlock(text: string, block: Block, blockIndex: number, sentences: Sentence[], tokens: Token[]): void {
  const blockText = text.slice(block.start, block.end);
  if (!blockText.trim()) return;
  const doc = nlp.readDoc(blockText);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as never) as unknown as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];

  // Offsets: walk the block, skipping the preceding spaces wink recorded; fall back to indexOf if they disagree.
  const starts: number[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    if (blockText.startsWith(values[i], at)) starts.push(at);
    else {
      const found = blockText.indexOf(values[i], at);
      at = found < 0 ? at : found;
      starts.push(at);
    }
    at += values[i].length;
  }

  // Sentence spans as token ranges, with breaks after abbreviations undone.
  const ranges: Array<[number, number]> = [];
  for (const [first, last] of doc.sentences().out(its.span) as unknown as Array<[number, number]>) {
    const prev = ranges[ranges.length - 1];
    if (prev && shouldMerge(values, prev[1], first)) prev[1] = last;
    else ranges.push([first, last]);
  }

  for (const [first, last] of ranges) {
    // Trim leading/trailing whitespace-only tokens (wink keeps line breaks as tokens in some inputs).
    let a = first;
    let b = last;
    while (a <= b && !values[a].trim()) a++;
    while (b >= a && !values[b].trim()) b--;
    if (a > b) continue;
    const id = sentences.length;
    const tokenStart = tokens.length;
    for (let i = a; i <= b; i++) {
      if (!values[i].trim()) continue;
      const start = block.start + starts[i];
      tokens.push({
        start,
        end: start + values[i].length,
        text: values[i],
        lemma: (lemmas[i] ?? values[i]).toLowerCase(),
        pos: pos[i],
        sentence: id,
        stop: Boolean(stops[i]) || STOP_POS.has(pos[i]),
      });
    }
    const start = block.start + starts[a];
    const end = block.start + starts[b] + values[b].length;
    sentences.push({ id, kind: block.kind === 'heading' ? 'heading' : 'body', start, end, text: text.slice(start, end), tokenStart, tokenEnd: tokens.length, block: blockIndex });
  }
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
