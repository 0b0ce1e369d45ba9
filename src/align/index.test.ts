import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../ingest/index.js';
import { analyze } from '../nlp/index.js';
import type { Alignment, Analysis } from '../types.js';
import { align, documentVector, sentenceSimilarity, sharedRuns } from './index.js';
import { plainAnalysis } from './plain-analysis.js';
import { combineFeatures, sentenceFeatures } from './features.js';
import { loadVectors } from './vectors.js';
import { sharedNgrams } from '../../test/helpers.js';

const vectors = loadVectors();

/** Sentence ids linked to source sentence `i`, as [sources, deriveds, kind] per link. */
const linksOf = (al: Alignment, i: number) => al.bySource[i].map((l) => [l.source, l.derived, l.kind]);

const sharedTrigrams = (a: string, b: string) => sharedNgrams(a, b, 3);

const WIRE = `Germany will send 12,000 soldiers to the eastern border by late 2028, Defence Minister Maria Lenz said on Tuesday.

The deployment, which will cost an estimated 4.5 billion euros, is the largest since the end of the Cold War.

Opposition lawmakers criticised the plan, saying the army lacked the equipment to sustain it.

Lenz told reporters in Berlin that the first brigade would arrive in the spring.`;

const SPUN = `Critics in parliament slammed the move, claiming the military does not have the gear needed to keep it going.

Berlin is set to deploy nearly 12,000 troops to its eastern frontier within the next few years, according to the defence chief.

This shows that Europe is finally waking up to the danger on its doorstep.`;

describe('align', () => {
  it('links reworded sentences that share no word trigram, across reordering', () => {
    const src = plainAnalysis(WIRE);
    const der = plainAnalysis(SPUN);
    expect(sharedTrigrams(src.sentences[0].text, der.sentences[1].text)).toEqual([]);
    expect(sharedTrigrams(src.sentences[2].text, der.sentences[0].text)).toEqual([]);
    const al = align(src, der, vectors);
    expect(linksOf(al, 0)).toEqual([[[0], [1], 'paraphrase']]);
    expect(linksOf(al, 2)).toEqual([[[2], [0], 'paraphrase']]);
    // Dropped source sentences and the added conclusion have no counterpart.
    expect(al.bySource[1]).toEqual([]);
    expect(al.bySource[3]).toEqual([]);
    expect(al.byDerived[2]).toEqual([]);
    for (const l of al.links) expect(l.score).toBeGreaterThan(0.3);
  });

  it('groups a split (one source, two derived) and a merge (two sources, one derived) into single links', () => {
    const src = plainAnalysis(
      'The storm knocked out power to 40,000 homes across the region and forced the closure of three major highways, officials said.\n\n' +
        'The central bank raised its key interest rate by half a point. It said inflation had stayed above target for a year.',
    );
    const der = plainAnalysis(
      'Officials said the storm left 40,000 homes in the region without electricity. It also shut down three major highways.\n\n' +
        'Because inflation had stayed above target for a year, the central bank lifted its key rate by half a point.',
    );
    const al = align(src, der, vectors);
    expect(linksOf(al, 0)).toEqual([[[0], [0, 1], 'paraphrase']]);
    expect(al.byDerived[2].map((l) => [l.source, l.derived])).toEqual([[[1, 2], [2]]]);
    expect(al.links).toHaveLength(2);
  });

  it('marks a copied sentence verbatim and a sentence carrying only one clause partial', () => {
    const src = plainAnalysis(
      'Police arrested two men on Friday after a three-month investigation into a smuggling ring operating out of the port of Hamburg, prosecutors said in a statement released late on Saturday evening.\n\n' +
        'The suspects, aged 34 and 41, are accused of bringing more than 200 kilograms of cocaine into the country.',
    );
    const der = plainAnalysis(
      'Police arrested two men on Friday.\n\n' +
        'The suspects, aged 34 and 41, are accused of bringing more than 200 kilograms of cocaine into the country, officials said.',
    );
    const al = align(src, der, vectors);
    expect(linksOf(al, 1)).toEqual([[[1], [1], 'verbatim']]);
    expect(linksOf(al, 0)).toEqual([[[0], [0], 'partial']]);
  });

  it('does not link sentences about something else', () => {
    const src = plainAnalysis('The city council approved a new budget for public libraries on Monday.');
    const der = plainAnalysis(
      'Heavy rain is expected across the north of the country this weekend, forecasters warned.',
    );
    const al = align(src, der, vectors);
    expect(al.links).toEqual([]);
    expect(al.bySource).toEqual([[]]);
    expect(al.byDerived).toEqual([[]]);
  });

  it('aligns headings with headings only, above the stricter heading threshold', () => {
    const body = 'Germany will send 12,000 soldiers to the eastern border, the defence minister said.';
    const src = plainAnalysis(`# Germany to send troops to its eastern border\n\n${body}`);
    const spunBody = 'Berlin will deploy 12,000 troops to its eastern border, the defence minister said.';
    const titled = align(src, plainAnalysis(`# Berlin sends troops to the eastern border\n\n${spunBody}`), vectors);
    expect(src.sentences[0].kind).toBe('heading');
    expect(linksOf(titled, 0)).toEqual([[[0], [0], 'paraphrase']]);
    expect(linksOf(titled, 1)).toEqual([[[1], [1], 'paraphrase']]);
    // An invented heading links to nothing, and the source heading never joins the body link.
    const invented = align(src, plainAnalysis(`# Key takeaways\n\n${spunBody}`), vectors);
    expect(invented.bySource[0]).toEqual([]);
    expect(linksOf(invented, 1)).toEqual([[[1], [1], 'paraphrase']]);
  });
});

describe('sentenceSimilarity', () => {
  it('scores a rewording far above a different sentence of the same story', () => {
    const a = 'Opposition lawmakers criticised the plan, saying the army lacked the equipment to sustain it.';
    const reworded =
      'Critics in parliament slammed the move, claiming the military does not have the gear needed to keep it going.';
    const other = 'Lenz told reporters in Berlin that the first brigade would arrive in the spring.';
    const s1 = sentenceSimilarity(a, reworded, vectors);
    const s2 = sentenceSimilarity(a, other, vectors);
    expect(s1).toBeGreaterThan(0.3);
    expect(s2).toBeLessThan(0.2);
    expect(sentenceSimilarity(a, a, vectors)).toBeGreaterThan(0.9);
  });
});

describe('sharedRuns', () => {
  it('returns maximal shared word runs with exact spans on both sides', () => {
    const src = plainAnalysis('The ministry said on Tuesday that the bridge would reopen in March after repairs.');
    const der = plainAnalysis('After repairs, the bridge would reopen in March, the ministry said on Tuesday.');
    const runs = sharedRuns(src, der, 3);
    expect(runs.map((r) => r.derived.text)).toEqual([
      'the bridge would reopen in March',
      'the ministry said on Tuesday',
    ]);
    for (const r of runs) {
      expect(src.text.slice(r.source.start, r.source.end)).toBe(r.source.text);
      expect(der.text.slice(r.derived.start, r.derived.end)).toBe(r.derived.text);
    }
    expect(runs[0].words).toBe(6);
    expect(sharedRuns(src, der, 7)).toEqual([]);
  });

  it('never uses a word twice on either side', () => {
    const src = plainAnalysis('prices rose sharply in May. prices rose sharply in May.');
    const der = plainAnalysis('Analysts noted that prices rose sharply in May.');
    expect(sharedRuns(src, der, 3)).toHaveLength(1);
  });

  it('gives the same runs for a document reused against several partners (word ids are cached per document)', () => {
    const wire =
      'Fire crews fought the blaze at the timber yard for six hours before it was under control, a spokesman said.';
    const src = plainAnalysis(wire);
    const first = plainAnalysis('Crews fought the blaze at the timber yard for six hours, officials said.');
    const second = plainAnalysis('The fire was under control by the evening, a spokesman said.');
    expect(sharedRuns(src, first, 3).map((r) => r.derived.text)).toEqual([
      'Crews fought the blaze at the timber yard for six hours',
    ]);
    expect(sharedRuns(src, second, 3)).toEqual(sharedRuns(plainAnalysis(wire), plainAnalysis(second.text), 3));
    expect(sharedRuns(src, second, 3).map((r) => r.source.text)).toEqual(['was under control', 'a spokesman said']);
    expect(sharedRuns(second, src, 3).map((r) => r.derived.text)).toEqual(['was under control', 'a spokesman said']);
  });
});

describe('documentVector', () => {
  it('is a unit vector closer for a rewrite than for an unrelated article', () => {
    const cos = (a: Analysis, b: Analysis) =>
      documentVector(a, vectors).reduce((s, x, k) => s + x * documentVector(b, vectors)[k], 0);
    const src = plainAnalysis(WIRE);
    const der = plainAnalysis(SPUN);
    const other = plainAnalysis(
      'The museum reopened its modern art wing after a two-year renovation. Visitors queued for hours to see the restored paintings.',
    );
    const v = documentVector(src, vectors);
    expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    expect(cos(src, der)).toBeGreaterThan(cos(src, other) + 0.2);
  });

  it('equals the unit vector of the combined sentence features, float for float', () => {
    for (const a of [
      plainAnalysis(WIRE),
      plainAnalysis(SPUN),
      analyze(extract(readFileSync(join(import.meta.dirname, '../../examples', 'farm-rail-delays.html')))),
    ]) {
      const body = a.sentences.filter((s) => s.kind !== 'heading');
      const full = combineFeatures(
        body.map((s) => sentenceFeatures(a.tokens.slice(s.tokenStart, s.tokenEnd), vectors)),
        vectors,
      ).unit;
      expect([...documentVector(a, vectors)]).toEqual([...full]);
    }
  });
});

describe('align on the rail example articles (examples/)', () => {
  const read = (name: string) => analyze(extract(readFileSync(join(import.meta.dirname, '../../examples', name))));
  const wire = read('wire-rail-delays.txt');
  /** Source sentence texts linked to the derived sentence that starts with `start`. */
  const sourcesOf = (al: Alignment, derived: Analysis, start: string) => {
    const j = derived.sentences.findIndex((s) => s.text.startsWith(start));
    expect(j, start).toBeGreaterThanOrEqual(0);
    return al.byDerived[j].flatMap((l) => l.source.map((i) => wire.sentences[i].text));
  };

  it('links nearly every sentence of the content-farm spin, but not its invented conclusion', () => {
    const farm = read('farm-rail-delays.html');
    const al = align(wire, farm, vectors);
    const body = farm.sentences.filter((s) => s.kind === 'body');
    expect(body.filter((s) => al.byDerived[s.id].length > 0).length).toBeGreaterThanOrEqual(body.length - 1);
    expect(sourcesOf(al, farm, 'Officials at the national railway regulator')).toEqual([
      expect.stringContaining('The delays are unacceptable'),
    ]);
    expect(sourcesOf(al, farm, 'Dozens of defective signal')).toEqual([
      expect.stringContaining('17 faulty signal boxes'),
    ]);
    expect(sourcesOf(al, farm, 'Thousands of services')).toEqual([expect.stringContaining('1,240 trains')]);
    expect(sourcesOf(al, farm, 'Hundreds of travellers')).toEqual([expect.stringContaining('nearly 300 commuters')]);
    expect(sourcesOf(al, farm, 'Clearly, the rail network')).toEqual([]);
  });

  it('links only a few same-fact sentences of an independent report', () => {
    const other = read('independent-rail-delays.txt');
    const al = align(wire, other, vectors);
    expect(sourcesOf(al, other, 'The Federal Railway Authority blamed')).toContainEqual(
      expect.stringContaining('17 faulty signal boxes'),
    );
    expect(sourcesOf(al, other, 'At Hamburg central station')).toEqual([]);
    expect(sourcesOf(al, other, '"I have stopped trusting')).toEqual([]);
    expect(sourcesOf(al, other, 'Its regional chair')).toEqual([]);
    expect(al.links.length).toBeLessThanOrEqual(4);
  });

  it('links a trimmed verbatim copy sentence by sentence as verbatim', () => {
    const copy = read('copy-rail-delays.txt');
    const al = align(wire, copy, vectors);
    for (const s of copy.sentences.filter((x) => x.kind === 'body')) {
      expect(
        al.byDerived[s.id].map((l) => l.kind),
        s.text,
      ).toContain('verbatim');
    }
  });
});
