import type { ArticleMeta, StoredQuote } from './store.js';

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

/** The columns of a quote index row, the same in every backend's `quotes` table. */
export const QUOTE_COLUMNS =
  'id, doc, q_start, q_end, inner_start, inner_end, speaker_key, speaker_name, speaker_org, description, words, content';

/** A `quotes` row as both backends return it. */
export interface QuoteRow {
  id: number;
  doc: number;
  q_start: number;
  q_end: number;
  inner_start: number;
  inner_end: number;
  speaker_key: string | null;
  speaker_name: string | null;
  speaker_org: string | null;
  description: string | null;
  words: string;
  content: string;
}

/** A quote row → its StoredQuote. */
export function toStoredQuote(r: QuoteRow): StoredQuote {
  return {
    id: r.id,
    doc: r.doc,
    start: r.q_start,
    end: r.q_end,
    innerStart: r.inner_start,
    innerEnd: r.inner_end,
    speakerKey: r.speaker_key,
    speakerName: r.speaker_name,
    speakerOrg: r.speaker_org,
    description: r.description,
    words: r.words,
    content: r.content,
  };
}
