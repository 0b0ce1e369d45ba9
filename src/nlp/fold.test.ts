import { describe, expect, it } from 'vitest';
import { extract } from '../ingest/index.js';
import { loadVectors } from '../align/vectors.js';
import { compare } from '../compare.js';
import { foldText } from './fold.js';
import { analyze } from './index.js';

describe('foldText', () => {
  it('keeps the length, so offsets into the folded text are offsets into the original', () => {
    const original =
      'A 12\u2011month delay, \u201cshe said\u201d \u2013 the mayor\u2019s \u22123\u2009000 \u2015 12\u201315 Paris\u2013Berlin';
    const folded = foldText(original);
    expect(folded.length).toBe(original.length);
    expect(folded).toBe('A 12-month delay, "she said" — the mayor\'s -3,000 — 12-15 Paris-Berlin');
  });

  it('reads a thin or no-break space between digit groups as a group separator, a plain one not', () => {
    expect(foldText('12\u2009000 and 1\u00a0250\u00a0000')).toBe('12,000 and 1,250,000');
    expect(foldText('20 7946 0958')).toBe('20 7946 0958');
    expect(foldText('on 12\u00a0March')).toBe('on 12 March');
  });

  it('keeps an attached em dash: it separates clauses, not the words of a compound', () => {
    expect(foldText('the deal\u2014signed on Monday\u2014was')).toBe('the deal\u2014signed on Monday\u2014was');
  });
});

describe('folded analysis (class 1: Unicode in figures)', () => {
  const analyse = (text: string) => analyze(extract(text));

  it('gives the same figures and lemmas whatever dash, space or apostrophe the text uses', () => {
    const fancy = analyse(
      'The council approved a 12\u2011month delay.\n\nAbout 12\u2009000 residents signed the mayor\u2019s petition.',
    );
    const plain = analyse(
      "The council approved a 12-month delay.\n\nAbout 12,000 residents signed the mayor's petition.",
    );
    const figures = (a: ReturnType<typeof analyse>) => a.numbers.map((n) => [n.kind, n.value, n.unit, n.qualifier]);
    expect(figures(fancy)).toEqual(figures(plain));
    expect(fancy.tokens.map((t) => t.lemma)).toEqual(plain.tokens.map((t) => t.lemma));
    // Spans still point at what the reader sees.
    for (const n of fancy.numbers) expect(fancy.text.slice(n.start, n.end)).toBe(n.text);
    expect(fancy.numbers.map((n) => n.text)).toContain('About 12\u2009000 residents');
  });

  it('reports nothing when a rewrite only changes the typography of its figures', () => {
    const source =
      'Engineers warned of a 12\u2011month delay to the Harlow bypass on Tuesday.\n\nAbout 12\u2009000 residents signed a petition against the closure of the ring road.';
    const derived =
      'Engineers warned of a 12-month delay to the Harlow bypass on Tuesday.\n\nAbout 12,000 residents signed a petition against the closure of the ring road.';
    expect(compare(source, derived, { vectors: loadVectors() }).findings).toEqual([]);
  });
});
