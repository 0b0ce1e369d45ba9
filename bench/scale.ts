/**
 * Scale bench (reported, never asserted): `npm run bench -- --n 10000` generates a corpus of n documents from real
 * news sentences with planted rewrite families (bench/corpus-gen.ts), ingests it with `addPaths` on two analysis
 * workers, and measures ingest articles/s, peak RSS, index bytes per article, retrieval and trace p50/p95 on planted
 * rewrites, recall@1 of their planted origins, and families on a sample of seeds. Appends a table to
 * bench/results.md with the date, commit and machine load.
 *
 * Options: --n N (default 2000) · --traces N planted rewrites traced (default 200) · --families-sample N seeds
 * (default 500) · --db PATH keep the store there (default: a temporary file, deleted) · --seed N · --no-write
 * (print only).
 */
import { execSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addPaths } from '../src/corpus/add.js';
import { families } from '../src/corpus/families.js';
import { retrieveCandidates } from '../src/corpus/retrieve.js';
import { trace } from '../src/corpus/trace.js';
import { decodeAnalysis } from '../src/store/codec.js';
import { openStore } from '../src/store/index.js';
import { writeCorpusJsonl } from './corpus-gen.js';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    traces: { type: 'string', default: '200' },
    'families-sample': { type: 'string', default: '500' },
    db: { type: 'string' },
    seed: { type: 'string', default: '12' },
    'no-write': { type: 'boolean', default: false },
  },
});
const N = Number(args.n);
const TRACES = Number(args.traces);
const FAMILY_SEEDS = Number(args['families-sample']);

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : NaN);
const r1 = (x: number) => Math.round(x * 10) / 10;
const load = () => loadavg()[0].toFixed(1);
const log = (s: string) => process.stderr.write(`[scale ${new Date().toISOString().slice(11, 19)} load ${load()}] ${s}\n`);
/** CPU time of all threads of this process (analysis workers included). */
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
/** Peak resident set of this process (workers are threads, so they count too), in MB. */
const peakRssMB = () => process.resourceUsage().maxRSS / 1024;

const dir = join(tmpdir(), `unspun-scale-${process.pid}`);
mkdirSync(dir, { recursive: true });
const input = join(dir, 'corpus.jsonl');
const db = args.db ?? join(dir, 'bench.db');
const loads: string[] = [load()];
// The commit under test, read before the run (a long run outlives later commits).
const commit = (() => {
  try {
    const dirty = execSync('git status --porcelain src', { cwd: import.meta.dirname }).toString().trim();
    return execSync('git rev-parse --short HEAD', { cwd: import.meta.dirname }).toString().trim() + (dirty ? '+dirty' : '');
  } catch {
    return 'unknown';
  }
})();
try {
  log(`generating ${N} documents`);
  const gen = await writeCorpusJsonl(input, { n: N, seed: Number(args.seed) });
  log(`generated ${gen.records} documents, ${Math.round(gen.words / gen.records)} words each, ${gen.planted.length} planted rewrites; peak RSS ${r1(peakRssMB())} MB`);
  const rssBeforeIngest = peakRssMB();

  const store = await openStore({ db });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let lastLog = 0;
  const summary = await addPaths(store, [input], {
    workers: 2,
    onProgress: (p) => {
      if (performance.now() - lastLog < 15_000) return;
      lastLog = performance.now();
      log(`ingest ${p.read}/${N} read, ${p.added} added, ${r1(p.read / ((performance.now() - t0) / 1000))}/s, RSS ${r1(process.memoryUsage().rss / 2 ** 20)} MB (main heap ${r1(process.memoryUsage().heapUsed / 2 ** 20)} MB)`);
    },
  });
  const ingestS = (performance.now() - t0) / 1000;
  const ingestCpuS = cpuSeconds(process.cpuUsage(cpu0));
  loads.push(load());
  const ingestRss = peakRssMB();
  log(`ingested ${summary.added} in ${r1(ingestS)} s (${r1(summary.added / ingestS)}/s), ${summary.failed.length} failed, peak RSS ${r1(ingestRss)} MB`);
  const count = await store.count();
  const indexBytes = await store.indexBytes();

  // Trace a spread of planted rewrites; recall@1: the top candidate is the planted origin.
  const step = Math.max(1, Math.floor(gen.planted.length / TRACES));
  const sample = gen.planted.filter((_, i) => i % step === 0).slice(0, TRACES);
  const idOf = async (article: string) => (await store.latestVersion(article))?.id ?? null;
  const retrieveMs: number[] = [];
  const traceMs: number[] = [];
  let hits = 0;
  let retrieved = 0;
  let traced = 0;
  const cpuT = process.cpuUsage();
  for (const p of sample) {
    const [rid, oid] = [await idOf(p.rewrite), await idOf(p.origin)];
    if (rid === null || oid === null) continue;
    const a = decodeAnalysis((await store.get(rid))!.analysis);
    let t = performance.now();
    const short = await retrieveCandidates(store, a, 30, { exclude: [rid] });
    retrieveMs.push(performance.now() - t);
    if (short.some((c) => c.id === oid)) retrieved++;
    t = performance.now();
    const tr = await trace(store, rid, { top: 5 });
    traceMs.push(performance.now() - t);
    if (tr.candidates[0]?.id === oid) hits++;
    traced++;
  }
  const traceCpuMs = (cpuSeconds(process.cpuUsage(cpuT)) * 1000) / Math.max(1, traced);
  loads.push(load());
  log(`traced ${traced}: recall@1 ${r1((100 * hits) / Math.max(1, traced))}%, trace p50 ${r1(pct(traceMs, 0.5))} ms`);

  const seeds = Math.min(FAMILY_SEEDS, count);
  const tf = performance.now();
  let lastF = 0;
  const fam = await families(store, {
    sample: seeds,
    onProgress: (done, total) => {
      if (performance.now() - lastF < 15_000) return;
      lastF = performance.now();
      log(`families ${done}/${total} seeds`);
    },
  });
  const familiesS = (performance.now() - tf) / 1000;
  loads.push(load());
  await store.close();
  const dbBytes = statSync(db).size + (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0);

  const result = {
    n: N, articles: count, failed: summary.failed.length, wordsPerArticle: Math.round(gen.words / gen.records),
    ingest: { seconds: r1(ingestS), articlesPerSecond: r1(summary.added / ingestS), articlesPerCpuSecond: r1(summary.added / ingestCpuS) },
    peakRssMB: { generate: r1(rssBeforeIngest), ingest: r1(ingestRss), total: r1(peakRssMB()) },
    indexBytesPerArticle: r1(indexBytes / count), dbBytesPerArticle: r1(dbBytes / count),
    retrieveMs: { p50: r1(pct(retrieveMs, 0.5)), p95: r1(pct(retrieveMs, 0.95)) },
    traceMs: { p50: r1(pct(traceMs, 0.5)), p95: r1(pct(traceMs, 0.95)) },
    cpuMsPerTraceAndRetrieval: r1(traceCpuMs),
    traced, recallAt1: Math.round((1000 * hits) / Math.max(1, traced)) / 1000, originInShortlist: Math.round((1000 * retrieved) / Math.max(1, traced)) / 1000,
    families: { seeds, seconds: r1(familiesS), msPerSeed: r1((familiesS * 1000) / Math.max(1, seeds)), found: fam.families.length },
    load: loads,
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  if (!args['no-write']) appendResults(result);
} finally {
  rmSync(input, { force: true });
  if (!args.db) rmSync(dir, { recursive: true, force: true });
}

function appendResults(r: any): void {
  const file = join(import.meta.dirname, 'results.md');
  if (!existsSync(file)) writeFileSync(file, '# Scale bench results\n\nAppended by `npm run bench -- --n N` (bench/scale.ts). SQLite store, 2 analysis workers, on the shared 2-core machine; "load" is the 1-minute load average at start / after ingest / after traces / after families (8 developers share the machine, so compare runs with similar load).\n');
  const row = (k: string, v: string, target = '') => `| ${k} | ${v} | ${target} |\n`;
  appendFileSync(file, `\n## ${r.n.toLocaleString('en')} articles · sqlite · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · commit ${commit} · load ${r.load.join(' / ')}\n\n| measure | value | target |\n|---|---|---|\n` +
    row('articles stored (failed)', `${r.articles} (${r.failed}), ${r.wordsPerArticle} words each`) +
    row('ingest (wall)', `${r.ingest.articlesPerSecond} articles/s (${r.ingest.seconds} s)`, '≥ 500/s') +
    row('ingest per CPU-second (all threads; ×2 ≈ an idle 2-core machine)', `${r.ingest.articlesPerCpuSecond} articles`, '≥ 250') +
    row('peak RSS (generate / after ingest / end)', `${r.peakRssMB.generate} / ${r.peakRssMB.ingest} / ${r.peakRssMB.total} MB`, '≤ 1 GB at 100k') +
    row('index bytes/article (database bytes/article)', `${r.indexBytesPerArticle} (${r.dbBytesPerArticle})`, '≤ 2 KB') +
    row('retrieval p50 / p95', `${r.retrieveMs.p50} / ${r.retrieveMs.p95} ms`, 'p50 ≤ 50 ms at 100k') +
    row('trace p50 / p95 (wall)', `${r.traceMs.p50} / ${r.traceMs.p95} ms`, 'p50 ≤ 300 ms at 100k') +
    row('CPU per retrieval + trace (mean)', `${r.cpuMsPerTraceAndRetrieval} ms`) +
    row(`planted-origin recall@1 (${r.traced} traced)`, `${r.recallAt1} (origin in retrieval top 30: ${r.originInShortlist})`, '≥ 0.99 at 100k') +
    row(`families (${r.families.seeds} seeds sampled)`, `${r.families.seconds} s, ${r.families.msPerSeed} ms/seed, ${r.families.found} families`),
  );
}
