import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from './index.js';
import { extractedProblems } from './validate.js';
import { looksLikeWire, normaliseWire, wireUnits } from './wire.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url), 'latin1');

describe('wireUnits', () => {
  it('turns METER-style copy into a headline, byline, clean paragraphs and boilerplate', () => {
    const w = wireUnits(fixture('wire.txt'));
    expect(w.headline).toBe('KEEPER FINED OVER LIGHTHOUSE FIRE');
    expect(w.byline).toBe('Alex Morgan');
    expect(w.outlet).toBe('PA News');
    expect(w.published).toBe('2026-03-14T09:12');
    expect(w.units).toEqual([
      { text: '09:12 14/03/26: Page 1 (XYZ) COURTS Lighthouse', kind: 'paragraph', boilerplate: 'wire-slug' },
      { text: 'KEEPER FINED OVER LIGHTHOUSE FIRE', kind: 'heading' },
      { text: 'By Alex Morgan, PA News', kind: 'paragraph', boilerplate: 'byline' },
      {
        text: 'A former lighthouse keeper was today fined £2,500 after admitting starting a fire that badly damaged a listed building on the Kellington coast.',
        kind: 'paragraph',
      },
      {
        text: 'Magistrates heard that the blaze caused damage estimated at £80,000 - most of it to the original wooden stairway.',
        kind: 'paragraph',
      },
      {
        text: 'Defending, Jo Patel said her client had been "deeply ashamed" since the fire and had offered to pay for the repairs.',
        kind: 'paragraph',
      },
      { text: '"I made a terrible mistake," he told the court.', kind: 'paragraph' },
      { text: 'mfl', kind: 'paragraph', boilerplate: 'wire-marker: "mfl"' },
    ]);
  });

  it('reads copy wrapped in a bare HTML page', () => {
    const html = `<HTML><HEAD><TITLE>Search utility</TITLE></HEAD><BODY><HR><PRE>\n<H1><P>10:05 02/04/26: Page 1 (HHH) COURTS Ferry</P></H1><HR>FERRY FIRM FINED<\n\u0019The operator was fined #9,000 today.<\n\u0019end<\n</PRE></HTML>`;
    expect(looksLikeWire(html)).toBe(true);
    const w = wireUnits(html);
    expect(w.units.map((u) => u.text)).toEqual([
      '10:05 02/04/26: Page 1 (HHH) COURTS Ferry',
      'FERRY FIRM FINED',
      'The operator was fined £9,000 today.',
      'end',
    ]);
  });

  it('keeps a desk note before the headline as boilerplate, unless the copy is nothing but the note', () => {
    const copy = (body: string) =>
      `  ${'-'.repeat(72)}\n          11:41 03/04/26: Page 1 (HHH) COURTS Quarry\n  ${'-'.repeat(72)}\n${body}`;
    const w = wireUnits(
      copy(
        '(corrected repetition, correcting the village name in second par) QUARRY FIRM FINED<\n\u0019By Sam Reid, PA News<\n\u0019A quarry firm was fined today.<\n\u0019AP<\n',
      ),
    );
    expect(w.units.map((u) => [u.text, u.boilerplate ?? u.kind])).toEqual([
      ['11:41 03/04/26: Page 1 (HHH) COURTS Quarry', 'wire-slug'],
      ['(corrected repetition, correcting the village name in second par)', 'wire-note'],
      ['QUARRY FIRM FINED', 'heading'],
      ['By Sam Reid, PA News', 'byline'],
      ['A quarry firm was fined today.', 'paragraph'],
      ['AP', 'wire-marker: "AP"'],
    ]);
    const advisory = wireUnits(
      copy('(NOT FOR PUBLICATION: magistrates postponed reporting of the plea until the trial ends.)<\n\u0019end<\n'),
    );
    expect(advisory.units.filter((u) => !u.boilerplate).map((u) => u.text)).toEqual([
      '(NOT FOR PUBLICATION: magistrates postponed reporting of the plea until the trial ends.)',
    ]);
  });

  it('is not fooled by ordinary text', () => {
    expect(looksLikeWire('The council met on Monday.\n\nIt approved the budget.')).toBe(false);
    expect(looksLikeWire('<p>x < y</p>\n<p>a</p>')).toBe(false);
  });

  it('normalises 7-bit conventions', () => {
    expect(normaliseWire("He said it was ``a lot of rubbish'' and `unfair', paying #500 _ in cash.")).toBe(
      'He said it was "a lot of rubbish" and \'unfair\', paying £500 - in cash.',
    );
  });
});

/** Real METER files, read at test time only (research-only data: never copied into the repo). */
const METER = new URL('../../../shared/data/meter-courts/', import.meta.url).pathname;
const haveMeter = existsSync(METER);
if (!haveMeter) console.warn(`[ingest] skipping METER corpus tests: ${METER} not found`);

describe.skipIf(!haveMeter)('real METER copy (../shared/data)', () => {
  const pick = (dir: string, n: number) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.txt') && !f.endsWith('readme.txt'))
      .sort()
      .slice(0, n)
      .map((f) => join(dir, f));

  it('PA wire files come out as clean prose paragraphs', () => {
    for (const file of pick(join(METER, 'PA/rawtexts/courts'), 25)) {
      const ex = extract(readFileSync(file));
      expect(extractedProblems(ex), file).toEqual([]);
      const body = ex.blocks.map((b) => ex.text.slice(b.start, b.end));
      expect(body.length, file).toBeGreaterThan(0);
      for (const t of body) {
        expect(t, file).not.toMatch(/\u0019|<$|``|''|^-{10,}|\d\d:\d\d \d\d\/\d\d\/\d\d: Page/);
        expect(t, file).not.toContain('\n'); // hard-wrapped lines joined
      }
      expect(
        ex.boilerplate.some((b) => b.reason === 'wire-slug'),
        file,
      ).toBe(true);
      expect(ex.published, file).toMatch(/^(19|20)\d\d-\d\d-\d\dT\d\d:\d\d$/);
    }
  });

  it('newspaper files (Latin-1) come out clean with £ intact', () => {
    const files = pick(join(METER, 'newspapers/rawtexts/courts'), 60);
    let pounds = 0;
    for (const file of files) {
      const ex = extract(readFileSync(file));
      expect(extractedProblems(ex), file).toEqual([]);
      expect(ex.text, file).not.toMatch(/\ufffd|\r/);
      for (const b of ex.blocks) expect(ex.text.slice(b.start, b.end), file).not.toContain('\n');
      if (ex.text.includes('£')) pounds++;
    }
    expect(pounds).toBeGreaterThan(0);
  });
});
