import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { fetchArticle } from './fetch.js';

const ARTICLE = '<html><body><p>The council voted on Tuesday to close the library.</p></body></html>';
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/article')
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    if (req.url === '/moved') return void res.writeHead(301, { location: '/article' }).end();
    if (req.url === '/missing') return void res.writeHead(404).end('not here');
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 2_000);
    if (req.url === '/huge-declared')
      return void res.writeHead(200, { 'content-length': String(5_000) }).end('x'.repeat(5_000));
    if (req.url === '/huge-streamed') {
      // No Content-Length: only the streamed cap can stop it.
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const tick = () => {
        if (sent >= 50_000 || res.destroyed) return void res.end();
        sent += 1_000;
        res.write('y'.repeat(1_000), tick);
      };
      return tick();
    }
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchArticle (local server on 127.0.0.1)', () => {
  it('returns bytes, content type and the final URL after redirects', async () => {
    const got = await fetchArticle(`${base}/moved`, { allowPrivate: true });
    expect(got.bytes.toString('utf8')).toBe(ARTICLE);
    expect(got.contentType).toBe('text/html; charset=utf-8');
    expect(got.finalUrl).toBe(`${base}/article`);
  });

  it.each([
    ['/missing', {}, /HTTP 404/],
    ['/slow', { timeoutMs: 200 }, /no complete answer within 200 ms/],
    ['/huge-declared', { maxBytes: 1_000 }, /is 4\.9 kB, over --max-bytes 1000 bytes/],
    ['/huge-streamed', { maxBytes: 10_000 }, /over --max-bytes 9\.8 kB/],
  ])('%s fails with an InputError', async (path, opts, message) => {
    const err = await fetchArticle(`${base}${path}`, { ...opts, allowPrivate: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
  });

  it('rejects unreachable hosts and non-http URLs', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchArticle(`http://127.0.0.1:${port}/x`, { timeoutMs: 2_000, allowPrivate: true })).rejects.toThrow(
      /cannot fetch .*ECONNREFUSED/,
    );
    await expect(fetchArticle('file:///etc/hostname', {})).rejects.toThrow(/only http and https/);
  });
});
