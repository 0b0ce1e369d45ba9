import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { loadVectors } from '../align/vectors.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import type { ServerContext } from './context.js';
import type { Hono } from 'hono';
import { tempDir } from '../../test/store/helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const ex = (n: string) => readFileSync(join(ROOT, 'examples', n), 'utf8');
const fx = (n: string) => readFileSync(join(ROOT, 'test/fixtures/corpus', n), 'utf8');
const TOKEN = 'test-token-0123456789abcdef';

let store: Store;
let app: Hono;
let ctx: ServerContext;
/** The same app with a token, as when bound beyond loopback. */
let locked: Hono;
let lockedCtx: ServerContext;

const post = (a: Hono, path: string, body: unknown, headers: Record<string, string> = {}) =>
  a.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const expectProblem = async (res: Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const p = (await res.json()) as { status: number; title: string; detail?: string };
  expect(p.status).toBe(status);
  expect(p.title).toBeTruthy();
  return p;
};

beforeAll(async () => {
  store = await openStore(join(tempDir('api'), 'corpus.db'));
  const vectors = loadVectors();
  ({ app, ctx } = createApp({ store, vectors, maxJsonBytes: 512 * 1024, rateLimit: 1000 }));
  ({ app: locked, ctx: lockedCtx } = createApp({ store, vectors, token: TOKEN, rateLimit: 1000 }));
  // A small corpus: the wire story, two copies, an unrelated one.
  const res = await post(app, '/api/v1/articles', {
    records: [
      { id: 'wire', text: fx('wire-origin.txt'), title: 'Wire origin', outlet: 'Wire', published: '2026-11-01' },
      { id: 'verbatim', html: fx('paper-verbatim.html'), outlet: 'Paper', published: '2026-11-02' },
      { id: 'spun', text: fx('paper-spun.txt'), title: 'Spun copy', outlet: 'Farm', published: '2026-11-03' },
      { id: 'unrelated', text: fx('unrelated.txt'), title: 'Unrelated', outlet: 'Other', published: '2026-10-01' },
    ],
  });
  expect(res.status).toBe(202);
  await ctx.jobs.idle();
}, 120_000);

afterAll(async () => {
  await store.close();
});

describe('POST /api/v1/compare', () => {
  it('returns unspun.compare/3 for two texts, with a permalink to the report page', async () => {
    const res = await post(app, '/api/v1/compare', {
      source: ex('wire-rail-delays.txt'),
      derived: { html: ex('farm-rail-delays.html'), title: 'Farm copy' },
    });
    expect(res.status).toBe(200);
    const r = (await res.json()) as {
      schema: string;
      relation: { verdict: string };
      findings: unknown[];
      derived: { title: string };
    };
    expect(r.schema).toBe('unspun.compare/3');
    expect(r.relation.verdict).toBe('rewrite');
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.derived.title).toBe('Farm copy');
    const link = /<([^>]+)>/.exec(res.headers.get('link') ?? '')?.[1];
    expect(link).toMatch(/^\/r\/[0-9a-f]+$/);
    const page = await app.request(link!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('class="finding');
    expect(html).not.toMatch(/<script>(?!<)/); // no inline script in serve mode
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    for (const ext of ['html', 'md', 'json']) {
      const d = await app.request(`${link}/report.${ext}`);
      expect(d.status).toBe(200);
      expect(d.headers.get('content-disposition')).toContain(`.${ext}`);
    }
  });

  it('400 with a problem document naming each invalid field', async () => {
    const p = await expectProblem(
      await post(app, '/api/v1/compare', { source: 'x', derived: { text: 'a', html: '<p>b</p>' }, extra: 1 }),
      400,
    );
    expect(p.detail).toMatch(/exactly one of text, html, url|extra/);
    await expectProblem(await post(app, '/api/v1/compare', { source: '' }), 400);
    await expectProblem(await post(app, '/api/v1/compare', '{not json'), 400);
    await expectProblem(
      await app.request('/api/v1/compare', { method: 'POST', body: 'text', headers: { 'content-type': 'text/plain' } }),
      415,
    );
  });

  it('413 for a body over the limit', async () => {
    await expectProblem(await post(app, '/api/v1/compare', { source: 'a '.repeat(400_000), derived: 'b' }), 413);
  });

  it('401 for a URL fetch without the token on a locked server; text needs none', async () => {
    const p = await expectProblem(
      await post(locked, '/api/v1/compare', { source: { url: 'http://127.0.0.1:9/x' }, derived: 'text' }),
      401,
    );
    expect(p.detail).toContain('Bearer');
    const ok = await post(locked, '/api/v1/compare', {
      source: ex('wire-rail-delays.txt'),
      derived: ex('copy-rail-delays.txt'),
    });
    expect(ok.status).toBe(200);
  });

  it('429 with Retry-After past the per-client rate limit', async () => {
    const { app: tight } = createApp({ store, vectors: loadVectors(), rateLimit: 2 });
    const body = { source: 'The council met on Monday.', derived: 'On Monday the council met.' };
    expect((await post(tight, '/api/v1/compare', body)).status).toBe(200);
    expect((await post(tight, '/api/v1/compare', body)).status).toBe(200);
    const res = await post(tight, '/api/v1/compare', body);
    await expectProblem(res, 429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('POST /api/v1/analyze', () => {
  it('returns unspun.analysis/2', async () => {
    const res = await post(app, '/api/v1/analyze', { article: { text: ex('wire-rail-delays.txt') } });
    const a = (await res.json()) as { schema: string; quotes: unknown[]; tokens?: unknown };
    expect(a.schema).toBe('unspun.analysis/2');
    expect(a.quotes.length).toBeGreaterThan(0);
    expect(a.tokens).toBeUndefined();
  });
  it('400 without an article', async () => {
    await expectProblem(await post(app, '/api/v1/analyze', {}), 400);
  });
});

describe('articles', () => {
  it('lists, searches and filters', async () => {
    const all = (await (await app.request('/api/v1/articles')).json()) as {
      schema: string;
      total: number;
      articles: Array<{ id: number; outlet: string }>;
    };
    expect(all.schema).toBe('unspun.list/1');
    expect(all.total).toBe(4);
    const farm = (await (await app.request('/api/v1/articles?outlet=Farm')).json()) as typeof all;
    expect(farm.articles.map((a) => a.outlet)).toEqual(['Farm']);
    const dated = (await (await app.request('/api/v1/articles?from=2026-11-01&to=2026-11-02')).json()) as typeof all;
    expect(dated.total).toBe(2);
    const word = fx('unrelated.txt').match(/[A-Z][a-z]{6,}/)![0];
    const hit = (await (
      await app.request(`/api/v1/articles?q=${encodeURIComponent(word.toLowerCase())}`)
    ).json()) as typeof all;
    expect(hit.articles.map((a) => a.outlet)).toContain('Other');
    // Ranked full-text search (stemmed, any word): the article holding the rare word comes first; titles match too.
    const ranked = (await (
      await app.request(`/api/v1/articles?q=${encodeURIComponent(`the ${word.toLowerCase()}s said`)}`)
    ).json()) as typeof all;
    expect(ranked.articles[0].outlet).toBe('Other');
    const titled = (await (await app.request('/api/v1/articles?q=spun%20cop')).json()) as typeof all;
    expect(titled.articles.map((a) => a.outlet)).toContain('Farm');
    await expectProblem(await app.request('/api/v1/articles?limit=0'), 400);
    await expectProblem(await app.request('/api/v1/articles?from=yesterday'), 400);
  });

  it('shows one article with its analysis; 404 and 400 otherwise', async () => {
    const id = (await store.list({ limit: 1 }))[0].id;
    const a = (await (await app.request(`/api/v1/articles/${id}`)).json()) as {
      id: number;
      text: string;
      analysis: { schema: string };
    };
    expect(a.id).toBe(id);
    expect(a.analysis.schema).toBe('unspun.analysis/2');
    await expectProblem(await app.request('/api/v1/articles/99999'), 404);
    await expectProblem(await app.request('/api/v1/articles/abc'), 400);
  });

  it('adding and removing need the token on a locked server', async () => {
    await expectProblem(await post(locked, '/api/v1/articles', { records: [{ text: 'x' }] }), 401);
    await expectProblem(await locked.request('/api/v1/articles/1', { method: 'DELETE' }), 401);
    await expectProblem(
      await locked.request('/api/v1/articles/1', {
        method: 'DELETE',
        headers: { authorization: 'Bearer wrong-token-000000000' },
      }),
      401,
    );
    await expectProblem(await post(app, '/api/v1/articles', {}), 400);
  });

  it('adds by multipart upload as a job, then removes', async () => {
    const form = new FormData();
    form.append(
      'file',
      new File(
        [
          JSON.stringify({
            id: 'extra',
            text: 'A ferry service between the two islands resumed on Friday after repairs, the operator said.\n\nIt runs twice a day.',
            outlet: 'Isles',
          }) + '\n{broken\n',
        ],
        'batch.jsonl',
      ),
    );
    const res = await locked.request('/api/v1/articles', {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string; schema: string };
    expect(job.schema).toBe('unspun.job/1');
    expect(res.headers.get('location')).toBe(`/api/v1/jobs/${job.id}`);
    // Jobs live in the app that started them: wait for and poll that one.
    await lockedCtx.jobs.idle();
    const done = (await (await locked.request(`/api/v1/jobs/${job.id}`)).json()) as {
      state: string;
      result: { added: number; failed: Array<{ source: string }>; ids: number[] };
    };
    expect(done.state).toBe('done');
    expect(done.result.added).toBe(1);
    expect(done.result.failed).toHaveLength(1);
    expect(done.result.failed[0].source).toMatch(/^upload:batch\.jsonl:2/);
    const id = done.result.ids[0];
    expect(
      (
        await locked.request(`/api/v1/articles/${id}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).status,
    ).toBe(204);
    await expectProblem(await app.request(`/api/v1/articles/${id}`), 404);
  });
});

describe('trace, families, jobs', () => {
  it('traces a pasted article: the wire story ranks first, as origin', async () => {
    const res = await post(app, '/api/v1/trace', { article: fx('paper-spun.txt'), top: 3 });
    expect(res.status).toBe(200);
    const r = (await res.json()) as { schema: string; candidates: Array<{ title: string; role: string }> };
    expect(r.schema).toBe('unspun.trace/2');
    expect(r.candidates[0].title).toBe('Wire origin');
  });

  it('traces a stored id as a job when asked', async () => {
    const id = (await store.list({ outlet: 'Farm' }))[0].id;
    const res = await post(app, '/api/v1/trace', { article: id, async: true });
    expect(res.status).toBe(202);
    const { id: job } = (await res.json()) as { id: string };
    await ctx.jobs.idle();
    const done = (await (await app.request(`/api/v1/jobs/${job}`)).json()) as {
      state: string;
      result: { query: { id: number } };
    };
    expect(done.state).toBe('done');
    expect(done.result.query.id).toBe(id);
    await expectProblem(await post(app, '/api/v1/trace', { article: 424242 }), 404);
    await expectProblem(await post(app, '/api/v1/trace', { article: 1, top: 0 }), 400);
  });

  it('computes families as a job, then answers from the cache', async () => {
    const first = await app.request('/api/v1/families');
    expect([200, 202]).toContain(first.status);
    await ctx.jobs.idle();
    const res = await app.request('/api/v1/families');
    expect(res.status).toBe(200);
    const r = (await res.json()) as {
      schema: string;
      families: Array<{ id: number; members: Array<{ title: string }>; origins: number[] }>;
    };
    expect(r.schema).toBe('unspun.families/2');
    expect(r.families.length).toBeGreaterThanOrEqual(1);
    const one = (await (await app.request(`/api/v1/families/${r.families[0].id}`)).json()) as {
      schema: string;
      edges: unknown[];
    };
    expect(one.schema).toBe('unspun.family/2');
    expect(one.edges.length).toBeGreaterThan(0);
    await expectProblem(await app.request('/api/v1/families/999'), 404);
  });

  it('lists jobs; 404 for an unknown job and an unknown endpoint', async () => {
    const r = (await (await app.request('/api/v1/jobs')).json()) as { schema: string; jobs: Array<{ kind: string }> };
    expect(r.schema).toBe('unspun.jobs/1');
    expect(r.jobs.map((j) => j.kind)).toContain('add');
    await expectProblem(await app.request('/api/v1/jobs/nope'), 404);
    await expectProblem(await app.request('/api/v1/nothing'), 404);
  });
});

describe('quotes', () => {
  it('GET /api/v1/quotes follows a quote from the wire to the copy that repeats it (unspun.quotes/1)', async () => {
    const res = await app.request('/api/v1/quotes?q=' + encodeURIComponent('our own engineers say is unsafe'));
    expect(res.status).toBe(200);
    const r = (await res.json()) as {
      schema: string;
      trails: Array<{ order: string; earliest: { article: { title: string } }; counts: { quoted: number } }>;
    };
    expect(r.schema).toBe('unspun.quotes/1');
    expect(r.trails[0].order).toBe('published');
    expect(r.trails[0].earliest.article.title).toBe('Wire origin');
    expect(r.trails[0].counts.quoted).toBeGreaterThanOrEqual(2);
    await expectProblem(await app.request('/api/v1/quotes'), 400);
    await expectProblem(await app.request('/api/v1/quotes?q=the%20of'), 400);
    await expectProblem(await app.request('/api/v1/quotes?article=9999'), 404);
  });

  it('the Quotes page lists the appearances with links to each article and to the compare report', async () => {
    const html = await (await app.request('/quotes?q=' + encodeURIComponent('our own engineers say is unsafe'))).text();
    expect(html).toContain('class="quote-timeline"');
    expect(html).toMatch(/href="\/compare\/\d+\/\d+"/);
    expect(html).toMatch(/href="\/articles\/\d+"/);
    const empty = await app.request('/quotes?q=the%20of');
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('no content words');
  });
});

describe('OpenAPI and pages', () => {
  it('serves an OpenAPI 3.1 document listing every endpoint, and a page rendering it', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/analyze',
        '/compare',
        '/trace',
        '/articles',
        '/articles/{id}',
        '/families',
        '/families/{id}',
        '/quotes',
        '/jobs',
        '/jobs/{id}',
      ]),
    );
    const page = await (await app.request('/api')).text();
    expect(page).toContain('/api/v1/compare');
  });

  it('escapes every user string: a script in a pasted title is text, never markup', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await post(app, '/api/v1/compare', {
      source: { text: `${evil}\n\nThe council met on Monday and agreed the budget.`, title: evil },
      derived: 'On Monday the council met and agreed the budget.',
    });
    const link = /<([^>]+)>/.exec(res.headers.get('link') ?? '')![1];
    const html = await (await app.request(link)).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)');
  });

  it('every page answers and carries the CSP', async () => {
    const id = (await store.list({ limit: 1 }))[0].id;
    for (const path of [
      '/',
      '/trace',
      '/corpus',
      '/corpus?q=rail&outlet=Wire',
      `/articles/${id}`,
      '/families',
      '/jobs',
      '/api',
      '/static/app.css',
      '/static/htmx.min.js',
      '/static/report.js',
      '/static/graph.js',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy'), path).not.toContain('unsafe-inline');
    }
    expect((await app.request('/no-such-page')).status).toBe(404);
  });

  it('rejects a cross-site form post (CSRF)', async () => {
    const form = new FormData();
    form.append('urls', 'http://127.0.0.1:9/');
    const res = await app.request('/corpus/add', {
      method: 'POST',
      body: form,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
  });
});
