import { timingSafeEqual, createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { problem } from './problem.js';

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  return Boolean(mapped?.[1].startsWith('127.'));
}

const bare = (host: string) =>
  host
    .trim()
    .replace(/^\[|\]$/g, '')
    .toLowerCase();

/**
 * The names a `Host` header may carry for a server bound to `bound`: its own address, the loopback names when it
 * is loopback, every interface address when it is a wildcard (0.0.0.0, ::), and the configured names (`--allowed-host`,
 * UNSPUN_ALLOWED_HOSTS). Anything else is DNS rebinding: a page on evil.example whose name now resolves to us.
 */
export function allowedHosts(bound: string, configured: string[] = []): Set<string> {
  const b = bare(bound);
  const names = new Set([b, ...configured.map(bare).filter(Boolean)]);
  if (isLoopback(b) || b === '0.0.0.0' || b === '::') for (const n of ['localhost', '127.0.0.1', '::1']) names.add(n);
  if (b === '0.0.0.0' || b === '::')
    for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) names.add(bare(i.address));
  return names;
}

/** The host name of a `Host` header without its port (`[::1]:8080` → `::1`), lower-cased. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(h);
  return v6 ? v6[1] : h.replace(/:\d+$/, '');
}

/**
 * Writes and URL fetches need `Authorization: Bearer <token>` when the server has a token (it must when bound
 * beyond loopback). Web forms cannot set headers, so they may send the token as a `token` field instead.
 * Throws a 401 problem.
 */
export function authorize(c: Context, token: string | null, formToken?: unknown): void {
  if (token === null) return;
  const header = c.req.header('authorization') ?? '';
  const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? (typeof formToken === 'string' ? formToken : '');
  if (!given || !same(given, token)) {
    throw problem(
      401,
      given
        ? 'the token does not match'
        : 'this server needs "Authorization: Bearer $UNSPUN_TOKEN" for writes and URL fetches',
      {},
      { 'www-authenticate': 'Bearer realm="unspun"' },
    );
  }
}

function same(a: string, b: string): boolean {
  const [x, y] = [createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest()];
  return timingSafeEqual(x, y);
}

/** The client's address (the socket's, never a forwarded header a client could forge); "local" without a socket. */
export function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/**
 * A fixed-window counter per client for the costly endpoints (compare, trace): `limit` requests per `windowMs`.
 * Over it: 429 with Retry-After. Memory stays bounded: windows are dropped once stale.
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {}

  check(client: string, now = Date.now()): void {
    if (this.limit <= 0) return;
    let w = this.windows.get(client);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000)
        for (const [k, v] of this.windows) if (now - v.start >= this.windowMs) this.windows.delete(k);
      w = { start: now, count: 0 };
      this.windows.set(client, w);
    }
    if (++w.count > this.limit) {
      const retry = Math.ceil((w.start + this.windowMs - now) / 1000);
      throw problem(
        429,
        `more than ${this.limit} compare/trace requests a minute from this client; retry in ${retry} s`,
        {},
        { 'retry-after': String(retry) },
      );
    }
  }
}

/** CSP without 'unsafe-inline': every script and style is a file served by this server; nothing else is reachable. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
