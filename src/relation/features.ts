import type { Alignment, Analysis, Scores } from '../types.js';
import { sharedRuns } from '../align/index.js';
import { isOpenClass, isWord } from '../nlp/words.js';
import { compareSpecifics } from './specifics.js';

/** The document-level evidence the relation model weighs; names are stable (the fitted weights refer to them). */
export const FEATURE_NAMES = [
  'derivedSupport', 'sourceCoverage', 'verbatimShare', 'runs3Share', 'containment', 'meanLinkScore', 'specificsShared',
  'narrationRuns', 'strongSupport', 'lengthRatio', 'runs8Share', 'novelSpecifics', 'reusedSentences', 'newSentences',
  'sentenceOrder',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type RelationFeatures = Record<FeatureName, number>;


/** Features of a (source, derived) pair; all in [0,1]. */
export function relationFeatures(source: Analysis, derived: Analysis, alignment: Alignment, scores: Scores): RelationFeatures {
  const body = new Set(derived.sentences.filter((s) => s.kind === 'body').map((s) => s.id));
  const words = derived.tokens.filter((t) => body.has(t.sentence) && isWord(t));
  // Run length per character: 3-word runs, and how long the run holding each word is.
  const runLen = new Uint16Array(derived.text.length + 1);
  for (const r of sharedRuns(source, derived, 3)) runLen.fill(Math.min(r.words, 65535), r.derived.start, r.derived.end);
  const inQuote = new Uint8Array(derived.text.length + 1);
  for (const q of derived.quotes) inQuote.fill(1, q.start, q.end);
  const share = (pred: (t: (typeof words)[number]) => boolean) => (words.length ? words.filter(pred).length / words.length : 0);
  const runs3 = share((t) => runLen[t.start] > 0);
  // Shared quotes are common to independent reports of one hearing; shared narration is the mark of a copy.
  const narrationRuns = share((t) => runLen[t.start] > 0 && !inQuote[t.start]);
  const runs8Share = share((t) => runLen[t.start] >= 8);

  const sourceLemmas = new Set(source.tokens.filter((t) => isOpenClass(t.pos)).map((t) => t.lemma));
  const content = [...new Set(words.filter((t) => isOpenClass(t.pos)).map((t) => t.lemma))];
  const containment = content.length ? content.filter((l) => sourceLemmas.has(l)).length / content.length : 0;

  let chars = 0;
  let weighted = 0;
  let strong = 0;
  // METER's own definition counts sentences: partly derived = some sentences from the wire, some new.
  let bodySentences = 0;
  let unlinked = 0;
  const liftedSentences = new Set(words.filter((t) => runLen[t.start] >= 5 && !inQuote[t.start]).map((t) => t.sentence));
  for (const s of derived.sentences) {
    if (s.kind !== 'body') continue;
    const len = s.end - s.start;
    chars += len;
    const best = Math.max(0, ...(alignment.byDerived[s.id] ?? []).map((l) => l.score));
    weighted += len * best;
    if (best >= 0.5) strong += len;
    bodySentences++;
    if ((alignment.byDerived[s.id] ?? []).length === 0) unlinked++;
  }
  const reused = derived.sentences.filter((s) => s.kind === 'body' && liftedSentences.has(s.id)).length;
  const specifics = compareSpecifics(source, derived);
  const wordsOf = (a: Analysis) => a.tokens.filter(isWord).length;
  return {
    derivedSupport: scores.derivedSupport,
    sourceCoverage: scores.sourceCoverage,
    verbatimShare: scores.verbatimShare,
    runs3Share: runs3,
    containment,
    meanLinkScore: chars ? weighted / chars : 0,
    specificsShared: specifics.shared,
    narrationRuns,
    strongSupport: chars ? strong / chars : 0,
    lengthRatio: Math.min(1, wordsOf(derived) / Math.max(1, wordsOf(source))),
    runs8Share,
    // Capped so one name-heavy sentence cannot dominate: 2 new specifics a sentence is already plainly independent.
    novelSpecifics: Math.min(2, specifics.novelRate) / 2,
    reusedSentences: bodySentences ? reused / bodySentences : 0,
    newSentences: bodySentences ? unlinked / bodySentences : 0,
    sentenceOrder: sentenceOrder(derived, alignment),
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
