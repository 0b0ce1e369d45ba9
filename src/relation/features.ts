import type { Alignment, Analysis, Scores } from '../types.js';
import { sharedRuns } from '../align/index.js';
import { specificsShared } from './specifics.js';

/** The document-level evidence the relation model weighs; names are stable (the fitted weights refer to them). */
export const FEATURE_NAMES = ['derivedSupport', 'sourceCoverage', 'verbatimShare', 'runs3Share', 'containment', 'meanLinkScore', 'specificsShared'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type RelationFeatures = Record<FeatureName, number>;

const isContentWord = (pos: string) => pos === 'NOUN' || pos === 'PROPN' || pos === 'VERB' || pos === 'ADJ' || pos === 'NUM' || pos === 'ADV';

/** Features of a (source, derived) pair; all in [0,1]. */
export function relationFeatures(source: Analysis, derived: Analysis, alignment: Alignment, scores: Scores): RelationFeatures {
  const body = new Set(derived.sentences.filter((s) => s.kind === 'body').map((s) => s.id));
  const words = derived.tokens.filter((t) => body.has(t.sentence) && /[\p{L}\p{N}]/u.test(t.text));
  const inRun = new Uint8Array(derived.text.length + 1);
  for (const r of sharedRuns(source, derived, 3)) inRun.fill(1, r.derived.start, r.derived.end);
  const runs3 = words.length ? words.filter((t) => inRun[t.start]).length / words.length : 0;

  const sourceLemmas = new Set(source.tokens.filter((t) => isContentWord(t.pos)).map((t) => t.lemma));
  const content = [...new Set(words.filter((t) => isContentWord(t.pos)).map((t) => t.lemma))];
  const containment = content.length ? content.filter((l) => sourceLemmas.has(l)).length / content.length : 0;

  let chars = 0;
  let weighted = 0;
  for (const s of derived.sentences) {
    if (s.kind !== 'body') continue;
    const len = s.end - s.start;
    chars += len;
    weighted += len * Math.max(0, ...(alignment.byDerived[s.id] ?? []).map((l) => l.score));
  }
  return {
    derivedSupport: scores.derivedSupport,
    sourceCoverage: scores.sourceCoverage,
    verbatimShare: scores.verbatimShare,
    runs3Share: runs3,
    containment,
    meanLinkScore: chars ? weighted / chars : 0,
    specificsShared: specificsShared(source, derived),
  };
}
