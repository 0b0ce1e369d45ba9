import { lexicon } from '../../lexicons.js';
import type { Analysis, Hedge } from '../../types.js';
import { attributionCues } from './attributions.js';
import { closeCounterparts, inSentences, lemmasOf, scopeCarried, tokensOf, within } from './pairs.js';
import type { CheckContext } from '../types.js';
import { alignedPredicates, itemsBefore } from './predicate.js';

/** Approximations ("nearly 300") belong to the number checks, which compare qualifiers. */
const NUMBER_HEDGES = new Set(['approximation']);

/** Hedges that put a claim on someone else's word ("reportedly", "is alleged to"): an attribution does the same. */
const SOURCED = new Set(['allegation', 'evidential']);

/** The words of a cue that carry nothing alone ("be … to", "be in … of"). */
const CUE_GLUE = new Set(['be', 'to', 'of', 'it', 'in', 'into', 'a', 'the', 'for', 'up', 'with', 'some']);

/**
 * Hedges of one side missing from the aligned sentences of the other. A hedge counts as kept when the other side has
 * the same cue or a hedge of the same class ("may" → "could"), or simply as many hedges ("may" → "is expected to").
 * It counts as missing only in the closest counterpart that says the same thing (closeCounterparts), and only when
 * the words it bears on are there ("may need" → "will need"). See `keptInOtherWords` for the hedges said otherwise.
 */
export function unmatchedHedges(
  ctx: CheckContext,
  from: 'source' | 'derived',
): Array<{ hedge: Hedge; otherSentence: number }> {
  const out: Array<{ hedge: Hedge; otherSentence: number }> = [];
  const [mine, other]: [Analysis, Analysis] = from === 'source' ? [ctx.source, ctx.derived] : [ctx.derived, ctx.source];
  for (const sentence of mine.sentences) {
    if (isQuestion(sentence.text)) continue; // "Could we see …?" asks, it asserts nothing to hedge
    const close = closeCounterparts(ctx, from, sentence.id);
    if (!close.length) {
      out.push(...unmatchedOverPredicates(ctx, from, sentence.id));
      continue;
    }
    const otherIds = close.slice(0, 1); // the closest: one claim said two ways
    const here = inSentences(mine.hedges, [sentence.id]).filter((h) => !NUMBER_HEDGES.has(h.kind));
    const there = inSentences(other.hedges, otherIds).filter((h) => !NUMBER_HEDGES.has(h.kind));
    if (!here.length) continue;
    if (otherIds.some((id) => isQuestion(other.sentences[id].text))) continue;
    // As many hedges over there counts as kept ("may" → "is expected to") unless the word a hedge bears on is aligned:
    // then what stands before that word decides ("might help her" → "I believed … will alleviate her" is not kept).
    const countKept = there.length >= here.length;
    const otherLemmas = lemmasOf(other, otherIds);
    for (const h of here) {
      const kept = (x: Hedge) => there.some((t) => t.cue === x.cue || t.kind === x.kind);
      if (kept(h)) continue;
      const predicate =
        h.kind === 'contested' ? undefined : alignedPredicates(ctx, from, h).find((p) => p.other === otherIds[0]);
      if (predicate ? itemsBefore(other, there, predicate.there, HEDGE_REACH).length > 0 : countKept) continue;
      // "could potentially face" for "could face", "may indicate" for "may exemplify": one hedge, said twice over.
      const keptNextTo = (o: Hedge) =>
        o !== h && adjacent(o, h) && (kept(o) || keptInOtherWords(mine, o, other, otherIds));
      if (here.some(keptNextTo)) continue;
      if (keptInOtherWords(mine, h, other, otherIds)) continue;
      // "its legality is hotly debated": what a contested cue bears on comes before it; closeness is the test.
      // The words it bears on are there, or said in other words (its predicate aligned: "connected" ~ "related").
      if (h.kind !== 'contested' && !scopeCarried(mine, h, otherLemmas) && !predicate) continue;
      out.push({ hedge: h, otherSentence: otherIds[0] });
    }
  }
  return out;
}

/** Tokens before an aligned predicate in which a hedge of its own would sit ("is widely expected to make"). */
const HEDGE_REACH = 6;

/**
 * Amid paraphrase, where no counterpart shares enough words to be "close": a hedge whose predicate is aligned to a
 * word of a linked sentence (evidence/predicate.ts) that stands there without a hedge before it, in a sentence with no
 * hedge of the same class and no other wording that keeps it (keptInOtherWords). "The show is expected to make fun
 * of everything" → "Wolf's show will make fun of everything". Debates (`contested`) are left to the close path: what
 * they bear on is not the word after the cue.
 */
function unmatchedOverPredicates(
  ctx: CheckContext,
  from: 'source' | 'derived',
  id: number,
): Array<{ hedge: Hedge; otherSentence: number }> {
  const [mine, other]: [Analysis, Analysis] = from === 'source' ? [ctx.source, ctx.derived] : [ctx.derived, ctx.source];
  const out: Array<{ hedge: Hedge; otherSentence: number }> = [];
  const here = inSentences(mine.hedges, [id]).filter(
    (h) => !NUMBER_HEDGES.has(h.kind) && h.kind !== 'contested' && !concessiveOrRelative(mine, h),
  );
  for (const h of here) {
    for (const { other: o, there } of alignedPredicates(ctx, from, h)) {
      if (isQuestion(other.sentences[o].text)) continue;
      const there_ = inSentences(other.hedges, [o]).filter((x) => !NUMBER_HEDGES.has(x.kind));
      if (itemsBefore(other, there_, there, HEDGE_REACH).length) break;
      if (there_.some((t) => t.cue === h.cue || t.kind === h.kind)) break;
      if (keptInOtherWords(mine, h, other, [o])) break;
      out.push({ hedge: h, otherSentence: o });
      break;
    }
  }
  return out;
}

const RELATIVE = new Set(['who', 'whoever', 'whatever', 'which', 'that', 'whom']);

/**
 * A modal that concedes ("Their campaign may have ended, but the cause lives on") or sits in a relative clause
 * ("whoever may have been foolish enough to represent them"): no doubt cast on the sentence's claim. Read by hand on
 * outside rewrites, where both read as hedges dropped.
 */
function concessiveOrRelative(doc: Analysis, h: Hedge): boolean {
  const tokens = tokensOf(doc, h.sentence);
  const at = tokens.findIndex((t) => t.start >= h.start);
  if (at > 0 && RELATIVE.has(tokens[at - 1].text.toLowerCase())) return true;
  if (h.kind !== 'modal') return false;
  const after = tokens.slice(at + 1, at + 10).map((t) => t.text.toLowerCase());
  const but = after.indexOf('but');
  return but > 0 && after[but - 1] === ',';
}

/**
 * The other side keeps the hedge without a cue of the lexicon (outside rewrites, read by hand, issue 9):
 * - its key word in another construction: "The hearing, expected to last …" ↔ "is expected to";
 * - "can" for a modal: "can be negative" ↔ "may indicate";
 * - for a second-hand or unproven claim, an attribution in place of the hedge: "according to the owner, he was
 *   sacked" ↔ "he was allegedly sacked"; "is accused of" ↔ "is charged with" / "the sergeant claimed". Only when
 *   the hedged side reports nothing itself: "The court heard he was allegedly paid" still differs from "The court
 *   heard he was paid".
 */
function keptInOtherWords(mine: Analysis, h: Hedge, other: Analysis, otherIds: number[]): boolean {
  const words = new Set<string>();
  for (const id of otherIds) for (const t of tokensOf(other, id)) words.add(t.lemma).add(t.text.toLowerCase());
  // "allegedly" ↔ "an alleged assault", "reportedly" ↔ "it was reported".
  const key = h.cue
    .split(' ')
    .filter((w) => !CUE_GLUE.has(w))
    .map((w) => w.replace(/edly$/, 'ed'));
  if (h.kind !== 'contested' && key.length && key.every((w) => words.has(w))) return true;
  if (keptBy(h.cue).some((w) => words.has(w))) return true;
  if (h.kind === 'modal' && words.has('can')) return true;
  if (!SOURCED.has(h.kind)) return false;
  // The other side puts the claim on someone in a way this side does not, and this side has no reporting verb of its
  // own besides the hedge (its cues aside from the hedge).
  const mineCues = attributionKeys(mine, [h.sentence], h);
  if ([...mineCues].some((k) => !k.endsWith('/word'))) return false;
  return [...attributionKeys(other, otherIds, null)].some((k) => !mineCues.has(k));
}

/**
 * The ways the sentences attribute their claim: the speech step's reporting verbs and the cue words of
 * attributionCues, a verb told apart from a noun ("charged with" attributes, "four charges" names the accusation).
 * A cue verb followed by "to" reports nothing ("were added to the snacks", "was told to leave"); cues inside the
 * hedge itself ("is said to") are the hedge.
 */
function attributionKeys(doc: Analysis, ids: number[], hedge: Hedge | null): Set<string> {
  const out = new Set<string>();
  const inHedge = (x: { start: number; end: number }) => hedge !== null && within(x, hedge);
  for (const a of inSentences(doc.attributions, ids)) if (!inHedge(a.verb)) out.add(`said:${a.verb.lemma}`);
  for (const i of attributionCues(doc, ids)) {
    const t = doc.tokens[i];
    if (inHedge(t) || doc.tokens[i + 1]?.lemma === 'to') continue;
    out.add(`${t.lemma}/${t.pos === 'VERB' ? 'verb' : 'word'}`);
  }
  return out;
}

let keptByCue: Map<string, string[]> | null = null;

/** Words that keep the cue's sense in other words (lexicons/hedges.json `keptBy`): "is accused of" ↔ "faces charges". */
function keptBy(cue: string): string[] {
  keptByCue ??= new Map(
    lexicon<{ cue: string; keptBy?: string[] }>('hedges').entries.map((e) => [e.cue, e.keptBy ?? []]),
  );
  return keptByCue.get(cue) ?? [];
}

/** Two cues with at most a space between them. */
function adjacent(a: Hedge, b: Hedge): boolean {
  const gap = a.end <= b.start ? b.start - a.end : a.start - b.end;
  return gap >= 0 && gap <= 1;
}

/** Words a direct question opens with ("Could we really see …?"). */
const ASKING =
  /^["'‘“(\s]*(could|can|will|would|shall|should|may|might|must|is|are|was|were|do|does|did|has|have|had|what|why|how|when|where|who|which)\b/i;

/** A sentence that asks rather than states: it opens like a question and ends with "?" ("Which?" the magazine does not). */
function isQuestion(text: string): boolean {
  return ASKING.test(text) && /\?["'’”)\s]*$/.test(text);
}
