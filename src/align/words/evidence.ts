import type { Analysis, Token } from '../../types.js';
import { isContentWord, isWord } from '../../nlp/words.js';
import { wordKey } from '../features.js';
import { rescaleCosine, unitRow } from '../soft.js';
import type { Vectors } from '../vectors.js';
import type { Lexicon, LexicalRelation } from './wordnet.js';

/** What justified aligning two words, in the order the aligner tries them. */
/** `slot`: no word evidence, the one content word of its class between the same two aligned neighbours. */
export type WordRelation = 'exact' | 'lemma' | 'number' | 'entity' | LexicalRelation | 'vector' | 'slot';

/** One side of a linked sentence group as the word aligner reads it: its word tokens in text order. */
export interface WordSide {
  analysis: Analysis;
  /** Indices into `analysis.tokens` of the word tokens (punctuation left out). */
  tokens: number[];
  content: boolean[];
  keys: string[];
  /** Normalised value of the number mention a token sits in (NaN: none). */
  values: number[];
  /** Key of the entity mention a token sits in ("" : none). */
  entities: string[];
  /** Vector row (-1: not in the table) and the unit vector of that row (null: none). */
  rows: number[];
  units: (Float32Array | null)[];
  /** Coarse word class (wordClass): lexical and vector matches stay within one. */
  classes: string[];
}

const indexed = new WeakMap<object, unknown[][]>();

/**
 * A layer's mentions grouped by sentence, once per layer: a long text has tens of thousands of links, and filtering
 * the whole layer for each made compare of two 10 MB texts quadratic (48 s of 50 in this step).
 */
function bySentence<T extends { sentence: number }>(list: T[]): T[][] {
  let out = indexed.get(list) as T[][] | undefined;
  if (!out) {
    out = [];
    for (const m of list) (out[m.sentence] ??= []).push(m);
    indexed.set(list, out);
  }
  return out;
}

/** The word tokens of some sentences with what the aligner compares: keys, numbers, entities, vector rows. */
export function wordSide(analysis: Analysis, sentenceIds: number[], vectors: Vectors): WordSide {
  const tokens: number[] = [];
  for (const id of [...sentenceIds].sort((a, b) => a - b)) {
    const s = analysis.sentences[id];
    for (let t = s.tokenStart; t < s.tokenEnd; t++) if (isWord(analysis.tokens[t])) tokens.push(t);
  }
  const inOrder = [...sentenceIds].sort((a, b) => a - b);
  const numbers = inOrder.flatMap((id) => bySentence(analysis.numbers)[id] ?? []);
  const entities = inOrder.flatMap((id) => bySentence(analysis.entities)[id] ?? []);
  const within = <T extends { start: number; end: number }>(list: T[], tok: Token): T | undefined =>
    list.find((m) => m.start <= tok.start && tok.end <= m.end);
  const side: WordSide = {
    analysis,
    tokens,
    content: [],
    keys: [],
    values: [],
    entities: [],
    rows: [],
    units: [],
    classes: [],
  };
  for (const t of tokens) {
    const tok = analysis.tokens[t];
    const key = wordKey(tok.text);
    side.content.push(isContentWord(tok));
    side.keys.push(key);
    // Only the figure itself carries the value: in "12,000 soldiers" the noun is aligned as a word.
    side.values.push(
      /\d/.test(tok.text) || tok.pos === 'NUM' ? (within(numbers, tok)?.value ?? Number.NaN) : Number.NaN,
    );
    side.entities.push(within(entities, tok)?.key ?? '');
    let row = vectors.indexOf(key);
    if (row < 0) row = vectors.indexOf(tok.lemma);
    side.rows.push(row);
    side.units.push(row >= 0 && side.content[side.content.length - 1] ? unitRow(vectors, row) : null);
    side.classes.push(wordClass(tok.pos));
  }
  return side;
}

/** Identity of two words, strongest evidence first: same text, same figure, same entity, same lemma. */
export function identity(a: WordSide, i: number, b: WordSide, j: number): WordRelation | null {
  if (a.keys[i] === b.keys[j]) return 'exact';
  if (!Number.isNaN(a.values[i]) && a.values[i] === b.values[j]) return 'number';
  if (a.entities[i] && a.entities[i] === b.entities[j] && a.content[i] && b.content[j]) return 'entity';
  const la = a.analysis.tokens[a.tokens[i]].lemma;
  if (la && la === b.analysis.tokens[b.tokens[j]].lemma && a.content[i] && b.content[j]) return 'lemma';
  return null;
}

/** Coarse word classes lexical and vector matches stay within (a noun may meet a verb only by derivation). */
function wordClass(pos: string): string {
  if (pos === 'NOUN' || pos === 'PROPN') return 'n';
  if (pos === 'VERB' || pos === 'AUX') return 'v';
  if (pos === 'ADJ' || pos === 'ADV') return 'a';
  return pos;
}

/** Rescaled GloVe cosine of two words (0 up to the soft floor, then linear to 1): "hold-ups"/"delays" ~0.5. */
export function vectorSimilarity(a: WordSide, i: number, b: WordSide, j: number): number {
  const x = a.units[i];
  const y = b.units[j];
  if (!x || !y) return 0;
  if (a.rows[i] === b.rows[j]) return 1;
  let s = 0;
  for (let k = 0; k < x.length; k++) s += x[k] * y[k];
  return rescaleCosine(s);
}

/**
 * WordNet relation of two content words (lemmas first, then surface forms: wink lemmatises "fell" to "fall" but
 * leaves some forms alone). The aligner asks only for words of one class (sameClass).
 */
export function lexical(lexicon: Lexicon, a: WordSide, i: number, b: WordSide, j: number): LexicalRelation | null {
  if (lexicon.size === 0) return null;
  const ta = a.analysis.tokens[a.tokens[i]];
  const tb = b.analysis.tokens[b.tokens[j]];
  return (
    lexicon.relate(ta.lemma, tb.lemma) ??
    (a.keys[i] !== ta.lemma || b.keys[j] !== tb.lemma ? lexicon.relate(a.keys[i], b.keys[j]) : null)
  );
}

/** Whether two words are of one class (vector matches across classes are mostly topic, not meaning). */
export function sameClass(a: WordSide, i: number, b: WordSide, j: number): boolean {
  return a.classes[i] === b.classes[j];
}
