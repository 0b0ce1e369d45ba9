import type { Block, Extracted } from '../types.js';

export interface ExtractOptions {
  /** Force a format; default: sniff (HTML if it looks like markup). */
  format?: 'auto' | 'text' | 'html' | 'markdown';
  /** Where the bytes came from, for `Extracted.url` and relative links. */
  url?: string | null;
  /** Reject larger inputs (bytes). Default 10 MB. */
  maxBytes?: number;
  /** Metadata known from outside (JSON Lines records, feeds): wins over what extraction finds. */
  meta?: Partial<Pick<Extracted, 'title' | 'byline' | 'siteName' | 'published'>>;
}

/** STUB: plain text split on blank lines. The real ingest replaces this. */
export function extract(input: Buffer | string, opts: ExtractOptions = {}): Extracted {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  const blocks: Block[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m; (m = re.exec(text)); ) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) blocks.push({ start, end, kind: 'paragraph' });
  }
  return {
    text, title: opts.meta?.title ?? null, byline: opts.meta?.byline ?? null, siteName: opts.meta?.siteName ?? null,
    published: opts.meta?.published ?? null, url: opts.url ?? null, blocks, boilerplate: [], format: 'text', encoding: 'utf-8', warnings: [],
  };
}
