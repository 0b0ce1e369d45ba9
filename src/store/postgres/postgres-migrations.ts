import type pg from 'pg';
import { analysisText } from '../codec.js';
import { tsText } from './postgres-text.js';
import { storedQuoteEntries } from '../../corpus/quotes/entries.js';
import type { QuoteEntry } from '../store.js';

/**
 * Numbered, append-only migrations, as for SQLite (src/store/sqlite/sqlite-migrations.ts): never edit one that has
 * shipped, add the next number. Retrieval features live in narrow side tables so the scans they need (GIN over
 * bands/anchors, a vector scan) never read article rows: LSH band keys as bigint[] and anchor hashes as int[], both
 * GIN-indexed for `&&` / `@>`; document vectors as pgvector halfvec holding the int8 values (exact in half
 * precision, so cosines equal SQLite's to the last bit).
 */
export const migrations: Array<{
  id: number;
  name: string;
  sql: string;
  /** Data step after the SQL, in the same transaction. */
  backfill?: (client: pg.PoolClient) => Promise<void>;
}> = [
  {
    id: 1,
    name: 'articles and retrieval index',
    sql: `
      CREATE TABLE articles (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article text NOT NULL,
        version integer NOT NULL,
        hash text NOT NULL UNIQUE,
        raw_hash text NOT NULL,
        url text, title text, outlet text, published text, source text,
        added_at text NOT NULL,
        words integer NOT NULL,
        analysis bytea NOT NULL,
        UNIQUE (article, version)
      );
      CREATE INDEX articles_raw_hash ON articles (raw_hash);
      CREATE INDEX articles_outlet ON articles (outlet, id);
      CREATE TABLE features (
        doc integer PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        bands bigint[] NOT NULL,
        anchors integer[] NOT NULL
      );
      CREATE INDEX features_bands ON features USING gin (bands);
      CREATE INDEX features_anchors ON features USING gin (anchors);
      CREATE TABLE vectors (doc integer PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE, v public.halfvec NOT NULL);
      CREATE TABLE lemma_df (lemma integer PRIMARY KEY, n integer NOT NULL);
      CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
    `,
  },
  {
    id: 2,
    name: 'full-text index (English tsvector, GIN)',
    // Only the tsvector: the text itself already lives in the analysis blob (as SQLite's contentless FTS5 table).
    // Rows are strip()ped (no positions: textSearch never ranks by proximity): 4,237 → 2,970 bytes/article at 20k.
    sql: `
      CREATE TABLE article_text (doc integer PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE, body tsvector NOT NULL);
      CREATE INDEX article_text_body ON article_text USING gin (body);
    `,
    async backfill(client) {
      await forEachStoredBatch(client, (rows) =>
        client.query(
          "INSERT INTO article_text (doc, body) SELECT d, strip(to_tsvector('english', t)) FROM unnest($1::int[], $2::text[]) AS s(d, t)",
          [rows.map((r) => r.id), rows.map((r) => tsText(analysisText(new Uint8Array(r.analysis))))],
        ),
      );
    },
  },
  {
    id: 3,
    name: 'full-text statistics deep enough to tell rare words',
    // textSearch keeps a query's rarest lexemes by the frequencies ANALYZE lists (pg_stats.most_common_elems). At
    // the default target (100) only ~1,000 lexemes are listed, so "not listed" took in words in 2 % of documents and
    // the 32 "rarest" of an article matched ~60,000 rows at 100k articles. A target of 1,000 lists ~10,000.
    sql: `
      ALTER TABLE article_text ALTER COLUMN body SET STATISTICS 1000;
      ANALYZE article_text;
    `,
  },
  {
    id: 4,
    name: 'quote index (quotes with speakers, content-word pair keys)',
    // Keys as integer[] with a GIN index, like features.anchors: one row per quote, one index lookup per key.
    sql: `
      CREATE TABLE quotes (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        doc integer NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        q_start integer NOT NULL, q_end integer NOT NULL, inner_start integer NOT NULL, inner_end integer NOT NULL,
        speaker_key text, speaker_name text, speaker_org text, description text,
        words text NOT NULL,
        content text NOT NULL,
        keys integer[] NOT NULL
      );
      CREATE INDEX quotes_doc ON quotes (doc);
      CREATE INDEX quotes_keys ON quotes USING gin (keys);
    `,
    async backfill(client) {
      await forEachStoredBatch(client, (rows) =>
        insertQuotes(
          client,
          rows.flatMap((r) => storedQuoteEntries(new Uint8Array(r.analysis)).map((q) => ({ doc: r.id, q }))),
        ),
      );
    },
  },
];

/** A backfill's walk over the stored analyses, 500 articles a batch in id order (bounded memory on any corpus). */
async function forEachStoredBatch(
  client: pg.PoolClient,
  each: (rows: Array<{ id: number; analysis: Buffer }>) => Promise<unknown>,
): Promise<void> {
  for (let after = 0; ; ) {
    const { rows } = await client.query<{ id: number; analysis: Buffer }>(
      'SELECT id, analysis FROM articles WHERE id > $1 ORDER BY id LIMIT 500',
      [after],
    );
    if (!rows.length) return;
    await each(rows);
    after = rows[rows.length - 1].id;
  }
}

/** Writes quote index rows in one statement (ingest and the backfill write them the same way). */
export async function insertQuotes(
  client: pg.PoolClient,
  quotes: Array<{ doc: number; q: QuoteEntry }>,
): Promise<void> {
  if (!quotes.length) return;
  const col = <T>(f: (x: { doc: number; q: QuoteEntry }) => T) => quotes.map(f);
  await client.query(
    `INSERT INTO quotes (doc, q_start, q_end, inner_start, inner_end, speaker_key, speaker_name, speaker_org, description, words, content, keys)
     SELECT d, s, e, i, j, k, n, o, ds, w, c, ks::integer[]
     FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
          AS t(d, s, e, i, j, k, n, o, ds, w, c, ks)`,
    [
      col((x) => x.doc),
      col((x) => x.q.start),
      col((x) => x.q.end),
      col((x) => x.q.innerStart),
      col((x) => x.q.innerEnd),
      col((x) => x.q.speakerKey),
      col((x) => x.q.speakerName),
      col((x) => x.q.speakerOrg),
      col((x) => x.q.description),
      col((x) => x.q.words),
      col((x) => x.q.content),
      // Keys are uint32 hashes; integer[] is signed.
      col((x) => `{${x.q.keys.map((k) => k | 0).join(',')}}`),
    ],
  );
}

/** One lock for every schema of a database: CREATE EXTENSION is database-wide and must not race. */
const MIGRATE_LOCK = 0x756e7370; // "unsp"

/** Applies the migrations not yet recorded in `migrations` (each in its own transaction) under an advisory lock. */
export async function migrate(client: pg.PoolClient, schema: string): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public');
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)',
    );
    const done = new Set((await client.query<{ id: number }>('SELECT id FROM migrations')).rows.map((r) => r.id));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await m.backfill?.(client);
        await client.query('INSERT INTO migrations (id, name, applied_at) VALUES ($1, $2, $3)', [
          m.id,
          m.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
      applied.push(m.id);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]);
  }
}
