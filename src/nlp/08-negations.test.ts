import { describe, expect, it } from 'vitest';
import { analyzeText, expectSlicesBack } from './speech/test-support.js';

function negations(text: string) {
  const doc = analyzeText(text);
  expectSlicesBack(doc, doc.negations);
  return doc.negations.map((n) => [n.text, n.cue]);
}

describe('findNegations', () => {
  it('finds "not" and the contracted "n\'t" with exact spans', () => {
    expect(
      negations('"We will not cut the budget," Defence Minister Boris Pistorius told reporters in Berlin.'),
    ).toEqual([['not', 'not']]);
    expect(negations("The ministry didn't confirm the figures.")).toEqual([["n't", 'not']]);
  });

  it('finds never, no one, nothing and without', () => {
    expect(negations('No one was hurt, and the operator never stopped the trains without warning.')).toEqual([
      ['No one', 'no one'],
      ['never', 'never'],
      ['without', 'without'],
    ]);
    expect(negations('Police said nothing was taken.')).toEqual([['nothing', 'nothing']]);
  });

  it('finds no cue in phrases that assert: "not only … but also", "no fewer than", "no doubt" (class 2)', () => {
    expect(negations('The board not only raised rents but also cut repairs.')).toEqual([]);
    expect(
      negations("It isn't just a delay: no fewer than 40 trains were cancelled, and no doubt more will follow."),
    ).toEqual([]);
    expect(negations('The board did not raise rents, and not only because of the vote.')).toEqual([['not', 'not']]);
  });

  it('finds neither … nor as two cues', () => {
    expect(negations('Neither the ministry nor the operator commented.')).toEqual([
      ['Neither', 'neither'],
      ['nor', 'nor'],
    ]);
  });

  it('counts "denied" and "failed to" as lexical negations', () => {
    expect(negations('The operator denied the claims and failed to publish the report.')).toEqual([
      ['denied', 'deny'],
      ['failed to', 'fail to'],
    ]);
  });

  it('ignores "No. 10" and affirmative sentences', () => {
    expect(negations('No. 10 confirmed the minister would attend.')).toEqual([]);
    expect(negations('The line reopened on Monday.')).toEqual([]);
  });
});
