import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export type { ArticleMeta, IndexFeatures, ListOptions, NewArticle, Store, StoreCapabilities, StoredArticle } from './store.js';
export { encodeAnalysis, decodeAnalysis } from './codec.js';
export { listArticles, showArticle, removeArticle, exportJsonl, type ShownArticle } from './housekeeping.js';

export const DEFAULT_DB = './unspun.db';

/** `--db PATH` wins, then `UNSPUN_DB`, then `./unspun.db`. */
export function resolveDbPath(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.UNSPUN_DB || DEFAULT_DB;
}

export { storeError } from './sqlite/sqlite-store.js';

/** Opens (and migrates, unless `readonly`) the store. Only the embedded SQLite backend exists for now. */
export async function openStore(opts: { db?: string | null; readonly?: boolean } = {}): Promise<Store> {
  return new SqliteStore(resolveDbPath(opts.db), { readonly: opts.readonly });
}
