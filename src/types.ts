/**
 * The document model shared by every pipeline stage.
 * Offsets are JavaScript (UTF-16) string indices into `text`, half-open: `text.slice(start, end) === span.text`.
 */

/** A `[start,end)` range of an article's `text`, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

// ---------------------------------------------------------------- ingest

export type BlockKind = 'paragraph' | 'heading';

/** A paragraph or heading of the extracted text (boilerplate blocks are listed separately). */
export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
}

export interface Boilerplate extends Span {
  /** Why it was recognised, e.g. `comment-form: "Leave a Comment"` or `wire-slug`. */
  reason: string;
}

/** What ingest hands to analysis: clean text plus its structure. Pure data, no I/O. */
export interface Extracted {
  /** The whole extracted text: blocks joined by blank lines, boilerplate included (spans say where). */
  text: string;
  title: string | null;
  byline: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  /** Body blocks in reading order; boilerplate blocks are NOT here. */
  blocks: Block[];
  boilerplate: Boilerplate[];
  /** Input format that was detected or given. */
  format: 'text' | 'html' | 'markdown';
  /** Source encoding that was detected, e.g. `utf-8`, `windows-1252`. */
  encoding: string;
  warnings: string[];
}

// ---------------------------------------------------------------- analysis

export interface Token {
  start: number;
  end: number;
  /** Surface form, typographically folded (nlp/fold.ts: "‑" → "-", "’" → "'"); same length as `text.slice(start, end)`. */
  text: string;
  /** Lower-cased lemma (wink). */
  lemma: string;
  /** Universal POS tag (wink): NOUN, PROPN, VERB, NUM, PUNCT … */
  pos: string;
  /** Index of the sentence holding the token. */
  sentence: number;
  /** True for stop words and punctuation. */
  stop: boolean;
}

/** A sentence is body text (a claim-bearing sentence) or a heading (context, never a claim). */
export type SentenceKind = 'body' | 'heading';

export interface Sentence extends Span {
  /** 0-based, in text order. */
  id: number;
  kind: SentenceKind;
  /** Index into `Analysis.tokens` of the first token, and one past the last. */
  tokenStart: number;
  tokenEnd: number;
  /** Index of the block (paragraph/heading) holding it. */
  block: number;
}

export type NumberKind = 'cardinal' | 'ordinal' | 'money' | 'percent' | 'measure' | 'year' | 'date';
/** How the text bounds the value: "nearly 300" → approx, "more than 300" → above, "up to 300" → at-most. */
export type NumberQualifier = 'exact' | 'approx' | 'above' | 'below' | 'at-least' | 'at-most';

export interface NumberMention extends Span {
  sentence: number;
  kind: NumberKind;
  /** Normalised value: 1.5 million → 1500000; "$2bn" → 2000000000; "late 2028" → 2028. */
  value: number;
  /** Upper end for ranges ("200-300", "between 5 and 10"). */
  valueMax?: number;
  /** Unit or counted noun, normalised (lemma): "soldier", "mm", "km", "usd", "%", "year". */
  unit: string | null;
  qualifier: NumberQualifier;
  /** For dates: "early" | "mid" | "late" | "end" | "by-end" … and the month if any. */
  datePart?: string;
}

export type EntityType = 'person' | 'org' | 'place' | 'event' | 'other';

export interface EntityMention extends Span {
  sentence: number;
  type: EntityType;
  /** Normalised key shared by variants: "Defence"/"Defense", "Germany's"/"Germany", "Mr Smith"/"John Smith" share a key where resolvable. */
  key: string;
}

/** Who a quote or attribution is given to. */
export interface Speaker {
  /** Display name as written at its naming mention, e.g. "Maria Lenz" or "the ministry". */
  name: string;
  /** Normalised key, comparable across articles (see EntityMention.key). */
  key: string;
  /** The mention in this sentence that points at the speaker (a name, pronoun or description). */
  mention: Span | null;
  /** How the speaker was found. */
  via: 'name' | 'pronoun' | 'description' | 'according-to';
}

export interface Quote extends Span {
  /** The words inside the quotation marks. */
  inner: Span;
  /** Sentences the quote touches. */
  sentences: number[];
  speaker: Speaker | null;
}

export type Stance = 'neutral' | 'doubting' | 'endorsing';

export interface Attribution extends Span {
  sentence: number;
  speaker: Speaker | null;
  /** The reporting verb or cue ("said", "claims", "according to"). */
  verb: Span & { lemma: string; stance: Stance };
  kind: 'direct' | 'indirect' | 'according-to';
  /** The attributed content (the claim) within the sentence. */
  content: Span;
}

export interface SpeakerDescription extends Span {
  /** The person described, as a key (EntityMention.key). */
  person: string;
  personName: string;
  /** The description itself, e.g. "a spokeswoman for the Federal Railway Authority". */
  description: Span;
  /** Organisation key named in the description, if any. */
  org: string | null;
}

export interface Hedge extends Span {
  sentence: number;
  /** modal | adverb | expectation | allegation | approximation … (lexicon class). */
  kind: string;
  /** Normalised cue, e.g. "may", "reportedly", "be expected to". */
  cue: string;
}

export interface Negation extends Span {
  sentence: number;
  cue: string;
}

export interface Analysis {
  schema: 'unspun.analysis/2';
  text: string;
  title: string | null;
  byline: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  /** ISO 639-1 code guessed from the text ("en", …) or null when unsure. */
  language: string | null;
  warnings: string[];
  sentences: Sentence[];
  boilerplate: Boilerplate[];
  tokens: Token[];
  entities: EntityMention[];
  numbers: NumberMention[];
  quotes: Quote[];
  attributions: Attribution[];
  speakerDescriptions: SpeakerDescription[];
  hedges: Hedge[];
  negations: Negation[];
}

// ---------------------------------------------------------------- alignment

export type LinkKind = 'verbatim' | 'paraphrase' | 'partial';

export interface AlignmentLink {
  /** Sentence ids in the source (several when the rewrite merged them). */
  source: number[];
  /** Sentence ids in the derived text (several when the rewrite split one). */
  derived: number[];
  kind: LinkKind;
  /** Similarity in [0,1]. */
  score: number;
}

export interface Alignment {
  links: AlignmentLink[];
  /** For each source sentence id, the links it takes part in (empty: no counterpart). */
  bySource: AlignmentLink[][];
  /** For each derived sentence id, the links it takes part in. */
  byDerived: AlignmentLink[][];
}

// ---------------------------------------------------------------- relation and findings

/** Document-level verdicts, from most to least reuse. */
export const VERDICTS = ['verbatim-copy', 'rewrite', 'partial-reuse', 'same-story', 'unrelated'] as const;
export type Verdict = (typeof VERDICTS)[number];

const DERIVED_VERDICTS: ReadonlySet<Verdict> = new Set(['verbatim-copy', 'rewrite', 'partial-reuse']);
/** A verdict under which the derived text is a copy, so "what it dropped and added" is meaningful (not same-story, unrelated). */
export function isDerivedVerdict(v: Verdict): boolean {
  return DERIVED_VERDICTS.has(v);
}
export type Direction = 'as-given' | 'reversed' | 'unclear';

export interface Relation {
  verdict: Verdict;
  confidence: number;
  direction: Direction;
  directionConfidence: number;
  /** What the verdict rests on (docs/verdicts.md): the table row that fired and the derived-side quantities. */
  basis?: RelationBasis;
}

/** The quantities a reader can check behind a verdict (shares of the derived body in [0,1]; docs/verdicts.md). */
export interface VerdictQuantities {
  /** Share of the derived body (characters) whose sentences have a source counterpart, any wording. */
  support: number;
  /** Mean counterpart score over the derived body (0: no counterpart; 1: the same sentence). */
  linkStrength: number;
  /** Share of the derived body words inside ≥3-word runs shared with the source, outside quotes. */
  narration: number;
  /** Share of the derived body inside ≥5-word shared runs. */
  verbatim: number;
  /** Share of the derived text's distinct words that occur in the source (word containment). */
  words: number;
  /** New specifics (names, figures the source lacks) per derived body sentence, halved and capped at 1. */
  novelSpecifics: number;
  /** Share of the derived text's specifics the source has too (tells same-story from unrelated). */
  specificsShared: number;
  /** Share of consecutive linked derived sentences that keep the source's order (½: fewer than two linked). */
  sentenceOrder: number;
  /** Share of the source body with a counterpart in the derived text (shown; never lowers a verdict). */
  sourceCoverage: number;
  /** How many names and figures the derived text has (a share of 2 is no evidence; the `spun` row needs a few). */
  specifics: number;
}

/** The measured quantities behind a verdict, all from the derived side (docs/verdicts.md). */
export interface RelationBasis {
  /** Decision-table row: verbatim, copy, retold, words, narration, ordered, spun, shared-specifics or none. */
  rule: string;
  quantities: VerdictQuantities;
  /** Direction lean (positive: the derived text rests on the source more than the reverse). */
  lean: number;
  /**
   * What named the direction: publication `dates`, a clear content `lean` (|lean| ≥ 0.02), a `weak-lean` (a side is
   * still named, as word containment always names one, but corpus commands do not order texts by it), or `none`.
   */
  directionBy: 'dates' | 'lean' | 'weak-lean' | 'none';
}

export interface Scores {
  /** Share of source body sentences (by characters) with a counterpart in the derived text. */
  sourceCoverage: number;
  /** Share of derived body sentences (by characters) supported by the source. */
  derivedSupport: number;
  /** Share of derived body characters inside verbatim runs shared with the source. */
  verbatimShare: number;
}

/** Scores of a compare() result: the document scores plus fidelity (src/relation/fidelity.ts, docs/fidelity.md). */
export interface CompareScores extends Scores {
  /** 0–1: 1 = everything the rewrite says is carried over from the source and nothing was altered. */
  fidelity: number;
}

/** Finding severities, most severe first: the order reports group and sort by. */
export const SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';

export interface FindingSide {
  sentence: number;
  start: number;
  end: number;
  text: string;
}

/** A finding, shaped like ESLint's and vfile-message's: rule and message ids for programs, prose for people. */
export interface Finding {
  ruleId: string;
  /** Which of the rule's messages this is (`meta.messages` key): JSON users branch on it, never on `message`. */
  messageId: string;
  severity: Severity;
  message: string;
  /** The rule's doc page, relative to the package root (`docs/checks/<ruleId>.md`). */
  url: string;
  source: FindingSide | null;
  derived: FindingSide | null;
  /** The item as the derived text has it, e.g. "nearly 12,000 troops". */
  actual?: string;
  /** The item as the source had it, e.g. "12,000 soldiers". */
  expected?: string;
  /**
   * `same-story`: copying was not shown, so the finding is worded and ranked as two reports that differ (one or
   * two severity steps down, see docs/verdicts.md); absent for copies.
   */
  framing?: 'same-story';
  /** Set when the direction guard holds this finding below its own severity (this one) until the order is confirmed. */
  heldFrom?: Severity;
}

/**
 * The direction guard (`order` of unspun.compare/3): the content or dates say the inputs look swapped, so findings
 * that only make sense one way (fabricated quotes, added claims) are held at medium until the order is confirmed.
 */
export interface OrderCheck {
  /** The relation says `reversed` with confidence ≥ 0.8 from dates or a clear content lean. */
  likelyReversed: boolean;
  /** The relation's direction confidence. */
  confidence: number;
  /** The caller confirmed the order as given (`--orient as-given`, the web page's "Keep this order"). */
  confirmed: boolean;
  /** How many findings are held below their own severity (`heldFrom`). */
  held: number;
}

export interface ArticleReport {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  sha256: string;
  text: string;
  sentences: Array<Pick<Sentence, 'id' | 'kind' | 'start' | 'end' | 'text'>>;
  boilerplate: Boilerplate[];
}

/** One aligned word pair of a link in `unspun.compare/3`: `[start,end)` offsets on each side and the evidence. */
export interface WordAlignmentPair {
  source: [number, number];
  derived: [number, number];
  /** `exact`, `lemma`, `number`, `entity`, `synonym`, `antonym`, `derivation`, `hypernym`, `vector` or `slot` (a position only). */
  relation: string;
}

export interface CompareResult {
  schema: 'unspun.compare/3';
  tool: { name: string; version: string };
  source: ArticleReport;
  derived: ArticleReport;
  relation: Relation;
  scores: CompareScores;
  /** Sentence links, each with its aligned words (src/align/words). */
  alignment: Array<Pick<AlignmentLink, 'source' | 'derived' | 'kind' | 'score'> & { words: WordAlignmentPair[] }>;
  findings: Finding[];
  /** The direction guard: do the inputs look swapped? */
  order: OrderCheck;
}
