/**
 * Quote lookup bench (issue #25; reported, never asserted): `unspun quotes` latency on a corpus of n articles in
 * either store. Analysing 100k real articles takes hours on this machine (bench/scale.ts: ~90 articles per
 * CPU-second), so the rows are synthetic, as in bench/postgres-db.ts: what the store sees at that size. Each article
 * has 4 quotes of 8-20 words from a 50k-word Zipf-ish vocabulary; one quote in five repeats an earlier article's
 * quote (one word in three of those changed), so lookups meet clusters, not singletons. Every row carries one of 24
 * small real analyses (encoded, decodable) for the steps that read analyses (wordings, the fabrication check), a
 * 200-word text for full-text search, band keys, anchors, vectors and lemmas like bench/postgres-db.ts.
 *
 * Measured: `quoteProvenance()` end to end for a fragment (the first 8 words) of a stored quote that has copies —
 * quote index only (`--no-paraphrases`), and with the paraphrase search (full-text candidates, 8 analyses decoded).
 * Usage: npx tsx bench/quotes.ts --n 100000 [--store sqlite|postgres] [--queries 60] [--no-write]
 * (postgres: DATABASE_URL=postgres://…; a schema of its own, dropped after).
 */
import { execSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadVectors } from '../src/align/vectors.js';
import { loadLexicon } from '../src/align/words/wordnet.js';
import { quoteKeys } from '../src/corpus/quotes/entries.js';
import { quoteProvenance } from '../src/corpus/quotes/index.js';
import { extract } from '../src/ingest/index.js';
import { analyze } from '../src/nlp/index.js';
import { encodeAnalysis } from '../src/store/codec.js';
import { openStore } from '../src/store/index.js';
import type { NewArticle, QuoteEntry, Store } from '../src/store/store.js';
import { rng } from '../eval/spin/rng.js';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    store: { type: 'string', default: 'sqlite' },
    queries: { type: 'string', default: '60' },
    'no-write': { type: 'boolean', default: false },
  },
});
const N = Number(args.n);
const QUERIES = Number(args.queries);
const r = rng('quotes-bench');
const r1 = (x: number) => Math.round(x * 10) / 10;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const load = () => loadavg().map((x) => x.toFixed(1));
const log = (s: string) =>
  process.stderr.write(`[quotes ${new Date().toISOString().slice(11, 19)} load ${load()[0]}] ${s}\n`);

/** Zipf-ish word: small ranks far more often (a 50k vocabulary of made-up words, all content words). */
const word = () => `w${Math.floor(50_000 ** r.next())}x`;
const words = (n: number) => Array.from({ length: n }, word);

/** 24 small real analyses (synthetic sentences of made-up words around a quote), encoded once. */
const ANALYSES = Array.from({ length: 24 }, (_, i) => {
  const text = `Report ${i}\n\n${words(30).join(' ')}.\n\n"${words(12).join(' ')}," Ada Lenz${i} said.\n\n${words(40).join(' ')}.`;
  return encodeAnalysis(analyze(extract(text, { format: 'text' })));
});

const recent: string[][] = [];
/** Repeated quotes seen so far: the lookups are drawn from these. */
const repeated: string[] = [];
function quote(): QuoteEntry {
  let ws: string[];
  if (recent.length > 50 && r.next() < 0.2) {
    ws = [...recent[r.int(recent.length)]];
    if (r.next() < 0.33) ws[r.int(ws.length)] = word();
    repeated.push(ws.slice(0, 8).join(' '));
  } else ws = words(8 + r.int(13));
  recent.push(ws);
  if (recent.length > 5000) recent.splice(0, 1000);
  return {
    start: 10,
    end: 20 + ws.join(' ').length,
    innerStart: 11,
    innerEnd: 19 + ws.join(' ').length,
    speakerKey: `person ${r.int(5000)}`,
    speakerName: 'Person',
    speakerOrg: null,
    description: null,
    words: ws.join(' '),
    content: ws.join(' '),
    keys: quoteKeys(ws),
  };
}

function row(i: number): NewArticle {
  return {
    article: `bench-${i}`,
    version: 1,
    hash: `quotes-bench-${i}`,
    rawHash: `raw-${i}`,
    url: null,
    title: `Article ${i}`,
    outlet: `outlet-${i % 50}`,
    published: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    source: 'bench',
    words: 200,
    analysis: ANALYSES[i % ANALYSES.length],
    features: {
      bands: Array.from({ length: 32 }, (_, b) => b * 2 ** 32 + r.int(2 ** 20)),
      anchors: Array.from({ length: 40 }, () => r.int(r.int(200000) + 1)),
      vector: Int8Array.from({ length: 100 }, () => r.int(255) - 127),
    },
    lemmas: Array.from({ length: 100 }, () => r.int(r.int(50000) + 1)),
    text: words(200).join(' '),
    quotes: [quote(), quote(), quote(), quote()],
  };
}

async function open(): Promise<{ store: Store; done: () => Promise<void> }> {
  if (args.store === 'postgres') {
    const base = process.env.DATABASE_URL;
    if (!base) throw new Error('--store postgres needs DATABASE_URL');
    const u = new URL(base);
    const schema = `benchquotes_${process.pid}`;
    u.searchParams.set('schema', schema);
    const store = await openStore(u.href);
    return {
      store,
      done: async () => {
        const pg = (await import('pg')).default;
        await store.close();
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'unspun-quotes-bench-'));
  const store = await openStore(join(dir, 'q.db'));
  return {
    store,
    done: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const commit = execSync('git rev-parse --short HEAD', { cwd: import.meta.dirname })
  .toString()
  .trim();
const { store, done } = await open();
const loadStart = load();
const t0 = performance.now();
for (let i = 0; i < N; i += 1000) {
  await store.insertBatch(Array.from({ length: Math.min(1000, N - i) }, (_, j) => row(i + j)));
  if ((i / 1000) % 10 === 0) log(`${i + Math.min(1000, N - i)} rows`);
}
// Queries: fragments (8 words) of quotes that repeat an earlier one (a cluster to follow), spread over the corpus.
const queries = Array.from({ length: QUERIES }, (_, k) => repeated[Math.floor((k * repeated.length) / QUERIES)]);
const loadSeconds = (performance.now() - t0) / 1000;
log(`loaded ${N} rows in ${r1(loadSeconds)} s; ${queries.length} queries`);
const models = { vectors: loadVectors(), lexicon: loadLexicon() };
const times: Record<'index' | 'paraphrases', number[]> = { index: [], paraphrases: [] };
let appearances = 0;
// One warm-up lookup (prepared statements, vector and lexicon pages), not counted.
await quoteProvenance(store, queries[0], { ...models, paraphrases: false });
for (const q of queries) {
  let s = performance.now();
  const res = await quoteProvenance(store, q, { ...models, paraphrases: false });
  times.index.push(performance.now() - s);
  appearances += res.trails[0].counts.appearances;
  s = performance.now();
  await quoteProvenance(store, q, models);
  times.paraphrases.push(performance.now() - s);
}
const loadEnd = load();
await done();
const line = (k: 'index' | 'paraphrases', label: string) =>
  `| ${label} | ${r1(pct(times[k], 0.5))} | ${r1(pct(times[k], 0.95))} | ≤ 100 |`;
const table = [
  '',
  `## Quote lookup · ${N.toLocaleString('en')} articles · ${args.store} · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · commit ${commit} · load ${loadStart.join(' / ')} → ${loadEnd.join(' / ')}`,
  '',
  `\`npx tsx bench/quotes.ts --n ${N} --store ${args.store}\`: synthetic rows (4 quotes each, one in five repeating an earlier quote), ${queries.length} fragment queries (8 words of a repeated quote), ${r1(appearances / queries.length)} appearances found per query on average; loaded in ${Math.round(loadSeconds)} s.`,
  '',
  '| `quoteProvenance()` | p50 ms | p95 ms | target p50 ms |',
  '| --- | --- | --- | --- |',
  line('index', 'quote index only (`--no-paraphrases`)'),
  line('paraphrases', 'with the paraphrase search (default)'),
  '',
].join('\n');
process.stdout.write(table);
if (!args['no-write']) appendFileSync(join(import.meta.dirname, 'results.md'), table);
