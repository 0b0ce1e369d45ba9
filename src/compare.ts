import type { AlignmentLink, Analysis, ArticleReport, CompareResult, Extracted, SeveritySetting } from './types.js';
import { extract } from './ingest/index.js';
import { analyze } from './nlp/index.js';
import { align } from './align/index.js';
import type { Vectors } from './align/vectors.js';
import { alignWords, type Lexicon, type WordPair } from './align/words/index.js';
import { sha256 } from './hash.js';
import { runChecks } from './checks/runner.js';
import { guardOrder } from './checks/order-guard.js';
import { claimAlignment, computeSharedFacts } from './checks/evidence/shared.js';
import { computeScores } from './relation/scores.js';
import { computeFidelity } from './relation/fidelity.js';
import { judgeRelation } from './relation/verdict.js';
import { TOOL } from './version.js';

/** An article as the library takes it: raw text, bytes, or text/HTML with metadata. */
export type ArticleInput =
  | string
  | Buffer
  | {
      text?: string;
      html?: string;
      title?: string;
      byline?: string;
      outlet?: string;
      url?: string;
      published?: string;
    };

export interface CompareOptions {
  /** Word vectors from `loadVectors()`: loaded once by the caller, so compare() itself reads no files. */
  vectors: Vectors;
  /** WordNet lexicon from `loadLexicon()` for word alignment (optional: without it words align by identity and vectors). */
  lexicon?: Lexicon;
  /** ESLint-style rule settings: `{ "hedge-added": "off", "number-dropped": "medium" }`. */
  rules?: Record<string, SeveritySetting>;
  /**
   * `check` (default): when the inputs look swapped, hold one-way findings at medium (`order`, `heldFrom`);
   * `confirmed`: the caller says the order is right, nothing is held.
   */
  orientation?: 'check' | 'confirmed';
}

/** Reads an ArticleInput into the extracted model (no network: URLs are the CLI's job). */
export function extractInput(input: ArticleInput): { extracted: Extracted; bytes: Buffer | string } {
  if (typeof input === 'string' || Buffer.isBuffer(input)) return { extracted: extract(input), bytes: input };
  const meta = {
    title: input.title ?? null,
    byline: input.byline ?? null,
    outlet: input.outlet ?? null,
    published: input.published ?? null,
  };
  const clean = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== null));
  if (input.html !== undefined)
    return {
      extracted: extract(input.html, { format: 'html', url: input.url ?? null, meta: clean }),
      bytes: input.html,
    };
  const text = input.text ?? '';
  return { extracted: extract(text, { format: 'auto', url: input.url ?? null, meta: clean }), bytes: text };
}

/**
 * Compares a source article with a suspected rewrite: alignment, relation verdict, scores and findings.
 * Findings always treat the first argument as the source, whatever `relation.direction` says.
 * Pure: no file or network I/O (word vectors come in `options.vectors`).
 * Example: `compare(wireText, farmHtml, { vectors: loadVectors() }).relation.verdict` → `'rewrite'`.
 */
export function compare(source: ArticleInput, derived: ArticleInput, options: CompareOptions): CompareResult {
  requireVectors(options, 'compare');
  const s = extractInput(source);
  const d = extractInput(derived);
  return compareAnalyses(analyze(s.extracted), analyze(d.extracted), {
    ...options,
    sourceBytes: s.bytes,
    derivedBytes: d.bytes,
  });
}

/**
 * The kernel reads no files, so it cannot load the vectors itself: a call without them says what to pass rather
 * than failing deep inside the aligner (`Cannot read properties of undefined (reading 'dims')`).
 */
function requireVectors<T extends Partial<CompareOptions> | undefined>(options: T, fn: string): { vectors: Vectors } {
  const v = options?.vectors as Partial<Vectors> | undefined;
  if (!v || typeof v.dims !== 'number' || typeof v.indexOf !== 'function')
    throw new TypeError(
      `${fn}(source, derived, { vectors }) needs word vectors: pass { vectors: loadVectors() } (import { loadVectors } from 'unspun'; load once, reuse)`,
    );
  return { vectors: v as Vectors };
}

/** Same as compare() for inputs already analysed (the store and the eval cache analyses). */
export function compareAnalyses(
  source: Analysis,
  derived: Analysis,
  options: CompareOptions & { sourceBytes?: Buffer | string; derivedBytes?: Buffer | string },
): CompareResult {
  const { vectors } = requireVectors(options, 'compareAnalyses');
  const { lexicon } = options;
  const alignment = align(source, derived, vectors);
  const words = new Map<AlignmentLink, WordPair[]>(
    alignment.links.map((l) => [l, alignWords(source, derived, l.source, l.derived, { vectors, lexicon })]),
  );
  const scores = computeScores(source, derived, alignment);
  const relation = judgeRelation(source, derived, alignment, scores);
  // The verdict reads every link; the checks only those that carry a claim (a topic-only link hides a dropped claim).
  const checked = claimAlignment(source, derived, alignment, vectors);
  const shared = computeSharedFacts(source, derived, checked);
  const checkedFindings = runChecks(
    { source, derived, alignment: checked, relation, shared, vectors, lexicon, words },
    options.rules ?? {},
  );
  // Fidelity reads the findings' own severities; the guard only changes how they are shown until confirmed.
  const fidelity = computeFidelity(source, derived, alignment, checkedFindings);
  const { findings, order } = guardOrder(relation, checkedFindings, options.orientation);
  return {
    schema: 'unspun.compare/3',
    tool: TOOL,
    source: articleReport(source, options.sourceBytes ?? source.text),
    derived: articleReport(derived, options.derivedBytes ?? derived.text),
    relation,
    scores: { fidelity, ...scores },
    alignment: alignment.links.map((link) => ({
      source: link.source,
      derived: link.derived,
      kind: link.kind,
      score: round(link.score),
      words: (words.get(link) ?? []).map((w) => {
        const a = source.tokens[w.source];
        const b = derived.tokens[w.derived];
        return { source: [a.start, a.end], derived: [b.start, b.end], relation: w.relation };
      }),
    })),
    findings,
    order,
  };
}

function articleReport(a: Analysis, bytes: Buffer | string): ArticleReport {
  return {
    title: a.title,
    byline: a.byline,
    outlet: a.outlet,
    published: a.published,
    url: a.url,
    sha256: sha256(bytes),
    text: a.text,
    sentences: a.sentences.map(({ id, kind, start, end, text }) => ({ id, kind, start, end, text })),
    boilerplate: a.boilerplate,
  };
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
