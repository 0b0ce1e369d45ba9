import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import type { Extracted } from '../types.js';
import { extract, sha256 } from './index.js';
import { extractedProblems } from './validate.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url));
const blockTexts = (ex: Extracted, kind?: 'heading' | 'paragraph') =>
  ex.blocks.filter((b) => !kind || b.kind === kind).map((b) => ex.text.slice(b.start, b.end));

describe('extract', () => {
  it.each([
    'news-page.html',
    'content-farm.html',
    'broken.html',
    'article.md',
    'plain.txt',
    'content-farm.txt',
    'cp1252.txt',
    'wire.txt',
  ])('%s: every block and boilerplate span slices back exactly', (name) => {
    const ex = extract(fixture(name));
    expect(extractedProblems(ex)).toEqual([]);
    expect(ex.blocks.length).toBeGreaterThan(0);
  });

  it('HTML news page: article text, headline as a heading, boilerplate spans kept out of blocks', () => {
    const ex = extract(fixture('news-page.html'), { url: 'https://courier.example/rail' });
    expect(ex).toMatchObject({
      format: 'html',
      encoding: 'utf-8',
      url: 'https://courier.example/rail',
      title: 'Rail authority delays northern line upgrade',
      outlet: 'Harbour Courier',
      byline: 'Maria Lenz',
    });
    expect(blockTexts(ex, 'heading')).toEqual([
      'Rail authority delays northern line upgrade',
      'What it means for passengers',
    ]);
    expect(ex.boilerplate.map((b) => [b.text, b.reason])).toEqual([
      ['Read more: Why signalling contracts keep overrunning', 'related: "Read more"'],
    ]);
    expect(ex.text).toContain(ex.boilerplate[0].text); // boilerplate stays in the text
    expect(blockTexts(ex).join(' ')).not.toMatch(/Read more|Share this|Leave a Reply|Scroll to Top/);
  });

  it('content-farm text: comment form, share bar and scroll button are boilerplate, the made-up conclusion is not', () => {
    const ex = extract(fixture('content-farm.txt'));
    expect(ex.format).toBe('text');
    expect(blockTexts(ex, 'paragraph')).toEqual([
      'The Federal Railway Authority claims the northern line upgrade must be delayed.',
      'According to the authority, the signalling contract ran over budget.',
      'This proves once again that the railways are broken beyond repair.',
    ]);
    expect(ex.boilerplate.map((b) => b.text)).toEqual([
      'Share this:',
      'Facebook',
      'X',
      'Leave a Comment',
      'Your email address will not be published. Required fields are marked *',
      'Name *',
      'Email *',
      'Website',
      'Save my name, email, and website in this browser for the next time I comment.',
      'Post Comment',
      'Scroll to Top',
    ]);
  });

  it('WordPress content-farm page: headline from <h1> not cut at the colon, nav and calls to action out of the body', () => {
    const ex = extract(fixture('content-farm.html'));
    expect(ex).toMatchObject({
      title: 'Shocking: Rail Authority Finally Admits Upgrade Disaster',
      outlet: 'Daily Truth Wire',
      published: '2026-03-14T11:02:00+00:00',
    });
    expect(blockTexts(ex, 'heading')).toEqual(['Shocking: Rail Authority Finally Admits Upgrade Disaster']);
    expect(blockTexts(ex, 'paragraph')).toHaveLength(3);
    expect(blockTexts(ex, 'paragraph')[2]).toMatch(
      /^This proves once again that the railways are broken beyond repair/,
    );
    expect(ex.boilerplate.map((b) => b.reason)).toEqual([
      'call-to-action: "Click here to"',
      'navigation: "Scroll to Top"',
    ]);
    expect(ex.text).not.toMatch(/\bHome\b|Contact/);
  });

  it('Markdown: headings distinct from body, markup removed, "By" line as byline', () => {
    const ex = extract(fixture('article.md'));
    expect(ex.format).toBe('markdown');
    expect(blockTexts(ex, 'heading')).toEqual([
      'Harbour authority fines ferry operator £250,000',
      'What happened',
      'Analysis',
    ]);
    expect(ex.title).toBe('Harbour authority fines ferry operator £250,000');
    expect(ex.byline).toBe('Sam Okoro');
    expect(ex.boilerplate).toEqual([expect.objectContaining({ text: 'By Sam Okoro', reason: 'byline' })]);
    expect(ex.text).not.toMatch(/\*\*|\]\(|^#/m);
  });

  it('plain text: wrapped lines joined, capitals and "Analysis:" lines are headings', () => {
    const ex = extract(fixture('plain.txt'));
    expect(blockTexts(ex, 'heading')).toEqual([
      'FLOOD DEFENCES TO BE RAISED ALONG RIVER ESK',
      'Analysis: what it means',
    ]);
    expect(blockTexts(ex, 'paragraph')[0]).toBe(
      'The Environment Agency will raise flood walls along a four-mile stretch of the River Esk after the wettest winter on record, officials said on Thursday.',
    );
  });

  it('Windows-1252 bytes: smart quotes and £ decoded, CRLF gone', () => {
    const ex = extract(fixture('cp1252.txt'));
    expect(ex.encoding).toBe('windows-1252');
    expect(ex.title).toBe('Council sets “fair” rent cap at £950');
    expect(ex.text).not.toContain('\r');
    expect(blockTexts(ex, 'paragraph')[1]).toBe(
      '“This is about keeping families in the town,” said the committee chair, Renée Dubois.',
    );
  });

  it('wire copy: slug, byline and marker are boilerplate; date from the slug', () => {
    const ex = extract(fixture('wire.txt'));
    expect(ex).toMatchObject({
      format: 'text',
      title: 'KEEPER FINED OVER LIGHTHOUSE FIRE',
      byline: 'Alex Morgan',
      outlet: 'PA News',
      published: '2026-03-14T09:12',
    });
    expect(ex.boilerplate.map((b) => b.reason)).toEqual(['wire-slug', 'byline', 'wire-marker: "mfl"']);
    expect(ex.text).not.toMatch(/[\u0019`#]|<$/m);
  });

  it('given metadata wins over extracted metadata; a forced format is obeyed', () => {
    const ex = extract(fixture('news-page.html'), { meta: { title: 'Feed title', published: '2026-03-15' } });
    expect(ex.title).toBe('Feed title');
    expect(ex.published).toBe('2026-03-15');
    expect(ex.byline).toBe('Maria Lenz');
    const asText = extract('# Not a heading here\n\nThe council met.', { format: 'text' });
    expect(asText.format).toBe('text');
    expect(asText.text).toContain('# Not a heading here');
  });

  it.each([
    ['empty', '', /input is empty/],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), /binary/],
    [
      'no text in the HTML',
      '<html><head><title>x</title></head><body><script>track()</script><img src="a.png"></body></html>',
      /no extractable text/,
    ],
    ['nothing but boilerplate', 'Leave a Comment\nScroll to Top\n', /everything extracted looks like boilerplate/],
  ])('throws InputError for %s', (_name, input, message) => {
    expect(() => extract(input)).toThrow(InputError);
    expect(() => extract(input)).toThrow(message);
  });

  it('passes maxBytes through', () => {
    expect(() => extract('The council met on Monday. '.repeat(100), { maxBytes: 1000 })).toThrow(
      'input is 2.6 kB, over --max-bytes 1000 bytes',
    );
  });
});

describe('sha256', () => {
  it('hashes bytes and UTF-8 strings alike', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256(Buffer.from('abc'))).toBe(sha256('abc'));
  });
});
