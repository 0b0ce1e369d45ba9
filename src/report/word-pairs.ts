import type { CompareResult } from '../types.js';

/** One aligned word on one side, as the HTML report marks it: its `[start,end)` and the pair ids it belongs to. */
export interface MarkedWord {
  start: number;
  end: number;
  /** `link.pair` ids ("3.2": pair 2 of alignment link 3); a word in two links has two. */
  ids: string[];
}

/**
 * The aligned words of one side in text order, for the report to wrap each in `<span class="w" data-w="…">`. The
 * report's script pairs them on hover or focus of a sentence by their shared id, and reads each pair's relation
 * from the link list (`wordRelations`).
 * Example: link 0 pairs "delays" (source 40–46) with "hold-ups" → source side `{ start: 40, end: 46, ids: ['0.0'] }`.
 */
export function markedWords(r: CompareResult, side: 'source' | 'derived'): MarkedWord[] {
  const byStart = new Map<number, MarkedWord>();
  r.alignment.forEach((link, l) => {
    link.words.forEach((w, k) => {
      const [start, end] = w[side];
      const m = byStart.get(start) ?? { start, end, ids: [] };
      m.ids.push(`${l}.${k}`);
      byStart.set(start, m);
    });
  });
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/** The relation of each pair of each link, in the order of `alignment[l].words` (what the tooltip names). */
export function wordRelations(r: CompareResult): string[][] {
  return r.alignment.map((l) => l.words.map((w) => w.relation));
}
