import { foldText } from '../../src/nlp/fold.js';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readFeedText } from '../../src/corpus/readers/feed-reader.js';
import { parseJsonlLine, readJsonl } from '../../src/corpus/readers/jsonl-reader.js';
import { readWarc } from '../../src/corpus/readers/warc-reader.js';
import { extract } from '../../src/ingest/index.js';
import { analyze } from '../../src/nlp/index.js';
import type { Analysis } from '../../src/types.js';
import { emptyVectors } from '../../src/align/vectors.js';
import { createApp } from '../../src/server/app.js';
import { analysisProblem } from '../../src/store/codec.js';
import { openStore } from '../../src/store/index.js';
import { tmp } from './helpers.js';

/**
 * Property tests over every reader and the number normaliser: whatever the input, no exception other than an
 * InputError (exit 2) escapes, every span slices back out of the text, and each input finishes in bounded time.
 * Runs are small (seeded, ~40 inputs per reader) so the suite stays quick in CI.
 */
const RUNS = { numRuns: 40, seed: 11 };
const PER_INPUT_MS = 10_000;

function spansSliceBack(a: Analysis): void {
  const check = (what: string, s: { start: number; end: number; text: string }) => {
    if (a.text.slice(s.start, s.end) !== s.text) throw new Error(`${what} [${s.start},${s.end}) does not slice back`);
  };
  for (const s of a.sentences) check('sentence', s);
  // Token text is typographically folded by contract (types.ts Token.text): it slices back once folded.
  for (const t of a.tokens) {
    if (foldText(a.text.slice(t.start, t.end)) !== t.text)
      throw new Error(`token [${t.start},${t.end}) does not slice back`);
  }
  for (const n of a.numbers) {
    check('number', n);
    if (typeof n.value === 'number' && !Number.isFinite(n.value)) throw new Error(`number ${n.text} → ${n.value}`);
  }
  for (const q of a.quotes) check('quote', q);
  for (const e of a.entities) check('entity', e);
  for (const h of a.hedges) check('hedge', h);
  for (const n of a.negations) check('negation', n);
}

/** Extract + analyze one input; an InputError is an accepted outcome, anything else fails the property. */
function survives(input: string | Buffer, format: 'auto' | 'html' | 'markdown' | 'text'): boolean {
  const t0 = performance.now();
  try {
    const a = analyze(extract(input, { format }));
    spansSliceBack(a);
    // The import check must accept every analysis Unspun itself makes.
    const problem = analysisProblem(a);
    if (problem) throw new Error(`analysisProblem rejects our own analysis: ${problem}`);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
  const ms = performance.now() - t0;
  if (ms > PER_INPUT_MS) throw new Error(`took ${Math.round(ms)} ms`);
  return true;
}

const words = fc.constantFrom(
  'The',
  'council',
  'said',
  '"',
  '“',
  '”',
  "'I",
  'well-to-do',
  '3.5',
  '$1.2bn',
  '40%',
  '1,000',
  'Mr.',
  'Dr',
  'U.S.',
  'March 3',
  '2026',
  'nearly',
  'not',
  'may',
  '\n',
  '\n\n',
  '\t',
  '\u00a0',
  '\u202e',
  '\x1b[2J',
  '…',
  '—',
  '!',
  '?',
  '.',
  ',',
  'Ortiz',
  'Halden',
  'ⅷ',
  '٣',
  '😀',
  '\ud800',
);
const prose = fc.array(words, { maxLength: 120 }).map((w) => w.join(' '));
const tag = fc.constantFrom(
  'p',
  'div',
  'span',
  'h1',
  'h2',
  'article',
  'nav',
  'script',
  'style',
  'a',
  'b',
  'br',
  'table',
  'td',
  'li',
  'ul',
  'svg',
  'template',
  '!--',
  '!DOCTYPE html',
);
const htmlPiece = fc.oneof(
  prose,
  tag.map((t) => `<${t}>`),
  tag.map((t) => `</${t}>`),
  fc.constantFrom(
    '<p class="x" id=y data-a=\'z\'>',
    '<a href="javascript:x">',
    '&amp;',
    '&#x1F600;',
    '&nbsp;',
    '<',
    '>',
    '<![CDATA[x]]>',
    '<?xml?>',
  ),
);
const html = fc.array(htmlPiece, { maxLength: 60 }).map((p) => p.join(''));
const mdPiece = fc.oneof(
  prose,
  fc.constantFrom(
    '# ',
    '## ',
    '> ',
    '- ',
    '* ',
    '1. ',
    '```\n',
    '    code',
    '**',
    '_',
    '[link](http://x.example)',
    '![img](x.png)',
    '---\n',
    '| a | b |\n|---|---|\n',
    '<div>',
    '\n',
  ),
);
const markdown = fc.array(mdPiece, { maxLength: 60 }).map((p) => p.join(''));

describe('fuzz: readers and the number normaliser', () => {
  it('HTML', () =>
    fc.assert(
      fc.property(html, (h) => survives(h, 'html')),
      RUNS,
    ));
  it('Markdown', () =>
    fc.assert(
      fc.property(markdown, (m) => survives(m, 'markdown')),
      RUNS,
    ));
  it('plain text and numbers', () => {
    const numbery = fc
      .array(
        fc.oneof(
          words,
          fc.double({ noNaN: false }).map(String),
          fc.integer().map((n) => n.toLocaleString('en-US')),
          fc.constantFrom(
            'one',
            'two-thirds',
            'a dozen',
            'half',
            'million',
            'bn',
            '%',
            '°C',
            'km',
            '£',
            '€',
            '-',
            '–',
            'to',
            'between',
          ),
        ),
        { maxLength: 80 },
      )
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(numbery, (t) => survives(t, 'text')),
      RUNS,
    );
  });
  it('arbitrary bytes', () =>
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => survives(Buffer.from(b), 'auto')),
      RUNS,
    ));

  it('feeds', () => {
    const feed = fc
      .tuple(
        fc.constantFrom('<rss><channel>', '<feed xmlns="http://www.w3.org/2005/Atom">', '<rdf:RDF>', ''),
        fc.array(
          fc.oneof(
            html,
            fc.constantFrom(
              '<item>',
              '</item>',
              '<entry>',
              '</entry>',
              '<title>',
              '</title>',
              '<description>',
              '</description>',
              '<content type="html">',
              '</content>',
              '<link href="x"/>',
              '<pubDate>Tue, 03 Mar 2026</pubDate>',
              '<!ENTITY a "aaaa">',
              '&a;',
            ),
          ),
          { maxLength: 30 },
        ),
        fc.constantFrom('</channel></rss>', '</feed>', ''),
      )
      .map(([a, b, c]) => a + b.join('') + c);
    fc.assert(
      fc.property(feed, (xml) => {
        for (const item of readFeedText(xml, 'f.xml'))
          if ('record' in item)
            survives(
              typeof item.record.body === 'string' ? item.record.body : Buffer.from(item.record.body),
              item.record.format,
            );
        return true;
      }),
      RUNS,
    );
  });

  it('JSON Lines', async () => {
    const line = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .record(
          { id: fc.oneof(fc.string(), fc.integer()), text: prose, html, title: fc.string() },
          { requiredKeys: [] },
        )
        .map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(line, (l) => {
        const item = parseJsonlLine(l, 'x:1');
        if ('record' in item)
          survives(
            typeof item.record.body === 'string' ? item.record.body : Buffer.from(item.record.body),
            item.record.format,
          );
        return true;
      }),
      RUNS,
    );
    const dir = tmp('fuzz-jsonl');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const p = join(dir, 'f.jsonl');
        writeFileSync(p, bytes);
        for await (const _ of readJsonl(p, 1000)) void _;
        return true;
      }),
      { numRuns: 20, seed: 11 },
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('WARC (plain and gzip, cut and corrupted)', async () => {
    const { warcResponse, page } = await import('../store/helpers.js');
    const good = Buffer.concat([
      await warcResponse('https://x.example/a', page('A', 'The council voted.'), true),
      await warcResponse('https://x.example/b', page('B', 'It was close.'), false),
    ]);
    const dir = tmp('fuzz-warc');
    await fc.assert(
      fc.asyncProperty(
        fc.nat(good.length),
        fc.uint8Array({ maxLength: 16 }),
        fc.nat(good.length),
        async (cut, noise, at) => {
          const bytes = Buffer.concat([
            good.subarray(0, at),
            Buffer.from(noise),
            good.subarray(at + noise.length, Math.max(cut, at)),
          ]);
          const p = join(dir, 'f.warc.gz');
          writeFileSync(p, bytes);
          const t0 = performance.now();
          for await (const item of readWarc(p)) if ('record' in item) survives(Buffer.from(item.record.body), 'html');
          expect(performance.now() - t0).toBeLessThan(PER_INPUT_MS);
          return true;
        },
      ),
      { numRuns: 30, seed: 11 },
    );
    rmSync(dir, { recursive: true, force: true });
  });
});

/**
 * The JSON API under arbitrary bodies: whatever a client sends, the answer is a result, a job, or a problem
 * document with a 4xx status — never a 500 — and every job it starts ends without an internal error.
 */
describe('fuzz: API bodies', () => {
  let app: Hono;
  let jobs: { idle(): Promise<void>; list(): Array<{ state: string; error: string | null }> };
  let close: () => Promise<void>;
  beforeAll(async () => {
    const store = await openStore(join(tmp('fuzz-api'), 'corpus.db'));
    // Empty vectors: alignment on words only, so a run stays quick; the request handling is what is under test.
    const made = createApp({ store, vectors: emptyVectors(), rateLimit: 0 });
    app = made.app;
    jobs = made.ctx.jobs;
    close = () => store.close();
  });
  afterAll(() => close());

  const OK = new Set([200, 202, 204, 400, 401, 403, 404, 413, 415, 422]);
  const answers = async (path: string, body: string | FormData, type?: string) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: type ? { 'content-type': type } : {},
      body,
    });
    if (!OK.has(res.status)) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    if (res.status >= 400) expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    return true;
  };
  const article = fc.oneof(
    prose,
    fc.record({ text: prose }, { requiredKeys: [] }),
    fc.record({ html, title: prose }, { requiredKeys: ['html'] }),
    fc.record({ url: fc.constantFrom('javascript:alert(1)', 'http://[::7f00:1]/', 'ftp://x/', 'not a url') }),
    fc.jsonValue({ maxDepth: 4 }),
  );
  const body = fc.oneof(
    fc.record({ source: article, derived: article, rules: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
    fc.record({ article, tokens: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
    fc.record(
      {
        records: fc.array(
          fc.record(
            {
              text: prose,
              html,
              url: fc.string(),
              title: fc.jsonValue({ maxDepth: 2 }),
              analysis: fc.oneof(fc.base64String({ maxLength: 200 }), fc.jsonValue({ maxDepth: 3 })),
              published: fc.string(),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
        urls: fc.array(fc.string(), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
    fc.jsonValue({ maxDepth: 6 }),
  );

  it('JSON bodies, valid or not, on every POST endpoint', async () => {
    const paths = fc.constantFrom('/api/v1/compare', '/api/v1/analyze', '/api/v1/trace', '/api/v1/articles');
    await fc.assert(
      fc.asyncProperty(paths, body, fc.constantFrom('as-is', 'cut', 'deep'), async (path, b, how) => {
        const text = JSON.stringify(b) ?? 'null';
        // Sometimes cut the JSON short, or nest a value 10⁵ deep inside a record (valid JSON, hostile shape).
        const deep = `{"records":[{"text":"The council met.","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
        const sent = how === 'cut' ? text.slice(0, text.length >> 1) : how === 'deep' ? deep : text;
        return answers(path, sent, 'application/json');
      }),
      { numRuns: 60, seed: 11 },
    );
    await jobs.idle();
    expect(jobs.list().filter((j) => j.state === 'failed' && /internal/.test(j.error ?? ''))).toEqual([]);
  }, 300_000);

  it('multipart and form bodies: fields, files and raw bytes', async () => {
    const field = fc.oneof(prose, fc.string(), fc.constantFrom('', '\0', '--xyz', '\r\n\r\n'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/v1/articles', '/compare', '/trace', '/corpus/add'),
        fc.oneof(
          fc.record({ urls: field, text: field, source_text: field, id: field, file: field }).map((o) => {
            const f = new FormData();
            for (const [k, v] of Object.entries(o))
              k === 'file' ? f.append(k, new File([v], `${v.slice(0, 8)}.jsonl`)) : f.append(k, v);
            return f as string | FormData;
          }),
          fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
        async (path, b) => {
          const res = await app.request(path, {
            method: 'POST',
            body: b,
            headers: typeof b === 'string' ? { 'content-type': 'multipart/form-data; boundary=xyz' } : {},
          });
          if (res.status >= 500) throw new Error(`${path} answered ${res.status}`);
          return true;
        },
      ),
      { numRuns: 60, seed: 11 },
    );
    await jobs.idle();
  }, 300_000);
});
