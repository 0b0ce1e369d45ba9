import { describe, expect, it } from 'vitest';
import { analyzeText, expectSlicesBack } from './speech/test-support.js';

function hedges(text: string) {
  const doc = analyzeText(text);
  expectSlicesBack(doc, doc.hedges);
  return doc.hedges.map((h) => [h.text, h.cue, h.kind]);
}

describe('findHedges', () => {
  it('finds "is expected to", also with an adverb inside', () => {
    expect(hedges('The line is expected to reopen in March.')).toEqual([
      ['is expected to', 'be expected to', 'expectation'],
    ]);
    expect(hedges('Fares are widely expected to rise by 5 percent next year.')).toEqual([
      ['are widely expected to', 'be expected to', 'expectation'],
    ]);
  });

  it('finds evidential adverbs and modals', () => {
    expect(hedges('The minister reportedly offered to resign on Friday.')).toEqual([
      ['reportedly', 'reportedly', 'evidential'],
    ]);
    expect(hedges('The strike may spread to freight services, and talks could collapse.')).toEqual([
      ['may', 'may', 'modal'],
      ['could', 'could', 'modal'],
    ]);
  });

  it('does not take the month of May for the modal', () => {
    expect(hedges('The inquiry opened in May and closed in June.')).toEqual([]);
  });

  it('finds allegation and believed-to cues', () => {
    expect(hedges('The driver allegedly ignored two signals.')).toEqual([['allegedly', 'allegedly', 'allegation']]);
    expect(hedges('Three people are believed to have been injured.')).toEqual([
      ['are believed to', 'be believed to', 'evidential'],
    ]);
  });

  it('leaves out "could not" (inability), "could possibly" (intensifier) and "is set to" (a schedule)', () => {
    expect(hedges('The keeper could not reach the pier. Nobody could possibly have foreseen it.')).toEqual([
      ['could', 'could', 'modal'],
    ]);
    expect(hedges('The company is set to appeal. The mate was questioned for six hours.')).toEqual([]);
  });

  it('reads a sentence stated as fact as unhedged', () => {
    expect(hedges('The minister resigned on Friday after two signals failed.')).toEqual([]);
  });
});
