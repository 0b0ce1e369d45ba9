import type { Alignment, Analysis, Scores } from '../types.js';
import { sharedRuns } from '../align/index.js';
import { isWord } from '../nlp/words.js';
import { compareSpecifics } from './specifics.js';
import { wordContainment } from './word-containment.js';

/** The document-level evidence the decision table and direction read (docs/verdicts.md); names are stable. */
export const FEATURE_NAMES = [
  'derivedSupport',
  'sourceCoverage',
  'verbatimShare',
  'meanLinkScore',
  'specificsShared',
  'narrationRuns',
  'novelSpecifics',
  'sentenceOrder',
  'wordContainment',
  'specifics',
  'sentences',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type RelationFeatures = Record<FeatureName, number>;

/** Features of a (source, derived) pair; all in [0,1] but `specifics` and `sentences`, counts in the derived text. */
export function relationFeatures(
  source: Analysis,
  derived: Analysis,
  alignment: Alignment,
  scores: Scores,
): RelationFeatures {
  const body = new Set(derived.sentences.filter((s) => s.kind === 'body').map((s) => s.id));
  const words = derived.tokens.filter((t) => body.has(t.sentence) && isWord(t));
  const inRun = new Uint8Array(derived.text.length + 1);
  for (const r of sharedRuns(source, derived, 3)) inRun.fill(1, r.derived.start, r.derived.end);
  const inQuote = new Uint8Array(derived.text.length + 1);
  for (const q of derived.quotes) inQuote.fill(1, q.start, q.end);
  // Shared quotes are common to independent reports of one hearing; shared narration is the mark of a copy.
  const narration = words.filter((t) => inRun[t.start] && !inQuote[t.start]).length;

  let chars = 0;
  let weighted = 0;
  let sentences = 0;
  for (const s of derived.sentences) {
    if (s.kind !== 'body') continue;
    const len = s.end - s.start;
    chars += len;
    weighted += len * Math.max(0, ...(alignment.byDerived[s.id] ?? []).map((l) => l.score));
    sentences++;
  }
  const specifics = compareSpecifics(source, derived);
  return {
    derivedSupport: scores.derivedSupport,
    sourceCoverage: scores.sourceCoverage,
    verbatimShare: scores.verbatimShare,
    meanLinkScore: chars ? weighted / chars : 0,
    specificsShared: specifics.shared,
    narrationRuns: words.length ? narration / words.length : 0,
    // Capped so one name-heavy sentence cannot dominate: 2 new specifics a sentence is already plainly independent.
    novelSpecifics: Math.min(2, specifics.novelRate) / 2,
    sentenceOrder: sentenceOrder(derived, alignment),
    wordContainment: wordContainment(derived.text, source.text),
    specifics: specifics.count,
    sentences,
  };
}

/**
 * Share of consecutive linked derived sentences whose source counterparts come in the same order: a copy keeps
 * the wire's order (cutting from the bottom), an independent report of one hearing tells it in its own order.
 * ½ (no evidence) when fewer than two sentences are linked.
 */
export function sentenceOrder(derived: Analysis, alignment: Alignment): number {
  const at: number[] = [];
  for (const s of derived.sentences) {
    if (s.kind !== 'body') continue;
    const links = alignment.byDerived[s.id] ?? [];
    if (!links.length) continue;
    const best = links.reduce((a, b) => (b.score > a.score ? b : a));
    at.push(Math.min(...best.source));
  }
  if (at.length < 2) return 0.5;
  let kept = 0;
  for (let i = 1; i < at.length; i++) if (at[i] >= at[i - 1]) kept++;
  return kept / (at.length - 1);
}
