import { describe, expect, it } from 'vitest';
import { applyEdit, EDIT_KINDS, insideQuote, sentenceSpans, type EditKind } from './edits.js';
import { rng } from './rng.js';

// A made-up wire story (written for this test) that offers a place for every edit kind.
const STORY = [
  'Harbour Board fines ferry firm',
  'The Harbour Board fined Northway Ferries 240 dollars on Monday after 14 passengers were hurt in 2019.',
  'Ann Reid, a spokeswoman for the Harbour Board, said the firm had not checked its ramps.',
  '"The ramps were never inspected," said Mr Lowe.',
  'The firm may appeal the decision, and its ferries were reportedly halted. The inspector said that nearly 300 sailings were cancelled.',
  'Tom Hale, 52, of Portside, was cleared. The board is expected to publish a report.',
].join('\n\n');

const edit = (kind: EditKind) => {
  const e = applyEdit(kind, STORY, rng(`test:${kind}`));
  if (!e) throw new Error(`no place for ${kind}`);
  return e;
};

describe('spin edits', () => {
  it('every kind finds a place in the story and marks an exact span of the new text', () => {
    for (const kind of EDIT_KINDS) {
      const e = edit(kind);
      expect(e.text).not.toBe(STORY);
      expect(e.mark[1]).toBeGreaterThan(e.mark[0]);
      expect(e.mark[1]).toBeLessThanOrEqual(e.text.length);
      if (e.item) expect(e.item[1]).toBeGreaterThan(e.item[0]);
    }
  });

  it('changes a figure and records both spans', () => {
    const e = edit('number-change');
    expect(STORY.slice(...e.item!)).toMatch(/^\d+$/);
    expect(e.text.slice(...e.mark)).toMatch(/^\d+$/);
    expect(e.text.slice(...e.mark)).not.toBe(STORY.slice(...e.item!));
  });

  it('inflates a small count above itself and blurs a large one into a range that holds it', () => {
    expect(edit('number-inflate').text.slice(...edit('number-inflate').mark)).toMatch(
      /^(dozens|hundreds) of passengers$/,
    );
    const blur = edit('number-blur');
    expect(['240', 'nearly 300']).toContain(STORY.slice(...blur.item!));
    expect(blur.text.slice(...blur.mark)).toMatch(/^hundreds of (dollars|sailings)$/);
  });

  it('drops an affiliation but keeps the role', () => {
    const e = edit('affiliation-dropped');
    expect(STORY.slice(...e.item!)).toBe('Harbour Board');
    expect(e.text).toContain('Ann Reid, a spokeswoman, said');
  });

  it('turns a direct quote into indirect speech and removes a say-clause', () => {
    expect(edit('quote-to-indirect').text).toContain('Mr Lowe said that the ramps were never inspected.');
    const s = edit('say-clause-removed');
    expect(s.text.slice(...s.mark)).not.toMatch(/\bsaid\b/);
  });

  it('never edits inside a quote and never inserts a sentence into one', () => {
    expect(insideQuote(STORY, STORY.indexOf('never inspected'))).toBe(true);
    expect(insideQuote(STORY, STORY.indexOf('Mr Lowe'))).toBe(false);
    for (let i = 0; i < 20; i++) {
      const e = applyEdit('invented-fact', STORY, rng(`q${i}`))!;
      expect(insideQuote(e.text, e.mark[0])).toBe(false);
    }
  });

  it('is deterministic for a seed', () => {
    expect(applyEdit('verb-swap', STORY, rng('a'))).toEqual(applyEdit('verb-swap', STORY, rng('a')));
  });

  it('splits sentences at end punctuation', () => {
    expect(
      sentenceSpans('One two. Three "four." Five').map(([s, e]) => 'One two. Three "four." Five'.slice(s, e)),
    ).toEqual(['One two.', 'Three "four."', 'Five']);
  });
});
