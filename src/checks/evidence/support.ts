import type { Vectors } from '../../align/vectors.js';
import { lexicon } from '../../lexicons.js';
import { foldText } from '../../nlp/fold.js';
import { sameEntity } from '../../nlp/entities/key.js';
import { isContentWord } from '../../nlp/words.js';
import { directWordSimilarity } from '../../align/soft.js';
import type { Analysis, Token } from '../../types.js';
import type { CheckContext } from '../types.js';
import { QuantitySet } from './items.js';
import { inSentences, within } from './pairs.js';

/** Rescaled GloVe cosine from which a word counts as carried by a near-synonym (as in softCoverage). */
const NEAR_SYNONYM = 0.45;

interface SourceVocabulary {
  lemmas: Set<string>;
  forms: Set<string>;
  /** The text lower-cased without spaces: "8 pm" is carried by "8pm". */
  compact: string;
  /** Word-vector rows of the source lemmas, for near-synonym look-up. */
  rows: number[];
  numbers: QuantitySet;
}

const vocabularies = new WeakMap<Analysis, SourceVocabulary & { vectors: Vectors }>();
let placeholders: Set<string> | null = null;
let unknowns: Set<string> | null = null;

/** A tokeniser's stand-in for an unknown word or a bracket ("UNK", "<unk>", "-lrb-"): lexicons/checks-placeholder-tokens.json. */
export function isUnknownWord(text: string): boolean {
  unknowns ??= new Set(lexicon<string>('checks-placeholder-tokens').entries);
  return unknowns.has(text.toLowerCase());
}

/** Tokens that carry no claim: "UNK" and "-lrb-" in tokenised summaries, honorifics ("Dr") that describe nothing. */
function placeholder(t: Token): boolean {
  placeholders ??= new Set([
    ...lexicon<string>('checks-placeholder-tokens').entries,
    ...lexicon<{ title: string; kind: string }>('titles')
      .entries.filter((e) => e.kind === 'honorific')
      .map((e) => e.title),
  ]);
  const w = t.text.toLowerCase();
  return placeholders.has(w) || placeholders.has(w.replace(/\.$/, ''));
}

/** The whole source's words: a summary sentence may merge facts from several source sentences. */
function vocabulary(doc: Analysis, vectors: Vectors): SourceVocabulary {
  let v = vocabularies.get(doc);
  if (!v || v.vectors !== vectors) {
    const content = doc.tokens.filter(isContentWord);
    const lemmas = new Set(content.map((t) => t.lemma));
    v = {
      vectors,
      lemmas,
      compact: compact(doc.text),
      forms: new Set(content.map((t) => t.text.toLowerCase())),
      rows: [...lemmas].map((l) => vectors.indexOf(l)).filter((r) => r >= 0),
      numbers: new QuantitySet(doc.numbers),
    };
    vocabularies.set(doc, v);
  }
  return v;
}

/**
 * Content tokens of a derived sentence that the source carries nowhere: not as lemma or word form, not as a GloVe
 * near-synonym ("faulty" ~ "defective"), not as a name of the same entity ("Lancs" ~ "Lancashire"), and, for figures,
 * not as the same quantity ("12,000" ~ "12000").
 * Why the whole source and not the aligned sentence: summaries and rewrites merge facts from several sentences.
 */
export function unsupportedTokens(source: Analysis, derived: Analysis, sentence: number, vectors: Vectors): number[] {
  const vocab = vocabulary(source, vectors);
  const sim = directWordSimilarity(vectors);
  const s = derived.sentences[sentence];
  const figures = inSentences(derived.numbers, [sentence]);
  // A name the source gives in another form ("Lancs" / "Lancashire", "US" / "United States"): the same entity key.
  const named = inSentences(derived.entities, [sentence]).filter((e) =>
    source.entities.some((o) => sameEntity(o.key, e.key)),
  );
  const out: number[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) if (unsupported(derived.tokens[i]) && !spacedFigure(i)) out.push(i);
  return out;

  /** "8 pm" / "8pm", "9 / 11" / "9/11": a figure with its neighbour, spaces aside, is in the source. */
  function spacedFigure(i: number): boolean {
    return [i - 1, i + 1].some((j) => {
      const o = derived.tokens[j];
      if (!o || o.sentence !== sentence) return false;
      const joined = compact(
        derived.text.slice(Math.min(o.start, derived.tokens[i].start), Math.max(o.end, derived.tokens[i].end)),
      );
      return /\d/.test(joined) && vocab.compact.includes(joined);
    });
  }

  function unsupported(t: Token): boolean {
    if (!isContentWord(t) || placeholder(t) || vocab.lemmas.has(t.lemma) || vocab.forms.has(t.text.toLowerCase()))
      return false;
    if (named.some((e) => within(t, e))) return false;
    const figure = figures.find((n) => within(t, n));
    if (figure) return !vocab.numbers.has(figure) && !vocab.compact.includes(compact(figure.text));
    const row = vectors.indexOf(t.lemma);
    return !(row >= 0 && vocab.rows.some((r) => sim(row, r) >= NEAR_SYNONYM));
  }
}

const compact = (text: string) => foldText(text).toLowerCase().replace(/\s+/g, '');

/** Adjacent unsupported tokens as one run ("ian wright"), so one finding names one added detail. */
export function tokenRuns(doc: Analysis, indexes: number[]): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number; last: number }> = [];
  for (const index of indexes) {
    const t = doc.tokens[index];
    const prev = runs[runs.length - 1];
    if (prev && prev.last === index - 1) Object.assign(prev, { end: t.end, last: index });
    else runs.push({ start: t.start, end: t.end, last: index });
  }
  return runs.map(({ start, end }) => ({ start, end }));
}

/** A summary: a few sentences, much shorter than the source. */
const SUMMARY_SENTENCES = 5;
const SUMMARY_SHARE = 0.3;

/**
 * A short text every body sentence of which the aligner ties to the source: a summary or excerpt, derived whatever the
 * document-level verdict says (a one-sentence summary shares too little text to look like a copy).
 */
export function isSummary(ctx: Pick<CheckContext, 'source' | 'derived' | 'alignment'>): boolean {
  const body = ctx.derived.sentences.filter((s) => s.kind === 'body');
  return (
    body.length > 0 &&
    body.length <= SUMMARY_SENTENCES &&
    ctx.derived.text.length <= SUMMARY_SHARE * ctx.source.text.length &&
    body.every((s) => (ctx.alignment.byDerived[s.id]?.length ?? 0) > 0)
  );
}
