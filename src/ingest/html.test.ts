import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlUnits } from './html.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url), 'utf8');

describe('htmlUnits', () => {
  it('keeps the article of a news page, not its navigation, comment form or footer', () => {
    const { units, meta } = htmlUnits(fixture('news-page.html'));
    const all = units.map((u) => u.text).join('\n');
    expect(units[0]).toEqual({ text: 'Rail authority delays northern line upgrade', kind: 'heading' });
    expect(units.find((u) => u.text === 'What it means for passengers')?.kind).toBe('heading');
    expect(all).toContain(
      'Maria Okafor, a spokeswoman for the authority, said the signalling contract had run "nearly 40 per cent over budget"',
    );
    for (const junk of [
      'Politics',
      'Your email address',
      'Post Comment',
      'All rights reserved',
      'Scroll to Top',
      'body {',
    ])
      expect(all).not.toContain(junk);
    expect(meta).toEqual({
      title: 'Rail authority delays northern line upgrade',
      byline: 'Maria Lenz',
      outlet: 'Harbour Courier',
      published: '2026-03-14T09:30:00Z',
    });
  });

  it('measures link density for the link-dense cue', () => {
    const { units } = htmlUnits(fixture('news-page.html'));
    expect(units.find((u) => u.text.startsWith('Read more:'))?.linkDensity).toBeGreaterThan(0.6);
    expect(units.find((u) => u.text.startsWith('The works were due'))?.linkDensity).toBeUndefined();
  });

  it('parses broken HTML leniently: unclosed tags, no <body>, stray end tags, entities', () => {
    const { units, meta } = htmlUnits(fixture('broken.html'));
    expect(units[0]).toEqual({ text: 'Council closes Eastgate library', kind: 'heading' });
    const texts = units.map((u) => u.text);
    expect(texts).toContain(
      'Campaigners, who delivered a petition with 3,100 signatures, said the decision was "a blow to every family in the town".',
    );
    // <br><br> ends a paragraph; &amp; is decoded.
    expect(texts).toContain(
      'The council leader, Priya Nair, said the building would be sold and that a mobile library would visit twice a week.',
    );
    expect(texts).toContain('Opening hours for the van have not yet been set.');
    expect(texts).toContain('Residents can comment on the plans until 30 April & a final decision is expected in May.');
    expect(meta.byline).toBe('Tom Hale');
  });

  it('reads metadata from JSON-LD @graph and <time> when meta tags are missing', () => {
    const html = `<html><head><title>Port deal</title><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},
      {"@type":"NewsArticle","headline":"Port deal signed","author":{"name":"Ada Brook"},"publisher":{"name":"Coast Post"}}]}</script></head>
      <body><article><p>The port authority signed a 30-year lease with a shipping group on Friday, ending a two-year dispute over the harbour.</p>
      <p>Published <time datetime="2026-02-02T08:00:00Z">2 February</time></p></article></body></html>`;
    const { meta } = htmlUnits(html);
    expect(meta.byline).toBe('Ada Brook');
    expect(meta.outlet).toBe('Coast Post');
    expect(meta.published).toBe('2026-02-02T08:00:00Z');
  });

  it('cleans whitespace in a title taken from meta tags', () => {
    const { units, meta } = htmlUnits(
      '<html><head><meta property="og:title" content="  Port deal\n   signed  "></head><body><article><p>The port authority signed a 30-year lease with a shipping group on Friday.</p></article></body></html>',
    );
    expect(meta.title).toBe('Port deal signed');
    expect(units[0]).toEqual({ text: 'Port deal signed', kind: 'heading' });
  });

  it('falls back to the page body when Readability finds no article', () => {
    const { units, warnings } = htmlUnits(
      '<html><body><div hidden><p>The council voted on Tuesday to close the library.</p></div></body></html>',
    );
    expect(warnings).toEqual(['readability found no article; used the page body']);
    expect(units.map((u) => u.text)).toEqual(['The council voted on Tuesday to close the library.']);
  });
});

describe('Readability element cap', () => {
  it('a page of more than 30,000 elements is read whole, with one warning (linkedom counts no "*" tags for Readability)', () => {
    const html = `<html><body><article>${'<p>The council met.</p>'.repeat(31_000)}</article></body></html>`;
    const r = htmlUnits(html);
    expect(r.warnings).toEqual([
      expect.stringMatching(/^readability failed \(Aborting parsing document; 3\d{4} elements/),
    ]);
    expect(r.units).toHaveLength(31_000);
  });
});
