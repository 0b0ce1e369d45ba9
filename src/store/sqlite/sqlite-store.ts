import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { dirname, resolve } from 'node:path';
import type {
  ArticleMeta,
  ListOptions,
  NewArticle,
  Store,
  StoreCapabilities,
  StoredArticle,
  StoredQuote,
  VectorHit,
} from '../store.js';
import { insertQuotes, migrate, pendingMigrations } from './sqlite-migrations.js';
import { META_COLUMNS, QUOTE_COLUMNS, type QuoteRow, type Row, toMeta, toStoredQuote } from '../row.js';
import { searchTerms, TEXT_QUERY_RAREST } from '../text-query.js';

/** Most words whose document counts a connection keeps (a few MB). */
const TERM_DF_CACHE = 200_000;

/** The embedded backend: one SQLite file in WAL mode (readers never block the single writer). */
export class SqliteStore implements Store {
  readonly backend = 'sqlite';
  readonly capabilities: StoreCapabilities;
  private readonly db!: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** All vectors in memory for the brute-force scan, reloaded when the article count changes (another writer too). */
  private vectorTable: { ids: Int32Array; data: Int8Array; dim: number; count: number } | null = null;
  /** The scratch tables of `rarestTerms` exist on this connection. */
  private vocabReady = false;
  /** Documents per full-text word, as counted when the store held `articles` (see rarestTerms). */
  private readonly termDf = { articles: 0, counts: new Map<string, number>() };

  /** Prepared once per SQL text: preparing costs more than running the small lookups ingest makes per record. */
  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) this.statements.set(text, (st = this.db.prepare(text)));
    return st;
  }

  /**
   * `readonly` (list, show, trace, families, export) opens without creating, migrating or writing anything, so a
   * read-only or immutable corpus file can still be read. Errors that come from the file (not SQLite, a folder,
   * locked, read-only) are InputErrors with one line, see `storeError`.
   */
  constructor(path: string, opts: { readonly?: boolean } = {}) {
    const file = path === ':memory:' ? path : resolve(path);
    try {
      if (file !== ':memory:' && existsSync(file) && statSync(file).isDirectory())
        throw new InputError(`--db ${file} is a directory; give a file path such as ${file}/unspun.db`);
      if (opts.readonly) {
        this.db = new Database(file, { readonly: true, fileMustExist: true });
        this.db.pragma('busy_timeout = 10000');
        const missing = pendingMigrations(this.db);
        if (missing.length)
          throw new InputError(
            `corpus ${file} is from an older unspun (${missing.length} pending migration(s)); run "unspun add" once on it to upgrade`,
          );
      } else {
        if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
        this.db = new Database(file);
        this.db.pragma('busy_timeout = 10000');
        this.db.pragma('journal_mode = WAL');
        // NORMAL in WAL mode survives a killed process (only power loss can drop the last commits).
        this.db.pragma('synchronous = NORMAL');
        this.db.pragma('foreign_keys = ON');
        migrate(this.db);
      }
    } catch (err) {
      throw storeError(err, file);
    }
    this.capabilities = { concurrentWriters: false, queue: false, location: file };
  }

  async insertBatch(records: NewArticle[]): Promise<ArticleMeta[]> {
    const now = new Date().toISOString();
    // The version is taken inside the write transaction, so a second process adding to the same file cannot repeat it.
    const insert = this.sql(
      `INSERT INTO articles (article, version, hash, raw_hash, url, title, outlet, published, source, added_at, words, analysis)
       VALUES (@article, (SELECT coalesce(max(version), 0) + 1 FROM articles WHERE article = @article), @hash, @rawHash,
               @url, @title, @outlet, @published, @source, @addedAt, @words, @analysis)
       ON CONFLICT (hash) DO NOTHING RETURNING id, version`,
    );
    const band = this.sql('INSERT OR IGNORE INTO bands (key, doc) VALUES (?, ?)');
    const anchor = this.sql('INSERT OR IGNORE INTO anchors (key, doc) VALUES (?, ?)');
    const vector = this.sql('INSERT INTO vectors (doc, v) VALUES (?, ?)');
    const df = this.sql('INSERT INTO lemma_df (lemma, n) VALUES (?, 1) ON CONFLICT (lemma) DO UPDATE SET n = n + 1');
    const fts = this.sql('INSERT INTO article_text (rowid, body) VALUES (?, ?)');
    const run = this.db.transaction((batch: NewArticle[]) =>
      batch.flatMap((r) => {
        const row = insert.get({ ...r, addedAt: now, analysis: Buffer.from(r.analysis) }) as
          | { id: number; version: number }
          | undefined;
        if (!row) return [];
        const { id, version } = row;
        for (const k of r.features.bands) band.run(k, id);
        for (const k of r.features.anchors) anchor.run(k, id);
        vector.run(
          id,
          Buffer.from(r.features.vector.buffer, r.features.vector.byteOffset, r.features.vector.byteLength),
        );
        for (const l of r.lemmas) df.run(l);
        fts.run(id, r.text);
        insertQuotes((text) => this.sql(text), id, r.quotes);
        const { analysis: _a, features: _f, lemmas: _l, rawHash: _r, text: _t, quotes: _q, ...meta } = r;
        return [{ ...meta, id, version, addedAt: now }];
      }),
    );
    this.vectorTable = null;
    // IMMEDIATE takes the write lock up front: a second writer waits (busy_timeout) instead of failing mid-batch.
    return run.immediate(records);
  }

  async findByHash(hash: string): Promise<ArticleMeta | null> {
    const r = this.sql(`SELECT ${META_COLUMNS} FROM articles WHERE hash = ?`).get(hash) as Row | undefined;
    return r ? toMeta(r) : null;
  }

  async findByRawHash(rawHash: string): Promise<ArticleMeta | null> {
    const r = this.sql(`SELECT ${META_COLUMNS} FROM articles WHERE raw_hash = ? LIMIT 1`).get(rawHash) as
      | Row
      | undefined;
    return r ? toMeta(r) : null;
  }

  async latestVersion(article: string): Promise<ArticleMeta | null> {
    const r = this.sql(`SELECT ${META_COLUMNS} FROM articles WHERE article = ? ORDER BY version DESC LIMIT 1`).get(
      article,
    ) as Row | undefined;
    return r ? toMeta(r) : null;
  }

  async versionsOf(article: string): Promise<ArticleMeta[]> {
    const rows = this.sql(`SELECT ${META_COLUMNS} FROM articles WHERE article = ? ORDER BY version`).all(
      article,
    ) as Row[];
    return rows.map(toMeta);
  }

  async get(id: number): Promise<StoredArticle | null> {
    const r = this.sql(`SELECT ${META_COLUMNS}, analysis FROM articles WHERE id = ?`).get(id) as Row | undefined;
    return r ? { ...toMeta(r), analysis: new Uint8Array(r.analysis!) } : null;
  }

  async getMeta(ids: number[]): Promise<ArticleMeta[]> {
    if (!ids.length) return [];
    const rows = this.sql(`SELECT ${META_COLUMNS} FROM articles WHERE id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(ids),
    ) as Row[];
    const byId = new Map(rows.map((r) => [r.id, toMeta(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async list(opts: ListOptions = {}): Promise<ArticleMeta[]> {
    const where = opts.outlet !== undefined ? 'WHERE outlet = @outlet' : '';
    const rows = this.sql(`SELECT ${META_COLUMNS} FROM articles ${where} ORDER BY id LIMIT @limit OFFSET @offset`).all({
      outlet: opts.outlet,
      limit: opts.limit ?? -1,
      offset: opts.offset ?? 0,
    }) as Row[];
    return rows.map(toMeta);
  }

  async count(): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  async remove(id: number): Promise<boolean> {
    return this.db.transaction(() => {
      this.sql('DELETE FROM bands WHERE doc = ?').run(id);
      this.sql('DELETE FROM anchors WHERE doc = ?').run(id);
      this.sql('DELETE FROM vectors WHERE doc = ?').run(id);
      this.sql('DELETE FROM article_text WHERE rowid = ?').run(id);
      this.sql('DELETE FROM quote_keys WHERE quote IN (SELECT id FROM quotes WHERE doc = ?)').run(id);
      this.sql('DELETE FROM quotes WHERE doc = ?').run(id);
      this.vectorTable = null;
      return this.sql('DELETE FROM articles WHERE id = ?').run(id).changes > 0;
    })();
  }

  async *iterate(pageSize = 500): AsyncIterable<StoredArticle> {
    const page = this.sql(`SELECT ${META_COLUMNS}, analysis FROM articles WHERE id > ? ORDER BY id LIMIT ?`);
    for (let after = 0; ; ) {
      const rows = page.all(after, pageSize) as Row[];
      if (!rows.length) return;
      for (const r of rows) yield { ...toMeta(r), analysis: new Uint8Array(r.analysis!) };
      after = rows[rows.length - 1].id;
    }
  }

  async bandMatches(bands: number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (!bands.length) return out;
    const rows = this.sql(
      'SELECT doc, count(*) AS n FROM bands WHERE key IN (SELECT value FROM json_each(?)) GROUP BY doc',
    ).all(JSON.stringify(bands)) as Array<{ doc: number; n: number }>;
    for (const r of rows) out.set(r.doc, r.n);
    return out;
  }

  async anchorPostings(anchors: number[], maxPerAnchor: number): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    // LIMIT max+1 tells a too-common anchor apart without reading its whole posting list.
    const q = this.sql('SELECT doc FROM anchors WHERE key = ? LIMIT ?').pluck();
    for (const a of new Set(anchors)) {
      const docs = q.all(a, maxPerAnchor + 1) as number[];
      if (docs.length && docs.length <= maxPerAnchor) out.set(a, docs);
    }
    return out;
  }

  async textSearch(text: string, k: number): Promise<Array<{ id: number; score: number }>> {
    const terms = searchTerms(text);
    if (!terms.length || k <= 0) return [];
    // Only the rarest words (TEXT_QUERY_RAREST): the OR of all of them had BM25 score nearly every document (5.3 s
    // per retrieval at 100k articles); BM25 still weighs the kept ones by rarity.
    const kept = this.rarestTerms(terms, TEXT_QUERY_RAREST);
    if (!kept.length) return [];
    const rows = this.sql(
      'SELECT rowid AS id, bm25(article_text) AS rank FROM article_text WHERE article_text MATCH ? ORDER BY rank LIMIT ?',
    ).all(kept.map((t) => `"${t}"`).join(' OR '), k) as Array<{ id: number; rank: number }>;
    return rows.map((r) => ({ id: r.id, score: -r.rank }));
  }

  /**
   * The `max` words of the query in fewest stored documents (words in none left out). Document counts come from
   * the full-text index's own vocabulary, so they are exact and stemmed as the index stems: each word is tokenised
   * by a scratch FTS5 table with the same tokenizer (temp schema, this connection only; works read-only too).
   * Counting a common word reads its whole posting list (~1 ms for "the" at 100k articles), so counts are kept per
   * connection and read again once the corpus has grown by a tenth: a query then looks up only words it has not met.
   */
  private rarestTerms(words: string[], max: number): string[] {
    if (!this.vocabReady) {
      this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words USING fts5(w, tokenize = 'porter unicode61');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_stems USING fts5vocab(temp, query_words, 'instance');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_vocab USING fts5vocab(main, article_text, 'row');`);
      this.vocabReady = true;
    }
    const n = (this.sql('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const df = this.termDf;
    if (Math.abs(n - df.articles) > df.articles / 10 || df.counts.size > TERM_DF_CACHE) {
      df.counts.clear();
      df.articles = n;
    }
    const unknown = words.filter((w) => !df.counts.has(w));
    if (unknown.length) {
      const insert = this.sql('INSERT INTO temp.query_words (rowid, w) VALUES (?, ?)');
      const found = this.db.transaction(() => {
        for (const [i, w] of unknown.entries()) insert.run(i + 1, w);
        const rows = this.sql(
          `SELECT s.doc AS word, min(v.doc) AS df FROM temp.query_stems s JOIN temp.article_vocab v ON v.term = s.term
           GROUP BY s.doc`,
        ).all() as Array<{ word: number; df: number }>;
        this.sql('DELETE FROM temp.query_words').run();
        return rows;
      })();
      for (const w of unknown) df.counts.set(w, 0);
      for (const r of found) df.counts.set(unknown[r.word - 1], r.df);
    }
    return words
      .map((w, i) => ({ w, i, n: df.counts.get(w) ?? 0 }))
      .filter((t) => t.n > 0)
      .sort((a, b) => a.n - b.n || a.i - b.i)
      .slice(0, max)
      .map((t) => t.w);
  }

  async lemmaDf(lemmas: number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (!lemmas.length) return out;
    const rows = this.sql('SELECT lemma, n FROM lemma_df WHERE lemma IN (SELECT value FROM json_each(?))').all(
      JSON.stringify(lemmas),
    ) as Array<{ lemma: number; n: number }>;
    for (const r of rows) out.set(r.lemma, r.n);
    return out;
  }

  async vectors(): Promise<{ ids: Int32Array; data: Int8Array; dim: number }> {
    const rows = this.sql('SELECT doc, v FROM vectors ORDER BY doc').all() as Array<{ doc: number; v: Buffer }>;
    const dim = rows[0]?.v.length ?? 0;
    const ids = new Int32Array(rows.length);
    const data = new Int8Array(rows.length * dim);
    rows.forEach((r, i) => {
      ids[i] = r.doc;
      if (r.v.length === dim) data.set(new Int8Array(r.v.buffer, r.v.byteOffset, dim), i * dim);
    });
    return { ids, data, dim };
  }

  /** Brute force over the in-memory table: ~10^6 × 100 bytes scans in well under a second. */
  async nearestByVector(vector: Int8Array, k: number): Promise<VectorHit[]> {
    const t = await this.table();
    if (!t.dim || vector.length !== t.dim || k <= 0) return [];
    // One pass into a typed array and a top-k insertion list: no object per stored article and no full sort
    // (at 100k articles that sort was most of a retrieval). Ties keep id order, as the stable sort did.
    const scores = new Float64Array(t.ids.length);
    for (let i = 0; i < t.ids.length; i++) scores[i] = dot8(vector, t.data, i * t.dim);
    return topIndices(scores, k).map((i) => ({ id: t.ids[i], score: scores[i] }));
  }

  async vectorScores(vector: Int8Array, ids: number[]): Promise<Map<number, number>> {
    const t = await this.table();
    const out = new Map<number, number>();
    if (!t.dim || vector.length !== t.dim || !ids.length) return out;
    for (const id of ids) {
      const i = indexOfId(t.ids, id);
      if (i >= 0) out.set(id, dot8(vector, t.data, i * t.dim));
    }
    return out;
  }

  private async table(): Promise<{ ids: Int32Array; data: Int8Array; dim: number; count: number }> {
    const count = await this.count();
    if (this.vectorTable?.count !== count) this.vectorTable = { ...(await this.vectors()), count };
    return this.vectorTable;
  }

  async quotePostings(keys: number[], maxPerKey: number): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    const q = this.sql('SELECT quote FROM quote_keys WHERE key = ? ORDER BY quote LIMIT ?').pluck();
    for (const k of new Set(keys)) {
      const ids = q.all(k, maxPerKey + 1) as number[];
      if (ids.length && ids.length <= maxPerKey) out.set(k, ids);
    }
    return out;
  }

  async quotesById(ids: number[]): Promise<StoredQuote[]> {
    if (!ids.length) return [];
    const rows = this.sql(`SELECT ${QUOTE_COLUMNS} FROM quotes WHERE id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(ids),
    ) as QuoteRow[];
    return rows.map(toStoredQuote);
  }

  async quotesOf(doc: number): Promise<StoredQuote[]> {
    const rows = this.sql(`SELECT ${QUOTE_COLUMNS} FROM quotes WHERE doc = ? ORDER BY q_start, id`).all(
      doc,
    ) as QuoteRow[];
    return rows.map(toStoredQuote);
  }

  async getSetting(key: string): Promise<string | null> {
    const r = this.sql('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    return r ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.sql(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }

  async indexBytes(): Promise<number> {
    const r = this.sql(
      "SELECT sum(pgsize) AS n FROM dbstat WHERE name IN ('bands', 'anchors', 'vectors', 'sqlite_autoindex_bands_1', 'sqlite_autoindex_anchors_1')",
    ).get() as { n: number | null };
    return r.n ?? 0;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Indices of the k largest values, largest first (ties: lower index first), without sorting all of them. */
function topIndices(xs: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (top.length === k && xs[i] <= xs[top[k - 1]]) continue;
    let j = top.length < k ? top.length : k - 1;
    while (j > 0 && xs[top[j - 1]] < xs[i]) {
      if (j < k) top[j] = top[j - 1];
      j--;
    }
    top[j] = i;
  }
  return top;
}

/** Position of an id in the ascending id column (`vectors()` orders by id), or -1. */
function indexOfId(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] === id) return mid;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Cosine of two int8 unit vectors quantised at 127: the query and the row of `data` starting at `offset`. */
function dot8(q: Int8Array, data: Int8Array, offset: number): number {
  let dot = 0;
  for (let j = 0; j < q.length; j++) dot += q[j] * data[offset + j];
  return dot / (127 * 127);
}

/**
 * SQLite failures that come from the corpus file rather than from a bug, as one-line InputErrors (exit 2):
 * a file that is not SQLite, a folder, no permission, read-only, locked by another writer past busy_timeout.
 * Anything else is returned unchanged (exit 3).
 */
export function storeError(err: unknown, file: string): unknown {
  if (err instanceof InputError) return err;
  const e = err as Error & { code?: string };
  const code = e?.code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new InputError(`${file} is not an unspun corpus (not a SQLite database, or damaged)`);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return new InputError(
      `corpus ${file} is locked by another unspun process (waited 10 s); try again when it finishes`,
    );
  if (code.startsWith('SQLITE_READONLY'))
    return new InputError(`corpus ${file} is read-only; only list, show, trace, families and export work on it`);
  if (code.startsWith('SQLITE_CANTOPEN') || /unable to open database|directory does not exist/i.test(e?.message ?? ''))
    return new InputError(`cannot open corpus ${file}`);
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR'))
    return new InputError(`cannot write corpus ${file}: ${e.message}`);
  if (code === 'EISDIR') return new InputError(`--db ${file} is a directory`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new InputError(`cannot open corpus ${file}: permission denied`);
  return err;
}
