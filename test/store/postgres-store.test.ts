import { basename } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { migrations } from '../../src/store/postgres/postgres-migrations.js';
import { PostgresStore, parsePostgresUrl } from '../../src/store/postgres/postgres-store.js';
import { runStoreSuite } from './store-suite.js';
import { DATABASE_URL, SKIP_POSTGRES, pgUrl } from './postgres.js';

const only = process.env.UNSPUN_STORE_BACKENDS?.split(',');
if (!SKIP_POSTGRES && (!only || only.includes('postgres'))) {
  // One schema per test directory: reopening the same directory reopens the same corpus.
  const urls = new Map<string, string>();
  runStoreSuite('postgres', async (dir) => {
    if (!urls.has(dir)) urls.set(dir, pgUrl(basename(dir)));
    return openStore(urls.get(dir)!);
  });
}

describe('PostgreSQL URLs', () => {
  it('keeps the password out of messages and takes the schema from the URL', () => {
    const t = parsePostgresUrl('postgres://me:secret@db.example:5433/news?schema=wire&sslmode=disable');
    expect(t.schema).toBe('wire');
    expect(t.display).not.toContain('secret');
    expect(t.connectionString).not.toContain('schema=');
    expect(() => parsePostgresUrl('postgres://h/db?schema=Robert%27;DROP')).toThrow(/schema must be/);
  });
});

describe.skipIf(SKIP_POSTGRES)('postgres backend specifics', () => {
  it('migrates once even when several processes open at the same time', async () => {
    const url = pgUrl('mig');
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(url)));
    const schema = parsePostgresUrl(url).schema;
    const c = new pg.Client({ connectionString: DATABASE_URL });
    await c.connect();
    const ids = (await c.query(`SELECT id FROM ${schema}.migrations ORDER BY id`)).rows.map((r) => r.id);
    expect(ids).toEqual(migrations.map((m) => m.id));
    await c.end();
    expect(await stores[0].migrate()).toEqual([]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('uses the HNSW index once built and still returns exact cosines', async () => {
    const store = await PostgresStore.open(pgUrl('hnsw'));
    const rec = (n: number, v: number[]) => ({
      article: `a${n}`,
      version: 1,
      hash: `h${n}`,
      rawHash: `r${n}`,
      url: null,
      title: null,
      outlet: null,
      published: null,
      source: null,
      words: 10,
      analysis: new Uint8Array([1]),
      features: { bands: [n], anchors: [n], vector: Int8Array.from(v) },
      lemmas: [],
      text: `vector ${n}`,
      quotes: [],
    });
    const [a, b] = await store.insertBatch([rec(1, [127, 0, 0]), rec(2, [0, 127, 0]), rec(3, [0, 0, 127])]);
    expect((await store.buildHnsw()).dim).toBe(3);
    const near = await store.nearestByVector(Int8Array.of(100, 20, 0), 1);
    expect(near).toEqual([{ id: a.id, score: (100 * 127) / 127 ** 2 }]);
    expect((await store.vectorScores(Int8Array.of(100, 20, 0), [b.id])).get(b.id)).toBe((20 * 127) / 127 ** 2);
    // More than hnsw.ef_search's default 40 asked for: k rows come back, best first, exact scores.
    await store.insertBatch(
      Array.from({ length: 300 }, (_, i) => ({
        ...rec(10 + i, [((i * 37) % 255) - 127, ((i * 91) % 255) - 127, ((i * 53) % 255) - 127]),
      })),
    );
    const q = Int8Array.of(90, -40, 10);
    const many = await store.nearestByVector(q, 60);
    expect(many).toHaveLength(60);
    const exact = await store.vectorScores(
      q,
      many.map((h) => h.id),
    );
    for (let i = 0; i < many.length; i++) {
      expect(many[i].score).toBe(exact.get(many[i].id));
      if (i) expect(many[i].score).toBeLessThanOrEqual(many[i - 1].score);
    }
    await store.close();
  });

  it('indexes the text of articles stored before the full-text migration (backfill) and keeps it on remove', async () => {
    const url = pgUrl('fts');
    const schema = parsePostgresUrl(url).schema;
    const c = new pg.Client({ connectionString: DATABASE_URL });
    await c.connect();
    // A corpus at migration 1, holding one article (its analysis in the legacy deflated-JSON form).
    await c.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}, public`);
    await c.query('CREATE TABLE migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
    await c.query(migrations[0].sql);
    await c.query("INSERT INTO migrations VALUES (1, 'x', 'now')");
    const legacy = deflateRawSync(Buffer.from(JSON.stringify({ text: 'Ferry crews walked out at dawn.' })));
    await c.query(
      `INSERT INTO articles (article, version, hash, raw_hash, added_at, words, analysis) VALUES ('old', 1, 'h', 'r', 'now', 6, $1)`,
      [legacy],
    );
    await c.end();
    const store = await PostgresStore.open(url);
    const [hit] = await store.textSearch('the ferry crew', 5);
    expect(hit.id).toBe((await store.findByHash('h'))!.id);
    await store.close();
  });

  it('reports an unreachable server in one line, without the password', async () => {
    const err = await openStore('postgres://me:secret@127.0.0.1:1/none').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('InputError');
    expect((err as Error).message).toMatch(/^cannot open PostgreSQL store postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/none/);
    expect((err as Error).message).not.toContain('secret');
  });
});
