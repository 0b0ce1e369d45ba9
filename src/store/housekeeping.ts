import type { Analysis } from '../types.js';
import { decodeAnalysis, warn } from './codec.js';
import type { ArticleMeta, ListOptions, Store } from './store.js';

/** `unspun list`: stored versions in id order. */
export function listArticles(store: Store, opts: ListOptions = {}): Promise<ArticleMeta[]> {
  return store.list(opts);
}

export interface ShownArticle extends ArticleMeta {
  text: string;
  /** Other versions stored under the same identity (ids, oldest first). */
  versions: Array<Pick<ArticleMeta, 'id' | 'version' | 'addedAt'>>;
  analysis: Analysis;
}

/** `unspun show <id>`: metadata, text, analysis and sibling versions; null when absent. */
export async function showArticle(store: Store, id: number): Promise<ShownArticle | null> {
  const row = await store.get(id);
  if (!row) return null;
  const analysis = decodeAnalysis(row.analysis);
  const { analysis: _blob, ...meta } = row;
  const versions = (await store.versionsOf(row.article)).map(({ id: v, version, addedAt }) => ({
    id: v,
    version,
    addedAt,
  }));
  return { ...meta, text: analysis.text, versions, analysis };
}

/** `unspun rm <id>`. */
export function removeArticle(store: Store, id: number): Promise<boolean> {
  return store.remove(id);
}

/**
 * `unspun export --jsonl`: one line per stored version, re-ingestable by `unspun add`. Each line carries the stored
 * analysis (base64) unless `text: true`, so `unspun export | unspun add --db postgres://…` moves a corpus exactly:
 * re-extracting the text would not always give the same text back.
 */
export async function* exportJsonl(
  store: Store,
  opts: { textOnly?: boolean; onWarning?: (message: string) => void } = {},
): AsyncIterable<string> {
  for await (const row of store.iterate()) {
    let a: Analysis;
    try {
      a = decodeAnalysis(row.analysis);
    } catch (e) {
      // A row add would refuse anyway: one bad row must not stop the export of the rest.
      (opts.onWarning ?? warn)(`article ${row.id} skipped: ${(e as Error).message}`);
      continue;
    }
    yield JSON.stringify({
      id: row.article,
      storeId: row.id,
      version: row.version,
      url: row.url,
      title: row.title,
      outlet: row.outlet,
      published: row.published,
      hash: row.hash,
      text: a.text,
      ...(opts.textOnly ? {} : { analysis: Buffer.from(row.analysis).toString('base64') }),
    });
  }
}
