import { describe, expect, it } from 'vitest';
import { align } from '../align/index.js';
import { loadVectors } from '../align/vectors.js';
import { loadLexicon } from '../align/words/wordnet.js';
import { extract } from '../ingest/index.js';
import { analyze } from '../nlp/index.js';
import type { Alignment, AlignmentLink, Analysis, Finding, Severity, Verdict } from '../types.js';
import { applies, compareFindings, sortFindings, toFinding } from './runner.js';
import { claimAlignment, computeSharedFacts } from './evidence/shared.js';
import type { Check, CheckContext } from './types.js';

/** An article in a fixture: plain text, or text with the metadata ingest would have found. */
export type ArticleFixture = string | { text: string; title?: string; byline?: string; outlet?: string; url?: string };

type Ids = number | number[];

/** One RuleTester case. Without `links`, the real `align()` runs. */
export interface CheckCase {
  name: string;
  source: ArticleFixture;
  derived: ArticleFixture;
  /** Explicit alignment as `[source ids, derived ids]`, e.g. `[[0, 0], [1, [1, 2]]]`. */
  links?: Array<[Ids, Ids]>;
  verdict?: Verdict;
}

/** What an invalid case expects, finding by finding in runner order; an omitted key is not compared. */
export interface ExpectedFinding {
  messageId: string;
  /** The source side's span text, or null for no source side. */
  source?: string | null;
  derived?: string | null;
  actual?: string;
  expected?: string;
  /** The finding's severity (the rule's default, one lower for a weaker form). */
  severity?: Severity;
}

export interface InvalidCase extends CheckCase {
  errors: ExpectedFinding[];
}

/** The word vectors every case aligns with, loaded once per test file. */
const vectors = loadVectors();
const lexicon = loadLexicon();

/** Analyses an article fixture through the real pipeline (extract → analyze). */
export function analyzeFixture(article: ArticleFixture): Analysis {
  if (typeof article === 'string') return analyze(extract(article));
  const { text, url, ...meta } = article;
  return analyze(extract(text, { format: 'text', url: url ?? null, meta }));
}

/** Builds the CheckContext a rule sees from two short texts. */
export function buildContext(c: CheckCase): CheckContext {
  const source = analyzeFixture(c.source);
  const derived = analyzeFixture(c.derived);
  // Explicit links are the case's premise; the real aligner's links pass through the checks' filter, as in compare().
  const alignment = c.links
    ? explicitAlignment(source, derived, c.links)
    : claimAlignment(source, derived, align(source, derived, vectors), vectors);
  const relation = {
    verdict: c.verdict ?? 'rewrite',
    confidence: 1,
    direction: 'as-given',
    directionConfidence: 1,
  } as const;
  return {
    source,
    derived,
    alignment,
    relation,
    shared: computeSharedFacts(source, derived, alignment),
    vectors,
    lexicon,
  };
}

/** The drafts a rule gives on a context, behind the runner's `appliesTo` gate. */
function drafts(check: Check, ctx: CheckContext) {
  return applies(check, ctx) ? check.run(ctx) : [];
}

/** Runs one rule on a case and returns its findings in runner order (severity is the rule's default). */
export function runRule(check: Check, c: CheckCase): Finding[] {
  const ctx = buildContext(c);
  return sortFindings(drafts(check, ctx).map((d) => toFinding(check, d, ctx)));
}

/**
 * ESLint-style RuleTester: `valid` cases must yield no finding, `invalid` cases exactly `errors`.
 * Rejects duplicate case names and expected message ids the rule does not declare.
 */
export function ruleTester(check: Check, cases: { valid: CheckCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`${check.meta.id}: duplicate test case "${dup}"`);
  for (const c of cases.invalid) {
    if (!c.errors.length)
      throw new Error(`${check.meta.id}: invalid case "${c.name}" expects no error; make it a valid case`);
    for (const e of c.errors) {
      if (!(e.messageId in check.meta.messages))
        throw new Error(`${check.meta.id}: case "${c.name}" expects unknown message id "${e.messageId}"`);
    }
  }

  describe(check.meta.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) it(c.name, () => expect(summarise(check, c)).toEqual([]));
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const found = summarise(check, c);
          // Compare only the keys each expected finding names (messageId always).
          const shaped = found.map((f, i) => (c.errors[i] ? pick(f, Object.keys(c.errors[i])) : f));
          expect(shaped).toEqual(c.errors);
        });
      }
    });
  });
}

/** Findings reduced to what fixtures assert, after checking every span slices back and sits in its sentence. */
function summarise(check: Check, c: CheckCase): Array<Record<string, unknown>> {
  const ctx = buildContext(c);
  const found = drafts(check, ctx).map((draft) => ({ id: draft.messageId, finding: toFinding(check, draft, ctx) }));
  found.sort((a, b) => compareFindings(a.finding, b.finding));
  return found.map(({ id, finding: f }) => {
    assertSide(ctx.source, f.source, f);
    assertSide(ctx.derived, f.derived, f);
    return {
      messageId: id,
      source: f.source?.text ?? null,
      derived: f.derived?.text ?? null,
      severity: f.severity,
      ...(f.actual !== undefined ? { actual: f.actual } : {}),
      ...(f.expected !== undefined ? { expected: f.expected } : {}),
    };
  });
}

function assertSide(doc: Analysis, side: Finding['source'], f: Finding): void {
  if (!side) return;
  expect(doc.text.slice(side.start, side.end), `${f.ruleId} span`).toBe(side.text);
  const s = doc.sentences[side.sentence];
  // Boilerplate is never a sentence: its findings use sentence -1.
  if (side.sentence === -1) expect(doc.boilerplate.some((b) => b.start <= side.start && side.end <= b.end)).toBe(true);
  else
    expect(s && s.start <= side.start && side.end <= s.end, `${f.ruleId} span inside sentence ${side.sentence}`).toBe(
      true,
    );
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}

function explicitAlignment(source: Analysis, derived: Analysis, links: Array<[Ids, Ids]>): Alignment {
  const list = links.map(
    ([s, d]): AlignmentLink => ({ source: [s].flat(), derived: [d].flat(), kind: 'paraphrase', score: 1 }),
  );
  for (const l of list) {
    for (const i of l.source)
      if (!source.sentences[i])
        throw new Error(`link to missing source sentence ${i} (have ${source.sentences.length})`);
    for (const j of l.derived)
      if (!derived.sentences[j])
        throw new Error(`link to missing derived sentence ${j} (have ${derived.sentences.length})`);
  }
  return indexLinks(source, derived, list);
}

function indexLinks(source: Analysis, derived: Analysis, links: AlignmentLink[]): Alignment {
  const bySource: AlignmentLink[][] = source.sentences.map(() => []);
  const byDerived: AlignmentLink[][] = derived.sentences.map(() => []);
  for (const l of links) {
    for (const i of l.source) bySource[i].push(l);
    for (const j of l.derived) byDerived[j].push(l);
  }
  return { links, bySource, byDerived };
}
