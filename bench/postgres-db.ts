/**
 * The database side of ingest and retrieval alone (no analysis): how many articles/s PostgreSQL absorbs through
 * insertBatch (1,000-row transactions, one or two concurrent writers) and how long the retrieval queries take at
 * that size. Rows are synthetic (random band keys, anchors, vectors; a 4 KB analysis blob): what the database sees.
 * Usage: DATABASE_URL=postgres://… BENCH_ROWS=20000 npx tsx bench/postgres-db.ts
 */
import { randomBytes } from 'node:crypto';
import { openStore } from '../src/store/index.js';
import type { NewArticle, Store } from '../src/store/store.js';

const BASE = process.env.DATABASE_URL;
const ROWS = Number(process.env.BENCH_ROWS ?? 20000);
const r1 = (x: number) => Math.round(x * 10) / 10;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const int = (n: number) => Math.floor(Math.random() * n);

function row(i: number, tag: string): NewArticle {
  return {
    article: `${tag}-${i}`,
    version: 1,
    hash: `${tag}-${i}-${randomBytes(8).toString('hex')}`,
    rawHash: randomBytes(20).toString('hex'),
    url: null,
    title: `Article ${i}`,
    outlet: `outlet-${i % 50}`,
    published: null,
    source: 'bench',
    words: 400,
    analysis: randomBytes(4096),
    // 32 band keys (band number in the high bits), 40 anchors from a Zipf-ish vocabulary, 100-d int8 vector.
    features: {
      bands: Array.from({ length: 32 }, (_, b) => b * 2 ** 32 + int(2 ** 20)),
      anchors: Array.from({ length: 40 }, () => int(int(200000) + 1)),
      vector: Int8Array.from({ length: 100 }, () => int(255) - 127),
    },
    lemmas: Array.from({ length: 150 }, () => int(int(50000) + 1)),
    // 400 words of a Zipf-ish made-up vocabulary, for the full-text index.
    text: Array.from({ length: 400 }, () => `w${int(int(50000) + 1)}`).join(' '),
    quotes: [],
  };
}

async function load(store: Store, from: number, to: number, tag: string): Promise<void> {
  for (let i = from; i < to; i += 1000)
    await store.insertBatch(Array.from({ length: Math.min(1000, to - i) }, (_, j) => row(i + j, tag)));
}

if (!BASE) console.log('postgres db bench skipped: set DATABASE_URL');
else {
  const u = new URL(BASE);
  u.searchParams.set('schema', `benchdb_${process.pid}`);
  const a = await openStore(u.href);
  const b = await openStore(u.href);
  let t = performance.now();
  await load(a, 0, ROWS / 2, 'one');
  const oneWriter = ROWS / 2 / ((performance.now() - t) / 1000);
  t = performance.now();
  await Promise.all([load(a, 0, ROWS / 4, 'two-a'), load(b, 0, ROWS / 4, 'two-b')]);
  const twoWriters = ROWS / 2 / ((performance.now() - t) / 1000);
  const q = row(0, 'q');
  const times: Record<string, number[]> = { bands: [], anchors: [], nearest: [], scores: [] };
  for (let i = 0; i < 30; i++) {
    const x = row(i, 'q');
    let s = performance.now();
    await a.bandMatches(x.features.bands);
    times.bands.push(performance.now() - s);
    s = performance.now();
    await a.anchorPostings([...x.features.anchors, ...x.lemmas], 1000);
    times.anchors.push(performance.now() - s);
    s = performance.now();
    const near = await a.nearestByVector(x.features.vector, 60);
    times.nearest.push(performance.now() - s);
    s = performance.now();
    await a.vectorScores(
      q.features.vector,
      near.map((h) => h.id),
    );
    times.scores.push(performance.now() - s);
  }
  const n = await a.count();
  console.log(
    JSON.stringify(
      {
        rows: n,
        insertArticlesPerSecond: { oneWriter: r1(oneWriter), twoWriters: r1(twoWriters) },
        queryMs: Object.fromEntries(
          Object.entries(times).map(([k, v]) => [k, { p50: r1(pct(v, 0.5)), p95: r1(pct(v, 0.95)) }]),
        ),
        indexBytesPerArticle: r1((await a.indexBytes()) / n),
      },
      null,
      2,
    ),
  );
  await a.close();
  await b.close();
}
