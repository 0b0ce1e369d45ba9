import type { WordPair } from '../../align/words/index.js';
import { isContentWord, isOpenClass } from '../../nlp/words.js';
import type { Analysis, Span, Token } from '../../types.js';
import type { CheckContext } from '../types.js';
import { derivedCounterparts, inSentences, sourceCounterparts } from './pairs.js';
import { carriesMeaning, sentenceWords } from './words.js';

/**
 * One predicate said on both sides amid paraphrase: the word a cue (a negation, a hedge) bears on, aligned to a word
 * of a linked sentence of the other text, with the clause around it carried. The item checks ask what stands before
 * the aligned word over there (a negation? a hedge?) instead of comparing the two sentences' bags of cues, which
 * breaks when a long sentence is cut, two are merged or a list is appended.
 *
 *   "The CDC is not advising people to discard bananas"  ~  "the CDC is motivating Americans to discard any bananas"
 *        cue ───┘   └── head (advising)                         there (motivating, a slot pair) ──┘
 */
export interface AlignedPredicate {
  /** The other side's sentence. */
  other: number;
  /** Token index of the head on this side and of its aligned word on the other. */
  head: number;
  there: number;
  pair: WordPair;
}

/** Content words within this many tokens of the predicate, aligned on both sides: the clause around it is carried. */
const CLAUSE_WINDOW = 6;

/**
 * The linked sentences of the other text in which the head after `cue` (first open-class word, auxiliaries and
 * adverbs skipped: "has not been deleted" → deleted, "is expected to make" → make) is aligned by identity, a WordNet
 * relation beside aligned words, a vector match in context or its slot, with a content word before the cue and one
 * after the head (when the sentence has one) aligned in the same order, or two after the head.
 */
export function alignedPredicates(
  ctx: CheckContext,
  side: 'source' | 'derived',
  cue: Span & { sentence: number },
): AlignedPredicate[] {
  const mine = side === 'source' ? ctx.source : ctx.derived;
  const head = predicateAfter(mine, cue);
  if (head < 0) return [];
  const id = cue.sentence;
  const ids = side === 'source' ? derivedCounterparts(ctx.alignment, id) : sourceCounterparts(ctx.alignment, id);
  const out: AlignedPredicate[] = [];
  for (const o of ids) {
    const pairs = side === 'source' ? sentenceWords(ctx, id, o) : sentenceWords(ctx, o, id);
    const mineOf = (p: WordPair) => (side === 'source' ? p.source : p.derived);
    const otherOf = (p: WordPair) => (side === 'source' ? p.derived : p.source);
    const pair = pairs.find((x) => mineOf(x) === head);
    if (!pair || !(carriesMeaning(pair) || pair.relation === 'slot' || (pair.relation === 'vector' && pair.score >= 1)))
      continue;
    const there = otherOf(pair);
    const near = pairs.filter(
      (x) =>
        x !== pair &&
        isContentWord(mine.tokens[mineOf(x)]) &&
        Math.abs(mineOf(x) - head) <= CLAUSE_WINDOW &&
        Math.abs(otherOf(x) - there) <= CLAUSE_WINDOW,
    );
    const before =
      near.some((x) => mine.tokens[mineOf(x)].end <= cue.start && otherOf(x) < there) || !hasContentBefore(mine, cue); // "This might seem sudden": nothing before the cue to carry
    const after = near.filter((x) => mineOf(x) > head && otherOf(x) > there).length;
    // A subject retold out of reach ("The star, whose show has no name, is expected to make fun of everything") is
    // made up for by more of what follows ("make fun of everything": two content words after the head).
    if (!(before && (after > 0 || !hasContentAfter(mine, head))) && after < 2) continue;
    out.push({ other: o, head, there, pair });
  }
  return out;
}

/** The first open-class word after a cue, skipping auxiliaries, particles and adverbs; -1 if another word comes first. */
export function predicateAfter(doc: Analysis, cue: Span & { sentence: number }): number {
  const s = doc.sentences[cue.sentence];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = doc.tokens[i];
    if (t.start < cue.end || t.pos === 'AUX' || t.pos === 'PART' || t.pos === 'ADV') continue;
    return isOpenClass(t.pos) ? i : -1;
  }
  return -1;
}

/** The cue's sentence has a content word before it. */
function hasContentBefore(doc: Analysis, cue: Span & { sentence: number }): boolean {
  const s = doc.sentences[cue.sentence];
  for (let i = s.tokenStart; i < s.tokenEnd && doc.tokens[i].end <= cue.start; i++)
    if (isContentWord(doc.tokens[i])) return true;
  return false;
}

/** The sentence has a content word after token `at` (an object or complement the predicate must carry too). */
function hasContentAfter(doc: Analysis, at: number): boolean {
  const s = doc.sentences[doc.tokens[at].sentence];
  for (let i = at + 1; i < s.tokenEnd; i++) if (isContentWord(doc.tokens[i])) return true;
  return false;
}

/** The tokens of token `at`'s sentence among the `reach` before it, in text order. */
export function tokensBefore(doc: Analysis, at: number, reach: number): Token[] {
  const s = doc.sentences[doc.tokens[at].sentence];
  return doc.tokens.slice(Math.max(s.tokenStart, at - reach), at);
}

/** The tokens of token `at`'s sentence among the `reach` after it, in text order. */
export function tokensAfter(doc: Analysis, at: number, reach: number): Token[] {
  const s = doc.sentences[doc.tokens[at].sentence];
  return doc.tokens.slice(at + 1, Math.min(s.tokenEnd, at + reach + 1));
}

/** Items of a layer (negations, hedges) that start within `reach` tokens before token `at`, in its sentence. */
export function itemsBefore<T extends Span & { sentence: number }>(
  doc: Analysis,
  items: T[],
  at: number,
  reach: number,
): T[] {
  const t = doc.tokens[at];
  const s = doc.sentences[t.sentence];
  const from = doc.tokens[Math.max(s.tokenStart, at - reach)].start;
  return inSentences(items, [t.sentence]).filter((n) => n.start >= from && n.start <= t.start);
}
