import type { Alignment, Analysis, Finding } from '../types.js';
import { KIND_WEIGHT } from './scores.js';

/**
 * Weights of the two parts of fidelity: sentence support (with altered sentences counted as unsupported) and
 * word support. Fitted on ONE set only, MixSet Llama-2 (polish_* vs complete, n=160), grid 0.3…0.7 by ROC-AUC;
 * reported on LLMFake and MixSet GPT-4 in eval/results.md (findings → fidelity). See docs/fidelity.md.
 * `altered`: how much of its support a sentence with a HIGH finding loses. 1 (the design's first guess) gave AUC
 * 0.823 on the fit set against 0.851 with 0, so today the HIGH findings do not enter the score (eval/NOTES.md).
 */
export const FIDELITY_WEIGHTS = { sentences: 0.7, words: 0.3, altered: 0 } as const;

/**
 * scores.fidelity in [0,1]: 1 = every sentence of the rewrite is carried over from the source, none of them
 * altered (no HIGH finding points into it), and every content word of it occurs in the source.
 * - sentence part: body characters of derived sentences linked to the source (partial links count half), minus
 *   a share `altered` of the sentences a HIGH finding points at (a changed figure, a flipped negation …);
 * - word part: share of the rewrite's content lemmas (no stop words, no punctuation) that the source has.
 * MEDIUM and LOW findings are left out on purpose: faithful summaries drop figures and soften verbs, and counting
 * them made the score worse than chance at telling faithful from fact-altering rewrites.
 */
export function computeFidelity(
  source: Analysis,
  derived: Analysis,
  alignment: Alignment,
  findings: Finding[],
): number {
  const altered = new Set(findings.filter((f) => f.severity === 'high' && f.derived).map((f) => f.derived!.sentence));
  let total = 0;
  let supported = 0;
  for (const s of derived.sentences) {
    if (s.kind !== 'body') continue;
    const len = s.end - s.start;
    total += len;
    const keep = altered.has(s.id) ? 1 - FIDELITY_WEIGHTS.altered : 1;
    supported += keep * len * Math.max(0, ...(alignment.byDerived[s.id] ?? []).map((l) => KIND_WEIGHT[l.kind]));
  }
  const sentences = total ? supported / total : 0;
  const lemmas = new Set(source.tokens.filter(content).map((t) => t.lemma));
  const body = new Set(derived.sentences.filter((s) => s.kind === 'body').map((s) => s.id));
  const words = derived.tokens.filter((t) => content(t) && body.has(t.sentence));
  const wordShare = words.length ? words.filter((t) => lemmas.has(t.lemma)).length / words.length : 0;
  const f = FIDELITY_WEIGHTS.sentences * sentences + FIDELITY_WEIGHTS.words * wordShare;
  return Math.round(f * 1000) / 1000;
}

const content = (t: { stop: boolean; pos: string }): boolean => !t.stop && t.pos !== 'PUNCT';
