import { describe, expect, it } from 'vitest';
import { extract } from '../../src/ingest/index.js';
import { analyze } from '../../src/nlp/index.js';
import type { Analysis } from '../../src/types.js';
import type { GoldChange, Range } from './gold.js';
import { emptyTokenTally, groupGold, tallyGroup, tokenMeasures } from './word-tokens.js';

const source = analyze(extract('The court fined the driver 400 pounds. He denied the charge.', { format: 'text' }));
const derived = analyze(
  extract('The court fined the motorist 4,000 pounds. Clearly he is a menace.', { format: 'text' }),
);
const span = (a: Analysis, s: string): Range => {
  const i = a.text.indexOf(s);
  return [i, i + s.length];
};
const tok = (a: Analysis, s: string) => a.tokens.findIndex((t) => t.text === s);
const changes: GoldChange[] = [
  { type: 'number-changed', source: span(source, '400 pounds'), derived: span(derived, '4,000 pounds'), why: 'x' },
  { type: 'claim-dropped', source: span(source, 'He denied the charge.'), derived: null, why: 'x' },
  { type: 'opinion-added', source: null, derived: span(derived, 'Clearly he is a menace.'), why: 'x' },
];
const gold = groupGold({ changes }, source, derived, [0, 1], [0, 1]);

describe('groupGold', () => {
  it('classes content words by the spans: kept, same, changed, dropped', () => {
    expect(gold.get(tok(source, 'court'))?.cls).toBe('kept');
    expect(gold.get(tok(source, 'pounds'))).toEqual({
      cls: 'same',
      partners: new Set([tok(derived, 'pounds')]),
      types: ['number-changed'],
    });
    expect(gold.get(tok(source, '400'))?.cls).toBe('changed');
    expect(gold.get(tok(source, '400'))?.partners.has(tok(derived, '4,000'))).toBe(true);
    expect(gold.get(tok(source, 'denied'))?.cls).toBe('dropped');
    expect(gold.has(tok(source, 'the'))).toBe(false); // function words are not scored
  });

  it('never counts a word of added material as a right partner of a kept word', () => {
    const kept = gold.get(tok(source, 'driver'));
    expect(kept?.partners.has(tok(derived, 'motorist'))).toBe(true);
    expect(kept?.partners.has(tok(derived, 'menace'))).toBe(false);
  });
});

describe('tallyGroup', () => {
  it('scores right partners, wrong partners and aligned dropped words', () => {
    const t = emptyTokenTally();
    tallyGroup(t, gold, [
      [tok(source, 'court'), tok(derived, 'court')], // kept, right
      [tok(source, '400'), tok(derived, '4,000')], // changed, paired in its span: right
      [tok(source, 'driver'), tok(derived, 'menace')], // kept, into added material: wrong
      [tok(source, 'denied'), tok(derived, 'fined')], // dropped: wrong
    ]);
    expect(t.predicted).toBe(4);
    expect(t.correct).toBe(2);
    const m = tokenMeasures(t);
    expect(m.precision).toBe(0.5);
    expect(m.changed).toBe(1);
    expect(m.droppedAligned).toBe(t.aligned.dropped / t.gold.dropped);
    expect(t.aligned.dropped).toBe(1);
    expect(t.changedByType.get('number-changed')).toEqual({ n: 1, paired: 1 });
  });
});
