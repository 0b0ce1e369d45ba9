import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export type {
  ArticleMeta,
  IndexFeatures,
  ListOptions,
  NewArticle,
  QuoteEntry,
  Store,
  StoreCapabilities,
  StoredArticle,
  StoredQuote,
  VectorHit,
} from './store.js';
export { encodeAnalysis, decodeAnalysis } from './codec.js';
export { listArticles, showArticle, removeArticle, exportJsonl, type ShownArticle } from './housekeeping.js';

export const DEFAULT_DB = './unspun.db';

/** `--db PATH|URL` wins, then `UNSPUN_DB`, then `./unspun.db`. */
export function resolveDbPath(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.UNSPUN_DB || DEFAULT_DB;
}

export { storeError } from './sqlite/sqlite-store.js';

/** Where a store URL points: a SQLite file (or `:memory:`), or a PostgreSQL server. */
export type StoreLocation = { backend: 'sqlite'; path: string } | { backend: 'postgres'; url: string };

/**
 * Reads a store URL: a file path, `sqlite:PATH`, `sqlite://PATH` or `file:` URL → SQLite; `postgres://…` or
 * `postgresql://…` → PostgreSQL. Any other scheme is an InputError (exit 2). A one-letter scheme is a
 * Windows drive (`C:\corpus.db`), i.e. a path.
 */
export function parseStoreUrl(url: string): StoreLocation {
  if (!url.trim()) throw new InputError('empty store location: give a file path, sqlite:PATH or postgres://…');
  if (/^postgres(?:ql)?:\/\//i.test(url)) return { backend: 'postgres', url };
  if (/^sqlite:/i.test(url)) {
    const path = url.replace(/^sqlite:(?:\/\/)?/i, '');
    if (!path) throw new InputError(`no file in store URL "${url}" (e.g. sqlite:corpus.db)`);
    return { backend: 'sqlite', path };
  }
  if (/^file:/i.test(url)) return { backend: 'sqlite', path: fileURLToPath(url) };
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1];
  if (scheme)
    throw new InputError(
      `unknown store scheme "${scheme}:" in "${url}" (use a file path, sqlite:PATH or postgres://…)`,
    );
  return { backend: 'sqlite', path: url };
}

/**
 * Opens (and migrates, unless `readonly`) a corpus store, choosing the backend by the URL's scheme (see
 * parseStoreUrl): `openStore('corpus.db')`, `openStore('sqlite::memory:')`. Close it with `store.close()`.
 * `readonly` (read commands) never creates, migrates or writes.
 */
export async function openStore(url: string, opts: { readonly?: boolean } = {}): Promise<Store> {
  const where = parseStoreUrl(url);
  if (where.backend === 'postgres') {
    // Loaded on demand: the embedded default never loads the pg driver.
    const { PostgresStore } = await import('./postgres/postgres-store.js');
    return PostgresStore.open(where.url);
  }
  return new SqliteStore(where.path, { readonly: opts.readonly });
}
