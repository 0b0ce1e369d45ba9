import type { Extracted } from '../types.js';

/**
 * Invariants every Extracted must keep; empty when all hold. Tests call it on every fixture, and callers
 * that build Extracted by hand can too: spans slice back, blocks are ordered, non-empty and never overlap boilerplate.
 */
export function extractedProblems(ex: Extracted): string[] {
  const problems: string[] = [];
  const inText = (s: { start: number; end: number }) => s.start >= 0 && s.end <= ex.text.length && s.start < s.end;
  ex.blocks.forEach((b, i) => {
    if (!inText(b)) problems.push(`block ${i} [${b.start},${b.end}) is empty or outside the text`);
    else if (ex.text.slice(b.start, b.end).trim() !== ex.text.slice(b.start, b.end))
      problems.push(`block ${i} has surrounding whitespace`);
    if (i > 0 && b.start < ex.blocks[i - 1].end) problems.push(`block ${i} overlaps or precedes block ${i - 1}`);
  });
  ex.boilerplate.forEach((bp, i) => {
    if (!inText(bp)) problems.push(`boilerplate ${i} [${bp.start},${bp.end}) is empty or outside the text`);
    if (ex.text.slice(bp.start, bp.end) !== bp.text) problems.push(`boilerplate ${i} does not slice back to its text`);
    if (ex.blocks.some((b) => b.start < bp.end && bp.start < b.end)) problems.push(`boilerplate ${i} overlaps a block`);
  });
  return problems;
}
