import { describe, expect, it } from 'vitest';
import type { CompareResult, Finding } from '../../src/types.js';
import { flagged } from './factual.js';

const side = { sentence: 0, start: 0, end: 9, text: 'The mayor' };
const finding = (severity: Finding['severity'], derived: Finding['derived']): Finding => ({
  ruleId: 'number-changed',
  messageId: 'changed',
  severity,
  message: 'figure changed',
  url: 'docs/checks/number-changed.md',
  source: side,
  derived,
});

describe('flagged', () => {
  it('counts only high/medium findings that point into the summary', () => {
    const r = {
      findings: [finding('high', side), finding('medium', side), finding('low', side), finding('high', null)],
    } as CompareResult;
    expect(flagged(r)).toEqual({ flag: true, score: 2 });
  });

  it('does not flag a summary with only low or source-side findings', () => {
    const r = { findings: [finding('low', side), finding('medium', null)] } as CompareResult;
    expect(flagged(r)).toEqual({ flag: false, score: 0 });
  });
});
