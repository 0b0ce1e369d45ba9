import { decodeAnalysis } from '../store/codec.js';
import type { ArticleMeta, Store } from '../store/store.js';

export interface SearchQuery {
  /** Words that must all appear in the title, outlet or text (case-insensitive). */
  q?: string;
  outlet?: string;
  /** Published on or after / before or on (ISO dates, compared as strings). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

interface Entry {
  meta: ArticleMeta;
  /** Title, outlet and text, lower-cased: what `q` searches. */
  haystack: string;
}

/**
 * Search over title, outlet and text for the corpus page and GET /api/v1/articles. The store has no text index,
 * so the server keeps one in memory (about the size of the texts), built on first use and rebuilt after a write.
 */
export class ArticleSearch {
  private entries: Entry[] | null = null;
  private building: Promise<Entry[]> | null = null;

  constructor(private readonly store: Store) {}

  /** Call after any add or remove. */
  invalidate(): void {
    this.entries = null;
    this.building = null;
  }

  async outlets(): Promise<string[]> {
    return [...new Set((await this.load()).map((e) => e.meta.outlet).filter((o): o is string => Boolean(o)))].sort();
  }

  async search(query: SearchQuery): Promise<{ total: number; articles: ArticleMeta[] }> {
    const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const hits = (await this.load()).filter(
      (e) =>
        (!query.outlet || e.meta.outlet === query.outlet) &&
        (!query.from || (e.meta.published ?? '') >= query.from) &&
        (!query.to || (e.meta.published ?? '\uffff').slice(0, query.to.length) <= query.to) &&
        words.every((w) => e.haystack.includes(w)),
    );
    const offset = query.offset ?? 0;
    return { total: hits.length, articles: hits.slice(offset, offset + (query.limit ?? 50)).map((e) => e.meta) };
  }

  private async load(): Promise<Entry[]> {
    if (this.entries) return this.entries;
    this.building ??= (async () => {
      const out: Entry[] = [];
      for await (const row of this.store.iterate(500)) {
        const { analysis, ...meta } = row;
        const text = decodeAnalysis(analysis).text;
        out.push({ meta, haystack: `${meta.title ?? ''}\n${meta.outlet ?? ''}\n${text}`.toLowerCase() });
      }
      // Newest first, as a reader browsing a corpus expects.
      return out.sort(
        (a, b) => (b.meta.published ?? '').localeCompare(a.meta.published ?? '') || b.meta.id - a.meta.id,
      );
    })();
    const built = this.building;
    const entries = await built;
    if (this.building === built) this.entries = entries;
    return entries;
  }
}
