/**
 * Dev run for the trace rank's BM25 weight (GAMMA in src/corpus/trace.ts) on the METER 1999 stories — the eval
 * (meter-retrieval) scores the 2000 stories, so this never looks at them. Indexes every PA file, traces each
 * derived 1999 story once, and re-orders the candidates for several weights offline:
 * score(γ) = score(shipped γ) + (γ − shipped γ) · BM25/best BM25. Prints recall@1 per weight beside BM25's.
 * `npx tsx eval/tune-trace.ts`
 */
import { join, resolve } from 'node:path';
import { loadVectors } from '../src/align/vectors.js';
import { addPaths, retrieveCandidates, trace } from '../src/corpus/index.js';
import { ORIGIN_NUDGE, TRACE_BM25_WEIGHT } from '../src/corpus/trace.js';
import { extract } from '../src/ingest/index.js';
import { analyze } from '../src/nlp/index.js';
import { openStore } from '../src/store/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadMeter } from './meter.js';

const dataDir = resolve(process.env.UNSPUN_DATA ?? join(import.meta.dirname, '../../shared/data'));
const meter = loadMeter(dataDir);
const folder = (t: { date: string; story: string }) => `${t.date}/${t.story}`;
const queries = meter.stories.filter((s) => s.split === 'tune' && s.label !== 'non');
const vectors = loadVectors();
const dir = mkdtempSync(join(tmpdir(), 'unspun-tune-trace-'));
const jsonl = join(dir, 'docs.jsonl');
writeFileSync(jsonl, meter.paTexts.map((t) => JSON.stringify({ id: t.path, text: t.text })).join('\n') + '\n');
const store = await openStore(join(dir, 'dev.db'));
await addPaths(store, [jsonl], { vectors });
const folderOf = new Map<number, string>();
const pathOf = new Map(meter.paTexts.map((t) => [t.path, folder(t)]));
for (const m of await store.list({ limit: 1e9 })) folderOf.set(m.id, pathOf.get(m.article) ?? '');
const GAMMAS = [0, 0.25, 0.5, 1, 2];
const hits = new Map(GAMMAS.map((g) => [g, 0]));
let bm25Hits = 0;
for (const [i, q] of queries.entries()) {
  const a = analyze(extract(q.derivedText, { format: 'text' }));
  const t = await trace(store, a, { vectors, top: 10 });
  const text = new Map((await retrieveCandidates(store, a, 30, { vectors })).map((c) => [c.id, c.parts.text]));
  const bm = await store.textSearch(a.text, 1);
  if (bm[0] && folderOf.get(bm[0].id) === folder(q)) bm25Hits++;
  for (const g of GAMMAS) {
    const key = (c: (typeof t.candidates)[number]) =>
      c.score + (c.role === 'origin' ? ORIGIN_NUDGE : 0) + (g - TRACE_BM25_WEIGHT) * (text.get(c.id) ?? 0);
    const best = [...t.candidates].sort((x, y) => key(y) - key(x))[0];
    if (best && folderOf.get(best.id) === folder(q)) hits.set(g, hits.get(g)! + 1);
  }
  if (i % 50 === 0) process.stderr.write(`${i}/${queries.length}\n`);
}
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  `METER 1999 derived stories (${queries.length}), PA-only index: BM25 recall@1 ${(bm25Hits / queries.length).toFixed(3)}`,
);
for (const g of GAMMAS) console.log(`γ = ${g}: trace recall@1 ${(hits.get(g)! / queries.length).toFixed(3)}`);
