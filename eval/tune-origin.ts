/**
 * Dev run for origin-versus-sibling choices in trace on the METER 1999 stories (the eval, meter-retrieval, scores
 * 2000): index every PA file and every newspaper story, trace each derived 1999 story (itself excluded) and count
 * how often the top candidate is a PA file of its folder (the origin) rather than a sibling newspaper copy.
 * `npx tsx eval/tune-origin.ts` (~15 min on a loaded 2-core machine).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadVectors } from '../src/align/vectors.js';
import { addPaths, trace } from '../src/corpus/index.js';
import { openStore } from '../src/store/index.js';
import { loadMeter } from './meter.js';

const dataDir = resolve(process.env.UNSPUN_DATA ?? join(import.meta.dirname, '../../shared/data'));
const meter = loadMeter(dataDir);
const folder = (t: { date: string; story: string }) => `${t.date}/${t.story}`;
const queries = meter.stories.filter((s) => s.split === 'tune' && s.label !== 'non');
const vectors = loadVectors();
const dir = mkdtempSync(join(tmpdir(), 'unspun-tune-origin-'));
const jsonl = join(dir, 'docs.jsonl');
const texts = [...meter.paTexts, ...meter.paperTexts];
writeFileSync(jsonl, texts.map((t) => JSON.stringify({ id: t.path, text: t.text })).join('\n') + '\n');
const store = await openStore(join(dir, 'dev.db'));
await addPaths(store, [jsonl], { vectors });
const byArticle = new Map(texts.map((t) => [t.path, t]));
const pathOf = new Map<number, string>();
const idOf = new Map<string, number>();
for (const m of await store.list({ limit: 1e9 })) {
  pathOf.set(m.id, m.article);
  idOf.set(m.article, m.id);
}
const counts = { origin: 0, sibling: 0 };
for (const [i, q] of queries.entries()) {
  const self = idOf.get(q.path);
  if (self === undefined) continue;
  const t = await trace(store, self, { vectors, top: 3 });
  const top = t.candidates[0];
  const p = top && pathOf.get(top.id);
  const hit = p ? byArticle.get(p) : undefined;
  if (hit && folder(hit) === folder(q)) counts[p!.startsWith('PA/') ? 'origin' : 'sibling']++;
  if (i % 50 === 0) process.stderr.write(`${i}/${queries.length} ${JSON.stringify(counts)}\n`);
}
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  `top-1 PA origin ${(counts.origin / queries.length).toFixed(3)}, sibling ${(counts.sibling / queries.length).toFixed(3)} (${queries.length} METER 1999 derived stories)`,
);
