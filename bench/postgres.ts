/**
 * PostgreSQL bench (reported, never asserted), with SQLite beside it on the same generated corpus:
 * ingest articles/s through the queue with 1 and 2 `unspun worker` processes (compiled dist/, one analysis thread
 * each), SQLite's in-process `add` with 2 threads, then retrieval and trace p50/p95 and index bytes/article on both.
 * Usage: DATABASE_URL=postgres://… npm run bench -- --store postgres   (BENCH_N articles, default 2000)
 * Needs `npx tsc` first (the workers run from dist/).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadVectors } from '../src/align/vectors.js';
import { addPaths } from '../src/corpus/add.js';
import { retrieveCandidates } from '../src/corpus/retrieve.js';
import { trace } from '../src/corpus/trace.js';
import { enqueuePaths } from '../src/queue/index.js';
import { decodeAnalysis } from '../src/store/codec.js';
import { openStore, type Store } from '../src/store/index.js';
import type { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { buildCorpus } from './synthetic.js';

const N = Number(process.env.BENCH_N ?? 2000);
const TRACES = Number(process.env.BENCH_TRACES ?? 30);
const BASE = process.env.DATABASE_URL;
const ROOT = join(import.meta.dirname, '..');
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const r1 = (x: number) => Math.round(x * 10) / 10;

if (!BASE) {
  console.log('postgres bench skipped: set DATABASE_URL (e.g. source .ci/postgres.sh)');
} else {
  const vectors = loadVectors();
  const dir = join(tmpdir(), `unspun-pgbench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const input = join(dir, 'corpus.jsonl');
  buildCorpus(input, N);
  const url = (tag: string) => {
    const u = new URL(BASE);
    u.searchParams.set('schema', `bench_${tag}_${process.pid}`);
    return u.href;
  };

  /** Enqueue the corpus, then time `workers` worker processes until the queue is empty. */
  async function queued(
    workers: number,
  ): Promise<{ url: string; seconds: number; stored: number; enqueueSeconds: number }> {
    const db = url(`w${workers}`);
    const store = (await openStore(db)) as PostgresStore;
    const t0 = performance.now();
    await enqueuePaths(store, [input]);
    const enqueueSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await Promise.all(
      Array.from(
        { length: workers },
        () =>
          new Promise<void>((resolve, reject) => {
            const p = spawn(
              process.execPath,
              [join(ROOT, 'bin/unspun.js'), 'worker', '--db', db, '--until-empty', '--concurrency', '1', '--json'],
              { stdio: ['ignore', 'ignore', 'inherit'] },
            );
            p.on('error', reject);
            p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}`))));
          }),
      ),
    );
    const seconds = (performance.now() - t1) / 1000;
    const stored = await store.count();
    await store.close();
    return { url: db, seconds, stored, enqueueSeconds };
  }

  async function latency(store: Store): Promise<Record<string, unknown>> {
    const ids = (await store.list({ limit: 100000 })).map((m) => m.id);
    const sample = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / TRACES)) === 0).slice(0, TRACES);
    const retrieve: number[] = [];
    const total: number[] = [];
    for (const id of sample) {
      const a = decodeAnalysis((await store.get(id))!.analysis);
      const t = performance.now();
      await retrieveCandidates(store, a, 30, { vectors, exclude: [id] });
      retrieve.push(performance.now() - t);
      const t2 = performance.now();
      await trace(store, id, { vectors, top: 10 });
      total.push(performance.now() - t2);
    }
    const n = await store.count();
    return {
      articles: n,
      retrieveMs: { p50: r1(pct(retrieve, 0.5)), p95: r1(pct(retrieve, 0.95)) },
      traceMs: { p50: r1(pct(total, 0.5)), p95: r1(pct(total, 0.95)) },
      indexBytesPerArticle: r1((await store.indexBytes()) / n),
    };
  }

  try {
    const one = await queued(1);
    const two = await queued(2);
    const pg = await openStore(two.url);
    const pgLatency = await latency(pg);
    await pg.close();

    const sqlite = await openStore(join(dir, 'bench.db'));
    const t0 = performance.now();
    const s = await addPaths(sqlite, [input], { vectors, workers: 2 });
    const sqliteSeconds = (performance.now() - t0) / 1000;
    const sqliteLatency = await latency(sqlite);
    await sqlite.close();

    console.log(
      JSON.stringify(
        {
          articles: N,
          postgres: {
            ingest: {
              enqueueSeconds: r1(one.enqueueSeconds),
              oneWorker: { seconds: r1(one.seconds), articlesPerSecond: r1(one.stored / one.seconds) },
              twoWorkers: { seconds: r1(two.seconds), articlesPerSecond: r1(two.stored / two.seconds) },
            },
            ...pgLatency,
          },
          sqlite: {
            ingest: { threads: 2, seconds: r1(sqliteSeconds), articlesPerSecond: r1(s.added / sqliteSeconds) },
            ...sqliteLatency,
          },
          loadAverage: (await import('node:os')).loadavg().map(r1),
        },
        null,
        2,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
