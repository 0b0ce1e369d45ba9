import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { compareToMarkdown } from '../src/report/markdown.js';
import { compareToTerminal } from '../src/report/terminal.js';
import type { CompareResult } from '../src/types.js';
import { readExample, shingleJaccard } from './helpers.js';
import { loadVectors } from '../src/align/vectors.js';

const vectors = loadVectors();

const wire = readExample('wire-rail-delays.txt');
const farmHtml = readExample('farm-rail-delays.html').toString('utf8');

function bodyText(r: CompareResult['source']): string {
  return r.sentences
    .filter((s) => s.kind === 'body')
    .map((s) => s.text)
    .join(' ');
}

function expectSpansSliceBack(r: CompareResult): void {
  for (const f of r.findings) {
    if (f.source) expect(r.source.text.slice(f.source.start, f.source.end)).toBe(f.source.text);
    if (f.derived) expect(r.derived.text.slice(f.derived.start, f.derived.end)).toBe(f.derived.text);
  }
  for (const s of [...r.source.sentences, ...r.derived.sentences])
    expect(s.text).toBe((r.source.sentences.includes(s) ? r.source : r.derived).text.slice(s.start, s.end));
}

describe('content-farm spin of a wire story', () => {
  const r = compare(wire, { html: farmHtml }, { vectors });
  const rules = new Set(r.findings.map((f) => f.ruleId));

  it('really is spun: 5-gram Jaccard with the original ≤ 0.05', () => {
    expect(shingleJaccard(bodyText(r.source), bodyText(r.derived))).toBeLessThanOrEqual(0.05);
  });

  it('is recognised as a rewrite of the wire story, in the given direction', () => {
    expect(['rewrite', 'partial-reuse']).toContain(r.relation.verdict);
    expect(r.relation.direction).toBe('as-given');
    expect(r.scores.derivedSupport).toBeGreaterThan(0.5);
    expect(r.scores.verbatimShare).toBeLessThan(0.1);
  });

  it('carries the table row and the quantities behind its verdict, and every report prints them', () => {
    const basis = r.relation.basis!;
    expect(basis.rule).toBe('ordered');
    expect(basis.quantities.support).toBeCloseTo(r.scores.derivedSupport, 2);
    expect(basis.quantities.sentenceOrder).toBeGreaterThanOrEqual(0.8);
    expect(basis.quantities.words).toBeLessThan(0.62);
    const labels = { source: 'wire', derived: 'farm' };
    // The terminal shows the row behind --verbose; Markdown folds it in a <details>.
    for (const out of [compareToMarkdown(r, labels), compareToTerminal(r, { color: false, verbose: true }, labels)])
      expect(out).toMatch(/table row ordered: words in source \d+%, support \d+%/);
  });

  it('reports what the spin did, with evidence on both sides', () => {
    for (const id of [
      'quote-removed',
      'reporting-verb-shift',
      'number-dropped',
      'unsupported-content',
      'boilerplate',
      'source-uncredited',
    ]) {
      expect(rules, `expected a ${id} finding`).toContain(id);
    }
    const shift = r.findings.find((f) => f.ruleId === 'reporting-verb-shift')!;
    expect(shift.derived?.text.toLowerCase()).toMatch(/claim|admit|insist/);
    const conclusion = r.findings.find(
      (f) => f.ruleId === 'unsupported-content' && /Clearly/.test(f.derived?.text ?? ''),
    );
    expect(conclusion, 'the invented conclusion is unsupported').toBeDefined();
    expectSpansSliceBack(r);
  });

  it('does not call "the German capital" added where the wire story names Berlin', () => {
    const added = r.findings.filter((f) => f.ruleId === 'unsupported-content' && f.actual === 'German');
    expect(added).toEqual([]);
  });

  it('keeps headings and boilerplate out of claims', () => {
    const headings = new Set(r.derived.sentences.filter((s) => s.kind === 'heading').map((s) => s.id));
    expect(headings.size).toBeGreaterThan(0);
    for (const f of r.findings)
      if (f.ruleId === 'unsupported-content') expect(headings.has(f.derived!.sentence)).toBe(false);
    expect(r.derived.boilerplate.some((b) => /Leave a Comment/.test(b.text))).toBe(true);
    expect(r.derived.sentences.some((s) => /Your email address/.test(s.text))).toBe(false);
  });
});

describe('other relations', () => {
  it('an independent report of the same event is same-story: nothing at MEDIUM or above, differences worded as two reports', () => {
    const r = compare(wire, readExample('independent-rail-delays.txt'), { vectors });
    expect(r.relation.verdict).toBe('same-story');
    expect(r.findings.filter((f) => f.severity === 'high' || f.severity === 'medium')).toEqual([]);
    for (const f of r.findings.filter((x) => x.ruleId !== 'boilerplate')) {
      expect(f.framing).toBe('same-story');
      expect(f.message).not.toMatch(/the rewrite/i);
    }
  });

  it('a trimmed verbatim copy is verbatim-copy and the dropped paragraphs are claim-dropped', () => {
    const r = compare(wire, readExample('copy-rail-delays.txt'), { vectors });
    expect(r.relation.verdict).toBe('verbatim-copy');
    expect(r.scores.verbatimShare).toBeGreaterThan(0.8);
    const dropped = r.findings.filter((f) => f.ruleId === 'claim-dropped').map((f) => f.source!.text);
    expect(dropped.some((t) => /Petra Vogel|Vogel said/.test(t))).toBe(true);
    expect(r.findings.some((f) => f.ruleId === 'number-changed')).toBe(false);
  });

  it('an unrelated story is unrelated', () => {
    const r = compare(wire, readExample('unrelated-harbour-festival.txt'), { vectors });
    expect(r.relation.verdict).toBe('unrelated');
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('given the pair reversed, direction says so', () => {
    const r = compare(readExample('copy-rail-delays.txt'), wire, { vectors });
    expect(r.relation.direction).toBe('reversed');
  });
});
