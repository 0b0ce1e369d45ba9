import type { Vectors } from '../align/vectors.js';
import type { Lexicon, WordPair } from '../align/words/index.js';
import type { Alignment, AlignmentLink, Analysis, Relation, Severity, Span } from '../types.js';

export const FINDING_READINGS = ['alteration', 'omission', 'addition', 'credit', 'page'] as const;
export type FindingReading = (typeof FINDING_READINGS)[number];

/** Static description of a check, ESLint-style: data, not code. */
export interface CheckMeta {
  id: string;
  severity: Severity;
  description: string;
  /** Message templates keyed by id; `{name}` placeholders are filled from `FindingDraft.data`. */
  messages: Record<string, string>;
  /**
   * What a finding of this rule says about the pair, which decides how the verdict frames it (runner.ts, one place,
   * docs/verdicts.md "Findings under each verdict"): `alteration` — the two texts say different things at linked
   * sentences; `omission` — the derived text lacks what the source has; `addition` — it has what the source lacks;
   * `credit` — a copy owes the source a credit; `page` — page clutter. The rule itself never reads the verdict.
   */
  reads: FindingReading;
}

/** What a check sees: both analysed documents, their alignment and the relation verdict. */
export interface CheckContext {
  source: Analysis;
  derived: Analysis;
  alignment: Alignment;
  relation: Relation;
  /** Facts shared across checks so they can avoid double reporting (e.g. dropped source sentences). */
  shared: SharedFacts;
  /** The word vectors the alignment used (near-synonym support): passed in, never loaded by a check. */
  vectors: Vectors;
  /** WordNet relations for word alignment (absent: words align by identity and vectors only). */
  lexicon?: Lexicon;
  /** Word alignment of each link, when the caller already made it (compare() does, for its JSON). */
  words?: ReadonlyMap<AlignmentLink, WordPair[]>;
}

export interface SharedFacts {
  /** Source sentence ids with no counterpart: claim-dropped reports them, item-level checks skip them. */
  droppedSource: Set<number>;
  /** Derived sentence ids with no support in the source. */
  unsupportedDerived: Set<number>;
}

/** One place in one document: the sentence and the exact span. */
export interface SpanRef {
  sentence: number;
  span: Pick<Span, 'start' | 'end'>;
}

/** What a check returns; the runner turns it into a `Finding` (message text, severity, span text). */
export interface FindingDraft {
  messageId: string;
  data?: Record<string, string | number>;
  source: SpanRef | null;
  derived: SpanRef | null;
  actual?: string;
  expected?: string;
  /**
   * A weaker form of the finding (e.g. a quote paraphrased in a summary): reported one severity lower, or as many
   * steps lower as the number says (a reading that outside pairs showed to be mostly a paraphrase).
   */
  weaker?: boolean | number;
}

export interface Check {
  meta: CheckMeta;
  /** Pure: no I/O, no mutation of the context. */
  run(ctx: CheckContext): FindingDraft[];
}
