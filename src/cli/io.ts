import { InputError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../ingest/decode.js';
import { readPathCapped, readStreamCapped } from '../ingest/read.js';

export { DEFAULT_MAX_BYTES };

export interface RawInput {
  bytes: Buffer;
  /** Set for URL inputs (without credentials). */
  url: string | null;
  /** How to name it in reports: the path, URL (without credentials) or "stdin". */
  label: string;
  /** From the HTTP Content-Type or the file extension. */
  format: 'auto' | 'html' | 'text' | 'markdown';
}

export interface ReadOptions {
  maxBytes?: number;
  /** `--allow-private-urls`: let URLs reach loopback and private addresses. */
  allowPrivate?: boolean;
}

/**
 * Reads a file path (regular file, device or FIFO), an http(s) URL, or `-` for stdin. Every source is read as a
 * stream with the `--max-bytes` cap and an idle timeout, so `/dev/zero`, an endless response or a FIFO without a
 * writer stop with an InputError instead of filling memory or hanging.
 */
export async function readInput(arg: string, opts: ReadOptions | number = {}): Promise<RawInput> {
  const o = typeof opts === 'number' ? { maxBytes: opts } : opts;
  const maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
  if (arg === '-')
    return {
      bytes: await readStreamCapped(process.stdin, 'stdin', { maxBytes }),
      url: null,
      label: 'stdin',
      format: 'auto',
    };
  if (/^https?:\/\//i.test(arg)) {
    // Loaded on use: request-filtering-agent and the HTTP stack stay out of start-up.
    const { fetchArticle, redactUrl } = await import('../ingest/fetch.js');
    const got = await fetchArticle(arg, { maxBytes, timeoutMs: 15_000, allowPrivate: o.allowPrivate });
    const html = /html/i.test(got.contentType ?? '');
    const markdown = /markdown/i.test(got.contentType ?? '');
    return {
      bytes: got.bytes,
      url: got.finalUrl,
      label: redactUrl(arg),
      format: html ? 'html' : markdown ? 'markdown' : 'auto',
    };
  }
  const bytes = await readPathCapped(arg, { maxBytes });
  const format = /\.html?$/i.test(arg) ? 'html' : /\.(md|markdown)$/i.test(arg) ? 'markdown' : 'auto';
  return { bytes, url: null, label: arg, format };
}

/** Parses `--max-bytes` values like `10MB`, `500k`, `1048576`. */
export function parseBytes(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(v.trim());
  if (!m) throw new InputError(`--max-bytes: cannot read "${v}" (try 10MB)`);
  const mult = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').charAt(0).toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  return Math.round(Number(m[1]) * mult);
}
