import { describe, expect, it } from 'vitest';
import { buildContext } from '../tester.js';
import { isSummary, tokenRuns, unsupportedTokens } from './support.js';
import { loadVectors } from '../../align/vectors.js';

const vectors = loadVectors();

const ARTICLE =
  'Hundreds of trains were cancelled across Germany on Tuesday after a fire damaged a signal box near Frankfurt. ' +
  'Maria Lenz, a spokeswoman for the rail operator, said engineers hoped to restore services by Thursday. ' +
  'Commuters queued for buses at the main station for most of the morning. ' +
  'Police said the fire was not thought to be arson.';

describe('unsupportedTokens', () => {
  it('names the words the whole source does not carry, as runs', () => {
    const ctx = buildContext({
      name: 'x',
      source: ARTICLE,
      derived: 'Commuters queued for buses while Mayor Peter Hahn toured the station.',
      links: [[2, 0]],
    });
    const runs = tokenRuns(ctx.derived, unsupportedTokens(ctx.source, ctx.derived, 0, vectors)).map((r) =>
      ctx.derived.text.slice(r.start, r.end),
    );
    expect(runs).toEqual(['Mayor Peter Hahn toured']);
  });

  it('accepts a figure written another way', () => {
    const ctx = buildContext({
      name: 'y',
      source: 'The line will reopen at 8pm on Friday.',
      derived: 'The line will reopen at 8 pm on Friday.',
      links: [[0, 0]],
    });
    expect(unsupportedTokens(ctx.source, ctx.derived, 0, vectors)).toEqual([]);
  });
});

describe('isSummary', () => {
  it('a short, fully aligned text is a summary', () => {
    expect(
      isSummary(
        buildContext({
          name: 's',
          source: ARTICLE,
          derived: 'A signal box fire near Frankfurt cancelled trains.',
          links: [[0, 0]],
        }),
      ),
    ).toBe(true);
  });

  it('a text as long as the source is not', () => {
    const ctx = buildContext({
      name: 'l',
      source: ARTICLE,
      derived: ARTICLE,
      links: [
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 3],
      ],
    });
    expect(isSummary(ctx)).toBe(false);
  });

  it('a short text with an unaligned sentence is not', () => {
    const ctx = buildContext({
      name: 'u',
      source: ARTICLE,
      derived: 'Trains were cancelled near Frankfurt. The harbour festival opens on Friday.',
      links: [[0, 0]],
    });
    expect(isSummary(ctx)).toBe(false);
  });
});
