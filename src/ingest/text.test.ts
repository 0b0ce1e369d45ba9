import { describe, expect, it } from 'vitest';
import { plainUnits, wrapWidth } from './text.js';

describe('plainUnits', () => {
  it('splits paragraphs on blank lines and joins hard-wrapped lines', () => {
    const units = plainUnits(
      'The Environment Agency will raise flood walls along a\nfour-mile stretch of the River Esk, officials said.\n\nThe work will cost about £14 million.\n',
    );
    expect(units).toEqual([
      {
        text: 'The Environment Agency will raise flood walls along a four-mile stretch of the River Esk, officials said.',
        kind: 'paragraph',
      },
      { text: 'The work will cost about £14 million.', kind: 'paragraph' },
    ]);
  });

  it('treats a short unpunctuated line standing alone, or an all-caps line, as a heading', () => {
    const units = plainUnits(
      'FLOOD WALLS TO BE RAISED\n\nThe agency said work starts in May.\n\nAnalysis: what it means\n\nInsurers welcomed the plan.',
    );
    expect(units.map((u) => u.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
    expect(units[2].text).toBe('Analysis: what it means');
  });

  it('does not call a short line inside a paragraph a heading', () => {
    const units = plainUnits('Analysis: what it means\nInsurers welcomed the plan, which covers 2,300 homes.');
    expect(units).toHaveLength(1);
    expect(units[0].kind).toBe('paragraph');
  });

  it('splits one-paragraph-per-line text at sentence ends', () => {
    const units = plainUnits('The council met on Monday.\nIt approved the budget.\nThe vote was 7-4.');
    expect(units.map((u) => u.text)).toEqual([
      'The council met on Monday.',
      'It approved the budget.',
      'The vote was 7-4.',
    ]);
  });

  it('rejoins a paragraph that a layout broke across blank lines', () => {
    const units = plainUnits(
      'Deborah Price, 25, who now works as a researcher on a quiz\n\nprogramme, also received a public apology over an\n\narticle published last year.\n\nThe newspaper had alleged she arranged for impostors to appear.',
    );
    expect(units.map((u) => u.text)).toEqual([
      'Deborah Price, 25, who now works as a researcher on a quiz programme, also received a public apology over an article published last year.',
      'The newspaper had alleged she arranged for impostors to appear.',
    ]);
  });

  it('keeps a crosshead apart from the next paragraph', () => {
    const units = plainUnits('The trial continues.\n\nFalse clues\n\nDetectives followed 200 leads before the arrest.');
    expect(units.map((u) => u.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('keeps boilerplate lines apart, even without blank lines', () => {
    const units = plainUnits(
      'The railways are broken beyond repair.\n\nShare this:\nFacebook\nLeave a Comment\nName *',
    );
    expect(units.map((u) => u.text)).toEqual([
      'The railways are broken beyond repair.',
      'Share this:',
      'Facebook',
      'Leave a Comment',
      'Name *',
    ]);
    expect(units.every((u) => u.kind === 'paragraph')).toBe(true); // labels, not headings
  });
});

describe('wrapWidth', () => {
  it('finds the column of hard-wrapped text and 0 for free-flowing lines', () => {
    const wrapped = ['a'.repeat(72), 'b'.repeat(70), 'c'.repeat(71), 'd'.repeat(30), 'e'.repeat(72)];
    expect(wrapWidth(wrapped)).toBe(72);
    expect(wrapWidth(['short line', 'x'.repeat(300), 'another', 'four'])).toBe(0);
  });
});

describe('plain-text headline and byline', () => {
  it('keeps a long first line with a comma as the headline and a "By …" line apart', () => {
    const units = plainUnits(
      'Signal faults behind weeks of delays on Berlin-Hamburg line, rail authority says\n\nBy Anna Keller, Unspun Wire\n\nBERLIN, March 12 - Faulty signalling equipment caused most of the delays, the authority said.\n',
    );
    expect(units.map((u) => [u.kind, u.text.slice(0, 16)])).toEqual([
      ['heading', 'Signal faults be'],
      ['paragraph', 'By Anna Keller, '],
      ['paragraph', 'BERLIN, March 12'],
    ]);
  });
});
