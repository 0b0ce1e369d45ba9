import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewArticle, QuoteEntry, Store } from '../../src/store/store.js';

/** Opens a store whose data lives under `dir`; opening the same dir again must see the same data. */
export type StoreFactory = (dir: string) => Promise<Store>;

function record(n: number, over: Partial<NewArticle> = {}): NewArticle {
  return {
    article: `https://example.test/story-${n}`,
    version: 1,
    hash: `hash-${n}`,
    rawHash: `raw-${n}`,
    url: `https://example.test/story-${n}`,
    title: `Story ${n}`,
    outlet: n % 2 ? 'Morrow Gazette' : 'Halden Post',
    published: '2026-03-0' + ((n % 9) + 1) + 'T08:00:00.000Z',
    source: 'suite',
    words: 100 + n,
    analysis: new Uint8Array([n, n + 1, n + 2]),
    features: { bands: [n, 1000 + (n % 3)], anchors: [5000 + n, 7777, 0xfffffff0], vector: Int8Array.of(n, -n, 3) },
    lemmas: [11, 12 + n, 0xfffffff1],
    text: `Story ${n} about the harbour${n === 2 ? ' and the lighthouse keepers strike' : ''}.`,
    quotes: [quote(n, 'We will rebuild the pier', [0xfffffff2, 40 + n]), quote(n, 'Not before spring', [0xfffffff2])],
    ...over,
  };
}

function quote(n: number, words: string, keys: number[]): QuoteEntry {
  return {
    start: 10 + n,
    end: 40 + n,
    innerStart: 11 + n,
    innerEnd: 39 + n,
    speakerKey: n % 2 ? 'ines brook' : null,
    speakerName: n % 2 ? 'Ines Brook' : null,
    speakerOrg: n % 2 ? 'harbour board' : null,
    description: n % 2 ? 'chair of the Harbour Board' : null,
    words: words.toLowerCase(),
    content: words
      .toLowerCase()
      .replace(/\b(we|will|the|not)\b ?/g, '')
      .trim(),
    keys,
  };
}

/** The one suite every backend runs (Kysely style): `runStoreSuite('sqlite', (dir) => …)`. */
export function runStoreSuite(name: string, open: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let dir: string;
    let store: Store;
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), `unspun-${name}-`));
      store = await open(dir);
    });
    afterEach(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('inserts a batch and finds records by hash, raw hash and id', async () => {
      const metas = await store.insertBatch([record(1), record(2)]);
      expect(metas.map((m) => m.title)).toEqual(['Story 1', 'Story 2']);
      expect((await store.findByHash('hash-2'))?.id).toBe(metas[1].id);
      expect((await store.findByRawHash('raw-1'))?.id).toBe(metas[0].id);
      expect(await store.findByHash('nope')).toBeNull();
      const got = await store.get(metas[0].id);
      expect([...got!.analysis]).toEqual([1, 2, 3]);
      expect(await store.count()).toBe(2);
    });

    it('skips a record whose content hash is stored (the database decides) and stores the rest', async () => {
      await store.insertBatch([record(1)]);
      const metas = await store.insertBatch([record(2), record(3, { hash: 'hash-1' }), record(4)]);
      expect(metas.map((m) => m.title)).toEqual(['Story 2', 'Story 4']);
      expect(await store.count()).toBe(3);
      expect((await store.lemmaDf([11])).get(11)).toBe(3);
    });

    it('keeps a batch atomic: a bad record stores nothing', async () => {
      await expect(store.insertBatch([record(2), record(3, { article: null as unknown as string })])).rejects.toThrow();
      expect(await store.count()).toBe(0);
      expect((await store.lemmaDf([11])).size).toBe(0);
    });

    it('keeps versions under one identity, newest last, numbered by the store', async () => {
      const metas = await store.insertBatch([
        record(1),
        record(2, { article: 'https://example.test/story-1', version: 2 }),
      ]);
      expect(metas.map((m) => m.version)).toEqual([1, 2]);
      // A writer that counted versions before another writer stored one still gets the next number.
      const [late] = await store.insertBatch([record(3, { article: 'https://example.test/story-1', version: 2 })]);
      expect(late.version).toBe(3);
      expect((await store.latestVersion('https://example.test/story-1'))?.version).toBe(3);
      expect((await store.versionsOf('https://example.test/story-1')).map((m) => m.version)).toEqual([1, 2, 3]);
    });

    it('answers band, anchor, df and vector queries', async () => {
      const [a, b, c] = await store.insertBatch([record(1), record(2), record(4)]);
      const bands = await store.bandMatches([1, 1001]);
      expect(bands.get(a.id)).toBe(2);
      expect(bands.get(c.id)).toBe(1); // 1000 + 4 % 3
      expect(bands.has(b.id)).toBe(false);
      const postings = await store.anchorPostings([5002, 7777], 2);
      expect(postings.get(5002)).toEqual([b.id]);
      expect((await store.anchorPostings([0xfffffff0], 5)).get(0xfffffff0)).toEqual([a.id, b.id, c.id]); // uint32 keys survive
      expect(postings.has(7777)).toBe(false); // in 3 articles, above the cap of 2
      const df = await store.lemmaDf([11, 13, 99]);
      expect(df.get(11)).toBe(3);
      expect(df.get(13)).toBe(1);
      expect(df.has(99)).toBe(false);
      expect((await store.lemmaDf([0xfffffff1])).get(0xfffffff1)).toBe(3);
      const v = await store.vectors();
      expect(v.dim).toBe(3);
      expect([...v.ids]).toEqual([a.id, b.id, c.id]);
      expect([...v.data.slice(3, 6)]).toEqual([2, -2, 3]);
      expect(await store.indexBytes()).toBeGreaterThan(0);
    });

    it('finds the nearest vectors, best first, and scores given ids; a query of another dimension finds none', async () => {
      const [a, b, c] = await store.insertBatch([
        record(1, { features: { bands: [], anchors: [], vector: Int8Array.of(127, 0, 0) } }),
        record(2, { features: { bands: [], anchors: [], vector: Int8Array.of(0, 127, 0) } }),
        record(3, { features: { bands: [], anchors: [], vector: Int8Array.of(90, 90, 0) } }),
      ]);
      const near = await store.nearestByVector(Int8Array.of(127, 0, 0), 2);
      expect(near.map((h) => h.id)).toEqual([a.id, c.id]);
      expect(near[0].score).toBeCloseTo(1, 5);
      expect(near[1].score).toBeCloseTo((90 * 127) / (127 * 127), 5);
      const scores = await store.vectorScores(Int8Array.of(127, 0, 0), [b.id, c.id, 999]);
      expect([...scores.keys()].sort()).toEqual([b.id, c.id].sort());
      expect(scores.get(b.id)).toBe(0);
      expect(await store.nearestByVector(Int8Array.of(1, 2), 2)).toEqual([]);
      await store.remove(a.id);
      expect((await store.nearestByVector(Int8Array.of(127, 0, 0), 1)).map((h) => h.id)).toEqual([c.id]);
    });

    it('full-text search ranks the document holding the rare words first and forgets removed ones', async () => {
      const metas = await store.insertBatch([record(1), record(2), record(3)]);
      const hits = await store.textSearch('The lighthouse keepers went on strike at the harbour', 3);
      expect(hits[0].id).toBe(metas[1].id);
      expect(hits.map((h) => h.id).sort()).toEqual(metas.map((m) => m.id).sort());
      expect(hits[0].score).toBeGreaterThan(hits[2].score);
      // Stemmed on both backends; any one word is enough; query syntax is only words.
      expect((await store.textSearch('keeper', 3)).map((h) => h.id)).toEqual([metas[1].id]);
      expect((await store.textSearch('nothing like it: lighthouse', 3)).map((h) => h.id)).toEqual([metas[1].id]);
      expect(await store.textSearch('"quoted" OR (syntax) * NEAR & ! | :* \'', 3)).toEqual([]);
      expect(await store.textSearch('', 3)).toEqual([]);
      expect(await store.textSearch('harbour', 0)).toEqual([]);
      expect(await store.textSearch('harbour', 2)).toHaveLength(2);
      await store.remove(metas[1].id);
      expect(await store.textSearch('lighthouse keepers', 3)).toEqual([]);
    });

    it('lists, filters, pages, iterates and removes with index rows', async () => {
      await store.insertBatch([1, 2, 3, 4, 5].map((n) => record(n)));
      expect((await store.list({ outlet: 'Halden Post' })).map((m) => m.title)).toEqual(['Story 2', 'Story 4']);
      expect((await store.list({ limit: 2, offset: 1 })).map((m) => m.title)).toEqual(['Story 2', 'Story 3']);
      const seen: string[] = [];
      for await (const r of store.iterate(2)) seen.push(r.hash);
      expect(seen).toEqual(['hash-1', 'hash-2', 'hash-3', 'hash-4', 'hash-5']);
      const id = (await store.findByHash('hash-3'))!.id;
      expect(await store.remove(id)).toBe(true);
      expect(await store.remove(id)).toBe(false);
      expect((await store.bandMatches([3])).size).toBe(0);
      expect((await store.anchorPostings([5003], 10)).size).toBe(0);
      expect(await store.count()).toBe(4);
    });

    it('keeps a quote index: postings per key (common keys left out), rows by id and by article, gone with the article', async () => {
      const [a, b, c] = await store.insertBatch([record(1), record(2), record(3)]);
      const postings = await store.quotePostings([41, 42, 0xfffffff2, 999], 4);
      expect(postings.size).toBe(2);
      const [q41] = postings.get(41)!;
      // 0xfffffff2 is in six quotes: more than 4, so it is left out (and a uint32 key round-trips).
      expect(postings.has(0xfffffff2)).toBe(false);
      expect([...(await store.quotePostings([0xfffffff2], 10)).get(0xfffffff2)!].length).toBe(6);
      const [row] = await store.quotesById([q41, 123456]);
      expect(row).toEqual({
        id: q41,
        doc: a.id,
        start: 11,
        end: 41,
        innerStart: 12,
        innerEnd: 40,
        speakerKey: 'ines brook',
        speakerName: 'Ines Brook',
        speakerOrg: 'harbour board',
        description: 'chair of the Harbour Board',
        words: 'we will rebuild the pier',
        content: 'rebuild pier',
      });
      const ofB = await store.quotesOf(b.id);
      expect(ofB.map((q) => [q.words, q.speakerKey])).toEqual([
        ['we will rebuild the pier', null],
        ['not before spring', null],
      ]);
      expect(await store.remove(c.id)).toBe(true);
      expect(await store.quotesOf(c.id)).toEqual([]);
      expect((await store.quotePostings([43], 4)).size).toBe(0);
      expect((await store.quotePostings([0xfffffff2], 10)).get(0xfffffff2)!.length).toBe(4);
    });

    it('persists data and settings across reopening', async () => {
      await store.insertBatch([record(7)]);
      await store.setSetting('vector.kind', 'test-kind');
      await store.close();
      store = await open(dir);
      expect((await store.findByHash('hash-7'))?.title).toBe('Story 7');
      expect(await store.getSetting('vector.kind')).toBe('test-kind');
      expect(await store.getSetting('missing')).toBeNull();
    });
  });
}
