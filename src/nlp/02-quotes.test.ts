import { describe, expect, it } from 'vitest';
import { analyzeText, expectSlicesBack } from './speech/test-support.js';

function inners(text: string): string[] {
  const doc = analyzeText(text);
  expectSlicesBack(doc, [...doc.quotes, ...doc.quotes.map((q) => q.inner)]);
  return doc.quotes.map((q) => q.inner.text);
}

describe('findQuotes', () => {
  it('finds straight double quotes, including a one-word quote inside a that-clause', () => {
    const text =
      'Maria Lenz, a spokeswoman for the Federal Railway Authority, said on Tuesday that the delays were "unacceptable".';
    expect(inners(text)).toEqual(['unacceptable']);
  });

  it('finds a quote before the reporting clause, keeping its trailing comma inside', () => {
    const doc = analyzeText('"We will not cut the budget," Defence Minister Boris Pistorius told reporters in Berlin.');
    expect(doc.quotes).toHaveLength(1);
    expect(doc.quotes[0].text).toBe('"We will not cut the budget,"');
    expect(doc.quotes[0].inner.text).toBe('We will not cut the budget,');
    expect(doc.quotes[0].sentences).toEqual([0]);
  });

  it("finds curly quotes, guillemets and ``double backquote'' quotes", () => {
    expect(inners('“It is a scandal,” she said.')).toEqual(['It is a scandal,']);
    expect(inners('«Nous ne reculerons pas», a déclaré le ministre.')).toEqual(['Nous ne reculerons pas']);
    expect(inners("``The levee held,'' the mayor said on Sunday.")).toEqual(['The levee held,']);
  });

  it('keeps a quote spanning two sentences as one quote touching both', () => {
    const doc = analyzeText(
      '“The line will reopen in March. Until then, buses will replace the trains,” the operator said.',
    );
    expect(doc.quotes).toHaveLength(1);
    expect(doc.quotes[0].sentences).toEqual([0, 1]);
  });

  it('does not take apostrophes for quote marks', () => {
    expect(inners("Germany's rail network, built in the '90s, doesn't cope, the farmers' union said.")).toEqual([]);
    expect(inners("The rock 'n' roll star told the court he was 'deeply upset'.")).toEqual(['deeply upset']);
    expect(inners('Germany’s rail chief said it wasn’t ‘a question of money’ but of staff.')).toEqual([
      'a question of money',
    ]);
  });

  it('finds single-quoted words in a headline and in British body copy', () => {
    expect(inners("Minister's 'daft notion' attacked by judges")).toEqual(['daft notion']);
    expect(inners("'I could not believe it,' the composer told the jury.")).toEqual(['I could not believe it,']);
  });

  it('follows the paragraph-continuation convention', () => {
    const text =
      '“We will rebuild the bridge,” the mayor said. “It will take two years.\n\n“And it will cost more than planned.”\n\nWork starts in May.';
    const doc = analyzeText(text);
    expectSlicesBack(doc, doc.quotes);
    expect(doc.quotes.map((q) => q.inner.text)).toEqual([
      'We will rebuild the bridge,',
      'It will take two years.',
      'And it will cost more than planned.',
    ]);
  });

  it('drops an opener never closed when the next paragraph does not continue it', () => {
    expect(inners('He said “the plan is dead.\n\nThe talks resume on Monday.')).toEqual([]);
  });
});
