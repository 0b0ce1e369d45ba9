import type { ArticleMeta, Store } from '../store/store.js';

export interface SearchQuery {
  /** Words of the text (the store's full-text index: stemmed, any word, best matches first) or of the title. */
  q?: string;
  outlet?: string;
  /** Published on or after / before or on (ISO dates, compared as strings). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Most text matches a query considers before the outlet and date filters and paging. */
const TEXT_HITS = 1000;

/**
 * Search for the corpus page and GET /api/v1/articles. Text goes through the store's full-text index
 * (`Store.textSearch`: FTS5 BM25 on SQLite, a GIN-indexed tsvector on PostgreSQL), ranked; titles holding every
 * word follow. The server keeps only the article metadata in memory (newest first, for browsing without a
 * query and for the filters), rebuilt after a write.
 */
export class ArticleSearch {
  private metas: ArticleMeta[] | null = null;
  private building: Promise<ArticleMeta[]> | null = null;

  constructor(private readonly store: Store) {}

  /** Call after any add or remove. */
  invalidate(): void {
    this.metas = null;
    this.building = null;
  }

  async outlets(): Promise<string[]> {
    return [...new Set((await this.load()).map((m) => m.outlet).filter((o): o is string => Boolean(o)))].sort();
  }

  async search(query: SearchQuery): Promise<{ total: number; articles: ArticleMeta[] }> {
    const q = (query.q ?? '').trim();
    let found = await this.load();
    if (q) {
      const ranked = await this.store.getMeta((await this.store.textSearch(q, TEXT_HITS)).map((h) => h.id));
      const seen = new Set(ranked.map((m) => m.id));
      const words = q.toLowerCase().split(/\s+/);
      const titled = found.filter(
        (m) => !seen.has(m.id) && words.every((w) => (m.title ?? '').toLowerCase().includes(w)),
      );
      found = [...ranked, ...titled];
    }
    const hits = found.filter(
      (m) =>
        (!query.outlet || m.outlet === query.outlet) &&
        (!query.from || (m.published ?? '') >= query.from) &&
        (!query.to || (m.published ?? '\uffff').slice(0, query.to.length) <= query.to),
    );
    const offset = query.offset ?? 0;
    return { total: hits.length, articles: hits.slice(offset, offset + (query.limit ?? 50)) };
  }

  private async load(): Promise<ArticleMeta[]> {
    if (this.metas) return this.metas;
    this.building ??= (async () => {
      const out = await this.store.list();
      // Newest first, as a reader browsing a corpus expects.
      return out.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || b.id - a.id);
    })();
    const built = this.building;
    const metas = await built;
    if (this.building === built) this.metas = metas;
    return metas;
  }
}
