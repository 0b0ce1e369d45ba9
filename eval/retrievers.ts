/**
 * Candidate retrieval for the meter-retrieval task: a small interface so the baseline and Unspun's
 * `trace` (store) can be measured on the same queries. Documents carry only an id and text: no outlet,
 * path or layout may be used as a feature.
 */
import Database from 'better-sqlite3';
import { words } from './data.js';

export interface Hit { id: string; score: number }

export interface Retriever {
  name: string;
  index(docs: Array<{ id: string; text: string }>): Promise<void>;
  /** Best k documents for the query text, best first. */
  retrieve(queryText: string, k: number): Promise<Hit[]>;
  close(): void;
}

/** SQLite FTS5 BM25 over an in-memory table; the query is every distinct word OR-ed. */
export function bm25Retriever(): Retriever {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, tokenize = 'porter unicode61')`);
  const insert = db.prepare('INSERT INTO docs (id, body) VALUES (?, ?)');
  const search = db.prepare('SELECT id, bm25(docs) AS rank FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?');
  return {
    name: 'FTS5 BM25',
    async index(docs) {
      db.transaction(() => docs.forEach((d) => insert.run(d.id, d.text)))();
    },
    async retrieve(queryText, k) {
      const terms = [...new Set(words(queryText).map((w) => w.norm))].map((t) => `"${t}"`);
      if (terms.length === 0) return [];
      const rows = search.all(terms.join(' OR '), k) as Array<{ id: string; rank: number }>;
      return rows.map((r) => ({ id: r.id, score: -r.rank })); // FTS5 ranks are negated BM25 scores
    },
    close: () => db.close(),
  };
}

/**
 * Unspun's own candidate search (the store's `trace`), or null and why.
 * TODO(store): plug the store's retrieve(queryText, k) in here once `trace` exists.
 */
export async function unspunRetriever(): Promise<{ make: (() => Retriever) | null; reason: string }> {
  return { make: null, reason: 'TODO: store trace retrieve(queryText, k) not available yet' };
}
