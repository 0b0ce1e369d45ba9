import { describe, expect, it } from 'vitest';
import { compare } from '../compare.js';
import { upstream } from '../corpus/relate.js';
import { DIRECTION_UNCLEAR, transpose } from './verdict.js';
import type { Alignment, AlignmentLink } from '../types.js';
import { loadVectors } from '../align/vectors.js';

const vectors = loadVectors();

describe('transpose', () => {
  it('swaps the sides of every link and of the indexes', () => {
    const link: AlignmentLink = { source: [0, 1], derived: [2], kind: 'paraphrase', score: 0.7 };
    const a: Alignment = { links: [link], bySource: [[link], [link]], byDerived: [[], [], [link]] };
    const t = transpose(a);
    expect(t.links[0]).toMatchObject({ source: [2], derived: [0, 1], kind: 'paraphrase', score: 0.7 });
    expect(t.bySource.map((x) => x.length)).toEqual([0, 0, 1]);
    expect(t.byDerived.map((x) => x.length)).toEqual([1, 1]);
    expect(t.bySource[2][0]).toBe(t.links[0]);
  });
});

describe('relation direction', () => {
  const wire =
    'The city council voted on Monday to close three public libraries in the northern districts. ' +
    'Council leader Amy Shaw said the closures would save 1.2 million pounds a year. ' +
    '"We had no choice after the budget cuts," Shaw told reporters. ' +
    'Campaigners said they would challenge the decision in court. ' +
    'The libraries will close at the end of June, and their books will move to the central library.';
  const copy =
    'The city council voted on Monday to close three public libraries in the northern districts. ' +
    'Council leader Amy Shaw said the closures would save 1.2 million pounds a year.';

  it('publication dates decide when both are known', () => {
    const r = compare({ text: copy, published: '2026-05-02' }, { text: wire, published: '2026-05-01' }, { vectors });
    expect(r.relation.direction).toBe('reversed');
  });

  it('without dates, the shorter copy that rests wholly on the other is the derived one', () => {
    expect(compare(wire, copy, { vectors }).relation.direction).toBe('as-given');
    expect(compare(copy, wire, { vectors }).relation.direction).toBe('reversed');
  });

  it('a weak lean still names a side, marked weak, and corpus ordering does not use it', () => {
    // One added word in ~60: containment leans 0.017 towards the shorter text, under the 0.02 clear-lean cut.
    const touched = wire.replace('council voted', 'council quietly voted');
    const r = compare(wire, touched, { vectors });
    expect(r.relation.basis?.directionBy).toBe('weak-lean');
    expect(Math.abs(r.relation.basis?.lean ?? 1)).toBeLessThan(DIRECTION_UNCLEAR);
    expect(r.relation.direction).toBe('reversed'); // the shorter text is the one resting on the other
    expect(r.relation.directionConfidence).toBe(0.5);
    const pair = { relation: r.relation, scores: r.scores, links: [], findings: [] };
    expect(upstream(pair, null, null)).toBe(0);
    expect(upstream(pair, '2026-05-01', '2026-05-02')).toBe(1);
  });

  it('identical texts name no side', () => {
    const r = compare(wire, wire, { vectors });
    expect(r.relation.direction).toBe('unclear');
    expect(r.relation.basis?.directionBy).toBe('none');
  });
});
