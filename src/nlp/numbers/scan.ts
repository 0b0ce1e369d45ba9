import type { Analysis, NumberMention, Token } from '../../types.js';

/** What the matchers read: the document's tokens, their lower-case forms and the window they may use. */
export interface Scan {
  doc: Analysis;
  tokens: Token[];
  lower: string[];
  /** Sentence id and its token range; `floor` rises past each mention so mentions never overlap. */
  sentence: number;
  sentenceStart: number;
  floor: number;
  end: number;
  /** Year of `doc.published`, for "next year" and "3 March"; null when unknown. */
  publishedYear: number | null;
}

/** A match: the mention (null for a number that is no quantity, e.g. "5 p.m.") and the token index after it. */
export interface Match {
  mention: NumberMention | null;
  next: number;
}

/** The mention covering tokens `[first, last]`, with text sliced from the document. */
export function spanOf(scan: Scan, first: number, last: number): { start: number; end: number; text: string } {
  const start = scan.tokens[first].start;
  const end = scan.tokens[last].end;
  return { start, end, text: scan.doc.text.slice(start, end) };
}

const UPPER = /^\p{Lu}/u;
/** True when the token starts with a capital letter. */
export function isCapitalised(t: Token): boolean {
  return UPPER.test(t.text);
}
