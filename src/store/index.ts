import { InputError } from '../errors.js';
import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export type { ArticleMeta, IndexFeatures, ListOptions, NewArticle, Store, StoreCapabilities, StoredArticle } from './store.js';
export { encodeAnalysis, decodeAnalysis } from './codec.js';
export { listArticles, showArticle, removeArticle, exportJsonl, type ShownArticle } from './housekeeping.js';

export const DEFAULT_DB = './unspun.db';

/** `--db URL` wins, then `UNSPUN_DB`, then `./unspun.db`. */
export function resolveDbPath(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.UNSPUN_DB || DEFAULT_DB;
}

export type StoreKind = 'sqlite' | 'postgres';

/**
 * Which backend a `--db` value names: `postgres://` or `postgresql://` → PostgreSQL; `sqlite:PATH`, `file:PATH` or a
 * plain path → SQLite. Any other `scheme://` is an error rather than a file in a folder named after the scheme.
 */
export function storeKind(url: string): { kind: StoreKind; location: string } {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', location: url };
  const sqlite = /^(sqlite|file):(\/\/)?(.+)$/i.exec(url);
  if (sqlite) return { kind: 'sqlite', location: sqlite[3] };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  if (scheme) throw new InputError(`unknown store "${scheme[1]}://": use a file path (SQLite) or postgres://user@host/db`);
  return { kind: 'sqlite', location: url };
}

/** Opens (and migrates) the store a URL names: a SQLite file by default, PostgreSQL for `postgres://…`. */
export async function openStore(url: string = resolveDbPath()): Promise<Store> {
  const { kind, location } = storeKind(url);
  if (kind === 'postgres') {
    // Loaded on demand: the embedded default never loads the pg driver.
    const { PostgresStore } = await import('./postgres/postgres-store.js');
    return PostgresStore.open(location);
  }
  return new SqliteStore(location);
}
