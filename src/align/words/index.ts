import type { Analysis } from '../../types.js';
import type { Vectors } from '../vectors.js';
import {
  type WordRelation,
  type WordSide,
  identity,
  lexical,
  sameClass,
  vectorSimilarity,
  wordSide,
} from './evidence.js';
import { emptyLexicon, type Lexicon } from './wordnet.js';

export type { WordRelation } from './evidence.js';
export { emptyLexicon, loadLexicon, readLexicon, type Lexicon, type LexicalRelation } from './wordnet.js';

/**
 * Word alignment inside one linked sentence group, after Sultan, Bethard & Sumner (2014), "Back to Basics for
 * Monolingual Alignment": evidence in a fixed order, each step one-to-one and greedy, with the already aligned
 * neighbours deciding between candidates ("the" is aligned only beside an aligned word; of two "said", the one
 * whose neighbours match).
 *
 *   1. identity   same word, figure, entity or lemma        "12,000" ~ "12000", "Lenz" ~ "Lenz", "delays" ~ "delay"
 *   2. lexical    WordNet synonym, antonym, derivation,      "rejected" ~ "accepted" (antonym), "hold-ups" ~ "delays"
 *                 hypernym; else GloVe similarity           (synonym), "troops" ~ "soldiers" (vector)
 *   3. stop words the same function word beside an aligned pair   "the" in "the ministry" ~ "the ministry"
 *   4. slot       the one unaligned content word of a class     "the CDC is advising people to discard" ~ "the CDC
 *                 between the same two aligned words            is motivating Americans to discard": advising~motivating
 *
 * Stop words are aligned once after identity too, so they count as context for the lexical step ("in the blast" ~
 * "in the explosion": the hypernym needs an aligned neighbour).
 */

/** One aligned token pair: indices into each analysis' `tokens`, the evidence that justified it and its score. */
export interface WordPair {
  source: number;
  derived: number;
  relation: WordRelation;
  score: number;
}

/** The models word alignment reads (both passed in by the caller: the kernel loads nothing). */
export interface WordModels {
  vectors: Vectors;
  lexicon?: Lexicon;
}

/** Where each relation starts before context is added (lexical relations rank above a vector match). */
const BASE: Record<WordRelation, number> = {
  exact: 1,
  number: 1,
  entity: 0.95,
  lemma: 0.95,
  synonym: 0.9,
  antonym: 0.85,
  derivation: 0.8,
  hypernym: 0.7,
  vector: 0,
  slot: 0,
};

/**
 * Cut-offs of the lexical step, hand-set on the spin fixtures and checked on ETPC (eval `word-alignment`):
 * a GloVe match alone needs a rescaled cosine of 0.45 (cosine ~0.67: "troops"/"soldiers", not "troops"/"police");
 * with an aligned neighbour 0.25 is enough; a hypernym ("official" above "minister") needs an aligned neighbour too.
 */
export const WORD_THRESHOLDS = { vectorAlone: 0.45, vectorInContext: 0.25, hypernymContext: 0.5 } as const;

/** Words either side that count as context. */
const WINDOW = 3;

/**
 * Aligns the words of source sentences `sourceIds` with derived sentences `derivedIds` (one alignment link).
 * Example: "The ministry rejected the report." ~ "The ministry accepted the findings." → the~the, ministry~ministry
 * (exact), rejected~accepted (antonym), report~findings (vector, beside aligned words), the~the.
 */
export function alignWords(
  source: Analysis,
  derived: Analysis,
  sourceIds: number[],
  derivedIds: number[],
  models: WordModels,
): WordPair[] {
  const a = wordSide(source, sourceIds, models.vectors);
  const b = wordSide(derived, derivedIds, models.vectors);
  const state = new State(a, b);
  identityStep(state);
  stopWordStep(state);
  lexicalStep(state, models.lexicon ?? emptyLexicon());
  stopWordStep(state);
  slotStep(state);
  return state.pairs
    .map((p) => ({ source: a.tokens[p.i], derived: b.tokens[p.j], relation: p.relation, score: round(p.score) }))
    .sort((x, y) => x.source - y.source);
}

class State {
  readonly toB: Int32Array;
  readonly toA: Int32Array;
  readonly pairs: { i: number; j: number; relation: WordRelation; score: number }[] = [];
  constructor(
    readonly a: WordSide,
    readonly b: WordSide,
  ) {
    this.toB = new Int32Array(a.tokens.length).fill(-1);
    this.toA = new Int32Array(b.tokens.length).fill(-1);
  }
  /**
   * Context of a candidate pair in [0,1]: neighbours on the same side of both words that are aligned to each other
   * (or, before they are, the same content word), nearer ones weighing more (1/distance).
   */
  context(i: number, j: number): number {
    let sum = 0;
    const { a, b } = this;
    for (let x = Math.max(0, i - WINDOW); x <= Math.min(a.tokens.length - 1, i + WINDOW); x++) {
      if (x === i) continue;
      const dx = x - i;
      const y = this.toB[x];
      if (y >= 0) {
        const dy = y - j;
        if (dy !== 0 && Math.sign(dy) === Math.sign(dx) && Math.abs(dy) <= WINDOW)
          sum += 1 / Math.max(Math.abs(dx), Math.abs(dy));
        continue;
      }
      if (!a.content[x]) continue;
      let best = 0;
      for (let z = Math.max(0, j - WINDOW); z <= Math.min(b.tokens.length - 1, j + WINDOW); z++) {
        const dz = z - j;
        if (dz === 0 || Math.sign(dz) !== Math.sign(dx) || this.toA[z] >= 0 || !b.content[z]) continue;
        if (a.keys[x] === b.keys[z]) best = Math.max(best, 1 / Math.max(Math.abs(dx), Math.abs(dz)));
      }
      sum += best;
    }
    return Math.min(1, sum / 1.5);
  }
  /** Small tie-break toward the same relative position ("said" early ~ "said" early). */
  drift(i: number, j: number): number {
    const na = Math.max(1, this.a.tokens.length - 1);
    const nb = Math.max(1, this.b.tokens.length - 1);
    return 0.1 * Math.abs(i / na - j / nb);
  }
  /** Takes candidates best first, one-to-one. */
  take(candidates: { i: number; j: number; relation: WordRelation; score: number }[]): void {
    candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
    for (const c of candidates) {
      if (this.toB[c.i] >= 0 || this.toA[c.j] >= 0) continue;
      this.toB[c.i] = c.j;
      this.toA[c.j] = c.i;
      this.pairs.push(c);
    }
  }
}

function identityStep(st: State): void {
  const { a, b } = st;
  const out: { i: number; j: number; relation: WordRelation; score: number }[] = [];
  // Only words sharing a key, figure, entity or lemma can be identical: look those up instead of trying every pair
  // (take() orders candidates fully, so the result is the same).
  const index = identityIndex(b);
  const seen = new Set<number>();
  for (let i = 0; i < a.tokens.length; i++) {
    if (!a.content[i]) continue;
    seen.clear();
    for (const js of [
      index.keys.get(a.keys[i]),
      Number.isNaN(a.values[i]) ? undefined : index.values.get(a.values[i]),
      a.entities[i] ? index.entities.get(a.entities[i]) : undefined,
      index.lemmas.get(lemmaOf(a, i)),
    ])
      for (const j of js ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        const relation = identity(a, i, b, j);
        if (relation) out.push({ i, j, relation, score: BASE[relation] + 0.5 * st.context(i, j) - st.drift(i, j) });
      }
  }
  st.take(out);
}

const lemmaOf = (side: WordSide, i: number) => side.analysis.tokens[side.tokens[i]].lemma;

/** The content words of one side by key, figure, entity and lemma (empty ones left out). */
function identityIndex(side: WordSide) {
  const keys = new Map<string, number[]>();
  const values = new Map<number, number[]>();
  const entities = new Map<string, number[]>();
  const lemmas = new Map<string, number[]>();
  const add = <K>(m: Map<K, number[]>, k: K, j: number) => {
    const list = m.get(k);
    if (list) list.push(j);
    else m.set(k, [j]);
  };
  for (let j = 0; j < side.tokens.length; j++) {
    if (!side.content[j]) continue;
    add(keys, side.keys[j], j);
    if (!Number.isNaN(side.values[j])) add(values, side.values[j], j);
    if (side.entities[j]) add(entities, side.entities[j], j);
    const lemma = lemmaOf(side, j);
    if (lemma) add(lemmas, lemma, j);
  }
  return { keys, values, entities, lemmas };
}

function lexicalStep(st: State, lexicon: Lexicon): void {
  const { a, b } = st;
  const out: { i: number; j: number; relation: WordRelation; score: number }[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    if (!a.content[i] || st.toB[i] >= 0) continue;
    for (let j = 0; j < b.tokens.length; j++) {
      if (!b.content[j] || st.toA[j] >= 0) continue;
      if (!sameClass(a, i, b, j)) continue;
      const rel = lexical(lexicon, a, i, b, j);
      if (rel) {
        const ctx = st.context(i, j);
        if (rel === 'hypernym' && ctx < WORD_THRESHOLDS.hypernymContext) continue;
        out.push({ i, j, relation: rel, score: BASE[rel] + 0.5 * ctx - st.drift(i, j) });
        continue;
      }
      const v = vectorSimilarity(a, i, b, j);
      if (v < WORD_THRESHOLDS.vectorInContext) continue;
      const ctx = st.context(i, j);
      if (v >= WORD_THRESHOLDS.vectorAlone || ctx > 0)
        out.push({ i, j, relation: 'vector', score: v + 0.5 * ctx - st.drift(i, j) });
    }
  }
  st.take(out);
}

/**
 * Function words: the same word next to an aligned pair on the same side ("of" in "chief of police"); repeated so
 * a run of them aligns from its aligned end ("on behalf of the" ~ "on behalf of the").
 */
function stopWordStep(st: State): void {
  const { a, b } = st;
  for (let pass = 0; pass < 4; pass++) {
    const out: { i: number; j: number; relation: WordRelation; score: number }[] = [];
    for (let i = 0; i < a.tokens.length; i++) {
      if (a.content[i] || st.toB[i] >= 0) continue;
      // Only the word after the left neighbour's partner or before the right neighbour's can qualify.
      const after = i > 0 && st.toB[i - 1] >= 0 ? st.toB[i - 1] + 1 : -1;
      const before = i + 1 < a.tokens.length && st.toB[i + 1] >= 0 ? st.toB[i + 1] - 1 : -1;
      for (const j of after === before ? [after] : [after, before]) {
        if (j < 0 || j >= b.tokens.length) continue;
        if (b.content[j] || st.toA[j] >= 0 || a.keys[i] !== b.keys[j]) continue;
        const left = i > 0 && j > 0 && st.toB[i - 1] === j - 1;
        const right = i + 1 < a.tokens.length && j + 1 < b.tokens.length && st.toB[i + 1] === j + 1;
        if (left || right) out.push({ i, j, relation: 'exact', score: (left && right ? 1.5 : 1) - st.drift(i, j) });
      }
    }
    if (out.length === 0) return;
    st.take(out);
  }
}

/** Tokens between a slot's two aligned neighbours, on either side, at most. */
const SLOT_SPAN = 4;

/**
 * A content word said in other words that neither WordNet nor the vectors relate, pinned by its neighbours: the
 * nearest aligned words before and after it are aligned to each other in order, and between them each side has
 * exactly one unaligned content word of its class. The checks read what fills the slot ("not advising" against
 * "motivating"); the relation says it is only a position, never the same meaning.
 */
function slotStep(st: State): void {
  const { a, b } = st;
  const out: { i: number; j: number; relation: WordRelation; score: number }[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    if (!a.content[i] || st.toB[i] >= 0) continue;
    let l = i - 1;
    while (l >= 0 && st.toB[l] < 0 && i - l <= SLOT_SPAN) l--;
    let r = i + 1;
    while (r < a.tokens.length && st.toB[r] < 0 && r - i <= SLOT_SPAN) r++;
    if (l < 0 || r >= a.tokens.length || st.toB[l] < 0 || st.toB[r] < 0) continue;
    const [bl, br] = [st.toB[l], st.toB[r]];
    if (br <= bl || br - bl > SLOT_SPAN + 1) continue;
    // Of its class: "was [covered] in boxes" ~ "was reportedly [obscured] by boxes" (an adverb is no rival to a verb).
    const here = unalignedContent(a, st.toB, l, r).filter((k) => a.classes[k] === a.classes[i]);
    const there = unalignedContent(b, st.toA, bl, br).filter((k) => b.classes[k] === a.classes[i]);
    if (here.length !== 1 || there.length !== 1) continue;
    out.push({ i, j: there[0], relation: 'slot', score: 0.5 });
  }
  st.take(out);
}

function unalignedContent(side: WordSide, to: Int32Array, from: number, until: number): number[] {
  const out: number[] = [];
  for (let k = from + 1; k < until; k++) if (side.content[k] && to[k] < 0) out.push(k);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
