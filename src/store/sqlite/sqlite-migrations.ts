import type Database from 'better-sqlite3';

/** Numbered, append-only migrations: never edit one that has shipped, add the next number. */
export const migrations: Array<{ id: number; name: string; sql: string }> = [
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
];

/** Applies the migrations not yet recorded in `migrations`, each in its own transaction. */
export function migrate(db: Database.Database): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const done = new Set((db.prepare('SELECT id FROM migrations').all() as Array<{ id: number }>).map((r) => r.id));
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)').run(
        m.id,
        m.name,
        new Date().toISOString(),
      );
    })();
    applied.push(m.id);
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
