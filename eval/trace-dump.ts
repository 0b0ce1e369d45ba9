/**
 * Dev tool for the trace rank: traces METER derived stories and writes every re-ranked candidate with its parts,
 * so rank choices can be compared offline (eval/trace-sweep.ts) without re-running the comparisons.
 *
 *   npx tsx eval/trace-dump.ts --split tune --index pa      # 1999 stories, every PA file indexed
 *   npx tsx eval/trace-dump.ts --split tune --index mixed   # 1999 stories, PA files and newspaper stories indexed
 *
 * `--split tune` is METER 1999 (dev); `--split test` is 2000, which the eval (meter-retrieval) scores: dump it only
 * to read what a shipped choice does, never to choose. Output: .cache/trace-dump/<split>-<index>.json.
 * Folders are gold labels only, never features.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadVectors } from '../src/align/vectors.js';
import { addPaths, retrieveCandidates, trace } from '../src/corpus/index.js';
import { extract } from '../src/ingest/index.js';
import { analyze } from '../src/nlp/index.js';
import { openStore } from '../src/store/index.js';
import { loadMeter } from './meter.js';

const { values: args } = parseArgs({
  options: { split: { type: 'string', default: 'tune' }, index: { type: 'string', default: 'pa' } },
});
if (!['tune', 'test'].includes(args.split!) || !['pa', 'mixed'].includes(args.index!)) {
  console.error('usage: trace-dump.ts --split tune|test --index pa|mixed');
  process.exit(2);
}

export interface DumpedCandidate {
  path: string;
  /** A PA file of the query's own folder (the origin), a newspaper story of it (a sibling), or neither. */
  kind: 'origin' | 'sibling' | 'other';
  score: number;
  role: string;
  /** BM25 relative to the best full-text hit, as the rank uses it. */
  bm25: number;
  retrieval: number;
  sourceCoverage: number;
  derivedSupport: number;
  verbatimShare: number;
  verdict: string;
  directionBy: string;
  words: number;
}
export interface DumpedQuery {
  path: string;
  label: string;
  /** Whether plain BM25's top hit is a PA file of the query's folder. */
  bm25Origin: boolean;
  candidates: DumpedCandidate[];
}

const dataDir = resolve(process.env.UNSPUN_DATA ?? join(import.meta.dirname, '../../shared/data'));
const meter = loadMeter(dataDir);
const folder = (t: { date: string; story: string }) => `${t.date}/${t.story}`;
const queries = meter.stories.filter((s) => s.split === args.split && s.label !== 'non');
const vectors = loadVectors();
const dir = mkdtempSync(join(tmpdir(), 'unspun-trace-dump-'));
const texts = args.index === 'mixed' ? [...meter.paTexts, ...meter.paperTexts] : meter.paTexts;
const jsonl = join(dir, 'docs.jsonl');
writeFileSync(jsonl, texts.map((t) => JSON.stringify({ id: t.path, text: t.text })).join('\n') + '\n');
const store = await openStore(join(dir, 'dev.db'));
await addPaths(store, [jsonl], { vectors });
const byPath = new Map(texts.map((t) => [t.path, t]));
const pathOf = new Map<number, string>();
const idOf = new Map<string, number>();
for (const m of await store.list({ limit: 1e9 })) {
  pathOf.set(m.id, m.article);
  idOf.set(m.article, m.id);
}
const kindOf = (path: string, q: { date: string; story: string }): DumpedCandidate['kind'] => {
  const t = byPath.get(path);
  if (!t || folder(t) !== folder(q)) return 'other';
  return path.startsWith('PA/') ? 'origin' : 'sibling';
};

const out: DumpedQuery[] = [];
for (const [i, q] of queries.entries()) {
  // In the mixed index the query is stored: trace it by id, so it is excluded from its own candidates.
  const self = idOf.get(q.path);
  const a = analyze(extract(q.derivedText, { format: 'text' }));
  const t = await trace(store, self ?? a, { vectors, top: 10 });
  const parts = new Map((await retrieveCandidates(store, a, 30, { vectors })).map((c) => [c.id, c.parts.text]));
  const bm = (await store.textSearch(a.text, 2)).find((h) => h.id !== self);
  out.push({
    path: q.path,
    label: q.label,
    bm25Origin: !!bm && kindOf(pathOf.get(bm.id) ?? '', q) === 'origin',
    candidates: t.candidates.map((c) => {
      const path = pathOf.get(c.id) ?? '';
      return {
        path,
        kind: kindOf(path, q),
        score: c.score,
        role: c.role,
        bm25: parts.get(c.id) ?? 0,
        retrieval: c.retrieval,
        sourceCoverage: c.scores.sourceCoverage,
        derivedSupport: c.scores.derivedSupport,
        verbatimShare: c.scores.verbatimShare,
        verdict: c.relation.verdict,
        directionBy: c.relation.basis?.directionBy ?? 'none',
        words: byPath.get(path)?.text.split(/\s+/).length ?? 0,
      };
    }),
  });
  if (i % 50 === 0) process.stderr.write(`${i}/${queries.length}\n`);
}
await store.close();
rmSync(dir, { recursive: true, force: true });
const outDir = join(import.meta.dirname, '../.cache/trace-dump');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `${args.split}-${args.index}.json`);
writeFileSync(file, JSON.stringify(out));
console.log(`${out.length} queries → ${file}`);
