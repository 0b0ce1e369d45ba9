import type { Analysis, Quote, Sentence, Span } from '../types.js';
import { closes, looksPossessive, scanMarks, type Mark } from './speech/quote-marks.js';

interface BlockRange {
  start: number;
  end: number;
}

/**
 * Step 02: direct quotations ("…", “…”, «…», ``…'', and ‘…’ / '…' as British papers and headlines use them).
 * A quote may span sentences but not blocks, except by the wire convention where a paragraph opens a quote
 * without closing it and the next paragraph re-opens it: each paragraph's part becomes its own Quote.
 * Example: `“We will not cut the budget,” he said.` → inner `We will not cut the budget,`; speaker comes in step 06.
 */
export function findQuotes(doc: Analysis): Quote[] {
  const blocks = blockRanges(doc.sentences);
  const quotes: Quote[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const next = blocks[b + 1];
    quotesInBlock(doc.text, blocks[b], next ? firstMark(doc.text, next) : null, quotes);
  }
  for (const q of quotes) q.sentences = sentencesTouched(doc.sentences, q);
  return quotes;
}

function blockRanges(sentences: Sentence[]): BlockRange[] {
  const ranges: BlockRange[] = [];
  let current = -1;
  for (const s of sentences) {
    if (s.block !== current) {
      ranges.push({ start: s.start, end: s.end });
      current = s.block;
    } else ranges[ranges.length - 1].end = s.end;
  }
  return ranges;
}

function firstMark(text: string, block: BlockRange): Mark | null {
  const marks = scanMarks(text, block.start, Math.min(block.end, block.start + 2));
  return marks[0]?.at === block.start && marks[0].role !== 'close' ? marks[0] : null;
}

function quotesInBlock(text: string, block: BlockRange, nextOpener: Mark | null, out: Quote[]): void {
  const marks = scanMarks(text, block.start, block.end);
  let open: Mark | null = null;
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i];
    if (!open) {
      if (mark.role !== 'close') open = mark;
      continue;
    }
    if (closes(mark, open.family)) {
      // `‘the farmers’ union is angry,’ he said`: skip the possessive when a later closer exists.
      if (looksPossessive(text, mark) && marks.slice(i + 1).some((m) => closes(m, 'single'))) continue;
      pushQuote(text, open, mark.at, mark.at + mark.length, out);
      open = null;
    } else if (mark.family === open.family && mark.role === 'open') {
      open = mark; // the earlier opener was never closed: a stray mark
    }
  }
  // Paragraph-continuation convention: the quote runs on into the next paragraph, which re-opens it.
  if (open && nextOpener && nextOpener.family === open.family) pushQuote(text, open, block.end, block.end, out);
}

function pushQuote(text: string, open: Mark, innerEnd: number, end: number, out: Quote[]): void {
  const inner = trimmed(text, open.at + open.length, innerEnd);
  if (!inner || !/[\p{L}\p{N}]/u.test(inner.text)) return;
  out.push({ start: open.at, end, text: text.slice(open.at, end), inner, sentences: [], speaker: null });
}

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

function sentencesTouched(sentences: Sentence[], q: Span): number[] {
  // Binary search for the first sentence ending after the quote starts.
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= q.start) lo = mid + 1;
    else hi = mid;
  }
  const ids: number[] = [];
  for (let i = lo; i < sentences.length && sentences[i].start < q.end; i++) ids.push(sentences[i].id);
  return ids;
}
