import { describe, expect, it } from 'vitest';
import { diffFindings } from './baseline.js';
import { scoreRules, type CaseResult, type Found } from './score.js';
import type { Base, SpinCase } from './suite.js';

const base: Base = {
  id: 'b',
  family: 'meter',
  mode: 'paraphrase',
  source: 'The fine was 240 dollars.',
  base: 'The penalty was 240 dollars.',
};
const edited: SpinCase = {
  id: 'b#number-change',
  base,
  derived: 'The penalty was 480 dollars.',
  gold: { kind: 'number-change', rule: 'number-changed', also: [], derived: [16, 19], source: [13, 16] },
};
const control: SpinCase = { id: 'b#control', base, derived: base.base, gold: null };
const f = (ruleId: string, d: [number, number] | null, s: [number, number] | null = null, text = 'x'): Found => ({
  ruleId,
  severity: 'x',
  derived: d && { start: d[0], end: d[1], text },
  source: s && { start: s[0], end: s[1], text },
});
const sev = (r: string) => (r === 'number-changed' || r === 'negation-flip' ? 'high' : 'medium');

describe('spin scoring', () => {
  it('counts a finding on the gold span as a hit and one elsewhere as false', () => {
    const results: CaseResult[] = [
      { c: control, found: [] },
      { c: edited, found: [f('number-changed', [16, 19]), f('negation-flip', [0, 3])] },
    ];
    const s = scoreRules(results, sev);
    expect(s.get('number-changed')).toMatchObject({ tp: 1, fp: 0, gold: 1, hit: 1 });
    expect(s.get('negation-flip')).toMatchObject({ tp: 0, fp: 1 });
  });

  it('treats findings shared with the control as background, HIGH control findings as false, others as unscored', () => {
    const bg = f('unsupported-content', [0, 11], null, 'The penalty');
    const results: CaseResult[] = [
      { c: control, found: [bg, f('number-changed', [0, 3], null, 'The')] },
      { c: edited, found: [bg] },
    ];
    const s = scoreRules(results, sev);
    expect(s.get('unsupported-content')).toMatchObject({ tp: 0, fp: 0, controlOther: 1 });
    expect(s.get('number-changed')).toMatchObject({ fp: 1, gold: 1, hit: 0 });
  });

  it('a wrong rule on the right span is no hit', () => {
    const s = scoreRules(
      [
        { c: control, found: [] },
        { c: edited, found: [f('number-dropped', [16, 19])] },
      ],
      sev,
    );
    expect(s.get('number-changed')).toMatchObject({ hit: 0 });
    expect(s.get('number-dropped')).toMatchObject({ fp: 1 });
  });
});

describe('diff baseline', () => {
  it('labels a changed figure, an added negation and an added sentence', () => {
    const src = 'The board fined the firm 240 dollars. The firm was warned.';
    const rules = diffFindings(
      src,
      'The board fined the firm 480 dollars. The firm was not warned. Only time will tell whether it has learned anything.',
    ).map((x) => x.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['number-changed', 'negation-flip', 'unsupported-content']));
    expect(diffFindings(src, src)).toEqual([]);
  });
});
