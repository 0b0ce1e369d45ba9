import { describe, expect, it } from 'vitest';
import { parseJsonlLine } from './jsonl-reader.js';
import { looksLikeFeed, readFeedText } from './feed-reader.js';

describe('parseJsonlLine', () => {
  it('reads a record with metadata and uses the id as identity', () => {
    const item = parseJsonlLine(
      JSON.stringify({
        id: 42,
        url: 'https://post.example/a',
        title: 'Bridge shut',
        published: '2026-03-03',
        outlet: 'Post',
        text: 'The bridge closed.',
      }),
      'f.jsonl:1',
    );
    expect(item).toEqual({
      record: {
        article: '42',
        source: 'f.jsonl:1',
        body: 'The bridge closed.',
        format: 'auto',
        url: 'https://post.example/a',
        title: 'Bridge shut',
        published: '2026-03-03T00:00:00.000Z',
        outlet: 'Post',
      },
    });
  });

  it('prefers html and falls back to the URL as identity', () => {
    const item = parseJsonlLine(JSON.stringify({ url: 'https://post.example/b', html: '<p>Hi</p>', text: 'Hi' }), 'x');
    expect('record' in item && item.record).toMatchObject({
      article: 'https://post.example/b',
      format: 'html',
      body: '<p>Hi</p>',
    });
  });

  it('reports malformed lines with a reason', () => {
    expect(parseJsonlLine('{"text": "unterminated', 'x:3')).toMatchObject({
      failed: { source: 'x:3', reason: expect.stringMatching(/^bad JSON/) },
    });
    expect(parseJsonlLine('"just a string"', 'x')).toMatchObject({ failed: { reason: 'record is not a JSON object' } });
    expect(parseJsonlLine('{"title": "empty", "text": "  "}', 'x')).toMatchObject({
      failed: { reason: expect.stringMatching(/neither/) },
    });
  });
});

describe('feed reader', () => {
  it('tells feeds from pages', () => {
    expect(looksLikeFeed('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>')).toBe(true);
    expect(looksLikeFeed('<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(looksLikeFeed('<!doctype html><html><body>news</body></html>')).toBe(false);
  });

  it('turns Atom entries into records carrying the feed title as outlet', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Morrow Gazette</title>
      <entry><title>Bridge to close</title><link href="https://gazette.example/bridge"/><id>tag:g,1</id><updated>2026-03-03T10:00:00Z</updated>
      <content type="html">&lt;p&gt;The Halden rail bridge will close for eight months.&lt;/p&gt;</content></entry></feed>`;
    const [item] = [...readFeedText(atom, 'g.atom')];
    expect(item).toMatchObject({
      record: {
        url: 'https://gazette.example/bridge',
        outlet: 'Morrow Gazette',
        title: 'Bridge to close',
        format: 'html',
        published: '2026-03-03T10:00:00.000Z',
      },
    });
  });
});
