import type { Alignment, Analysis, Scores, Sentence } from '../types.js';
import { sharedRuns } from '../align/index.js';

/** Shortest shared word run that counts as verbatim reuse (METER's annotators used similar spans). */
export const VERBATIM_MIN_WORDS = 5;

/** Link weight by kind: a partial link carries only part of a sentence over. */
export const KIND_WEIGHT = { verbatim: 1, paraphrase: 1, partial: 0.5 } as const;

/**
 * Document-level scores in [0,1], weighted by characters so one long sentence counts more than a short one.
 * Only body sentences count: headings are context, boilerplate is never a sentence.
 */
export function computeScores(source: Analysis, derived: Analysis, alignment: Alignment): Scores {
  const sourceCoverage = linkedShare(source.sentences, alignment.bySource);
  const derivedSupport = linkedShare(derived.sentences, alignment.byDerived);
  const body = derived.sentences.filter((s) => s.kind === 'body');
  const bodyChars = body.reduce((n, s) => n + (s.end - s.start), 0);
  let verbatimChars = 0;
  if (bodyChars > 0) {
    const runs = sharedRuns(source, derived, VERBATIM_MIN_WORDS).map((r) => r.derived);
    verbatimChars = coveredChars(runs, body);
  }
  return {
    sourceCoverage: round(sourceCoverage),
    derivedSupport: round(derivedSupport),
    verbatimShare: round(bodyChars ? Math.min(1, verbatimChars / bodyChars) : 0),
  };
}

function linkedShare(sentences: Sentence[], by: Alignment['bySource']): number {
  let total = 0;
  let linked = 0;
  for (const s of sentences) {
    if (s.kind !== 'body') continue;
    const len = s.end - s.start;
    total += len;
    const best = Math.max(0, ...(by[s.id] ?? []).map((l) => KIND_WEIGHT[l.kind]));
    linked += len * best;
  }
  return total ? linked / total : 0;
}

/** Characters of body sentences covered by the (possibly overlapping) runs. */
function coveredChars(runs: Array<{ start: number; end: number }>, body: Sentence[]): number {
  const sorted = [...runs].sort((a, b) => a.start - b.start);
  let covered = 0;
  let reach = -1;
  for (const r of sorted) {
    const start = Math.max(r.start, reach);
    if (r.end > start) {
      covered += overlapWithBody(start, r.end, body);
      reach = r.end;
    }
  }
  return covered;
}

function overlapWithBody(start: number, end: number, body: Sentence[]): number {
  let n = 0;
  for (const s of body) n += Math.max(0, Math.min(end, s.end) - Math.max(start, s.start));
  return n;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
