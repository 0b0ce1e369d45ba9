import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { mb } from '../ingest/decode.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface RawInput {
  bytes: Buffer;
  /** Set for URL inputs. */
  url: string | null;
  /** How to name it in reports: the path, URL or "stdin". */
  label: string;
  /** From the HTTP Content-Type or the file extension. */
  format: 'auto' | 'html' | 'text' | 'markdown';
}

/** Reads a file path, an http(s) URL, or `-` for stdin, enforcing the size cap before decoding. */
export async function readInput(arg: string, maxBytes = DEFAULT_MAX_BYTES): Promise<RawInput> {
  if (arg === '-') return { bytes: capped(await readStdin(maxBytes), maxBytes, 'stdin'), url: null, label: 'stdin', format: 'auto' };
  if (/^https?:\/\//i.test(arg)) {
    const { fetchArticle } = await import('../ingest/fetch.js');
    const got = await fetchArticle(arg, { maxBytes, timeoutMs: 15_000 });
    const html = /html/i.test(got.contentType ?? '');
    return { bytes: got.bytes, url: got.finalUrl, label: arg, format: html ? 'html' : 'auto' };
  }
  let size: number;
  try {
    const st = statSync(arg);
    if (st.isDirectory()) throw new InputError(`${arg} is a directory, not an article file`);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read ${arg}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  if (size > maxBytes) throw new InputError(`${arg} is ${mb(size)}, over --max-bytes ${mb(maxBytes)}`);
  const format = /\.html?$/i.test(arg) ? 'html' : /\.(md|markdown)$/i.test(arg) ? 'markdown' : 'auto';
  return { bytes: readFileSync(arg), url: null, label: arg, format };
}

function capped(bytes: Buffer, maxBytes: number, label: string): Buffer {
  if (bytes.length > maxBytes) throw new InputError(`${label} is over --max-bytes ${mb(maxBytes)}`);
  return bytes;
}

async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of process.stdin) {
    n += (chunk as Buffer).length;
    chunks.push(chunk as Buffer);
    if (n > maxBytes) throw new InputError(`stdin is over --max-bytes ${mb(maxBytes)}`);
  }
  return Buffer.concat(chunks);
}

/** Parses `--max-bytes` values like `10MB`, `500k`, `1048576`. */
export function parseBytes(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(v.trim());
  if (!m) throw new InputError(`--max-bytes: cannot read "${v}" (try 10MB)`);
  const mult = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').charAt(0).toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  return Math.round(Number(m[1]) * mult);
}
