import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { openStore } from '../store/index.js';
import { tempDir } from '../../test/store/helpers.js';
import { join } from 'node:path';
import { startServer } from './index.js';
import { RateLimiter, isLoopback } from './security.js';
import { ProblemError } from './problem.js';

describe('isLoopback', () => {
  it('knows loopback from everything else', () => {
    for (const h of ['127.0.0.1', '127.5.4.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.org', '::ffff:10.0.0.1'])
      expect(isLoopback(h), h).toBe(false);
  });
});

describe('startServer', () => {
  it('refuses a non-loopback address without a token, and a short token', async () => {
    const store = await openStore(join(tempDir('serve-refuse'), 'c.db'));
    try {
      await expect(startServer({ store, host: '0.0.0.0', port: 0 })).rejects.toThrow(InputError);
      await expect(startServer({ store, host: '0.0.0.0', port: 0 })).rejects.toThrow(/UNSPUN_TOKEN/);
      await expect(startServer({ store, host: '0.0.0.0', port: 0, token: 'short' })).rejects.toThrow(/too short/);
    } finally {
      await store.close();
    }
  });
});

describe('RateLimiter', () => {
  it('allows `limit` requests per window per client, then 429 until the window passes', () => {
    const r = new RateLimiter(2, 1000);
    r.check('a', 0);
    r.check('a', 10);
    r.check('b', 10);
    let err: unknown;
    try {
      r.check('a', 20);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).problem.status).toBe(429);
    expect((err as ProblemError).headers['retry-after']).toBe('1');
    expect(() => r.check('a', 1001)).not.toThrow();
  });
});
