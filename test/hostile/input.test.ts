import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { fetchArticle, redactUrl } from '../../src/ingest/fetch.js';
import { readPathCapped, readStreamCapped } from '../../src/ingest/read.js';
import { loopbackServer, oneLine, run, tmp } from './helpers.js';

const MB = 1024 * 1024;
const ARTICLE = '<html><body><p>The council voted on Tuesday to close the library.</p></body></html>';

describe('item 1: non-regular files are read with a streamed cap', () => {
  it('/dev/zero stops at --max-bytes instead of filling memory', async () => {
    const t0 = Date.now();
    await expect(readPathCapped('/dev/zero', { maxBytes: MB })).rejects.toThrow(/over --max-bytes 1 MB/);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('a FIFO with no writer does not hang; one with an endless writer is capped', async () => {
    const dir = tmp('fifo');
    const fifo = join(dir, 'in.fifo');
    execFileSync('mkfifo', [fifo]);
    // No writer: the non-blocking open succeeds and the read gives up after the idle timeout.
    await expect(readPathCapped(fifo, { maxBytes: MB, idleTimeoutMs: 500 })).rejects.toThrow(/no data for/);
    const writer = spawn('bash', ['-c', `yes article > '${fifo}'`]);
    try {
      await expect(readPathCapped(fifo, { maxBytes: MB, idleTimeoutMs: 5_000 })).rejects.toThrow(/over --max-bytes/);
    } finally {
      writer.kill('SIGKILL');
    }
  });

  it('stdin is capped and gives up when nothing arrives', async () => {
    const endless = new Readable({
      read() {
        this.push(Buffer.alloc(64 * 1024, 97));
      },
    });
    await expect(readStreamCapped(endless, 'stdin', { maxBytes: MB })).rejects.toThrow(/stdin is over --max-bytes/);
    const silent = new Readable({ read() {} });
    await expect(readStreamCapped(silent, 'stdin', { maxBytes: MB, idleTimeoutMs: 200 })).rejects.toThrow(
      /no data for/,
    );
  });

  it('CLI: analyze /dev/zero and compare x /dev/zero exit 2 on one line', async () => {
    const r = await run(['analyze', '/dev/zero', '--max-bytes', '1MB']);
    expect(oneLine(r)).toMatch(/over --max-bytes/);
  });
});

describe('items 2 and 3: one fetcher, capped and refusing private addresses', () => {
  let srv: Awaited<ReturnType<typeof loopbackServer>>;
  const bomb = gzipSync(Buffer.alloc(64 * MB)); // ~64 KB on the wire
  beforeAll(async () => {
    srv = await loopbackServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/article') return void res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE);
      if (url === '/to-loopback')
        return void res.writeHead(302, { location: `http://127.0.0.2:${srv.port}/article` }).end();
      if (url.startsWith('/loop')) return void res.writeHead(302, { location: `/loop${url.length}` }).end();
      if (url === '/to-file') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      if (url === '/png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(100));
      if (url === '/bomb')
        return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb);
      if (url === '/endless') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        // Bounded: stops after 64 MB or when the client goes away.
        let sent = 0;
        const more = () => {
          while (!res.destroyed && sent < 64 * MB) {
            sent += 64 * 1024;
            if (!res.write(Buffer.alloc(64 * 1024, 120))) return void res.once('drain', more);
          }
          res.end();
        };
        return more();
      }
      res.writeHead(404).end();
    });
  });
  afterAll(() => srv.close());

  it.each([
    '127.0.0.1',
    'localhost',
    '0x7f000001',
    '2130706433',
    '[::1]',
    '[::ffff:127.0.0.1]',
    // IPv4-compatible and NAT64 IPv6 wrapping loopback and the metadata address (#22 item 9).
    '[::7f00:1]',
    '[::a9fe:a9fe]',
    '[::127.0.0.1]',
    '[64:ff9b::7f00:1]',
    '10.0.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
  ])('refuses http://%s by default', async (host) => {
    const err = await fetchArticle(`http://${host}:${srv.port}/article`, { timeoutMs: 3_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(
      /loopback, private or reserved address; refused \(pass --allow-private-urls/,
    );
  });

  it('fetches loopback with the opt-in', async () => {
    const got = await fetchArticle(`${srv.base}/article`, { allowPrivate: true });
    expect(got.bytes.toString()).toBe(ARTICLE);
  });

  it('re-checks every redirect hop: an allowed host redirecting to loopback is refused', async () => {
    await expect(fetchArticle(`${srv.base}/to-loopback`, { allowAddresses: ['127.0.0.1'] })).rejects.toThrow(
      /127\.0\.0\.2 is a loopback/,
    );
  });

  it('caps redirects and refuses non-http hops', async () => {
    await expect(fetchArticle(`${srv.base}/loop`, { allowPrivate: true })).rejects.toThrow(/more than 5 redirects/);
    await expect(fetchArticle(`${srv.base}/to-file`, { allowPrivate: true })).rejects.toThrow(
      /redirected to a file: URL/,
    );
  });

  it('refuses non-article content types', async () => {
    await expect(fetchArticle(`${srv.base}/png`, { allowPrivate: true })).rejects.toThrow(
      /content type image\/png is not an article/,
    );
  });

  it('caps an endless body and a gzip bomb after decompression', async () => {
    await expect(fetchArticle(`${srv.base}/endless`, { allowPrivate: true, maxBytes: 2 * MB })).rejects.toThrow(
      /over --max-bytes 2 MB/,
    );
    await expect(fetchArticle(`${srv.base}/bomb`, { allowPrivate: true, maxBytes: 2 * MB })).rejects.toThrow(
      /over --max-bytes 2 MB after decompression/,
    );
  });

  it('never echoes credentials', async () => {
    const err = (await fetchArticle(`http://alice:s3cret@127.0.0.1:${srv.port}/missing`, { allowPrivate: true }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(err.message).toMatch(/HTTP 404/);
    expect(err.message).not.toMatch(/s3cret|alice/);
    expect(redactUrl('https://u:p@news.example/a?x=1')).toBe('https://news.example/a?x=1');
  });

  it('CLI: analyze and add refuse loopback by default and fetch it with --allow-private-urls', async () => {
    const refused = await run(['analyze', `http://u:pw@localhost:${srv.port}/article`]);
    expect(oneLine(refused)).toMatch(/refused/);
    expect(refused.stderr).not.toMatch(/pw@/);
    const ok = await run(['analyze', `${srv.base}/article`, '--allow-private-urls', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).sentences[0].text).toMatch(/council voted/);
    const db = join(tmp('add-url'), 'c.db');
    const add = await run([
      'add',
      `${srv.base}/article`,
      `${srv.base}/bomb`,
      '--db',
      db,
      '--json',
      '--workers',
      '0',
      '--max-bytes',
      '2MB',
    ]);
    expect(add.code).toBe(1); // the bomb is a failed record, the article is refused: both reported
    const summary = JSON.parse(add.stdout);
    expect(summary.failed.map((f: { reason: string }) => f.reason).join('\n')).toMatch(/refused/);
  });
});
