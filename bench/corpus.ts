/**
 * Corpus bench (reported, never asserted): ingest throughput, trace p50/p95 with retrieval timed apart from
 * re-rank, index bytes per article, peak memory. The corpus is synthetic, built at run time from METER texts
 * (sentences of each story shuffled and mixed with another's) — no dataset text is written into the repo.
 * Usage: BENCH_N=10000 npx tsx bench/corpus.ts
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPaths } from '../src/corpus/add.js';
import { retrieveCandidates } from '../src/corpus/retrieve.js';
import { trace } from '../src/corpus/trace.js';
import { decodeAnalysis } from '../src/store/codec.js';
import { openStore } from '../src/store/index.js';
import { loadVectors } from '../src/align/vectors.js';
import { buildCorpus } from './synthetic.js';

// `npm run bench -- --store postgres`: the server bench (it measures SQLite beside it on the same corpus).
if (process.argv.includes('--store') && process.argv[process.argv.indexOf('--store') + 1] === 'postgres') {
  await import('./postgres.js');
  process.exit(0);
}

const vectors = loadVectors();

const N = Number(process.env.BENCH_N ?? 2000);
const TRACES = Number(process.env.BENCH_TRACES ?? 30);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const r1 = (x: number) => Math.round(x * 10) / 10;

const dir = join(tmpdir(), `unspun-bench-${process.pid}`);
const db = join(dir, 'bench.db');
const input = join(dir, 'corpus.jsonl');
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
try {
  mkdirSync(dir, { recursive: true });
  buildCorpus(input, N);
  const store = await openStore(db);
  const t0 = performance.now();
  const summary = await addPaths(store, [input], { vectors, workers: 2 });
  const ingestS = (performance.now() - t0) / 1000;
  const words = (await store.list()).reduce((s, m) => s + m.words, 0) / Math.max(1, summary.added);
  const ids = summary.ids.filter((_, i) => i % Math.max(1, Math.floor(summary.ids.length / TRACES)) === 0).slice(0, TRACES);
  const retrieve: number[] = [];
  const total: number[] = [];
  const rerank: number[] = [];
  for (const id of ids) {
    const a = decodeAnalysis((await store.get(id))!.analysis);
    const t = performance.now();
    await retrieveCandidates(store, a, 30, { vectors, exclude: [id] });
    retrieve.push(performance.now() - t);
    const t2 = performance.now();
    const tr = await trace(store, id, { vectors, top: 10 });
    total.push(performance.now() - t2);
    rerank.push(tr.timings.rerankMs);
  }
  const indexBytes = await store.indexBytes();
  console.log(JSON.stringify({
    articles: summary.added, failed: summary.failed.length, meanWords: r1(words),
    ingest: { seconds: r1(ingestS), articlesPerSecond: r1(summary.added / ingestS) },
    retrieveMs: { p50: r1(pct(retrieve, 0.5)), p95: r1(pct(retrieve, 0.95)) },
    rerankMs: { p50: r1(pct(rerank, 0.5)), p95: r1(pct(rerank, 0.95)) },
    traceMs: { p50: r1(pct(total, 0.5)), p95: r1(pct(total, 0.95)) },
    indexBytesPerArticle: r1(indexBytes / summary.added),
    dbBytesPerArticle: r1(statSync(db).size / summary.added),
    peakRssMB: r1(Math.max(peak, process.memoryUsage().rss) / 2 ** 20),
  }, null, 2));
  await store.close();
} finally {
  clearInterval(sample);
  rmSync(dir, { recursive: true, force: true });
}
