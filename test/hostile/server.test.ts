import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVectors, type Vectors } from '../../src/align/vectors.js';
import { createApp } from '../../src/server/app.js';
import type { ServerContext } from '../../src/server/context.js';
import { allowedHosts } from '../../src/server/security.js';
import { decodeAnalysis, encodeAnalysis } from '../../src/store/codec.js';
import { exportJsonl, openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { ROOT } from '../helpers.js';
import { run, tmp, write } from './helpers.js';

/**
 * A hostile client of `unspun serve` (#22 items 6-15), in process (`app.request`, no socket) on a SQLite corpus of
 * its own, and the CLI on the same file where the item is about import or output.
 */
const fx = (n: string) => readFileSync(join(ROOT, 'test/fixtures/corpus', n), 'utf8');
const WIRE = fx('wire-origin.txt');
const SPUN = fx('paper-spun.txt');

let dir: string;
let dbPath: string;
let store: Store;
let vectors: Vectors;
let app: Hono;
let ctx: ServerContext;

const post = (a: Hono, path: string, body: unknown, headers: Record<string, string> = {}) =>
  a.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const problemOf = async (res: Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as { status: number; detail: string };
};
/** Adds records through the API and waits for the job; returns the job's result. */
async function addRecords(records: unknown[]) {
  const res = await post(app, '/api/v1/articles', { records });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  await ctx.jobs.idle();
  const job = (await (await app.request(`/api/v1/jobs/${id}`)).json()) as {
    state: string;
    error: string | null;
    result: { added: number; ids: number[]; failed: Array<{ source: string; reason: string }> };
  };
  return job;
}
/** An `unspun export` line of a stored article, as an object. */
async function exported(id: number): Promise<Record<string, unknown>> {
  for await (const line of exportJsonl(store)) {
    const o = JSON.parse(line) as Record<string, unknown>;
    if (o.storeId === id) return o;
  }
  throw new Error(`no article ${id}`);
}
/** A stored analysis with one layer broken: what a crafted import stored before imports were checked. */
function crafted(base64: string, edit: (a: Record<string, unknown>) => void): string {
  const a = decodeAnalysis(new Uint8Array(Buffer.from(base64, 'base64'))) as unknown as Record<string, unknown>;
  edit(a);
  // encodeAnalysis packs tokens; the broken layer itself is kept as given.
  return Buffer.from(encodeAnalysis(a as never)).toString('base64');
}

let wireId: number;
let spunId: number;

beforeAll(async () => {
  dir = tmp('server');
  dbPath = join(dir, 'corpus.db');
  store = await openStore(dbPath);
  vectors = loadVectors();
  ({ app, ctx } = createApp({ store, vectors, rateLimit: 1000 }));
  const job = await addRecords([
    { id: 'wire', text: WIRE, title: 'Wire origin', published: '2026-11-01', url: 'https://wire.example/a' },
    { id: 'spun', text: SPUN, title: 'Spun copy', published: '2026-11-03' },
  ]);
  expect(job.result.added).toBe(2);
  [wireId, spunId] = job.result.ids;
}, 120_000);

afterAll(async () => {
  await store.close();
});

describe("item 6: a client's analysis is never trusted", () => {
  it('over the API the analysis is recomputed: the stored text, title and layers are those of the body sent', async () => {
    const line = await exported(wireId);
    const text = 'The harbour ferry will stop running in March, the operator said on Monday.\n\nRepairs take a year.';
    const job = await addRecords([
      {
        id: 'evil',
        text,
        title: 'What the client says',
        // Another article's analysis with its quotes removed and its title changed.
        analysis: crafted(line.analysis as string, (a) => {
          delete a.quotes;
          a.title = 'Injected title';
        }),
      },
    ]);
    expect(job.state).toBe('done');
    expect(job.result.added).toBe(1);
    const shown = (await (await app.request(`/api/v1/articles/${job.result.ids[0]}`)).json()) as {
      text: string;
      title: string;
      analysis: { quotes: unknown[] };
    };
    expect(shown.text.replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    expect(shown.title).toBe('What the client says');
    expect(Array.isArray(shown.analysis.quotes)).toBe(true);
  });

  it('`add` of JSON Lines checks an analysis against its schema and its text: bad ones are failed records', async () => {
    const line = await exported(wireId);
    const noQuotes = { ...line, id: 'a', analysis: crafted(line.analysis as string, (a) => delete a.quotes) };
    const otherText = { ...line, id: 'b', text: 'A different text altogether, the mayor said on Friday.' };
    const outside = {
      ...line,
      id: 'c',
      // Same text to the content hash, other bytes: not skipped as a repeat of the first line.
      text: `${line.text}\n`,
      analysis: crafted(line.analysis as string, (a) => {
        (a.sentences as Array<{ end: number }>)[0].end = 10 ** 7;
      }),
    };
    const file = write(dir, 'crafted.jsonl', [noQuotes, otherText, outside].map((o) => JSON.stringify(o)).join('\n'));
    const r = await run(['add', file, '--db', join(dir, 'cli.db'), '--json', '--workers', '0']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { added: number; failed: Array<{ source: string; reason: string }> };
    expect(out.added).toBe(0);
    expect(out.failed.map((f) => f.reason)).toEqual([
      expect.stringMatching(/"quotes" is not a list/),
      expect.stringMatching(/does not match the record's "text"/),
      expect.stringMatching(/outside the text/),
    ]);
  }, 120_000);

  it('an honest export line moves byte for byte; where a line and its analysis disagree, the line wins', async () => {
    const wire = await exported(wireId);
    const spun = { ...(await exported(spunId)), title: 'The line says this' };
    const file = write(dir, 'honest.jsonl', `${JSON.stringify(wire)}\n${JSON.stringify(spun)}\n`);
    const db = join(dir, 'moved.db');
    expect((await run(['add', file, '--db', db, '--workers', '0'])).code).toBe(0);
    const back = (await run(['export', '--jsonl', '--db', db])).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(back[0].analysis).toBe(wire.analysis);
    expect(back[1].title).toBe('The line says this');
    expect(decodeAnalysis(new Uint8Array(Buffer.from(back[1].analysis, 'base64'))).title).toBe('The line says this');
  }, 120_000);

  it('one damaged stored row never breaks corpus-wide commands: skipped with a warning, 422 where it is asked for', async () => {
    const copy = join(dir, 'damaged.db');
    const db = new Database(dbPath);
    await db.backup(copy);
    db.close();
    // A row as a crafted import stored it before imports were checked: quotes missing.
    const raw = new Database(copy);
    const row = raw.prepare('SELECT analysis FROM articles WHERE id = ?').get(spunId) as { analysis: Buffer };
    const blob = crafted(Buffer.from(row.analysis).toString('base64'), (a) => delete a.quotes);
    raw.prepare('UPDATE articles SET analysis = ? WHERE id = ?').run(Buffer.from(blob, 'base64'), spunId);
    raw.close();

    const fam = await run(['families', '--db', copy, '--json']);
    expect(fam.code).toBe(0);
    expect(fam.stderr).toMatch(
      new RegExp(`warning: article ${spunId} skipped: damaged analysis: "quotes" is not a list`),
    );
    expect(JSON.parse(fam.stdout).schema).toBe('unspun.families/2');
    const ex = await run(['export', '--jsonl', '--db', copy]);
    expect(ex.code).toBe(0);
    expect(ex.stderr).toMatch(new RegExp(`warning: article ${spunId} skipped`));
    expect(
      ex.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).storeId),
    ).not.toContain(spunId);
    const tr = await run(['trace', String(wireId), '--db', copy, '--json']);
    expect(tr.code).toBe(0);
    expect(JSON.parse(tr.stdout).schema).toBe('unspun.trace/2');

    const damaged = await openStore(copy);
    try {
      const { app: a } = createApp({ store: damaged, vectors });
      const p = await problemOf(await a.request(`/api/v1/articles/${spunId}`), 422);
      expect(p.detail).toMatch(/remove it and add it again/);
      expect((await a.request(`/compare/${wireId}/${spunId}`)).status).toBe(422);
      expect((await a.request(`/compare/${wireId}/${wireId}`)).status).toBe(200);
    } finally {
      await damaged.close();
    }
  }, 200_000);
});

describe('item 7: only http(s) URLs are stored and linked', () => {
  it.each([' JavaScript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x'])(
    'a record with url %j is stored without it and the page links nothing',
    async (url) => {
      const job = await addRecords([
        { text: `The bridge on route ${url.length} reopened on Sunday after repairs, the council said.`, url },
      ]);
      const id = job.result.ids[0];
      const shown = (await (await app.request(`/api/v1/articles/${id}`)).json()) as { url: string | null };
      expect(shown.url).toBeNull();
      const page = await (await app.request(`/articles/${id}`)).text();
      expect(page).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    },
  );

  it('a row stored earlier with a javascript: URL is shown as text, not as a link', async () => {
    const raw = new Database(dbPath);
    raw.prepare('UPDATE articles SET url = ? WHERE id = ?').run(' javascript:alert(1)', spunId);
    raw.close();
    const page = await (await app.request(`/articles/${spunId}`)).text();
    expect(page).not.toMatch(/href="\s*javascript:/i);
    expect(page).toContain('javascript:alert(1)');
  });
});

describe('item 8: DNS rebinding', () => {
  it('a forged Host with a matching Origin is refused; the bound address and configured names are answered', async () => {
    const { app: bound } = createApp({ store, vectors, hosts: allowedHosts('127.0.0.1', ['news-desk.internal']) });
    const write = (host: string) =>
      bound.request(`http://${host}/api/v1/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `http://${host}` },
        body: JSON.stringify({ urls: [] }),
      });
    const p = await problemOf(await write('rebind.evil.example:8080'), 403);
    expect(p.detail).toMatch(/does not answer to the host name "rebind\.evil\.example"/);
    expect((await bound.request('http://rebind.evil.example:8080/api/v1/articles')).status).toBe(403);
    for (const ok of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', 'news-desk.internal'])
      expect((await write(ok)).status, ok).toBe(400); // past the host check: the body is what is wrong
  });
});

describe('item 10: hostile bodies are 400 problems, never 500', () => {
  it('JSON nested 10⁵ deep, inside a record or anywhere', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const [path, body] of [
      ['/api/v1/articles', `{"records":[{"text":"A short text, the mayor said.","x":${deep}}]}`],
      ['/api/v1/compare', `{"source":"a","derived":${deep}}`],
      ['/api/v1/analyze', deep],
    ])
      expect((await problemOf(await post(app, path, body), 400)).detail).toMatch(/nests deeper than/);
  });

  it('malformed multipart bodies: the API answers a problem, the forms an error page', async () => {
    const broken = {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nunterminated',
    };
    await problemOf(await app.request('/api/v1/articles', broken), 400);
    for (const path of ['/compare', '/trace', '/corpus/add']) {
      const res = await app.request(path, broken);
      expect(res.status, path).toBe(400);
      expect(await res.text()).toMatch(/form body is malformed/);
    }
  });
});

describe('item 11: rate limits', () => {
  it('GET /compare/:a/:b counts against the compare limit; 429s carry Retry-After, the trace form too', async () => {
    const { app: limited } = createApp({ store, vectors, rateLimit: 1 });
    expect((await limited.request(`/compare/${wireId}/${spunId}`)).status).toBe(200);
    const again = await limited.request(`/compare/${spunId}/${wireId}`);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    const form = new FormData();
    form.append('id', String(wireId));
    const traced = await limited.request('/trace', { method: 'POST', body: form });
    expect(traced.status).toBe(429);
    expect(Number(traced.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('item 12: jobs and restarts', () => {
  it('an id from before a restart says the job was lost with the restart; a pruned one says so too', async () => {
    const job = await addRecords([{ text: 'The tram depot closes for a week from Monday, the operator said.' }]);
    const before = (await (await app.request('/api/v1/jobs')).json()) as { jobs: Array<{ id: string }> };
    const id = before.jobs[0].id;
    // A new app is what a restarted server is: same store, empty memory.
    const { app: restarted } = createApp({ store, vectors });
    const p = await problemOf(await restarted.request(`/api/v1/jobs/${id}`), 404);
    expect(p.detail).toMatch(/lost when it restarts/);
    expect(await (await restarted.request(`/jobs/${id}`)).text()).toMatch(/lost when it restarts/);
    expect(job.state).toBe('done');
  });
});

describe('item 13: what users are told', () => {
  it("an internal error's text stays in the log; a job says only that it failed internally", async () => {
    const id = ctx.jobs.submit('probe', async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'secret') at /srv/unspun/dist/x.js");
    });
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...a: unknown[]) => void errors.push(a.map(String).join(' '));
    try {
      await ctx.jobs.idle();
    } finally {
      console.error = log;
    }
    const job = (await (await app.request(`/api/v1/jobs/${id}`)).json()) as { state: string; error: string };
    expect(job.state).toBe('failed');
    expect(job.error).toBe('the job failed on an internal error (see the server log)');
    expect(JSON.stringify(errors)).toMatch(/secret/);
  });

  it("limits are named as the server's, not as CLI flags; uploads are named, never their temporary path", async () => {
    const form = new FormData();
    form.append('file', new File([`{"text":"${'long line '.repeat(900_000)}"}\n`], 'huge.jsonl'));
    form.append('file', new File(['The lido reopens in May after repairs, the council said on Tuesday.'], 'note.txt'));
    const res = await app.request('/api/v1/articles', { method: 'POST', body: form });
    expect(res.status).toBe(202);
    await ctx.jobs.idle();
    const { id } = (await res.json()) as { id: string };
    const job = (await (await app.request(`/api/v1/jobs/${id}`)).json()) as {
      result: { ids: number[]; failed: Array<{ source: string; reason: string }> };
    };
    expect(job.result.failed).toEqual([
      { source: 'upload:huge.jsonl:1', reason: "line is over the server's 8 MB limit" },
    ]);
    const listed = await (await app.request('/api/v1/articles?limit=500')).text();
    expect(listed).toContain('"source":"upload:note.txt"');
    expect(listed).not.toMatch(/unspun-upload-/);
    expect(JSON.stringify(job)).not.toMatch(/--max-bytes|unspun-upload-/);
  });

  it('the README states the token minimum the server enforces', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/UNSPUN_TOKEN` \(at least\s+16 characters\)/);
  });
});

describe('item 14: the report cache is bounded by bytes', () => {
  it('large compares evict older reports instead of holding them all', async () => {
    // Each report here is estimated at about 1.5 MB (texts, findings and the two analysed sides kept for Swap).
    const budget = 3 * 1024 * 1024;
    const { app: small, ctx: c } = createApp({ store, vectors, cacheBytes: budget, rateLimit: 1000 });
    const big = (n: number) => `${WIRE}\n\n`.repeat(40) + `Report number ${n} ends here.`;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await post(small, '/api/v1/compare', { source: big(i), derived: `${SPUN}\n\nCopy ${i}.` });
      expect(res.status).toBe(200);
      ids.push(/<\/r\/([^>]+)>/.exec(res.headers.get('link') ?? '')![1]);
    }
    expect(c.reports.bytes).toBeLessThanOrEqual(budget);
    expect(c.reports.size).toBeLessThan(4);
    expect((await small.request(`/r/${ids[3]}`)).status).toBe(200);
    expect((await small.request(`/r/${ids[0]}`)).status).toBe(404);
  }, 120_000);
});

describe('item 15: bidi and invisible characters are shown, not obeyed', () => {
  const sly = 'The minister said the \u202etax rise\u202c was \u200ffinal\u200b on Monday.';
  const RAW = /[\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f\u061c\ufeff]/;

  it('in Markdown, terminal and HTML reports from the CLI', async () => {
    const a = write(dir, 'a.txt', `${sly}\n\nShe added that the rise would be reviewed.`);
    const b = write(dir, 'b.txt', `The minister said on Monday the tax rise was final.\n\n${sly}`);
    const md = await run(['compare', a, b, '--format', 'markdown']);
    expect(md.stdout).not.toMatch(RAW);
    const term = await run(['compare', a, b]);
    expect(term.stdout).not.toMatch(RAW);
    const html = join(dir, 'r.html');
    await run(['compare', a, b, '--html', html]);
    const page = readFileSync(html, 'utf8');
    expect(page).not.toMatch(RAW);
    expect(page).toContain('&lt;U+202E&gt;');
  }, 120_000);

  it('on every server page', async () => {
    const job = await addRecords([{ text: sly, title: `Title \u202eevil` }]);
    const id = job.result.ids[0];
    for (const path of [`/articles/${id}`, `/corpus?q=minister`, `/compare/${id}/${wireId}`]) {
      const page = await (await app.request(path)).text();
      expect(page, path).not.toMatch(RAW);
    }
    expect(await (await app.request(`/articles/${id}`)).text()).toContain('&lt;U+202E&gt;');
  });
});
