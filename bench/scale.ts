/**
 * Scale bench (reported, never asserted): `npm run bench -- --n 10000` generates a corpus of n documents from real
 * news sentences with planted rewrite families (bench/corpus-gen.ts), ingests it with `addPaths` on two analysis
 * workers, and measures ingest articles/s (wall and per CPU-second), peak RSS, index bytes per article, retrieval
 * and trace p50/p95 on planted rewrites, recall@1 of their planted origins, and families on a sample of seeds.
 * Appends a table per size to bench/results.md with the date, commit and machine load.
 *
 * Options: --n N (default 2000) · --checkpoints 10000,50000 also measure (and write a table) at these sizes on the
 * way to n, so a long run leaves results even if stopped · --traces N planted rewrites traced per size (default
 * 200) · --families-sample N seeds (default 300) · --db PATH keep the store there (default: a temporary file,
 * deleted) · --seed N · --no-write (print only).
 */
import { execSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addPaths } from '../src/corpus/add.js';
import { families } from '../src/corpus/families.js';
import { openStore, type Store } from '../src/store/index.js';
import { loadVectors } from '../src/align/vectors.js';
import { writeCorpusSegments } from './corpus-gen.js';
import { measurePlanted, spread } from './planted-sample.js';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    checkpoints: { type: 'string', default: '' },
    traces: { type: 'string', default: '200' },
    'families-sample': { type: 'string', default: '300' },
    db: { type: 'string' },
    seed: { type: 'string', default: '12' },
    'no-write': { type: 'boolean', default: false },
  },
});
const N = Number(args.n);
const TRACES = Number(args.traces);
const FAMILY_SEEDS = Number(args['families-sample']);
const CUTS = args.checkpoints ? args.checkpoints.split(',').map(Number) : [];

const pct = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : NaN;
const r1 = (x: number) => Math.round(x * 10) / 10;
const load = () => loadavg()[0].toFixed(1);
const log = (s: string) =>
  process.stderr.write(`[scale ${new Date().toISOString().slice(11, 19)} load ${load()}] ${s}\n`);
/** CPU time of all threads of this process (analysis workers included). */
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
/** Peak resident set of this process (workers are threads, so they count too), in MB. */
const peakRssMB = () => process.resourceUsage().maxRSS / 1024;

// The commit under test, read before the run (a long run outlives later commits).
const commit = (() => {
  try {
    const dirty = execSync('git status --porcelain src', { cwd: import.meta.dirname })
      .toString()
      .trim();
    return (
      execSync('git rev-parse --short HEAD', { cwd: import.meta.dirname })
        .toString()
        .trim() + (dirty ? '+dirty' : '')
    );
  } catch {
    return 'unknown';
  }
})();

const vectors = loadVectors();
const dir = join(tmpdir(), `unspun-scale-${process.pid}`);
mkdirSync(dir, { recursive: true });
const db = args.db ?? join(dir, 'bench.db');
try {
  const store = await openStore(db);
  const planted: Array<{ rewrite: string; origin: string }> = [];
  let ingestS = 0;
  let ingestCpuS = 0;
  let words = 0;
  let failed = 0;
  const started = load();
  log(`generating and ingesting ${N} documents${CUTS.length ? `, measuring at ${CUTS.join(', ')}` : ''}`);
  for await (const seg of writeCorpusSegments(dir, { n: N, seed: Number(args.seed), cuts: CUTS })) {
    planted.push(...seg.planted);
    words += seg.words;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let lastLog = 0;
    const summary = await addPaths(store, [seg.path], {
      vectors,
      workers: 2,
      onProgress: (p) => {
        if (performance.now() - lastLog < 15_000) return;
        lastLog = performance.now();
        const m = process.memoryUsage();
        log(
          `ingest to ${seg.total}: segment ${p.read} read, ${p.added} added, ${r1(p.read / ((performance.now() - t0) / 1000))}/s, RSS ${r1(m.rss / 2 ** 20)} MB (main heap ${r1(m.heapUsed / 2 ** 20)} MB)`,
        );
      },
    });
    rmSync(seg.path, { force: true });
    ingestS += (performance.now() - t0) / 1000;
    ingestCpuS += cpuSeconds(process.cpuUsage(cpu0));
    failed += summary.failed.length;
    log(`ingested ${seg.total} so far (${r1(seg.total / ingestS)}/s overall), peak RSS ${r1(peakRssMB())} MB`);
    const result = await measure(store, seg.total, planted, { ingestS, ingestCpuS, words, failed, started });
    process.stdout.write(JSON.stringify(result) + '\n');
    if (!args['no-write']) appendResults(result);
  }
  await store.close();
} finally {
  if (!args.db) rmSync(dir, { recursive: true, force: true });
}

async function measure(
  store: Store,
  n: number,
  planted: Array<{ rewrite: string; origin: string }>,
  ingest: { ingestS: number; ingestCpuS: number; words: number; failed: number; started: string },
) {
  const loads = [ingest.started, load()];
  const ingestRss = peakRssMB();
  const count = await store.count();
  const indexBytes = await store.indexBytes();

  // Trace a spread of planted rewrites; recall@1: the top candidate is the planted origin.
  const cpuT = process.cpuUsage();
  const {
    traced,
    retrieveMs,
    traceMs,
    hits,
    shortlisted: retrieved,
  } = await measurePlanted(store, spread(planted, TRACES), vectors, { trace: true, text: false });
  const traceCpuMs = (cpuSeconds(process.cpuUsage(cpuT)) * 1000) / Math.max(1, traced);
  loads.push(load());
  log(
    `${n}: traced ${traced}, recall@1 ${r1((100 * hits) / Math.max(1, traced))}%, trace p50 ${r1(pct(traceMs, 0.5))} ms`,
  );

  const seeds = Math.min(FAMILY_SEEDS, count);
  const tf = performance.now();
  let lastF = 0;
  const fam = await families(store, {
    vectors,
    sample: seeds,
    onProgress: (done, total) => {
      if (performance.now() - lastF < 15_000) return;
      lastF = performance.now();
      log(`families ${done}/${total} seeds`);
    },
  });
  const familiesS = (performance.now() - tf) / 1000;
  loads.push(load());
  const dbBytes = statSync(db).size + (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0);
  return {
    n,
    articles: count,
    failed: ingest.failed,
    wordsPerArticle: Math.round(ingest.words / n),
    ingest: {
      seconds: r1(ingest.ingestS),
      articlesPerSecond: r1(count / ingest.ingestS),
      articlesPerCpuSecond: r1(count / ingest.ingestCpuS),
    },
    peakRssMB: { ingest: r1(ingestRss), total: r1(peakRssMB()) },
    indexBytesPerArticle: r1(indexBytes / count),
    dbBytesPerArticle: r1(dbBytes / count),
    retrieveMs: { p50: r1(pct(retrieveMs, 0.5)), p95: r1(pct(retrieveMs, 0.95)) },
    traceMs: { p50: r1(pct(traceMs, 0.5)), p95: r1(pct(traceMs, 0.95)) },
    cpuMsPerTraceAndRetrieval: r1(traceCpuMs),
    traced,
    recallAt1: Math.round((1000 * hits) / Math.max(1, traced)) / 1000,
    originInShortlist: Math.round((1000 * retrieved) / Math.max(1, traced)) / 1000,
    families: {
      seeds,
      seconds: r1(familiesS),
      msPerSeed: r1((familiesS * 1000) / Math.max(1, seeds)),
      found: fam.families.length,
    },
    load: loads,
  };
}

type Result = Awaited<ReturnType<typeof measure>>;

function appendResults(r: Result): void {
  const file = join(import.meta.dirname, 'results.md');
  if (!existsSync(file)) {
    writeFileSync(
      file,
      '# Scale bench results\n\nAppended by `npm run bench -- --n N` (bench/scale.ts; see bench/README.md). SQLite store, 2 analysis workers, on the shared 2-core machine. "load" is the 1-minute load average at the start of the run / after ingest / after traces / after families: 8 developers share the machine, so wall times at load ≫ 2 are several times an idle machine\'s; the per-CPU-second figures are steadier.\n',
    );
  }
  const row = (k: string, v: string, target = '') => `| ${k} | ${v} | ${target} |\n`;
  appendFileSync(
    file,
    `\n## ${r.n.toLocaleString('en')} articles · sqlite · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · commit ${commit} · load ${r.load.join(' / ')}\n\n| measure | value | target |\n|---|---|---|\n` +
      row('articles stored (failed)', `${r.articles} (${r.failed}), ${r.wordsPerArticle} words each`) +
      row('ingest (wall)', `${r.ingest.articlesPerSecond} articles/s (${r.ingest.seconds} s)`, '≥ 500/s') +
      row(
        'ingest per CPU-second (all threads; ×2 ≈ an idle 2-core machine)',
        `${r.ingest.articlesPerCpuSecond} articles`,
        '≥ 250',
      ) +
      row('peak RSS (after ingest / end)', `${r.peakRssMB.ingest} / ${r.peakRssMB.total} MB`, '≤ 1 GB at 100k') +
      row(
        'index bytes/article (database bytes/article)',
        `${r.indexBytesPerArticle} (${r.dbBytesPerArticle})`,
        '≤ 2 KB',
      ) +
      row('retrieval p50 / p95 (wall)', `${r.retrieveMs.p50} / ${r.retrieveMs.p95} ms`, 'p50 ≤ 50 ms at 100k') +
      row('trace p50 / p95 (wall)', `${r.traceMs.p50} / ${r.traceMs.p95} ms`, 'p50 ≤ 300 ms at 100k') +
      row('CPU per retrieval + trace (mean)', `${r.cpuMsPerTraceAndRetrieval} ms`) +
      row(
        `planted-origin recall@1 (${r.traced} traced)`,
        `${r.recallAt1} (origin in retrieval top 30: ${r.originInShortlist})`,
        '≥ 0.99 at 100k',
      ) +
      row(
        `families (${r.families.seeds} seeds sampled)`,
        `${r.families.seconds} s, ${r.families.msPerSeed} ms/seed, ${r.families.found} families`,
      ),
  );
}
