import type { Context } from 'hono';
import type { ParseBodyOptions } from 'hono/utils/body';
import { z } from 'zod';
import { extract } from '../ingest/index.js';
import { fetchArticle } from '../ingest/fetch.js';
import { analyze } from '../nlp/index.js';
import { InputError } from '../errors.js';
import { problem } from './problem.js';
import type { Analysis } from '../types.js';

/** Largest article the server takes (one side of a compare, one upload). */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

const meta = {
  title: z.string().max(1000).optional(),
  published: z.string().max(100).optional(),
  byline: z.string().max(1000).optional(),
  outlet: z.string().max(1000).optional(),
};

/** One article in an API request: a bare string (its text) or `{text|html|url, title?, published?}`. */
export const ArticleSide = z.union([
  z.string().min(1, 'empty article'),
  z
    .object({
      text: z.string().min(1).optional(),
      html: z.string().min(1).optional(),
      url: z
        .string()
        .url()
        .regex(/^https?:\/\//i, 'only http(s) URLs')
        .optional(),
      ...meta,
    })
    .strict()
    .refine(
      (o) => [o.text, o.html, o.url].filter((x) => x !== undefined).length === 1,
      'give exactly one of text, html, url',
    ),
]);
export type ArticleSide = z.infer<typeof ArticleSide>;

export interface Resolved {
  analysis: Analysis;
  bytes: Buffer | string;
  label: string;
}

/** True when resolving the side fetches a URL (which needs the token on a public server). */
export const needsFetch = (s: ArticleSide): boolean => typeof s !== 'string' && s.url !== undefined;

/**
 * Reads and analyses one side. URLs go through `fetchArticle` (the one fetcher: size cap, timeout, and the SSRF
 * guard) and nothing else; text and HTML are taken as given.
 */
export async function resolveSide(side: ArticleSide, label: string): Promise<Resolved> {
  if (typeof side === 'string') return fromBytes(side, { label, format: 'auto' });
  const m: Record<string, string> = {};
  for (const k of ['title', 'published', 'byline', 'outlet'] as const) if (side[k] !== undefined) m[k] = side[k]!;
  if (side.url !== undefined) {
    const got = await fetchArticle(side.url, { maxBytes: MAX_ARTICLE_BYTES, timeoutMs: 15_000 });
    return fromBytes(got.bytes, {
      label: side.url,
      url: got.finalUrl,
      format: /html/i.test(got.contentType ?? '') ? 'html' : 'auto',
      meta: m,
    });
  }
  if (side.html !== undefined) return fromBytes(side.html, { label, format: 'html', meta: m });
  return fromBytes(side.text!, { label, format: 'auto', meta: m });
}

export function fromBytes(
  bytes: Buffer | string,
  o: {
    label: string;
    url?: string | null;
    format: 'auto' | 'html' | 'text' | 'markdown';
    meta?: Record<string, string>;
  },
): Resolved {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  if (size > MAX_ARTICLE_BYTES)
    throw new InputError(`${o.label} is over the server's ${MAX_ARTICLE_BYTES / 1024 / 1024} MB article limit`);
  const analysis = analyze(
    extract(bytes, { format: o.format, url: o.url ?? null, meta: o.meta, maxBytes: MAX_ARTICLE_BYTES }),
  );
  if (!analysis.sentences.length) throw new InputError(`${o.label}: no text found`);
  return { analysis, bytes, label: o.label };
}

/** A file upload: HTML by extension or content type, Markdown by extension, else sniffed. */
export async function fromFile(file: File, label: string): Promise<Resolved> {
  if (file.size > MAX_ARTICLE_BYTES)
    throw new InputError(
      `${file.name || label} is over the server's ${MAX_ARTICLE_BYTES / 1024 / 1024} MB article limit`,
    );
  const bytes = Buffer.from(await file.arrayBuffer());
  const format =
    /\.html?$/i.test(file.name) || /html/i.test(file.type)
      ? 'html'
      : /\.(md|markdown)$/i.test(file.name)
        ? 'markdown'
        : 'auto';
  return fromBytes(bytes, { label: file.name || label, format });
}

/** A form body (urlencoded or multipart); a malformed one (a broken boundary, a truncated part) is a 400, not a 500. */
export async function readForm(c: Context, opts: Partial<ParseBodyOptions> = {}): Promise<Record<string, unknown>> {
  try {
    return (await c.req.parseBody(opts)) as Record<string, unknown>;
  } catch {
    throw problem(400, 'the form body is malformed (send multipart/form-data or application/x-www-form-urlencoded)');
  }
}
