import type { Sentence, Span, Token } from '../../types.js';

const FINAL_PUNCT = /^[.!?;…]+$/;
const CLOSING_MARK = /^["”»'’]+$/;
const LEADING_TRIM = /^[\s,:;—–-]+/;
const TRAILING_TRIM = /[\s,:;—–-]+$/;

/** A span of `text` with separators trimmed at both ends; null when nothing is left. */
export function trimmedSpan(text: string, start: number, end: number): Span | null {
  const slice = text.slice(start, end);
  const lead = slice.length - slice.replace(LEADING_TRIM, '').length;
  const trail = slice.length - slice.replace(TRAILING_TRIM, '').length;
  start += lead;
  end -= trail;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

/** End offset of the sentence without its final punctuation (a closing quote before the period is kept). */
export function bodyEnd(tokens: Token[], s: Sentence): number {
  let k = s.tokenEnd - 1;
  while (k > s.tokenStart && FINAL_PUNCT.test(tokens[k].text)) k--;
  // `… were unacceptable.”`: the period sits inside the quote; drop the pair.
  if (k > s.tokenStart && CLOSING_MARK.test(tokens[k].text) && FINAL_PUNCT.test(tokens[k - 1].text)) k -= 2;
  return tokens[k].end;
}

/** Index of "that" introducing the reported clause within a few words after the verb ("said on Tuesday that …"). */
export function thatAfter(tokens: Token[], from: number, to: number): number {
  for (let i = from; i < Math.min(to, from + 8); i++) {
    const t = tokens[i];
    if (t.lemma === 'that' && (t.pos === 'SCONJ' || t.pos === 'PRON' || t.pos === 'DET')) return i;
    if (t.pos === 'VERB' || t.pos === 'AUX' || FINAL_PUNCT.test(t.text) || /^["“«]$/.test(t.text)) return -1;
  }
  return -1;
}

/**
 * Start of a reported clause given without "that": "She said the delays were …" → "the delays were …".
 * Skips the addressee of tell ("told reporters") and a leading time or place ("on Tuesday", "in Berlin").
 * Returns -1 unless what follows looks like a clause: a subject word, then a verb.
 */
export function bareClauseAfter(tokens: Token[], from: number, to: number, skipObject: boolean): number {
  let i = from;
  if (skipObject && i < to && (tokens[i].pos === 'PRON' || tokens[i].pos === 'NOUN' || tokens[i].pos === 'PROPN')) i++;
  while (i < to && tokens[i].pos === 'ADV') i++;
  if (i < to && tokens[i].pos === 'ADP') {
    let k = i + 1;
    if (k < to && tokens[k].pos === 'DET') k++;
    while (k < to && (tokens[k].pos === 'PROPN' || tokens[k].pos === 'NUM')) k++;
    if (k > i + 1) i = k;
  }
  if (i < to && tokens[i].text === ',') i++;
  if (i >= to || !/^(DET|PRON|PROPN|NOUN|NUM|ADJ)$/.test(tokens[i].pos)) return -1;
  if (
    tokens[i].pos === 'PRON' &&
    !/^(he|she|it|they|we|i|you|there|this|these|those|nobody|no one|everyone)$/.test(tokens[i].lemma)
  )
    return -1;
  for (let k = i + 1; k < Math.min(to, i + 12); k++) {
    if (tokens[k].pos === 'AUX' || tokens[k].pos === 'VERB') return i;
    // "confirmed Sonit's rescue, but the paper published …": the verb belongs to the next clause.
    if (FINAL_PUNCT.test(tokens[k].text) || (tokens[k].text === ',' && tokens[k + 1]?.pos === 'CCONJ')) return -1;
  }
  return -1;
}
