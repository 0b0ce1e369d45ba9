import { InputError } from '../errors.js';
import { DEFAULT_MAX_BYTES, mb } from './decode.js';

export interface FetchOptions {
  /** Whole request, headers and body (default 15 s). */
  timeoutMs?: number;
  /** Abort once the body grows past this (default 10 MB), whatever Content-Length says. */
  maxBytes?: number;
}

export interface Fetched {
  bytes: Buffer;
  contentType: string | null;
  /** After redirects. */
  finalUrl: string;
}

/** GETs one article over http(s) with a timeout and a streamed size cap; every failure is an InputError. */
export async function fetchArticle(url: string, opts: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!/^https?:\/\//i.test(url)) throw new InputError(`cannot fetch ${url}: only http and https URLs are supported`);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5', 'user-agent': 'unspun (news forensics)' } });
    if (!res.ok) throw new InputError(`cannot fetch ${url}: HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await res.body?.cancel();
      throw new InputError(`${url} is ${mb(declared)}, over --max-bytes ${mb(maxBytes)}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > maxBytes) {
          await reader.cancel();
          throw new InputError(`${url} is over --max-bytes ${mb(maxBytes)}`);
        }
        chunks.push(Buffer.from(value));
      }
    }
    return { bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type'), finalUrl: res.url || url };
  } catch (err) {
    if (err instanceof InputError) throw err;
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new InputError(`cannot fetch ${url}: no complete answer within ${timeoutMs} ms`);
    throw new InputError(`cannot fetch ${url}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
  }
}
