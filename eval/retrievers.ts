/**
 * Candidate retrieval for the meter-retrieval task: a small interface so the baseline and Unspun's
 * `trace` (store) can be measured on the same queries. Documents carry only an id and text: no outlet,
 * path or layout may be used as a feature.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadVectors } from '../src/align/vectors.js';
import { addPaths, trace } from '../src/corpus/index.js';
import { extract } from '../src/ingest/index.js';
import { analyze } from '../src/nlp/index.js';
import { openStore, type Store } from '../src/store/index.js';
import { words } from './data.js';

export interface Hit {
  id: string;
  score: number;
}

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
      db.transaction(() => {
        for (const d of docs) insert.run(d.id, d.text);
      })();
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
 * Unspun's own candidate search: the texts go into a real corpus store (a temporary SQLite file) through
 * `addPaths`, and each query is answered by `trace` (retrieval, then the compare re-rank; origin first).
 */
export async function unspunRetriever(): Promise<{ make: (() => Retriever) | null; reason: string }> {
  const vectors = loadVectors();
  const make = (): Retriever => {
    const dir = mkdtempSync(join(tmpdir(), 'unspun-eval-'));
    let store: Store | null = null;
    const articleOf = new Map<number, string>();
    return {
      name: 'Unspun trace',
      async index(docs) {
        const jsonl = join(dir, 'docs.jsonl');
        writeFileSync(jsonl, docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n') + '\n');
        store = await openStore(join(dir, 'eval.db'));
        await addPaths(store, [jsonl], { vectors });
        for (const m of await store.list({ limit: 1e9 })) articleOf.set(m.id, m.article);
      },
      async retrieve(queryText, k) {
        const r = await trace(store!, analyze(extract(queryText, { format: 'text' })), { vectors, top: k });
        return r.candidates.map((c) => ({ id: articleOf.get(c.id) ?? String(c.id), score: c.score }));
      },
      close() {
        void store?.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
  return { make, reason: '' };
}
