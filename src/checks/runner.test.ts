import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { packageRoot } from '../lexicons.js';
import type { Finding } from '../types.js';
import { ruleById } from './registry.js';
import {
  asTwoReports,
  dedupeFindings,
  fillTemplate,
  loadRuleConfig,
  runChecks,
  sortFindings,
  toFinding,
} from './runner.js';
import { buildContext, type CheckCase } from './tester.js';

const fixture = (name: string) => readFileSync(join(packageRoot, 'test/fixtures/checks', name), 'utf8');
const RAIL: CheckCase = {
  name: 'rail',
  source: {
    text: fixture('rail-wire.txt'),
    outlet: 'Reuters',
    url: 'https://www.reuters.com/world/europe/rail-delays',
  },
  derived: fixture('rail-spun.txt'),
};
/** Two short texts with one dropped and one added sentence, aligned explicitly: independent of the nlp steps. */
const SMALL: CheckCase = {
  name: 'small',
  source: {
    text: 'Nearly 300 trains were cancelled on Tuesday. The Green Party said the network had been neglected for years.',
    outlet: 'Rail Times',
  },
  derived: 'Almost 300 trains were cancelled on Tuesday. This proves the railway is badly run.',
  links: [[0, 0]],
};

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'x',
  messageId: 'm',
  severity: 'low',
  message: 'm',
  url: 'docs/checks/x.md',
  source: null,
  derived: null,
  ...over,
});
const side = (start: number) => ({ sentence: 0, start, end: start + 1, text: 'a' });

describe('runChecks', () => {
  it('runs the default rules and fills messages and span texts', () => {
    const ctx = buildContext(SMALL);
    const found = runChecks(ctx, {});
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([
      ['unsupported-content', 'medium'],
      ['source-uncredited', 'medium'],
      ['claim-dropped', 'low'],
    ]);
    const dropped = found.find((f) => f.ruleId === 'claim-dropped')!;
    expect(dropped.message).toBe('This source sentence has no counterpart in the rewrite.');
    expect(dropped.source?.text).toBe('The Green Party said the network had been neglected for years.');
    expect(found.find((f) => f.ruleId === 'source-uncredited')?.message).toBe(
      'The rewrite does not credit the source (Rail Times).',
    );
  });

  it('gives each finding its message id and the doc page of its rule, as ESLint and vfile-message do', () => {
    const found = runChecks(buildContext(SMALL), {});
    expect(found.find((f) => f.ruleId === 'claim-dropped')).toMatchObject({
      messageId: 'dropped',
      url: 'docs/checks/claim-dropped.md',
    });
    for (const f of found) {
      expect(Object.keys(ruleById.get(f.ruleId)!.meta.messages)).toContain(f.messageId);
      expect(existsSync(join(packageRoot, f.url)), f.url).toBe(true);
    }
  });

  it('applies severity overrides and off', () => {
    const found = runChecks(buildContext(SMALL), { 'claim-dropped': 'high', 'unsupported-content': 'off' });
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([
      ['claim-dropped', 'high'],
      ['source-uncredited', 'medium'],
    ]);
  });

  it('frames findings by verdict: same-story worded as two reports and demoted, unrelated unchecked', () => {
    const copy = runChecks(buildContext({ ...SMALL, verdict: 'rewrite' }), {});
    expect(copy.length).toBe(3);
    // A partial reuse adds material of its own by definition: additions one step lower, the rest as on a copy.
    const partial = runChecks(buildContext({ ...SMALL, verdict: 'partial-reuse' }), {});
    const sev = (fs: typeof copy, id: string) => fs.find((f) => f.ruleId === id)?.severity;
    expect(sev(partial, 'unsupported-content')).toBe('low');
    expect(sev(copy, 'unsupported-content')).toBe('medium');
    expect(sev(partial, 'claim-dropped')).toBe(sev(copy, 'claim-dropped'));
    const same = runChecks(buildContext({ ...SMALL, verdict: 'same-story' }), {});
    // No credit is owed when copying was not shown; what one report lacks is reported two steps lower.
    expect(same.map((f) => f.ruleId)).not.toContain('source-uncredited');
    expect(same.length).toBe(copy.length - 1);
    for (const f of same) {
      const asCopy = copy.find((c) => c.ruleId === f.ruleId)!;
      expect(f.framing).toBe('same-story');
      expect(f.severity).not.toBe(asCopy.severity);
      expect(f.message).not.toMatch(/\b(the rewrite|the source)\b/i);
    }
    expect(runChecks(buildContext({ ...SMALL, verdict: 'unrelated' }), {})).toEqual([]);
  });

  it('words a message for two reports of one story', () => {
    expect(asTwoReports('The source hedges this claim with "may"; the rewrite states it without a hedge.')).toBe(
      'The first report hedges this claim with "may"; the second report states it without a hedge.',
    );
    expect(asTwoReports('This source sentence has no counterpart in the rewrite.')).toBe(
      'This sentence of the first report has no counterpart in the second report.',
    );
  });
});

describe('finding plumbing', () => {
  it('fills templates and leaves unknown placeholders visible', () => {
    expect(fillTemplate('"{expected}" became "{actual}".', { expected: '12,000', actual: 1200 })).toBe(
      '"12,000" became "1200".',
    );
    expect(fillTemplate('{missing} stays', {})).toBe('{missing} stays');
  });

  it('rejects a draft with an unknown message id', () => {
    const ctx = buildContext(SMALL);
    expect(() =>
      toFinding(ruleById.get('claim-dropped')!, { messageId: 'nope', source: null, derived: null }, ctx),
    ).toThrow(/unknown message id "nope"/);
  });

  it('sorts by severity, then derived offset, then source offset; findings without sides last', () => {
    const sorted = sortFindings([
      finding({ ruleId: 'a', severity: 'low', derived: side(5) }),
      finding({ ruleId: 'b', severity: 'high' }),
      finding({ ruleId: 'c', severity: 'high', derived: side(9), source: side(4) }),
      finding({ ruleId: 'd', severity: 'high', derived: side(9), source: side(2) }),
      finding({ ruleId: 'e', severity: 'info', derived: side(0) }),
    ]);
    expect(sorted.map((f) => f.ruleId)).toEqual(['d', 'c', 'b', 'a', 'e']);
  });

  it('dedupes identical findings only', () => {
    const a = finding({ source: side(1) });
    expect(dedupeFindings([a, { ...a }, finding({ source: side(2) })]).length).toBe(2);
  });
});

describe('loadRuleConfig', () => {
  it('accepts known rules and severities', () => {
    expect(loadRuleConfig({ rules: { 'hedge-added': 'off', 'number-dropped': 'medium' } })).toEqual({
      'hedge-added': 'off',
      'number-dropped': 'medium',
    });
    expect(loadRuleConfig({})).toEqual({});
  });

  it.each([
    [{ rules: { 'hedge-adder': 'off' } }, /unknown rule "hedge-adder"/],
    [{ rules: { 'hedge-added': 'warn' } }, /"hedge-added": unknown severity "warn"/],
    [{ rules: { 'hedge-added': 2 } }, /unknown severity 2/],
    [{ rules: ['hedge-added'] }, /"rules" must be an object/],
    [{ rule: {} }, /unknown key "rule"/],
    [null, /expected an object/],
  ])('rejects %j', (config, message) => {
    expect(() => loadRuleConfig(config)).toThrow(InputError);
    expect(() => loadRuleConfig(config)).toThrow(message);
  });
});

describe('the rail fixture pair, end to end', () => {
  const found = runChecks(buildContext(RAIL), {});
  const brief = found.map((f) => [f.ruleId, f.source?.text ?? null, f.derived?.text ?? null]);

  it('reports what the rewrite changed, with evidence on both sides', () => {
    expect(brief).toEqual(
      expect.arrayContaining([
        ['number-changed', '12,000 passengers', '1,200 passengers'],
        ['quote-altered', 'unacceptable', 'a disgrace'],
        [
          'negation-flip',
          'not',
          'Transport Minister Volker Wissing told reporters in Berlin that the government will cut the maintenance budget.',
        ],
        ['speaker-description-changed', 'a spokeswoman for the Federal Railway Authority', 'Maria Lenz'],
        ['hedge-removed', 'may', 'Engineers will need until Friday to repair the fault.'],
        ['hedge-removed', 'is expected to', 'The line between Frankfurt and Cologne will reopen in late 2027.'],
        ['attribution-removed', 'she said', 'Engineers will need until Friday to repair the fault.'],
        ['claim-dropped', 'The opposition Green Party said the network had been neglected for a decade.', null],
        ['unsupported-content', null, 'This is clear proof that the railway has been mismanaged for years.'],
        ['source-uncredited', 'Reuters', null],
        ['boilerplate', null, 'Leave a Comment'],
      ]),
    );
  });

  it('does not report what the rewrite kept or what another rule already covers', () => {
    const about = (text: string) => brief.filter(([, s, d]) => s?.includes(text) || d?.includes(text));
    expect(about('300 trains').filter(([id]) => id === 'number-changed' || id === 'number-dropped')).toEqual([]);
    expect(about('Green Party')).toEqual([
      ['claim-dropped', 'The opposition Green Party said the network had been neglected for a decade.', null],
    ]);
    expect(about('What do you think')).toEqual([]);
    expect(about('Let us know')).toEqual([]);
    expect(brief.filter(([id, s]) => id === 'entity-dropped' && s === 'Reuters')).toEqual([]);
  });

  it('keeps every span exact', () => {
    const ctx = buildContext(RAIL);
    for (const f of found) {
      if (f.source) expect(ctx.source.text.slice(f.source.start, f.source.end)).toBe(f.source.text);
      if (f.derived) expect(ctx.derived.text.slice(f.derived.start, f.derived.end)).toBe(f.derived.text);
    }
  });
});
