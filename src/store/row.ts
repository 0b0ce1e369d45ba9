import type { ArticleMeta } from './store.js';

/** An `articles` row as both backends return it: the meta with its column names. */
export type Row = Omit<ArticleMeta, 'addedAt'> & { added_at: string; analysis?: Buffer };

/** The columns that make an ArticleMeta, the same in every backend's `articles` table. */
export const META_COLUMNS = 'id, article, version, hash, url, title, outlet, published, source, added_at, words';

/** A row → its meta (`added_at` → `addedAt`). */
export function toMeta(r: Row): ArticleMeta {
  return {
    id: r.id,
    article: r.article,
    version: r.version,
    hash: r.hash,
    url: r.url,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    source: r.source,
    addedAt: r.added_at,
    words: r.words,
  };
}
