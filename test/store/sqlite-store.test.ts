import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { migrations } from '../../src/store/sqlite/sqlite-migrations.js';
import { InputError } from '../../src/errors.js';
import { openStore, parseStoreUrl, resolveDbPath } from '../../src/store/index.js';
import { runStoreSuite } from './store-suite.js';
import { encodeAnalysis } from '../../src/store/codec.js';
import { analyze } from '../../src/nlp/index.js';
import { extract } from '../../src/ingest/index.js';

const only = process.env.UNSPUN_STORE_BACKENDS?.split(',');
if (!only || only.includes('sqlite')) runStoreSuite('sqlite', (dir) => openStore(join(dir, 'unspun.db')));

describe('sqlite backend specifics', () => {
  it('records each migration once, in WAL mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspun-mig-'));
    const file = join(dir, 'a.db');
    await new SqliteStore(file).close();
    await new SqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT id FROM migrations ORDER BY id').pluck().all()).toEqual(migrations.map((m) => m.id));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes the text of articles stored before the full-text migration (backfill)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspun-fts-'));
    const file = join(dir, 'old.db');
    // A corpus at migration 1, holding one article (its analysis in the legacy deflated-JSON form).
    const db = new Database(file);
    db.exec('CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    db.exec(migrations[0].sql);
    db.prepare("INSERT INTO migrations VALUES (1, 'x', 'now')").run();
    const legacy = deflateRawSync(Buffer.from(JSON.stringify({ text: 'Ferry crews walked out at dawn.' })));
    db.prepare(
      "INSERT INTO articles (article, version, hash, raw_hash, added_at, words, analysis) VALUES ('old', 1, 'h', 'r', 'now', 6, ?)",
    ).run(legacy);
    db.close();
    const store = new SqliteStore(file);
    const [hit] = await store.textSearch('the ferry crew', 5);
    expect(hit.id).toBe((await store.findByHash('h'))!.id);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('searches full text on a read-only connection (the rarest-word lookup writes only its temp tables)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspun-ro-'));
    const file = join(dir, 'a.db');
    const db = new Database(file);
    db.close();
    const writer = new SqliteStore(file);
    await writer.close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO article_text (rowid, body) VALUES (7, ?)').run('Ferry crews walked out at dawn.');
    raw.close();
    const store = new SqliteStore(file, { readonly: true });
    expect(await store.textSearch('the ferry crews, at dawn', 3)).toEqual([{ id: 7, score: expect.any(Number) }]);
    expect(await store.textSearch('words in no document', 3)).toEqual([]);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes the quotes of articles stored before the quote index (backfill from the stored analysis)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspun-quotes-'));
    const file = join(dir, 'old.db');
    // A corpus at migration 2, holding one analysed article with a quote and one row too old to decode.
    const db = new Database(file);
    db.exec('CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    db.exec(migrations[0].sql);
    db.exec(migrations[1].sql);
    db.prepare("INSERT INTO migrations VALUES (1, 'x', 'now'), (2, 'y', 'now')").run();
    const text = 'Pier vote\n\n"We will rebuild the pier stone by stone," Ines Brook said on Monday.';
    const analysis = encodeAnalysis(analyze(extract(text, { format: 'text' })));
    const insert = db.prepare(
      "INSERT INTO articles (article, version, hash, raw_hash, added_at, words, analysis) VALUES (?, 1, ?, 'r', 'now', 9, ?)",
    );
    insert.run('new', 'h1', Buffer.from(analysis));
    insert.run('legacy', 'h2', deflateRawSync(Buffer.from(JSON.stringify({ text: 'No quotes here.' }))));
    db.close();
    const store = new SqliteStore(file);
    const [q] = await store.quotesOf((await store.findByHash('h1'))!.id);
    expect(q).toMatchObject({ words: 'we will rebuild the pier stone by stone', speakerKey: 'ines brook' });
    expect(await store.quotesOf((await store.findByHash('h2'))!.id)).toEqual([]);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resolves the database path: flag, then UNSPUN_DB, then ./unspun.db', () => {
    expect(resolveDbPath('x.db', { UNSPUN_DB: 'y.db' })).toBe('x.db');
    expect(resolveDbPath(null, { UNSPUN_DB: 'y.db' })).toBe('y.db');
    expect(resolveDbPath(undefined, {})).toBe('./unspun.db');
  });

  it('opens the backend the URL names: a path, sqlite:, file: → SQLite; postgres:// → PostgreSQL; other schemes are input errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspun-url-'));
    expect(parseStoreUrl(join(dir, 'a.db'))).toEqual({ backend: 'sqlite', path: join(dir, 'a.db') });
    expect(parseStoreUrl('sqlite:corpus.db')).toEqual({ backend: 'sqlite', path: 'corpus.db' });
    expect(parseStoreUrl('sqlite:///tmp/corpus.db')).toEqual({ backend: 'sqlite', path: '/tmp/corpus.db' });
    expect(parseStoreUrl('file:///tmp/corpus.db')).toEqual({ backend: 'sqlite', path: '/tmp/corpus.db' });
    expect(parseStoreUrl('postgresql://u@localhost/unspun')).toEqual({
      backend: 'postgres',
      url: 'postgresql://u@localhost/unspun',
    });
    const store = await openStore(`sqlite:${join(dir, 'b.db')}`);
    expect(store.backend).toBe('sqlite');
    expect(store.capabilities.location).toBe(join(dir, 'b.db'));
    await store.close();
    // No server on port 1: the PostgreSQL backend is tried and says so in one line.
    await expect(openStore('postgres://127.0.0.1:1/unspun')).rejects.toThrow(
      /^cannot open PostgreSQL store postgres:\/\/127\.0\.0\.1:1\/unspun/,
    );
    await expect(openStore('mysql://localhost/unspun')).rejects.toThrow(InputError);
    await expect(openStore('mysql://localhost/unspun')).rejects.toThrow(/unknown store scheme "mysql:"/);
    rmSync(dir, { recursive: true, force: true });
  });
});
