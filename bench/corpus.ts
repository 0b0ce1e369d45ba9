/**
 * Corpus bench (reported, never asserted): ingest throughput, trace p50/p95 with retrieval timed apart from
 * re-rank, index bytes per article, peak memory. The corpus is synthetic, built at run time from METER texts
 * (sentences of each story shuffled and mixed with another's) — no dataset text is written into the repo.
 * Usage: BENCH_N=10000 npx tsx bench/corpus.ts
 */
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPaths } from '../src/corpus/add.js';
import { retrieveCandidates } from '../src/corpus/retrieve.js';
import { trace } from '../src/corpus/trace.js';
import { decodeAnalysis } from '../src/store/codec.js';
import { openStore, type Store } from '../src/store/index.js';
import { loadVectors } from '../src/align/vectors.js';

const vectors = loadVectors();

const METER = process.env.METER_DIR ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'meter-courts');
const N = Number(process.env.BENCH_N ?? 2000);
const TRACES = Number(process.env.BENCH_TRACES ?? 30);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.txt') ? [p] : [];
  });
}

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentencesOf(path: string): string[] {
  const text = readFileSync(path, 'latin1').replace(/<\s*$/gm, '').replace(/\s+/g, ' ');
  return text.split(/(?<=[.!?]["']?)\s+(?=[A-Z"'])/).filter((s) => s.split(' ').length > 4);
}

function buildCorpus(out: string): void {
  const texts = files(join(METER, 'newspapers', 'rawtexts')).concat(files(join(METER, 'PA', 'rawtexts'))).map(sentencesOf).filter((s) => s.length >= 5);
  const rand = rng(7);
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const base = texts[i % texts.length];
    const mix = texts[Math.floor(rand() * texts.length)];
    const picked = [...base].sort(() => rand() - 0.5).slice(0, Math.max(5, Math.floor(base.length * 0.8)));
    picked.push(...mix.slice(0, 2));
    const paras: string[] = [];
    for (let j = 0; j < picked.length; j += 2) paras.push(picked.slice(j, j + 2).join(' '));
    lines.push(JSON.stringify({ id: `syn-${i}`, text: `Synthetic ${i}\n\n${paras.join('\n\n')}` }));
  }
  writeFileSync(out, lines.join('\n') + '\n');
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const r1 = (x: number) => Math.round(x * 10) / 10;

const dir = join(tmpdir(), `unspun-bench-${process.pid}`);
const db = join(dir, 'bench.db');
const input = join(dir, 'corpus.jsonl');
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
try {
  (await import('node:fs')).mkdirSync(dir, { recursive: true });
  buildCorpus(input);
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
