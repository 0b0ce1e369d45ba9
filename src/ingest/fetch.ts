import * as dns from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_BYTES, mb } from './decode.js';

export interface FetchOptions {
  /** Whole exchange, every redirect hop and the body included (default 15 s). */
  timeoutMs?: number;
  /** Abort once the body grows past this after decompression (default 10 MB), whatever Content-Length says. */
  maxBytes?: number;
  /** Allow loopback, private, link-local, CGNAT, multicast and reserved addresses (default: refused). */
  allowPrivate?: boolean;
  /** Redirect hops followed before giving up (default 5). */
  maxRedirects?: number;
  /** Exact addresses or CIDRs allowed although private (a known internal host; tests use 127.0.0.1). */
  allowAddresses?: string[];
}

export interface Fetched {
  bytes: Buffer;
  contentType: string | null;
  /** After redirects, without credentials. */
  finalUrl: string;
}

export const MAX_REDIRECTS = 5;

/** What an article or feed can be served as; a missing Content-Type is sniffed later. */
const ACCEPTED_TYPE =
  /^(text\/(html|plain|markdown|x-markdown|xml)|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml))\b/i;

/** `https://user:secret@host/x` → `https://host/x`: credentials never reach a message, a label or the store. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, '//');
  }
}

/**
 * `url` when it is an absolute http(s) URL, else null: what the store keeps and what pages link to, so a record's
 * ` JavaScript:alert(1)` or `data:` URL is never stored nor rendered as a link.
 */
export function httpUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? url.trim() : null;
  } catch {
    return null;
  }
}

/**
 * GETs one article (or feed) over http(s). One fetcher for the CLI and the corpus (and later the server):
 * - the host is resolved by us and every address is checked by request-filtering-agent at connect time, on every
 *   redirect hop, so `127.0.0.1`, `localhost`, `0x7f000001`, `2130706433`, `[::ffff:127.0.0.1]`, private, CGNAT,
 *   link-local and multicast addresses are refused unless `allowPrivate` (WHATWG URL parsing turns the decimal and
 *   hex forms into dotted quads first);
 * - at most `maxRedirects` hops; only http and https at every hop;
 * - the body is decompressed by us and capped after decompression (a 1 MB gzip bomb stops at the cap);
 * - non-article content types (`image/png`) are refused; credentials are stripped from every message.
 * Every failure is an InputError.
 */
export async function fetchArticle(url: string, opts: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS;
  const shown = redactUrl(url);
  const fail = (why: string) => new InputError(`cannot fetch ${shown}: ${why}`);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw fail('not a valid URL');
  }
  const origin = current.origin;
  const auth =
    current.username || current.password
      ? `${decodeURIComponent(current.username)}:${decodeURIComponent(current.password)}`
      : undefined;
  const deadline = Date.now() + timeoutMs;
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      throw fail(
        hop
          ? `redirected to a ${current.protocol} URL; only http and https are fetched`
          : 'only http and https URLs are supported',
      );
    }
    const res = await request(current, {
      auth: current.origin === origin ? auth : undefined,
      allowPrivate: opts.allowPrivate ?? false,
      allowAddresses: opts.allowAddresses ?? [],
      deadline,
      timeoutMs,
      fail,
    });
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.destroy();
      if (hop >= maxRedirects) throw fail(`more than ${maxRedirects} redirects`);
      try {
        current = new URL(res.headers.location, current);
      } catch {
        throw fail('redirect to an invalid URL');
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      res.destroy();
      throw fail(`HTTP ${status}${res.statusMessage ? ' ' + res.statusMessage : ''}`);
    }
    const type = res.headers['content-type'] ?? null;
    if (type && !ACCEPTED_TYPE.test(type.trim())) {
      res.destroy();
      throw fail(`content type ${type.split(';')[0]} is not an article (expected HTML, text, Markdown or a feed)`);
    }
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (declared > maxBytes && !res.headers['content-encoding']) {
      res.destroy();
      throw new InputError(`${shown} is ${mb(declared)}, over --max-bytes ${mb(maxBytes)}`);
    }
    const bytes = await readBody(res, maxBytes, deadline, timeoutMs, fail, shown);
    current.username = '';
    current.password = '';
    return { bytes, contentType: type, finalUrl: current.href };
  }
}

type Fail = (why: string) => InputError;

/**
 * The IPv4 address inside an IPv6 one that only wraps it: IPv4-compatible `::a.b.c.d` (::/96, deprecated but still
 * routed to the IPv4 host by some stacks) and NAT64 `64:ff9b::a.b.c.d`; null otherwise (`::`, `::1` and IPv4-mapped
 * `::ffff:…` are judged as IPv6 by the filter already). `[::7f00:1]` is 127.0.0.1 and is checked as such.
 */
export function embeddedIPv4(address: string): string | null {
  const h = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (!h.includes(':')) return null;
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  const head = v4 ? `${v4[1]}0:0` : h;
  const [l, r = null] = head.split('::');
  const left = l ? l.split(':') : [];
  const right = r === null ? [] : r ? r.split(':') : [];
  const groups = r === null ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const n = groups.map((g) => Number.parseInt(g, 16));
  const compat = n.slice(0, 6).every((x) => x === 0);
  const nat64 = n[0] === 0x64 && n[1] === 0xff9b && n.slice(2, 6).every((x) => x === 0);
  if (!compat && !nat64) return null;
  const ip = v4 ? v4[2] : [n[6] >> 8, n[6] & 255, n[7] >> 8, n[7] & 255].join('.');
  return compat && (ip === '0.0.0.0' || ip === '0.0.0.1') ? null : ip;
}

/** dns.lookup, with IPv4-compatible and NAT64 answers turned into the IPv4 address they stand for (then filtered). */
const unwrapLookup = ((hostname: string, options: dns.LookupOptions, cb: (...args: unknown[]) => void) =>
  dns.lookup(hostname, options, (err: NodeJS.ErrnoException | null, address: unknown, family?: number) => {
    if (err) return cb(err);
    if (Array.isArray(address))
      return cb(
        null,
        (address as dns.LookupAddress[]).map((a) => {
          const v4 = embeddedIPv4(a.address);
          return v4 ? { address: v4, family: 4 } : a;
        }),
      );
    const v4 = embeddedIPv4(address as string);
    return v4 ? cb(null, v4, 4) : cb(null, address, family);
  })) as unknown as typeof dns.lookup;

function request(
  url: URL,
  o: {
    auth?: string;
    allowPrivate: boolean;
    allowAddresses: string[];
    deadline: number;
    timeoutMs: number;
    fail: Fail;
  },
): Promise<http.IncomingMessage> {
  const secure = url.protocol === 'https:';
  const filter = {
    allowPrivateIPAddress: o.allowPrivate,
    allowMetaIPAddress: o.allowPrivate,
    allowIPAddressList: o.allowAddresses,
    keepAlive: false,
  };
  const agent = secure ? new RequestFilteringHttpsAgent(filter) : new RequestFilteringHttpAgent(filter);
  const get = secure ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    const req = get(
      {
        protocol: url.protocol,
        // An IPv6 literal wrapping an IPv4 address is connected to (and so checked) as that IPv4 address.
        hostname: embeddedIPv4(literal) ?? literal,
        lookup: unwrapLookup,
        port: url.port || undefined,
        path: url.pathname + url.search,
        auth: o.auth,
        agent,
        headers: {
          accept:
            'text/html,application/xhtml+xml,text/plain;q=0.9,application/rss+xml;q=0.8,application/atom+xml;q=0.8,*/*;q=0.1',
          'accept-encoding': 'gzip, deflate, br',
          'user-agent': 'unspun (news forensics)',
        },
      },
      (res) => {
        clearTimeout(timer);
        resolve(res);
      },
    );
    const timer = setTimeout(() => req.destroy(new TimeoutFetchError()), Math.max(1, o.deadline - Date.now()));
    req.on('error', (e) => {
      clearTimeout(timer);
      agent.destroy();
      reject(describeError(e, o.timeoutMs, o.fail, url));
    });
    req.on('close', () => agent.destroy());
  });
}

class TimeoutFetchError extends Error {}

function describeError(e: Error & { code?: string }, timeoutMs: number, fail: Fail, url: URL): InputError {
  if (e instanceof TimeoutFetchError) return fail(`no complete answer within ${timeoutMs} ms`);
  const refused = /is not allowed\. Because,? It is (private|meta) IP address|denyIPAddressList/.exec(e.message);
  if (refused) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const address = /DNS lookup ([^(]+)\(/.exec(e.message)?.[1] ?? host;
    return fail(
      `${host} is ${address === host ? 'a' : `${address}, a`} loopback, private or reserved address; refused (pass --allow-private-urls to allow)`,
    );
  }
  return fail(e.code ?? e.message.split('\n')[0]);
}

/** The body, decompressed, stopping as soon as it passes maxBytes or the deadline. */
function readBody(
  res: http.IncomingMessage,
  maxBytes: number,
  deadline: number,
  timeoutMs: number,
  fail: Fail,
  shown: string,
): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  let stream: Readable = res;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(createGunzip());
  else if (encoding === 'deflate') stream = res.pipe(createInflate());
  else if (encoding === 'br') stream = res.pipe(createBrotliDecompress());
  else if (encoding !== 'identity' && encoding !== '') {
    res.destroy();
    return Promise.reject(fail(`unsupported content encoding ${encoding}`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) {
        res.destroy();
        if (stream !== res) stream.destroy();
        reject(err);
      } else resolve(Buffer.concat(chunks));
    };
    const timer = setTimeout(
      () => finish(fail(`no complete answer within ${timeoutMs} ms`)),
      Math.max(1, deadline - Date.now()),
    );
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes)
        finish(
          new InputError(`${shown} is over --max-bytes ${mb(maxBytes)}${stream !== res ? ' after decompression' : ''}`),
        );
      else chunks.push(chunk);
    });
    stream.on('end', () => finish(null));
    stream.on('error', (e: Error & { code?: string }) =>
      finish(fail(stream !== res ? `bad ${encoding} body (${e.code ?? e.message})` : (e.code ?? e.message))),
    );
    res.on('error', (e: Error & { code?: string }) => finish(fail(e.code ?? e.message)));
    res.on('aborted', () => finish(fail('connection closed before the body was complete')));
  });
}
