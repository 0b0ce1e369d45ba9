import { lexicon } from '../../lexicons.js';
import { foldText } from '../../nlp/fold.js';
import { entityLexicons } from '../../nlp/entities/lexicons.js';
import type { Analysis, Attribution, Speaker } from '../../types.js';
import { sameEntity } from './items.js';
import { coverage, softCoverage, derivedCounterparts, lemmasIn, lemmasOf, perContext } from './pairs.js';
import type { CheckContext } from '../types.js';
import { alignedShare, CARRIES_WORD, sentenceWords } from './words.js';

/** Hedge classes that keep a claim off the narrator's voice ("reportedly", "allegedly"). */
const ATTRIBUTING_HEDGES = new Set(['allegation', 'evidential']);

/** A source sentence that attributes a claim, with the derived sentences it was carried into. */
export interface AttributedPair {
  sourceSentence: number;
  derivedSentences: number[];
  source: Attribution[];
  derived: Attribution[];
  /** The derived sentences keep the claim on someone: an attribution, a quote with a speaker, or "reportedly". */
  derivedAttributed: boolean;
}

let cues: Set<string> | null = null;

/**
 * Token indices of the reporting verbs and court formulas in the sentences ("he was told that …", "the court heard …", "faces four
 * charges"): with any of them the claim is still attributed even where the speech step found no speaker.
 */
export function attributionCues(doc: Analysis, ids: number[]): number[] {
  cues ??= new Set([
    ...lexicon<{ lemma: string }>('reporting-verbs').entries.map((e) => e.lemma),
    ...lexicon<string>('checks-attribution-cues').entries,
  ]);
  const out: number[] = [];
  for (const id of ids) {
    const s = doc.sentences[id];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (cues.has(doc.tokens[i].lemma)) out.push(i);
  }
  return out;
}

/** Share of an attributed claim's content words the derived sentences must carry for the claim to count as carried over. */
const CLAIM_CARRIED = 0.5;

/**
 * Each attributed source sentence with its counterpart's attributions (union over splits and merges).
 * Only attributions whose claim the derived sentences carry (half its content words) take part: the alignment may
 * link sentences that share a topic but not the claim, and then there is nothing to compare.
 */
export const attributedPairs = perContext((ctx: CheckContext): AttributedPair[] => {
  const out: AttributedPair[] = [];
  for (const s of ctx.source.sentences) {
    const derivedSentences = derivedCounterparts(ctx.alignment, s.id);
    if (!derivedSentences.length) continue;
    const derivedLemmas = lemmasOf(ctx.derived, derivedSentences);
    const source = ctx.source.attributions.filter(
      (a) =>
        a.sentence === s.id &&
        (softCoverage(lemmasIn(ctx.source, a.content), derivedLemmas, ctx.vectors) >= CLAIM_CARRIED ||
          alignedContentShare(ctx, a, derivedSentences) >= CLAIM_CARRIED),
    );
    if (!source.length) continue;
    const ids = new Set(derivedSentences);
    const derived = ctx.derived.attributions.filter((a) => ids.has(a.sentence));
    const derivedAttributed =
      derived.length > 0 ||
      ctx.derived.quotes.some((q) => q.speaker && q.sentences.some((i) => ids.has(i))) ||
      ctx.derived.hedges.some((h) => ids.has(h.sentence) && ATTRIBUTING_HEDGES.has(h.kind)) ||
      source.some((a) => speakerNamedIn(ctx.derived, a.speaker, ids)) ||
      attributionCues(ctx.derived, derivedSentences).length > 0;
    out.push({ sourceSentence: s.id, derivedSentences, source, derived, derivedAttributed });
  }
  return out;
});

/**
 * Share of the content words of a source attribution's claim that the word aligner pairs with words of the linked
 * derived sentences: the claim retold ("a whole generation of racist people … would never change" ~ "a group of
 * racists who will always hold onto their beliefs"), where shared lemmas and single vector neighbours fall short.
 */
export function alignedContentShare(ctx: CheckContext, a: Attribution, derivedSentences: number[]): number {
  const aligned = new Set<number>();
  for (const d of derivedSentences)
    for (const p of sentenceWords(ctx, a.sentence, d)) if (CARRIES_WORD.has(p.relation)) aligned.add(p.source);
  return alignedShare(ctx.source, a.sentence, aligned, (t) => t.start >= a.content.start && t.end <= a.content.end);
}

/**
 * The source speaker still appears in the derived sentences ("The authority claims …"): the claim is most likely
 * still theirs even when the speech step does not recognise the new reporting verb. Pronouns are not evidence.
 */
export function speakerNamedIn(doc: Analysis, speaker: Speaker | null, ids: Set<number>): boolean {
  if (!speaker || speaker.via === 'pronoun') return false;
  if (doc.entities.some((e) => ids.has(e.sentence) && sameEntity(e.key, speaker.key))) return true;
  if (orgHeadNamed(doc, speaker, ids)) return true;
  const name = foldText(speaker.mention?.text ?? speaker.name).toLowerCase();
  return doc.sentences.some((s) => ids.has(s.id) && foldText(s.text).toLowerCase().includes(name));
}

const DEFINITE = new Set(['the', 'its', 'this', 'that']);

/**
 * "The Port Authority said …" → "The authority blamed …": an organisation speaker named again by its head noun with
 * a definite article is the same speaker (the head must be an organisation head of lexicons/entity-cues.json).
 */
function orgHeadNamed(doc: Analysis, speaker: Speaker, ids: Set<number>): boolean {
  const words = speaker.key.split(' ');
  const head = words[words.length - 1];
  if (words.length < 2 || entityLexicons().headCues.get(head) !== 'org') return false;
  return doc.tokens.some(
    (t, i) => ids.has(t.sentence) && t.lemma === head && i > 0 && DEFINITE.has(doc.tokens[i - 1].text.toLowerCase()),
  );
}

/**
 * Speakers named outright, which is when a change of speaker is certain: the mention is the name itself
 * ("Maria Lenz", "Mr Dowding"), not a pronoun or a description containing a name ("a friend of Ricky's").
 */
export function isNamed(doc: Analysis, speaker: Speaker | null): speaker is Speaker {
  if (!speaker?.mention || (speaker.via !== 'name' && speaker.via !== 'according-to')) return false;
  const m = speaker.mention;
  // Up to 5 characters of title before the name ("Mrs ", "Dr "), nothing after it.
  return doc.entities.some(
    (e) =>
      (e.type === 'person' || e.type === 'org') &&
      e.start >= m.start &&
      e.start - m.start <= 5 &&
      e.end === m.end &&
      sameEntity(e.key, speaker.key),
  );
}

/** The derived attribution reports the source's claim: half the claim's content words are in its content. */
export function sameClaim(ctx: CheckContext, a: Attribution, b: Attribution): boolean {
  return coverage(lemmasIn(ctx.source, a.content), lemmasIn(ctx.derived, b.content)) >= CLAIM_CARRIED;
}

/** True when `b` is the same speaker as `a`, or the organisation `a` speaks for ("Maria Lenz, a spokeswoman for X" → "X said"). */
export function sameSpeaker(ctx: CheckContext, a: Speaker, b: Speaker): boolean {
  if (sameEntity(a.key, b.key)) return true;
  const orgOf = (doc: Analysis, key: string) =>
    doc.speakerDescriptions.find((d) => sameEntity(d.person, key))?.org ?? null;
  const aOrg = orgOf(ctx.source, a.key);
  const bOrg = orgOf(ctx.derived, b.key);
  return (aOrg !== null && sameEntity(aOrg, b.key)) || (bOrg !== null && sameEntity(bOrg, a.key));
}

/** The span naming who speaks and the cue: "Maria Lenz … said" when close together, else the cue alone. */
export function attributionCue(a: Attribution): { start: number; end: number } {
  const m = a.speaker?.mention;
  if (m && Math.abs(m.start - a.verb.start) < 80)
    return { start: Math.min(m.start, a.verb.start), end: Math.max(m.end, a.verb.end) };
  return { start: a.verb.start, end: a.verb.end };
}
