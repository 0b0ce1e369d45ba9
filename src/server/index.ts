import { serve, type ServerType } from '@hono/node-server';
import { compare } from '../compare.js';
import { loadVectors, type Vectors } from '../align/vectors.js';
import { loadLexicon } from '../align/words/index.js';
import { InputError } from '../errors.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import type { ServerContext } from './context.js';
import { allowedHosts, isLoopback } from './security.js';

export { createApp } from './app.js';
export type { ServerOptions } from './context.js';

export interface StartOptions {
  store: Store;
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** UNSPUN_TOKEN. Required when `host` is not loopback. */
  token?: string | null;
  rateLimit?: number;
  /** Further host names clients use to reach the server (a DNS name, a proxy's name): `--allowed-host`. */
  allowedHosts?: string[];
}

export interface RunningServer {
  url: string;
  ctx: ServerContext;
  close(): Promise<void>;
}

/**
 * `unspun serve`: refuses a non-loopback address without a token, loads the language model and word vectors
 * once (a warm-up compare) so the first request is as fast as the rest, then listens.
 */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const loopback = isLoopback(host);
  const token = opts.token?.trim() || null;
  if (!loopback && !token)
    throw new InputError(
      `refusing to listen on ${host} without a token: set UNSPUN_TOKEN (writes and URL fetches will need "Authorization: Bearer $UNSPUN_TOKEN"), or bind 127.0.0.1`,
    );
  if (token && token.length < 16) throw new InputError('UNSPUN_TOKEN is too short: use at least 16 characters');
  const vectors = loadVectors();
  warmUp(vectors);
  // On loopback only this machine can connect, so no token is asked (a token given anyway is enforced).
  const { app, ctx } = createApp({
    store: opts.store,
    vectors,
    lexicon: loadLexicon(),
    token,
    rateLimit: opts.rateLimit,
    hosts: allowedHosts(host, opts.allowedHosts),
  });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 8080 }, () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new InputError(`port ${opts.port} on ${host} is in use (try --port)`) : e),
    );
  });
  // Idle keep-alive sockets outlive clients' pools (undici keeps them 4 s): a server closing first races a request
  // already on its way and the client sees a reset.
  const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number };
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    ctx,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Loads lexicons, the wink model and the word-vector cache now rather than on the first request. */
function warmUp(vectors: Vectors): void {
  compare(
    'The council said on Monday that 40 new buses would run from May.',
    'New buses, 40 of them, will run from May, the council said.',
    { vectors },
  );
}
