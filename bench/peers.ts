/**
 * Peers bench (reported, never asserted): Unspun's trace beside what a media monitor would use instead, on one
 * generated corpus and one set of queries — SQLite FTS5 BM25 alone (the whole article as the query) and a MinHash
 * LSH index (the `minhash` npm package: 128 permutations, 5-word shingles, bands of 4). The queries are planted
 * rewrites (light: sentences dropped and swapped, a few words reworded) and planted heavy paraphrases (WordNet
 * synonyms, sentences shuffled: bench/corpus-gen.ts); a hit is the planted origin ranked first. Each peer ranks only
 * articles published no later than the query, as trace does, so none is charged for a later copy.
 *
 * `npx tsx bench/peers.ts --db STORE --n N [--queries 100] [--seed 12] [--no-write]`: STORE is a database an
 * ingest of the same generated corpus left (bench/postgres.ts --keep, or bench/scale.ts --db); bench/postgres.ts
 * runs it at `--peers N`. Prints a JSON line and appends a table to bench/results.md.
 */
import { execSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { LshIndex, Minhash } from 'minhash';
import { loadVectors } from '../src/align/vectors.js';
import { trace } from '../src/corpus/trace.js';
import { lexicon } from '../src/lexicons.js';
import { openStore } from '../src/store/index.js';
import { generateCorpus } from './corpus-gen.js';
import { spread } from './planted-sample.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    n: { type: 'string' },
    queries: { type: 'string', default: '100' },
    seed: { type: 'string', default: '12' },
    'no-write': { type: 'boolean', default: false },
  },
});
if (!args.db || !args.n) {
  process.stderr.write('peers: --db STORE and --n N are required\n');
  process.exit(2);
}
const N = Number(args.n);
const QUERIES = Number(args.queries);
const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const pct = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : NaN;
const load = () => loadavg()[0].toFixed(1);
const log = (s: string) =>
  process.stderr.write(`[peers ${new Date().toISOString().slice(11, 19)} load ${load()}] ${s}\n`);
const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: import.meta.dirname })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
})();

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const SHINGLE = 5;
const PERMUTATIONS = 128;
const BAND = 4;
const hasher = new Minhash({ numPerm: PERMUTATIONS });

/**
 * The package's MinHash of a text's 5-word shingles. Its `update` hashes the shingle once per permutation; a
 * one-entry cache makes that once per shingle (same values, 128× less work). One Minhash's permutations serve every
 * document, as the package intends ("share permutation functions across all minhashes").
 */
function signature(text: string): Minhash {
  const m = Object.create(hasher) as Minhash;
  m.hashvalues = new Array(PERMUTATIONS).fill(hasher.maxHash);
  m.hashbands = undefined;
  let last = '';
  let lastHash = 0;
  m.hash = (s: string) => {
    if (s !== last) {
      last = s;
      lastHash = hasher.hash(s);
    }
    return lastHash;
  };
  const w = words(text);
  for (let i = 0; i + SHINGLE <= w.length; i++) m.update(w.slice(i, i + SHINGLE).join(' '));
  return m;
}

const started = [load()];
const dir = mkdtempSync(join(tmpdir(), 'unspun-peers-'));
const fts = new Database(join(dir, 'bm25.db'));
fts.pragma('journal_mode = OFF');
fts.pragma('synchronous = OFF');
fts.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'porter unicode61')");
const insert = fts.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
const lsh = new LshIndex({ bandSize: BAND });
const sigs: Float64Array[] = [];
const published: string[] = [];
const texts = new Map<number, string>();
const planted: Array<{ rewrite: number; origin: number; heavy: boolean }> = [];

log(`${N} documents: FTS5 and MinHash LSH`);
let t0 = performance.now();
let ftsMs = 0;
let lshMs = 0;
let i = 0;
const tx = fts.transaction((rows: Array<[number, string]>) => {
  for (const [id, body] of rows) insert.run(id, body);
});
let batch: Array<[number, string]> = [];
for await (const r of generateCorpus({ n: N, seed: Number(args.seed) })) {
  const id = i++;
  published.push(r.published);
  const body = `${r.title}\n\n${r.text}`;
  batch.push([id, body]);
  if (batch.length === 1000) {
    const t = performance.now();
    tx(batch);
    ftsMs += performance.now() - t;
    batch = [];
  }
  const t = performance.now();
  const m = signature(body);
  lsh.insert(id, m);
  sigs.push(Float64Array.from(m.hashvalues));
  lshMs += performance.now() - t;
  if (r.origin) planted.push({ rewrite: id, origin: Number(r.origin.slice(4)), heavy: r.kind === 'paraphrase' });
  // Queries need their text again; keep only the ones the sample can pick (planted rewrites).
  if (r.origin) texts.set(id, body);
}
if (batch.length) {
  const t = performance.now();
  tx(batch);
  ftsMs += performance.now() - t;
}
log(
  `indexed in ${r1((performance.now() - t0) / 1000)} s (FTS5 ${r1(ftsMs / 1000)} s, MinHash LSH ${r1(lshMs / 1000)} s)`,
);

const fn = new Set(lexicon<string>('ingest-function-words').entries);
const search = fts.prepare('SELECT rowid AS id FROM t WHERE t MATCH ? ORDER BY rank LIMIT 31');
const earlierOrSame = (cand: number, q: number) => cand !== q && published[cand] <= published[q];

/** BM25 (FTS5's rank) with the query article's distinct content words ORed, function words left out. */
function bm25Top(q: number): number | null {
  const terms = [...new Set(words(texts.get(q)!))].filter((w) => !fn.has(w));
  const rows = search.all(terms.map((w) => `"${w}"`).join(' OR ')) as Array<{ id: number }>;
  return rows.find((r) => earlierOrSame(r.id, q))?.id ?? null;
}

/** LSH candidates ranked by estimated Jaccard similarity of their signatures. */
function minhashTop(q: number): number | null {
  const m = signature(texts.get(q)!);
  let best: number | null = null;
  let bestJ = -1;
  for (const key of lsh.query(m)) {
    const c = Number(key);
    if (!earlierOrSame(c, q)) continue;
    const s = sigs[c];
    let shared = 0;
    for (let k = 0; k < PERMUTATIONS; k++) shared += s[k] === m.hashvalues[k] ? 1 : 0;
    if (shared > bestJ || (shared === bestJ && best !== null && c < best)) {
      bestJ = shared;
      best = c;
    }
  }
  return best;
}

const store = await openStore(args.db);
const vectors = loadVectors();
const storeId = async (gen: number) => (await store.latestVersion(`gen-${gen}`))?.id ?? null;
const unspunTop = async (q: number): Promise<number | null> => {
  const id = await storeId(q);
  if (id === null) return null;
  const top = (await trace(store, id, { top: 5, vectors })).candidates[0]?.id;
  return top ?? null;
};

interface Tally {
  hits: number;
  ms: number[];
}
const methods = ['unspun', 'bm25', 'minhash'] as const;
const result: Record<'light' | 'heavy', Record<(typeof methods)[number], Tally> & { queries: number }> = {
  light: { queries: 0, unspun: { hits: 0, ms: [] }, bm25: { hits: 0, ms: [] }, minhash: { hits: 0, ms: [] } },
  heavy: { queries: 0, unspun: { hits: 0, ms: [] }, bm25: { hits: 0, ms: [] }, minhash: { hits: 0, ms: [] } },
};
for (const kind of ['light', 'heavy'] as const) {
  const sample = spread(
    planted.filter((p) => p.heavy === (kind === 'heavy')),
    QUERIES,
  );
  log(`${kind}: ${sample.length} queries`);
  for (const p of sample) {
    const originId = await storeId(p.origin);
    if (originId === null || (await storeId(p.rewrite)) === null) continue;
    const row = result[kind];
    row.queries++;
    t0 = performance.now();
    const u = await unspunTop(p.rewrite);
    row.unspun.ms.push(performance.now() - t0);
    if (u === originId) row.unspun.hits++;
    t0 = performance.now();
    const b = bm25Top(p.rewrite);
    row.bm25.ms.push(performance.now() - t0);
    if (b === p.origin) row.bm25.hits++;
    t0 = performance.now();
    const m = minhashTop(p.rewrite);
    row.minhash.ms.push(performance.now() - t0);
    if (m === p.origin) row.minhash.hits++;
  }
}
await store.close();
fts.close();
rmSync(dir, { recursive: true, force: true });

type Cell = { recallAt1: number; p50: number; p95: number };
const column = (k: 'light' | 'heavy') => ({
  queries: result[k].queries,
  ...(Object.fromEntries(
    methods.map((m) => [
      m,
      {
        recallAt1: r3(result[k][m].hits / Math.max(1, result[k].queries)),
        p50: r1(pct(result[k][m].ms, 0.5)),
        p95: r1(pct(result[k][m].ms, 0.95)),
      },
    ]),
  ) as Record<(typeof methods)[number], Cell>),
});
const summary = {
  n: N,
  commit,
  load: [...started, load()],
  indexSeconds: { fts5: r1(ftsMs / 1000), minhashLsh: r1(lshMs / 1000) },
  peakRssMB: r1(process.resourceUsage().maxRSS / 1024),
  light: column('light'),
  heavy: column('heavy'),
};
process.stdout.write(`${JSON.stringify(summary)}\n`);

if (!args['no-write']) {
  const backend = args.db.startsWith('postgres') ? 'postgres' : 'sqlite';
  const cell = (k: 'light' | 'heavy', m: (typeof methods)[number]) =>
    `${summary[k][m].recallAt1} · ${summary[k][m].p50} / ${summary[k][m].p95} ms`;
  const names: Record<string, string> = {
    unspun: `Unspun \`trace\` (${backend} store)`,
    bm25: 'SQLite FTS5 BM25 alone (porter, content words ORed)',
    minhash: `MinHash LSH (\`minhash\` npm, ${PERMUTATIONS} permutations, ${SHINGLE}-word shingles, bands of ${BAND})`,
  };
  appendFileSync(
    join(import.meta.dirname, 'results.md'),
    `\n## Peers at ${N.toLocaleString('en')} articles · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · commit ${commit} · load ${summary.load.join(' / ')}\n\n` +
      `bench/peers.ts: one generated corpus (seed ${args.seed}), the same queries for each method; recall@1 = the planted origin ranked first among articles published no later than the query. ` +
      `Light rewrites: ${summary.light.queries} queries; heavy paraphrases (WordNet synonyms, sentences shuffled): ${summary.heavy.queries}. ` +
      `Index build over ${N.toLocaleString('en')} texts: FTS5 ${summary.indexSeconds.fts5} s, MinHash LSH ${summary.indexSeconds.minhashLsh} s (in memory); peer process peak RSS ${summary.peakRssMB} MB.\n\n` +
      '| method | light rewrites: recall@1 · p50 / p95 | heavy paraphrases: recall@1 · p50 / p95 |\n|---|---|---|\n' +
      methods.map((m) => `| ${names[m]} | ${cell('light', m)} | ${cell('heavy', m)} |\n`).join(''),
  );
}
