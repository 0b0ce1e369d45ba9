import pg from 'pg';
import { InputError } from '../../errors.js';
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
import { insertQuotes, migrate } from './postgres-migrations.js';
import { META_COLUMNS, QUOTE_COLUMNS, type QuoteRow, type Row, toMeta, toStoredQuote } from '../row.js';
import { searchTerms, TEXT_QUERY_RAREST } from '../text-query.js';
import { tsText } from './postgres-text.js';

/** int8 vector values stored as they are: cosine = dot / 127². */
const Q2 = 127 * 127;
/** Deadlock or serialization failure: the transaction is retried (a few times, with jitter). */
const RETRYABLE = new Set(['40P01', '40001']);

/** pgvector's text form of an int8 vector (the values themselves: exact in half precision). */
const halfvec = (v: Int8Array) => `[${Array.from(v).join(',')}]`;

/** Anchor hashes are uint32; Postgres integer[] is signed. */
const toInt32 = (x: number) => x | 0;

/** A parsed `postgres://…[?schema=name]` URL: the schema keeps corpora (and test runs) apart in one database. */
export interface PostgresTarget {
  connectionString: string;
  schema: string;
  /** The URL without its password, for messages. */
  display: string;
}

export const DEFAULT_SCHEMA = 'unspun';

export function parsePostgresUrl(url: string): PostgresTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InputError(`not a PostgreSQL URL: ${url.replace(/:[^:@/]*@/, ':***@')}`);
  }
  const schema = u.searchParams.get('schema') ?? DEFAULT_SCHEMA;
  if (!/^[a-z_][a-z0-9_]{0,50}$/.test(schema))
    throw new InputError(`schema must be a lower-case SQL name, not "${schema}"`);
  u.searchParams.delete('schema');
  const display = new URL(u.href);
  if (display.password) display.password = '***';
  return {
    connectionString: u.href,
    schema,
    display: `${display.href}${schema === DEFAULT_SCHEMA ? '' : `${display.search ? '&' : '?'}schema=${schema}`}`,
  };
}

/** The server backend: many processes on many machines write at once; the database enforces uniqueness. */
export class PostgresStore implements Store {
  readonly backend = 'postgres';
  readonly capabilities: StoreCapabilities;
  readonly target: PostgresTarget;
  private readonly pool: pg.Pool;
  private closed = false;

  private constructor(target: PostgresTarget, pool: pg.Pool) {
    this.target = target;
    this.pool = pool;
    this.capabilities = { concurrentWriters: true, queue: true, location: target.display };
  }

  /** Connects and applies pending migrations (idempotent; concurrent openers wait on an advisory lock). */
  static async open(url: string, opts: { poolSize?: number; migrate?: boolean } = {}): Promise<PostgresStore> {
    const target = parsePostgresUrl(url);
    const pool = new pg.Pool({
      connectionString: target.connectionString,
      max: opts.poolSize ?? 4,
      options: `-c search_path=${target.schema},public`,
      application_name: 'unspun',
    });
    // An idle client's network error must not crash the process; the next query reports it.
    pool.on('error', () => {});
    const store = new PostgresStore(target, pool);
    try {
      const client = await pool.connect();
      try {
        if (opts.migrate !== false) await migrate(client, target.schema);
      } finally {
        client.release();
      }
    } catch (e) {
      await pool.end().catch(() => {});
      throw connectError(e, target);
    }
    return store;
  }

  /** Applies pending migrations and says which ones ran (`unspun migrate`). */
  async migrate(): Promise<number[]> {
    const client = await this.pool.connect();
    try {
      return await migrate(client, this.target.schema);
    } finally {
      client.release();
    }
  }

  private async q<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]> {
    return (await this.pool.query<R>(text, values)).rows;
  }

  /** Runs `fn` in one transaction, retrying on deadlock (concurrent writers can still meet on a unique key). */
  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(client);
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        if (!RETRYABLE.has((e as { code?: string }).code ?? '') || attempt >= 5) throw e;
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50));
      } finally {
        client.release();
      }
    }
  }

  async insertBatch(records: NewArticle[]): Promise<ArticleMeta[]> {
    if (!records.length) return [];
    const now = new Date().toISOString();
    const col = <K extends keyof NewArticle>(k: K) => records.map((r) => r[k]);
    const stored = await this.tx(async (c) => {
      // One lock per article identity, taken in sorted order: versions are counted by one writer at a time.
      await c.query(
        'SELECT pg_advisory_xact_lock(hashtextextended(a, 7)) FROM (SELECT DISTINCT unnest($1::text[]) AS a ORDER BY 1) s',
        [col('article')],
      );
      const rows = (
        await c.query<{ id: number; hash: string; version: number }>(
          `INSERT INTO articles (article, version, hash, raw_hash, url, title, outlet, published, source, added_at, words, analysis)
           SELECT t.article,
                  coalesce((SELECT max(version) FROM articles a WHERE a.article = t.article), 0)
                    + row_number() OVER (PARTITION BY t.article ORDER BY t.ord),
                  t.hash, t.raw_hash, t.url, t.title, t.outlet, t.published, t.source, $11, t.words, t.analysis
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::bytea[])
                WITH ORDINALITY AS t(article, hash, raw_hash, url, title, outlet, published, source, words, analysis, ord)
           WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.hash = t.hash)
           ORDER BY t.ord
           ON CONFLICT (hash) DO NOTHING
           RETURNING id, hash, version`,
          [
            col('article'),
            col('hash'),
            col('rawHash'),
            col('url'),
            col('title'),
            col('outlet'),
            col('published'),
            col('source'),
            col('words'),
            records.map((r) => Buffer.from(r.analysis.buffer, r.analysis.byteOffset, r.analysis.byteLength)),
            now,
          ],
        )
      ).rows;
      const byHash = new Map(rows.map((r) => [r.hash, r]));
      const kept = records.flatMap((r) => {
        const row = byHash.get(r.hash);
        return row ? [{ r, row }] : [];
      });
      if (!kept.length) return [];
      await c.query(
        `INSERT INTO features (doc, bands, anchors) SELECT d, b::bigint[], a::integer[] FROM unnest($1::int[], $2::text[], $3::text[]) AS t(d, b, a)`,
        [
          kept.map((k) => k.row.id),
          kept.map((k) => `{${k.r.features.bands.join(',')}}`),
          kept.map((k) => `{${k.r.features.anchors.map(toInt32).join(',')}}`),
        ],
      );
      await c.query(`INSERT INTO vectors (doc, v) SELECT d, v::halfvec FROM unnest($1::int[], $2::text[]) AS t(d, v)`, [
        kept.map((k) => k.row.id),
        kept.map((k) => halfvec(k.r.features.vector)),
      ]);
      await c.query(
        "INSERT INTO article_text (doc, body) SELECT d, strip(to_tsvector('english', t)) FROM unnest($1::int[], $2::text[]) AS s(d, t)",
        [kept.map((k) => k.row.id), kept.map((k) => tsText(k.r.text))],
      );
      await insertQuotes(
        c,
        kept.flatMap((k) => k.r.quotes.map((q) => ({ doc: k.row.id, q }))),
      );
      // Counts summed per lemma and written in lemma order: concurrent writers lock rows in the same order.
      const lemmas = kept.flatMap((k) => k.r.lemmas.map(toInt32));
      if (lemmas.length) {
        await c.query(
          `INSERT INTO lemma_df (lemma, n) SELECT l, count(*) FROM unnest($1::int[]) AS l GROUP BY l ORDER BY l
           ON CONFLICT (lemma) DO UPDATE SET n = lemma_df.n + excluded.n`,
          [lemmas],
        );
      }
      return kept;
    });
    return stored.map(({ r, row }) => {
      const { analysis: _a, features: _f, lemmas: _l, rawHash: _r, text: _t, quotes: _q, ...meta } = r;
      return { ...meta, id: row.id, version: row.version, addedAt: now };
    });
  }

  async findByHash(hash: string): Promise<ArticleMeta | null> {
    const [r] = await this.q<Row>(`SELECT ${META_COLUMNS} FROM articles WHERE hash = $1`, [hash]);
    return r ? toMeta(r) : null;
  }

  async findByRawHash(rawHash: string): Promise<ArticleMeta | null> {
    const [r] = await this.q<Row>(`SELECT ${META_COLUMNS} FROM articles WHERE raw_hash = $1 LIMIT 1`, [rawHash]);
    return r ? toMeta(r) : null;
  }

  async latestVersion(article: string): Promise<ArticleMeta | null> {
    const [r] = await this.q<Row>(
      `SELECT ${META_COLUMNS} FROM articles WHERE article = $1 ORDER BY version DESC LIMIT 1`,
      [article],
    );
    return r ? toMeta(r) : null;
  }

  async versionsOf(article: string): Promise<ArticleMeta[]> {
    return (
      await this.q<Row>(`SELECT ${META_COLUMNS} FROM articles WHERE article = $1 ORDER BY version`, [article])
    ).map(toMeta);
  }

  async get(id: number): Promise<StoredArticle | null> {
    const [r] = await this.q<Row>(`SELECT ${META_COLUMNS}, analysis FROM articles WHERE id = $1`, [id]);
    return r ? { ...toMeta(r), analysis: new Uint8Array(r.analysis!) } : null;
  }

  async getMeta(ids: number[]): Promise<ArticleMeta[]> {
    if (!ids.length) return [];
    const rows = await this.q<Row>(`SELECT ${META_COLUMNS} FROM articles WHERE id = ANY($1::int[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, toMeta(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async list(opts: ListOptions = {}): Promise<ArticleMeta[]> {
    const rows = await this.q<Row>(
      `SELECT ${META_COLUMNS} FROM articles WHERE ($1::text IS NULL OR outlet = $1) ORDER BY id LIMIT $2 OFFSET $3`,
      [opts.outlet ?? null, opts.limit !== undefined && opts.limit >= 0 ? opts.limit : null, opts.offset ?? 0],
    );
    return rows.map(toMeta);
  }

  async count(): Promise<number> {
    return (await this.q<{ n: number }>('SELECT count(*)::int AS n FROM articles'))[0].n;
  }

  async remove(id: number): Promise<boolean> {
    // features, vectors and the text index go with the article (ON DELETE CASCADE).
    return ((await this.pool.query('DELETE FROM articles WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async *iterate(pageSize = 500): AsyncIterable<StoredArticle> {
    for (let after = 0; ; ) {
      const rows = await this.q<Row>(
        `SELECT ${META_COLUMNS}, analysis FROM articles WHERE id > $1 ORDER BY id LIMIT $2`,
        [after, pageSize],
      );
      if (!rows.length) return;
      for (const r of rows) yield { ...toMeta(r), analysis: new Uint8Array(r.analysis!) };
      after = rows[rows.length - 1].id;
    }
  }

  async bandMatches(bands: number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (!bands.length) return out;
    // One GIN lookup per distinct key (a nested loop of bitmap scans): for `bands && $1` with 32 keys the planner
    // guesses ~15% of the table and scans all of it (50 ms at 10k articles, growing with n). count(*) = distinct
    // shared keys, as SQLite's (key, doc) table counts them.
    const rows = await this.q<{ doc: number; n: number }>(
      `SELECT f.doc, count(*)::int AS n FROM (SELECT DISTINCT unnest($1::bigint[]) AS key) b
       CROSS JOIN LATERAL (SELECT doc FROM features WHERE bands @> ARRAY[b.key]) f GROUP BY f.doc`,
      [bands],
    );
    for (const r of rows) out.set(r.doc, r.n);
    return out;
  }

  async anchorPostings(anchors: number[], maxPerAnchor: number): Promise<Map<number, number[]>> {
    return this.arrayPostings('SELECT doc AS id FROM features WHERE anchors @> ARRAY[q.key]', anchors, maxPerAnchor);
  }

  /**
   * Rows whose integer-array column holds each key, in one round trip: a GIN lookup per key, each stopped at max+1 to
   * tell a too-common key apart (left out). `lookup` selects `id` for one key `q.key`.
   */
  private async arrayPostings(lookup: string, keys: number[], maxPerKey: number): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (!keys.length) return out;
    const rows = await this.q<{ key: number; ids: number[] }>(
      `SELECT q.key, p.ids FROM unnest($1::int[]) AS q(key)
       CROSS JOIN LATERAL (SELECT array_agg(id ORDER BY id) AS ids FROM (${lookup} LIMIT $2) s) p
       WHERE p.ids IS NOT NULL AND cardinality(p.ids) <= $3`,
      [[...new Set(keys.map(toInt32))], maxPerKey + 1, maxPerKey],
    );
    for (const r of rows) out.set(r.key >>> 0, r.ids);
    return out;
  }

  async textSearch(text: string, k: number): Promise<Array<{ id: number; score: number }>> {
    const terms = searchTerms(text);
    if (!terms.length || k <= 0) return [];
    // The query's lexemes (English stemmer, stop words gone) with their share of documents where ANALYZE saw them
    // among the most common elements; a lexeme it did not list is rarer than all those it did.
    const lexemes = await this.q<{ lex: string; freq: number | null }>(
      `WITH s AS (SELECT most_common_elems::text::text[] AS e, most_common_elem_freqs AS f FROM pg_stats
                  WHERE schemaname = current_schema() AND tablename = 'article_text' AND attname = 'body'),
            m AS (SELECT x.e, x.f FROM s, unnest(s.e, s.f) AS x(e, f))
       SELECT l.lex, m.f::float8 AS freq FROM unnest(tsvector_to_array(to_tsvector('english', $1))) AS l(lex)
       LEFT JOIN m ON m.e = l.lex`,
      [terms.join(' ')],
    );
    if (!lexemes.length) return [];
    // Only the rarest words: an OR of a whole article's words matches nearly every document; the rare ones (names,
    // numbers, unusual words) are what a rewrite keeps and few documents share. Each weighs its inverse document
    // frequency (a lexeme ANALYZE did not list counts as half as common as the rarest it did).
    const listed = lexemes.flatMap((l) => (l.freq ? [l.freq] : []));
    const floor = listed.length ? Math.min(...listed) / 2 : 1e-3;
    const kept = lexemes
      .map((l) => ({ ...l, freq: l.freq ?? floor }))
      .sort((a, b) => a.freq - b.freq || b.lex.length - a.lex.length || (a.lex < b.lex ? -1 : 1))
      .slice(0, TEXT_QUERY_RAREST);
    // Score = summed IDF of the query lexemes a document holds: one GIN lookup per lexeme, returning ids only, so
    // no document's tsvector is read (ts_rank_cd detoasts and walks every matching tsvector: 1.35 s at 10k
    // articles for 32 lexemes vs 0.11 s this way).
    const rows = await this.q<{ doc: number; score: number }>(
      `SELECT d.doc, sum(l.w)::float8 AS score FROM unnest($1::text[], $2::float8[]) AS l(lex, w)
       CROSS JOIN LATERAL (SELECT doc FROM article_text WHERE body @@ l.lex::tsquery) d
       GROUP BY d.doc ORDER BY score DESC, d.doc LIMIT $3`,
      [
        kept.map((l) => `'${l.lex.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`),
        kept.map((l) => -Math.log(Math.max(l.freq, 1e-9))),
        k,
      ],
    );
    return rows.map((r) => ({ id: r.doc, score: r.score }));
  }

  async lemmaDf(lemmas: number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (!lemmas.length) return out;
    const rows = await this.q<{ lemma: number; n: number }>(
      'SELECT lemma, n FROM lemma_df WHERE lemma = ANY($1::int[])',
      [lemmas.map(toInt32)],
    );
    for (const r of rows) out.set(r.lemma >>> 0, r.n);
    return out;
  }

  async vectors(): Promise<{ ids: Int32Array; data: Int8Array; dim: number }> {
    const rows = await this.q<{ doc: number; v: string }>('SELECT doc, v::text AS v FROM vectors ORDER BY doc');
    const parsed = rows.map((r) => r.v.slice(1, -1).split(',').map(Number));
    const dim = parsed[0]?.length ?? 0;
    const ids = new Int32Array(rows.length);
    const data = new Int8Array(rows.length * dim);
    rows.forEach((r, i) => {
      ids[i] = r.doc;
      if (parsed[i].length === dim) data.set(parsed[i], i * dim);
    });
    return { ids, data, dim };
  }

  /**
   * pgvector does the scan: exact (`ORDER BY v <#> q` over the narrow vectors table) unless `unspun index --hnsw`
   * built an HNSW index, then approximate top-k (the scores are exact either way).
   */
  async nearestByVector(vector: Int8Array, k: number): Promise<VectorHit[]> {
    if (k <= 0) return [];
    const hnswDim = Number(await this.getSetting('hnsw.dim'));
    if (hnswDim !== vector.length) {
      const rows = await this.vectorQuery(
        'SELECT doc, -(v <#> $1::halfvec)::float8 AS dot FROM vectors ORDER BY v <#> $1::halfvec, doc LIMIT $2',
        [halfvec(vector), k],
      );
      return rows.map((r) => ({ id: r.doc, score: r.dot / Q2 + 0 }));
    }
    // The index orders by distance alone (a second ORDER BY key makes the planner scan the table instead), and an
    // HNSW scan returns at most hnsw.ef_search rows (default 40): raised to k for this query.
    const expr = `(v::halfvec(${hnswDim}))`;
    const rows = await this.tx(async (c) => {
      await c.query("SELECT set_config('hnsw.ef_search', $1, true)", [String(Math.max(40, Math.min(k, 1000)))]);
      return (
        await c.query<{ doc: number; dot: number }>(
          `SELECT doc, dot FROM (SELECT doc, -(${expr} <#> $1::halfvec)::float8 AS dot FROM vectors
                                 ORDER BY ${expr} <#> $1::halfvec LIMIT $2) s ORDER BY dot DESC, doc`,
          [halfvec(vector), k],
        )
      ).rows;
    });
    // + 0: a zero dot product comes back as -0 from the negated distance.
    return rows.map((r) => ({ id: r.doc, score: r.dot / Q2 + 0 }));
  }

  async vectorScores(vector: Int8Array, ids: number[]): Promise<Map<number, number>> {
    if (!ids.length) return new Map();
    const rows = await this.vectorQuery(
      'SELECT doc, -(v <#> $1::halfvec)::float8 AS dot FROM vectors WHERE doc = ANY($2::int[])',
      [halfvec(vector), ids],
    );
    return new Map(rows.map((r) => [r.doc, r.dot / Q2 + 0]));
  }

  private async vectorQuery(text: string, values: unknown[]): Promise<Array<{ doc: number; dot: number }>> {
    try {
      return await this.q<{ doc: number; dot: number }>(text, values);
    } catch (e) {
      // Stored vectors of another length: nothing comparable (as SQLite answers).
      if ((e as { code?: string }).code === '22000') return [];
      throw e;
    }
  }

  /** `unspun index --hnsw`: an HNSW index for approximate nearest vectors, built after bulk load (CONCURRENTLY: writers go on). */
  async buildHnsw(): Promise<{ dim: number; seconds: number }> {
    const [row] = await this.q<{ dim: number | null }>('SELECT vector_dims(v) AS dim FROM vectors LIMIT 1');
    if (!row?.dim) throw new InputError('no vectors stored yet: add articles before building the HNSW index');
    const t0 = performance.now();
    await this.pool.query('DROP INDEX IF EXISTS vectors_hnsw');
    await this.pool.query(
      `CREATE INDEX CONCURRENTLY vectors_hnsw ON vectors USING hnsw ((v::halfvec(${row.dim})) halfvec_ip_ops)`,
    );
    await this.setSetting('hnsw.dim', String(row.dim));
    return { dim: row.dim, seconds: (performance.now() - t0) / 1000 };
  }

  async quotePostings(keys: number[], maxPerKey: number): Promise<Map<number, number[]>> {
    return this.arrayPostings('SELECT id FROM quotes WHERE keys @> ARRAY[q.key]', keys, maxPerKey);
  }

  async quotesById(ids: number[]): Promise<StoredQuote[]> {
    if (!ids.length) return [];
    const rows = await this.q<QuoteRow>(`SELECT ${QUOTE_COLUMNS} FROM quotes WHERE id = ANY($1::int[])`, [ids]);
    return rows.map(toStoredQuote);
  }

  async quotesOf(doc: number): Promise<StoredQuote[]> {
    const rows = await this.q<QuoteRow>(`SELECT ${QUOTE_COLUMNS} FROM quotes WHERE doc = $1 ORDER BY q_start, id`, [
      doc,
    ]);
    return rows.map(toStoredQuote);
  }

  async getSetting(key: string): Promise<string | null> {
    const [r] = await this.q<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
    return r?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  async indexBytes(): Promise<number> {
    const [r] = await this.q<{ n: string }>(
      "SELECT pg_total_relation_size('features') + pg_total_relation_size('vectors') AS n",
    );
    return Number(r.n);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** Connection failures become one line naming the server (never the password). */
function connectError(e: unknown, target: PostgresTarget): Error {
  const err = e as { code?: string; message?: string };
  if (err.code && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|28P01|28000|3D000)$/.test(err.code)) {
    return new InputError(`cannot open PostgreSQL store ${target.display}: ${err.message ?? err.code}`);
  }
  // The server lacks pgvector (PG 15: 58P01 no control file; PG 16+: 0A000 "not available") or the role may not
  // create it (42501): the environment's problem, not ours.
  if (err.code && /^(58P01|0A000|42501)$/.test(err.code) && /extension|vector/i.test(err.message ?? '')) {
    return new InputError(
      `cannot open PostgreSQL store ${target.display}: the server lacks the pgvector extension ("vector") or may not create it (${err.message}); see docs/deploy.md`,
    );
  }
  return e instanceof Error ? e : new Error(String(e));
}
