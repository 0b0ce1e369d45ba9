/**
 * PostgreSQL scale bench (reported, never asserted): `npm run bench -- --store postgres --n 100000`.
 * Generates a corpus from real news sentences with planted rewrite families (bench/corpus-gen.ts, as the SQLite
 * scale bench) and ingests it through the queue (`add --queue`, then `unspun worker` processes from dist/, one
 * analysis thread each): the first `--slice` articles with 1 worker, the next `--slice` with 2, the rest up to n with
 * whichever was faster. At each checkpoint (and n) it measures retrieval, trace and full-text search p50/p95 on
 * planted rewrites, recall@1, index bytes/article; at n also with the HNSW index built, and EXPLAIN ANALYZE of the
 * main queries (printed to stderr). Appends a table to bench/results.md beside the SQLite scale row of the same n
 * (the latest one in bench/results.md or in $BENCH_SQLITE_RESULTS).
 *
 * Options: --n N (default 2000) · --slice N (default min(2500, n/4)) · --checkpoints 20000,50000 · --traces N
 * (default 100) · --seed N · --no-write · --keep (leave the schema in the database) · --measure SCHEMA (no
 * ingest: measure the corpus a kept or stopped run left in SCHEMA with the current code, same generator and seed)
 * · --schema NAME (default bench_pg_<pid>) · --resume (go on from what a stopped run left in --schema: segments
 * already stored are skipped, enqueueing is idempotent, so a half-done segment is finished; checkpoints below what
 * is stored are not measured again) · --workers N (worker processes after the two measured slices; default: the
 * faster of 1 and 2, or 2 on --resume) · --peers N (at the checkpoint N, also run bench/peers.ts on the store).
 * Needs DATABASE_URL (e.g. `source .ci/postgres.sh`) and `npx tsc` first (the workers run from dist/).
 *
 * A million: `npm run bench -- --store postgres --n 1000000 --checkpoints 100000,250000,500000 --peers 100000
 * --schema bench_1m --keep` (then, if stopped, the same with `--resume`). The corpus is written and ingested in
 * segments of at most 50,000 articles, so a stop loses at most one segment's work.
 */
import { execSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { appendFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadVectors } from '../src/align/vectors.js';
import { enqueuePaths } from '../src/queue/index.js';
import { decodeAnalysis } from '../src/store/codec.js';
import { openStore } from '../src/store/index.js';
import type { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { generateCorpus, writeCorpusSegments } from './corpus-gen.js';
import { measurePlanted, spread } from './planted-sample.js';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a, i, all) => a !== '--store' && all[i - 1] !== '--store'),
  options: {
    n: { type: 'string', default: '2000' },
    slice: { type: 'string' },
    checkpoints: { type: 'string', default: '' },
    traces: { type: 'string', default: '100' },
    seed: { type: 'string', default: '12' },
    'no-write': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    measure: { type: 'string' },
    schema: { type: 'string' },
    resume: { type: 'boolean', default: false },
    workers: { type: 'string' },
    peers: { type: 'string' },
  },
});
/** Largest segment written and ingested at once (the unit a resumed run redoes). */
const SEGMENT = 50_000;
const N = Number(args.n);
const SLICE = Number(args.slice ?? Math.min(2500, Math.floor(N / 4)));
const TRACES = Number(args.traces);
const CHECKS = new Set([...(args.checkpoints ? args.checkpoints.split(',').map(Number) : []), N]);
const BASE = process.env.DATABASE_URL;
const PEERS_AT = args.peers ? Number(args.peers) : null;
const ROOT = join(import.meta.dirname, '..');

const pct = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : NaN;
const r1 = (x: number) => Math.round(x * 10) / 10;
const load = () => loadavg()[0].toFixed(1);
const log = (s: string) => process.stderr.write(`[pg ${new Date().toISOString().slice(11, 19)} load ${load()}] ${s}\n`);
const commit = (() => {
  try {
    const dirty = execSync('git status --porcelain src', { cwd: ROOT }).toString().trim();
    return execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim() + (dirty ? '+dirty' : '');
  } catch {
    return 'unknown';
  }
})();

/** CPU seconds of this process's finished children (the worker processes): cutime + cstime from /proc. */
function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return NaN;
  }
}

/** Peak resident set (VmHWM) of a live process, MB; NaN once it has exited. */
function peakRssOf(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

interface IngestStep {
  workers: number;
  articles: number;
  seconds: number;
  /** CPU seconds of the worker processes (not the database server's). */
  cpuSeconds: number;
  enqueueSeconds: number;
}

if (!BASE) {
  console.log('postgres bench skipped: set DATABASE_URL (e.g. source .ci/postgres.sh)');
} else {
  const vectors = loadVectors();
  const dir = join(tmpdir(), `unspun-pgbench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const schema = args.measure ?? args.schema ?? `bench_pg_${process.pid}`;
  const u = new URL(BASE);
  u.searchParams.set('schema', schema);
  const url = u.href;
  const store = (await openStore(url)) as PostgresStore;
  const sql = new pg.Client({ connectionString: BASE, options: `-c search_path=${schema},public` });
  await sql.connect();
  const planted: Array<{ rewrite: string; origin: string; heavy: boolean }> = [];
  const steps: IngestStep[] = [];
  /** Highest VmHWM seen of any worker process, MB. */
  let workerPeakRssMB = 0;
  const segmentCuts = Array.from({ length: Math.ceil(N / SEGMENT) }, (_, i) => (i + 1) * SEGMENT);
  const cuts = [SLICE, 2 * SLICE, ...CHECKS, ...segmentCuts].filter((c) => c > 0 && c <= N);
  try {
    if (args.measure) {
      const n = await store.count();
      for await (const r of generateCorpus({ n, seed: Number(args.seed) }))
        if (r.origin) planted.push({ rewrite: r.id, origin: r.origin, heavy: r.kind === 'paraphrase' });
      await sql.query('VACUUM ANALYZE');
      const result = await measure(n, true);
      process.stdout.write(JSON.stringify(result) + '\n');
      if (!args['no-write']) appendResults(result);
    } else {
      log(
        `n ${N}: ${SLICE} articles with 1 worker, ${SLICE} with 2, then the faster to ${N}; measuring at ${[...CHECKS].join(', ')}`,
      );
      const stored = args.resume ? await store.count() : 0;
      if (args.resume) log(`resuming ${schema}: ${stored} articles stored`);
      for await (const seg of writeCorpusSegments(dir, { n: N, seed: Number(args.seed), cuts })) {
        planted.push(...seg.planted);
        if (seg.total <= stored) {
          rmSync(seg.path, { force: true });
          continue;
        }
        const before = await store.count();
        const workers = args.workers
          ? steps.length < 2 && !args.resume
            ? steps.length + 1
            : Number(args.workers)
          : args.resume
            ? 2
            : steps.length === 0
              ? 1
              : steps.length === 1
                ? 2
                : fasterWorkers(steps);
        // The measured slices enqueue first, then time the workers alone; the fill overlaps the two (enqueue is
        // ~10x faster than analysis, so the workers, started a little later, never find the queue empty early).
        const t0 = performance.now();
        const enqueued = enqueuePaths(store, [seg.path]).then(() => (performance.now() - t0) / 1000);
        if (steps.length < 2) await enqueued;
        else await new Promise((r) => setTimeout(r, 10_000));
        const t1 = performance.now();
        const cpu0 = childCpuSeconds();
        await runWorkers(url, workers, seg.total - before, store);
        const seconds = (performance.now() - t1) / 1000;
        const cpuSeconds = childCpuSeconds() - cpu0;
        const enqueueSeconds = await enqueued;
        rmSync(seg.path, { force: true });
        const articles = (await store.count()) - before;
        steps.push({ workers, articles, seconds, cpuSeconds, enqueueSeconds });
        log(
          `to ${seg.total}: ${articles} stored by ${workers} worker(s) in ${r1(seconds)} s (${r1(articles / seconds)}/s, ${r1(articles / cpuSeconds)} per worker CPU-second; enqueue ${r1(enqueueSeconds)} s)`,
        );
        if (!CHECKS.has(seg.total)) continue;
        await sql.query('VACUUM ANALYZE');
        // HNSW and EXPLAIN from 10k on (a run stopped before n still has them); the index is dropped again before
        // more articles come (HNSW upkeep would slow the inserts being measured).
        const result = await measure(seg.total, seg.total >= Math.min(N, 10_000));
        if (seg.total === PEERS_AT) runPeers(url, seg.total);
        if (seg.total < N)
          await sql.query("DROP INDEX IF EXISTS vectors_hnsw; DELETE FROM settings WHERE key = 'hnsw.dim'");
        process.stdout.write(JSON.stringify(result) + '\n');
        if (!args['no-write']) appendResults(result);
      }
    }
  } finally {
    if (!args.keep && !args.measure)
      await sql
        .query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`)
        .catch(() => {});
    await sql.end();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }

  /** Workers until the queue is empty. */
  async function runWorkers(db: string, workers: number, expected: number, s: PostgresStore): Promise<void> {
    const start = await s.count();
    const t0 = performance.now();
    // A 10-minute progress line (count(*) at 100k is not free on a loaded machine).
    const timer = setInterval(async () => {
      const done = (await s.count().catch(() => start)) - start;
      log(
        `  ${workers} worker(s): ${done}/${expected} (${r1(done / ((performance.now() - t0) / 1000))}/s; worker peak RSS ${r1(workerPeakRssMB)} MB)`,
      );
    }, 600_000);
    const pids: number[] = [];
    // VmHWM is the process's own peak, so sampling it now and then misses nothing but the last seconds.
    const rss = setInterval(() => {
      for (const pid of pids) workerPeakRssMB = Math.max(workerPeakRssMB, peakRssOf(pid) || 0);
    }, 5_000);
    try {
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
              if (p.pid) pids.push(p.pid);
              p.on('error', reject);
              p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}`))));
            }),
        ),
      );
    } finally {
      clearInterval(timer);
      clearInterval(rss);
    }
  }

  /** bench/peers.ts on this store at this size (its own process: its indexes' memory is not the bench's). */
  function runPeers(db: string, n: number): void {
    log(`${n}: peers (bench/peers.ts)`);
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench/peers.ts'), '--db', db, '--n', String(n), '--seed', String(args.seed)],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (r.status !== 0) log(`peers exited ${r.status}`);
  }

  async function measure(n: number, final: boolean) {
    const loads = [load()];
    const count = await store.count();
    const textBytes = Number(
      (await sql.query<{ n: string }>("SELECT pg_total_relation_size('article_text') AS n")).rows[0].n,
    );
    const dbBytes = Number(
      (await sql.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0].n,
    );
    // The planted rewrites as earlier rounds measured them; the heavy paraphrases are bench/peers.ts's queries.
    const sample = spread(
      planted.filter((p) => !p.heavy),
      TRACES,
    );

    const run = async (withTrace: boolean) => {
      const { traced, retrieveMs, traceMs, textMs, hits, shortlisted, textFound } = await measurePlanted(
        store,
        sample,
        vectors,
        { trace: withTrace, text: true },
      );
      const q = (xs: number[]) => ({ p50: r1(pct(xs, 0.5)), p95: r1(pct(xs, 0.95)) });
      return {
        traced,
        retrieveMs: q(retrieveMs),
        traceMs: q(traceMs),
        textSearchMs: q(textMs),
        recallAt1: withTrace ? Math.round((1000 * hits) / Math.max(1, traced)) / 1000 : NaN,
        originInShortlist: Math.round((1000 * shortlisted) / Math.max(1, traced)) / 1000,
        originInTextTop30: Math.round((1000 * textFound) / Math.max(1, traced)) / 1000,
      };
    };

    log(`${n}: measuring (exact vector scan)`);
    const exact = await run(true);
    loads.push(load());
    log(
      `${n}: retrieval p50 ${exact.retrieveMs.p50} ms, trace p50 ${exact.traceMs.p50} ms, text search p50 ${exact.textSearchMs.p50} ms, recall@1 ${exact.recallAt1}`,
    );
    let hnsw: (Awaited<ReturnType<typeof run>> & { buildSeconds: number }) | null = null;
    if (final) {
      const built = await store.buildHnsw();
      log(`${n}: HNSW built in ${r1(built.seconds)} s`);
      hnsw = { ...(await run(true)), buildSeconds: r1(built.seconds) };
      loads.push(load());
      log(`${n}: with HNSW retrieval p50 ${hnsw.retrieveMs.p50} ms, trace p50 ${hnsw.traceMs.p50} ms`);
      await explainMainQueries(sample[0]);
    }
    const indexBytes = await store.indexBytes();
    const w1 = steps.find((s) => s.workers === 1);
    const w2 = steps.find((s) => s.workers === 2);
    const rest = steps.slice(args.resume ? 0 : 2);
    const restArticles = rest.reduce((a, s) => a + s.articles, 0);
    const restSeconds = rest.reduce((a, s) => a + s.seconds, 0);
    return {
      n,
      articles: count,
      slice: SLICE,
      ingest: !steps.length
        ? null
        : {
            perWorkerCpuSecond: r1(
              steps.reduce((a, s) => a + s.articles, 0) / steps.reduce((a, s) => a + s.cpuSeconds, 0),
            ),
            oneWorker: w1 ? r1(w1.articles / w1.seconds) : NaN,
            twoWorkers: w2 ? r1(w2.articles / w2.seconds) : NaN,
            fill: rest.length
              ? {
                  workers: rest[0].workers,
                  articlesPerSecond: r1(restArticles / restSeconds),
                  perWorker: r1(restArticles / restSeconds / rest[0].workers),
                  articles: restArticles,
                }
              : null,
            enqueuePerSecond: r1(
              steps.reduce((a, s) => a + s.articles, 0) / steps.reduce((a, s) => a + s.enqueueSeconds, 0),
            ),
          },
      peakRssMB: { worker: r1(workerPeakRssMB), bench: r1(process.resourceUsage().maxRSS / 1024) },
      indexBytesPerArticle: r1(indexBytes / count),
      textIndexBytesPerArticle: r1(textBytes / count),
      dbBytesPerArticle: r1(dbBytes / count),
      exact,
      hnsw,
      load: loads,
    };
  }

  /** EXPLAIN ANALYZE of the store's main retrieval queries for one planted rewrite (plans to stderr). */
  async function explainMainQueries(p: { rewrite: string } | undefined): Promise<void> {
    if (!p) return;
    const id = (await store.latestVersion(p.rewrite))!.id;
    const f = (
      await sql.query<{ bands: string[]; anchors: number[]; v: string }>(
        'SELECT f.bands, f.anchors, v.v::text AS v FROM features f JOIN vectors v USING (doc) WHERE doc = $1',
        [id],
      )
    ).rows[0];
    const text = decodeAnalysis((await store.get(id))!.analysis).text;
    const words = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
    const dim = Number(await store.getSetting('hnsw.dim'));
    // The textSearch lexemes as the store picks them (rarest 32 by pg_stats frequency).
    const lex = (
      await sql.query<{ lex: string; freq: number | null }>(
        `WITH s AS (SELECT most_common_elems::text::text[] AS e, most_common_elem_freqs AS f FROM pg_stats
                    WHERE schemaname = current_schema() AND tablename = 'article_text' AND attname = 'body'),
              m AS (SELECT x.e, x.f FROM s, unnest(s.e, s.f) AS x(e, f))
         SELECT l.lex, m.f::float8 AS freq FROM unnest(tsvector_to_array(to_tsvector('english', $1))) AS l(lex)
         LEFT JOIN m ON m.e = l.lex`,
        [words.join(' ')],
      )
    ).rows
      .sort((a, b) => (a.freq ?? 0) - (b.freq ?? 0) || b.lex.length - a.lex.length)
      .slice(0, 32);
    const queries: Array<[string, string, unknown[]]> = [
      [
        'bandMatches',
        `SELECT f.doc, count(*)::int AS n FROM (SELECT DISTINCT unnest($1::bigint[]) AS key) b
         CROSS JOIN LATERAL (SELECT doc FROM features WHERE bands @> ARRAY[b.key]) f GROUP BY f.doc`,
        [f.bands],
      ],
      [
        'anchorPostings (one anchor)',
        'SELECT doc FROM features WHERE anchors @> ARRAY[$1::int] LIMIT 1001',
        [f.anchors[0]],
      ],
      ['nearestByVector (exact)', 'SELECT doc FROM vectors ORDER BY v <#> $1::halfvec, doc LIMIT 60', [f.v]],
      [
        'nearestByVector (HNSW, ef_search 60)',
        `SELECT doc, dot FROM (SELECT doc, -((v::halfvec(${dim})) <#> $1::halfvec)::float8 AS dot FROM vectors
                               ORDER BY (v::halfvec(${dim})) <#> $1::halfvec LIMIT 60) s ORDER BY dot DESC, doc`,
        [f.v],
      ],
      [
        'vectorScores',
        'SELECT doc, v <#> $1::halfvec FROM vectors WHERE doc = ANY($2::int[])',
        [f.v, [id, id + 1, id + 2]],
      ],
      [
        'textSearch (32 rarest lexemes, one GIN lookup each)',
        `SELECT d.doc, sum(l.w)::float8 AS score FROM unnest($1::text[], $2::float8[]) AS l(lex, w)
         CROSS JOIN LATERAL (SELECT doc FROM article_text WHERE body @@ l.lex::tsquery) d
         GROUP BY d.doc ORDER BY score DESC, d.doc LIMIT 31`,
        [lex.map((l) => `'${l.lex}'`), lex.map((l) => -Math.log(Math.max(l.freq ?? 1e-4, 1e-9)))],
      ],
    ];
    await sql.query('SET hnsw.ef_search = 60');
    for (const [name, text, values] of queries) {
      const plan = (await sql.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)).rows.map((r) => r['QUERY PLAN']);
      log(`EXPLAIN ${name}:\n    ${plan.join('\n    ')}`);
    }
  }

  function fasterWorkers(s: IngestStep[]): number {
    return s[1].articles / s[1].seconds >= s[0].articles / s[0].seconds ? 2 : 1;
  }

  /** The latest SQLite scale table of the same n, to print beside this one. */
  function sqliteRow(n: number): { heading: string; rows: Map<string, string> } | null {
    const files = [join(import.meta.dirname, 'results.md'), process.env.BENCH_SQLITE_RESULTS ?? ''].filter(
      (f) => f && existsSync(f),
    );
    let best: { heading: string; rows: Map<string, string> } | null = null;
    for (const file of files) {
      const sections = readFileSync(file, 'utf8').split(/\n(?=## )/);
      for (const sec of sections) {
        if (!sec.startsWith(`## ${n.toLocaleString('en')} articles · sqlite`)) continue;
        const rows = new Map<string, string>();
        for (const line of sec.split('\n')) {
          const cells = line.split('|').map((c) => c.trim());
          if (cells.length >= 4 && cells[1] && !/^-+$/.test(cells[1])) rows.set(cells[1], cells[2]);
        }
        const heading = sec.split('\n')[0].slice(3);
        const when = (h: string) => h.match(/\d{4}-\d\d-\d\d \d\d:\d\d/)?.[0] ?? '';
        if (!best || when(heading) > when(best.heading)) best = { heading, rows };
      }
    }
    return best;
  }

  function appendResults(r: Awaited<ReturnType<typeof measure>>): void {
    const s = sqliteRow(r.n);
    const sv = (key: string) => (s ? ([...s.rows].find(([k]) => k.startsWith(key))?.[1] ?? '—') : '—');
    const row = (k: string, v: string, sqlite: string, target = '') => `| ${k} | ${v} | ${sqlite} | ${target} |\n`;
    const h = r.hnsw;
    const ing = r.ingest;
    const fill = ing?.fill;
    const seeAbove = '— (this corpus, ingested by the run above)';
    appendFileSync(
      join(import.meta.dirname, 'results.md'),
      `\n## ${r.n.toLocaleString('en')} articles · postgres · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · commit ${commit} · load ${r.load.join(' / ')}\n\n` +
        `PostgreSQL 15 + pgvector (local throwaway cluster, .ci/postgres.sh), ingest through the queue: \`unspun worker\` processes, one analysis thread each. ` +
        (ing
          ? `1 vs 2 workers measured on consecutive slices of ${r.slice.toLocaleString('en')} articles; ${fill ? `the remaining ${fill.articles.toLocaleString('en')} with ${fill.workers} worker(s)` : 'no fill'}. `
          : `Measured with the current code on the corpus a stopped run left (\`--measure\`): no ingest here. `) +
        `SQLite column: ${s ? `the table "${s.heading}" (bench/scale.ts, same generator and seed)` : 'no SQLite table of this size yet'}.\n\n` +
        '| measure | postgres | sqlite (same n) | target |\n|---|---|---|---|\n' +
        row('articles stored', String(r.articles), sv('articles stored')) +
        row(
          'ingest, 1 worker process (wall)',
          ing ? `${ing.oneWorker} articles/s` : seeAbove,
          sv('ingest (wall)') === '—' ? '—' : `${sv('ingest (wall)')} (2 threads, in-process)`,
        ) +
        row(
          'ingest, 2 worker processes (wall)',
          ing ? `${ing.twoWorkers} articles/s` : seeAbove,
          '',
          '≥ 500/s on 2 idle cores',
        ) +
        row(
          `ingest, fill to n (${fill?.workers ?? '–'} workers)`,
          fill ? `${fill.articlesPerSecond} articles/s (${fill.perWorker} per worker process)` : '—',
          '',
          '≥ 250 per worker process',
        ) +
        row(
          'peak RSS per process: worker (VmHWM) · bench process',
          `${r.peakRssMB.worker} · ${r.peakRssMB.bench} MB`,
          sv('peak RSS'),
          '≤ 1 GB',
        ) +
        row(
          'ingest per worker CPU-second (all steps; ×2 ≈ 2 idle cores; database server CPU not counted)',
          ing ? `${ing.perWorkerCpuSecond} articles` : seeAbove,
          sv('ingest per CPU-second'),
          '≥ 250',
        ) +
        row('enqueue (`add --queue`)', ing ? `${ing.enqueuePerSecond} articles/s` : seeAbove, '') +
        row(
          'index bytes/article (bands, anchors, vectors)',
          String(r.indexBytesPerArticle),
          sv('index bytes/article'),
          '≤ 3 KB at 1M',
        ) +
        row(
          'full-text index bytes/article · database bytes/article',
          `${r.textIndexBytesPerArticle} · ${r.dbBytesPerArticle}`,
          '',
        ) +
        row(
          'retrieval p50 / p95, exact vector scan',
          `${r.exact.retrieveMs.p50} / ${r.exact.retrieveMs.p95} ms`,
          sv('retrieval p50'),
          'p50 ≤ 100 ms at 1M',
        ) +
        row(
          'trace p50 / p95, exact vector scan',
          `${r.exact.traceMs.p50} / ${r.exact.traceMs.p95} ms`,
          sv('trace p50'),
          'p50 ≤ 300 ms at 1M',
        ) +
        (h
          ? row(
              'retrieval p50 / p95, HNSW',
              `${h.retrieveMs.p50} / ${h.retrieveMs.p95} ms (index built in ${h.buildSeconds} s)`,
              '',
            ) + row('trace p50 / p95, HNSW', `${h.traceMs.p50} / ${h.traceMs.p95} ms`, '')
          : '') +
        row(
          'full-text search p50 / p95 (whole article as the query, top 31)',
          `${r.exact.textSearchMs.p50} / ${r.exact.textSearchMs.p95} ms`,
          '',
        ) +
        row(
          `planted-origin recall@1 (${r.exact.traced} traced)`,
          `${r.exact.recallAt1}${h ? ` (HNSW ${h.recallAt1})` : ''}; origin in retrieval top 30: ${r.exact.originInShortlist}; in full-text top 30: ${r.exact.originInTextTop30}`,
          sv('planted-origin recall@1'),
        ),
    );
  }
}
