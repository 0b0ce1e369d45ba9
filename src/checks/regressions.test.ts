import { describe, expect, it } from 'vitest';
import { runChecks } from './runner.js';
import { buildContext, type CheckCase } from './tester.js';

/**
 * Error classes of issue 9 that need the whole runner (verdict gates, several rules at once). Articles written for
 * these tests; each rule's own cases are in src/checks/rules/<id>.test.ts.
 */
const PORT_REPORT =
  'The Port Authority said the crane collapse was caused by a worn cable that had not been replaced since 2015. ' +
  'Harbour master Ann Kerr said 14 ships were diverted to Dunmore. ' +
  '"We will not reopen berth four until every cable is checked," Ms Kerr said.';
const OTHER_REPORT =
  'A crane collapsed at the harbour on Monday. ' +
  'Several ships were diverted while engineers inspected the remaining cranes. ' +
  'The authority blamed a worn cable for the collapse.';

const run = (c: Omit<CheckCase, 'name'>) => runChecks(buildContext({ name: 'case', ...c }));

describe('class 8: same-story pairs', () => {
  it('lists no dropped or removed finding at MEDIUM or above for two independent reports of one event', () => {
    const found = run({ source: PORT_REPORT, derived: OTHER_REPORT, verdict: 'same-story' });
    const dropped = [
      'claim-dropped',
      'number-dropped',
      'entity-dropped',
      'quote-removed',
      'attribution-removed',
      'hedge-removed',
    ];
    expect(
      found.filter((f) => dropped.includes(f.ruleId) && (f.severity === 'high' || f.severity === 'medium')),
    ).toEqual([]);
    expect(found.every((f) => f.framing === 'same-story' || f.ruleId === 'boilerplate')).toBe(true);
  });

  it('lists no HIGH "the rewrite changed" finding either: two reports differ, neither changed the other', () => {
    const found = run({
      source: 'The presenter is alleged to have swindled victims out of up to £10,000 a time, the court heard.',
      derived: 'The presenter faces charges of obtaining a total of £55,650 by deception, the court heard.',
      verdict: 'same-story',
    });
    expect(found.filter((f) => f.severity === 'high')).toEqual([]);
  });

  it('still lists them when the same pair is judged a rewrite', () => {
    const found = run({ source: PORT_REPORT, derived: OTHER_REPORT, verdict: 'rewrite' });
    expect(
      found.some((f) => f.ruleId === 'number-dropped' || f.ruleId === 'claim-dropped' || f.ruleId === 'quote-removed'),
    ).toBe(true);
  });

  it('takes "the authority blamed …" as the authority\'s claim: no attribution-removed', () => {
    const found = run({
      source:
        'The Port Authority said the crane collapse was caused by a worn cable that had not been replaced since 2015.',
      derived: 'The authority blamed the crane collapse on a worn cable that had not been replaced since 2015.',
    });
    expect(found.filter((f) => f.ruleId === 'attribution-removed')).toEqual([]);
  });
});

describe('class 4: over-alignment', () => {
  const source = [
    'Two cranes at Dunmore harbour collapsed on Monday, injuring three dock workers.',
    'The Port Authority said the cranes had been inspected in January.',
    'Repairs to the northern quay will cost 4.2 million pounds and take until October, the authority said.',
    'Harbour master Ann Kerr said ships would be diverted to Kilbride until further notice.',
  ].join('\n\n');
  const derived = source.replace(
    'Repairs to the northern quay will cost 4.2 million pounds and take until October, the authority said.',
    'Local people have long complained about the state of the harbour and its ageing equipment.',
  );

  it('a sentence linked by its place between two copies but sharing only the topic is dropped, not a figure source', () => {
    const found = run({ source, derived });
    expect(found.filter((f) => f.ruleId === 'number-dropped')).toEqual([]);
    const dropped = found.filter((f) => f.ruleId === 'claim-dropped');
    expect(dropped.map((f) => f.source?.text)).toEqual([
      'Repairs to the northern quay will cost 4.2 million pounds and take until October, the authority said.',
    ]);
    expect(found.some((f) => f.ruleId === 'unsupported-content' && f.derived?.text.startsWith('Local people'))).toBe(
      true,
    );
  });
});

describe('class 4: messages never contradict their evidence', () => {
  it('a quote gone from an aligned sentence shows that sentence', () => {
    const found = run({
      source:
        'Ms Kerr said the berth would stay shut. "We will not reopen berth four until every cable is checked," she said.',
      derived: 'Ms Kerr said the berth would stay shut. She spoke to reporters at the harbour gate on Monday.',
      links: [
        [0, 0],
        [1, 1],
      ],
    });
    const removed = found.filter((f) => f.ruleId === 'quote-removed');
    expect(removed.length).toBeGreaterThan(0);
    for (const f of removed) expect(f.derived).not.toBeNull();
  });
});
