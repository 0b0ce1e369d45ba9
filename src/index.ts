/**
 * Unspun's public API: `import { compare, loadVectors } from 'unspun'`.
 *
 * The kernel (extract → analyze → align → runChecks, and compare over all of them) is pure: it takes its word
 * vectors as an argument and does no file or network I/O. Load the vectors once with `loadVectors()`.
 * The corpus side (openStore, addPaths, trace, families) works on a store opened by URL.
 *
 * @example
 * const vectors = loadVectors();
 * const r = compare(wireText, { html: farmHtml }, { vectors, lexicon: loadLexicon() });
 * r.relation.verdict;              // 'rewrite'
 * r.findings[0].ruleId;            // 'number-changed'
 */

/** Compares a source article with a suspected rewrite: verdict, scores, alignment, findings (`unspun.compare/3`). */
export { compare, compareAnalyses, type ArticleInput, type CompareOptions } from './compare.js';
/** Bytes or text (plain, Markdown, HTML, wire copy) → clean text with blocks and boilerplate spans. */
export { extract, type ExtractOptions } from './ingest/index.js';
/** Extracted text → sentences, quotes, attributions, numbers, entities, hedges, negations (`unspun.analysis/2`). */
export { analyze } from './nlp/index.js';
/** Sentence alignment of two analyses (many-to-many, paraphrase-robust). */
export { align, documentVector, ALIGN_THRESHOLDS } from './align/index.js';
/** The word vectors the kernel takes: `loadVectors()` is the explicit loader (one ~25 MB read per process). */
export { loadVectors, readVectorCache, emptyVectors, type Vectors } from './align/vectors.js';
/** The WordNet lexicon word alignment reads: `loadLexicon()` once, then `compare(a, b, { vectors, lexicon })`. */
export { loadLexicon, readLexicon, emptyLexicon, type Lexicon, type LexicalRelation } from './align/words/wordnet.js';
/** Word alignment inside one sentence link: aligned token pairs with the relation that justified each. */
export { alignWords, type WordPair, type WordRelation } from './align/words/index.js';
/** Runs the check rules over a CheckContext; `loadRuleConfig` validates an ESLint-style `{ rules: {...} }` config. */
export { runChecks, loadRuleConfig } from './checks/runner.js';
/** The rule registry: every check with its `meta` (id, severity, messages, appliesTo) and its doc page. */
export { rules, ruleById, ruleDocUrl } from './checks/registry.js';
export type { Check, CheckContext, CheckMeta, FindingDraft, SharedFacts } from './checks/types.js';
/** Opens a corpus store by URL: a file path or `sqlite:PATH` (PostgreSQL: `postgres://…`, not in this build). */
export {
  openStore,
  parseStoreUrl,
  type ArticleMeta,
  type Store,
  type StoreLocation,
  type VectorHit,
} from './store/index.js';
/** Corpus work on a store: add articles, trace an article's sources (`unspun.trace/2`), group reuse families. */
export {
  addPaths,
  trace,
  families,
  familiesToDot,
  familiesToGraphml,
  retrieveCandidates,
  type AddOptions,
  type AddSummary,
  type TraceOptions,
  type TraceResult,
  type FamiliesOptions,
  type FamiliesResult,
} from './corpus/index.js';
/** Many pairs on worker threads, outcomes streamed in input order (`unspun compare --pairs`); readPairs reads JSONL/CSV. */
export {
  comparePairs,
  readPairs,
  type ComparePairsOptions,
  type PairInput,
  type PairOutcome,
  type PairReadError,
} from './batch/index.js';
/** Bad input: a one-line message; the CLI exits 2 on it. */
export { InputError } from './errors.js';
/** The shared model types and the verdict and severity lists the unions come from. */
export { VERDICTS, SEVERITIES, isDerivedVerdict } from './types.js';
export type * from './types.js';
