import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPaths } from '../../src/corpus/add.js';
import { decodeAnalysis } from '../../src/store/codec.js';
import { openStore, type Store } from '../../src/store/index.js';
import { FIXTURES, fixture, page, tempDir, warcResponse } from './helpers.js';
import { loadVectors } from '../../src/align/vectors.js';

const vectors = loadVectors();

describe('addPaths on a real SQLite file', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = tempDir('add');
    store = await openStore(join(dir, 'unspun.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests a directory recursively and is idempotent on a re-run', async () => {
    const first = await addPaths(store, [FIXTURES], { vectors, workers: 0 });
    expect(first).toMatchObject({ added: 5, duplicates: 0, versions: 0, failed: [] });
    const again = await addPaths(store, [FIXTURES], { vectors, workers: 0 });
    expect(again).toMatchObject({ added: 0, duplicates: 5, failed: [] });
    expect(await store.count()).toBe(5);
    const row = await store.get(first.ids[0]);
    const a = decodeAnalysis(row!.analysis);
    for (const s of a.sentences) expect(a.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('stores the same text once even under a different file name', async () => {
    writeFileSync(join(dir, 'copy-a.txt'), fixture('unrelated.txt'));
    writeFileSync(join(dir, 'copy-b.txt'), fixture('unrelated.txt') + '\n\n');
    const s = await addPaths(store, [join(dir, 'copy-a.txt'), join(dir, 'copy-b.txt')], { vectors, workers: 0 });
    expect(s.added).toBe(1);
    expect(s.duplicates).toBe(1);
  });

  it('reads JSON Lines, reports bad lines, and makes a changed text under a known URL a new version', async () => {
    const url = 'https://gazette.example/halden-bridge';
    const lines = [
      JSON.stringify({
        id: 'w1',
        title: 'Bridge to close',
        outlet: 'Wire',
        published: '2026-03-03T07:00:00Z',
        text: fixture('wire-origin.txt'),
      }),
      '{"url": "broken',
      JSON.stringify({ url, html: page('Halden rail bridge to shut', fixture('wire-origin.txt')) }),
      JSON.stringify({ url, title: 'no body' }),
      '',
      '[1, 2]',
    ];
    writeFileSync(join(dir, 'batch.jsonl'), lines.join('\n'));
    const s = await addPaths(store, [join(dir, 'batch.jsonl')], { vectors, workers: 0 });
    expect(s.added).toBe(2);
    expect(s.failed.map((f) => f.source.replace(dir, ''))).toEqual([
      '/batch.jsonl:2',
      '/batch.jsonl:4',
      '/batch.jsonl:6',
    ]);
    expect(s.failed[0].reason).toMatch(/bad JSON/);
    const w1 = await store.latestVersion('w1');
    expect(w1).toMatchObject({ title: 'Bridge to close', outlet: 'Wire', published: '2026-03-03T07:00:00.000Z' });

    writeFileSync(join(dir, 'update.jsonl'), JSON.stringify({ url, text: fixture('paper-spun.txt') }) + '\n');
    const u = await addPaths(store, [join(dir, 'update.jsonl')], { vectors, workers: 0 });
    expect(u).toMatchObject({ added: 1, versions: 1 });
    expect((await store.versionsOf(url)).map((m) => m.version)).toEqual([1, 2]);
  });

  it('reads RSS items with content and reports a broken feed and content-less items', async () => {
    const item = (n: number, body: string | null) =>
      `<item><title>Item ${n}</title><link>https://post.example/${n}</link><pubDate>Tue, 03 Mar 2026 09:0${n}:00 GMT</pubDate>` +
      (body === null ? '' : `<description><![CDATA[${page('x', body)}]]></description>`) +
      '</item>';
    writeFileSync(
      join(dir, 'good.rss'),
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Halden Post</title>${item(1, fixture('wire-origin.txt'))}${item(2, null)}${item(3, fixture('unrelated.txt'))}</channel></rss>`,
    );
    writeFileSync(join(dir, 'broken.xml'), 'this is <<< not a feed at all');
    const s = await addPaths(store, [join(dir, 'good.rss'), join(dir, 'broken.xml')], { vectors, workers: 0 });
    expect(s.added).toBe(2);
    expect(s.failed).toHaveLength(2);
    expect(s.failed[0].reason).toMatch(/no content/);
    expect(s.failed[1].reason).toMatch(/broken feed/);
    const stored = await store.latestVersion('https://post.example/3');
    expect(stored).toMatchObject({ outlet: 'Halden Post', url: 'https://post.example/3' });
  });

  it('reads WARC and WARC.gz response records and survives a truncated archive', async () => {
    const a = await warcResponse('https://gazette.example/bridge', page('Bridge', fixture('wire-origin.txt')), false);
    const b = await warcResponse(
      'https://gazette.example/orchestra',
      page('Orchestra', fixture('unrelated.txt')),
      true,
    );
    writeFileSync(join(dir, 'crawl.warc'), Buffer.concat([a, a.subarray(0, 0)]));
    writeFileSync(join(dir, 'crawl2.warc.gz'), b);
    const c = await warcResponse('https://gazette.example/spun', page('Spun', fixture('paper-spun.txt')), false);
    writeFileSync(join(dir, 'cut.warc'), Buffer.concat([c, a.subarray(0, Math.floor(a.length / 2))]));
    const s = await addPaths(store, [join(dir, 'crawl.warc'), join(dir, 'crawl2.warc.gz'), join(dir, 'cut.warc')], {
      vectors,
      workers: 0,
    });
    expect(s.added).toBe(3);
    expect(s.failed.length).toBeGreaterThanOrEqual(1);
    expect(s.failed.at(-1)!.source).toContain('cut.warc');
    expect((await store.latestVersion('https://gazette.example/orchestra'))?.outlet).toBe('gazette.example');
  });

  it('reports missing and unsupported inputs without aborting the batch', async () => {
    writeFileSync(join(dir, 'notes.pdf'), '%PDF-1.4');
    const s = await addPaths(
      store,
      [join(dir, 'missing.txt'), join(dir, 'notes.pdf'), join(FIXTURES, 'unrelated.txt')],
      { vectors, workers: 0 },
    );
    expect(s.added).toBe(1);
    expect(s.failed.map((f) => f.reason)).toEqual([
      expect.stringMatching(/cannot read/),
      expect.stringMatching(/unsupported/),
    ]);
  });

  it('analyses on worker threads with the same result as in-process', async () => {
    const s = await addPaths(store, [FIXTURES], { vectors, workers: 2, chunkSize: 2 });
    expect(s.added).toBe(5);
    const other = await openStore(join(dir, 'inproc.db'));
    const t = await addPaths(other, [FIXTURES], { vectors, workers: 0 });
    expect((await other.list()).map((m) => m.hash)).toEqual((await store.list()).map((m) => m.hash));
    await other.close();
    expect(t.added).toBe(5);
  });
});
