import type Database from 'better-sqlite3';
import { analysisText } from '../codec.js';
import { storedQuoteEntries } from '../../corpus/quotes/entries.js';
import type { QuoteEntry } from '../store.js';

/** Numbered, append-only migrations: never edit one that has shipped, add the next number. */
export const migrations: Array<{
  id: number;
  name: string;
  sql: string;
  /** Data step after the SQL, in the same transaction. */
  backfill?: (db: Database.Database) => void;
}> = [
  {
    id: 1,
    name: 'articles and retrieval index',
    sql: `
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article TEXT NOT NULL,
        version INTEGER NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        raw_hash TEXT NOT NULL,
        url TEXT, title TEXT, outlet TEXT, published TEXT, source TEXT,
        added_at TEXT NOT NULL,
        words INTEGER NOT NULL,
        analysis BLOB NOT NULL,
        UNIQUE (article, version)
      );
      CREATE INDEX articles_raw_hash ON articles (raw_hash);
      -- WITHOUT ROWID keeps each posting to one b-tree entry (the 2 KB/article index budget).
      CREATE TABLE bands (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
      CREATE TABLE anchors (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
      CREATE TABLE vectors (doc INTEGER PRIMARY KEY, v BLOB NOT NULL);
      CREATE TABLE lemma_df (lemma INTEGER PRIMARY KEY, n INTEGER NOT NULL);
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    id: 2,
    name: 'full-text index (FTS5 BM25 candidate generator)',
    // Contentless: the text already lives in the analysis blob; rowid = articles.id; deletable (SQLite ≥ 3.43).
    sql: `CREATE VIRTUAL TABLE article_text USING fts5(body, content = '', contentless_delete = 1, tokenize = 'porter unicode61');`,
    backfill(db) {
      // In pages: better-sqlite3 cannot write while a statement is still iterating.
      const page = db.prepare('SELECT id, analysis FROM articles WHERE id > ? ORDER BY id LIMIT 500');
      const insert = db.prepare('INSERT INTO article_text (rowid, body) VALUES (?, ?)');
      for (let after = 0; ; ) {
        const rows = page.all(after) as Array<{ id: number; analysis: Buffer }>;
        if (!rows.length) return;
        for (const r of rows) insert.run(r.id, analysisText(new Uint8Array(r.analysis)));
        after = rows[rows.length - 1].id;
      }
    },
  },
  {
    id: 3,
    name: 'quote index (quotes with speakers, content-word pair keys)',
    sql: `
      CREATE TABLE quotes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        doc INTEGER NOT NULL,
        q_start INTEGER NOT NULL, q_end INTEGER NOT NULL, inner_start INTEGER NOT NULL, inner_end INTEGER NOT NULL,
        speaker_key TEXT, speaker_name TEXT, speaker_org TEXT, description TEXT,
        words TEXT NOT NULL, content TEXT NOT NULL
      );
      CREATE INDEX quotes_doc ON quotes (doc);
      CREATE TABLE quote_keys (key INTEGER NOT NULL, quote INTEGER NOT NULL, PRIMARY KEY (key, quote)) WITHOUT ROWID;
    `,
    backfill(db) {
      const page = db.prepare('SELECT id, analysis FROM articles WHERE id > ? ORDER BY id LIMIT 500');
      const prepared = new Map<string, Database.Statement>();
      const sql = (text: string) => prepared.get(text) ?? prepared.set(text, db.prepare(text)).get(text)!;
      for (let after = 0; ; ) {
        const rows = page.all(after) as Array<{ id: number; analysis: Buffer }>;
        if (!rows.length) return;
        for (const r of rows) insertQuotes(sql, r.id, storedQuoteEntries(new Uint8Array(r.analysis)));
        after = rows[rows.length - 1].id;
      }
    },
  },
];

/** Writes one article's quote index rows (ingest and the backfill write them the same way). */
export function insertQuotes(sql: (text: string) => Database.Statement, doc: number, quotes: QuoteEntry[]): void {
  if (!quotes.length) return;
  const row = sql(
    `INSERT INTO quotes (doc, q_start, q_end, inner_start, inner_end, speaker_key, speaker_name, speaker_org, description, words, content)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const key = sql('INSERT OR IGNORE INTO quote_keys (key, quote) VALUES (?, ?)');
  for (const q of quotes) {
    const { id } = row.get(
      doc,
      q.start,
      q.end,
      q.innerStart,
      q.innerEnd,
      q.speakerKey,
      q.speakerName,
      q.speakerOrg,
      q.description,
      q.words,
      q.content,
    ) as { id: number };
    for (const k of q.keys) key.run(k, id);
  }
}

/**
 * Applies the migrations not yet recorded in `migrations`, each in its own IMMEDIATE transaction that re-reads what
 * is done: two processes opening a new corpus at once then migrate one after the other (the second finds the work
 * done) instead of racing from a stale read into a locked or half-created schema.
 */
export function migrate(db: Database.Database): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const isDone = db.prepare('SELECT 1 FROM migrations WHERE id = ?');
  const applied: number[] = [];
  for (const m of migrations) {
    if (isDone.get(m.id)) continue;
    const ran = db
      .transaction(() => {
        if (isDone.get(m.id)) return false;
        db.exec(m.sql);
        m.backfill?.(db);
        db.prepare('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)').run(
          m.id,
          m.name,
          new Date().toISOString(),
        );
        return true;
      })
      .immediate();
    if (ran) applied.push(m.id);
  }
  return applied;
}

/** Migrations a corpus still needs (read-only opening refuses to run them). */
export function pendingMigrations(db: Database.Database): number[] {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get();
  const done = new Set(
    has ? (db.prepare('SELECT id FROM migrations').all() as Array<{ id: number }>).map((r) => r.id) : [],
  );
  return migrations.filter((m) => !done.has(m.id)).map((m) => m.id);
}
