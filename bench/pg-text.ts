/**
 * Full-text search on a corpus the PostgreSQL bench left behind (`bench/postgres.ts --keep`, or a run stopped
 * before its end): `Store.textSearch` with each planted rewrite's whole text as the query, p50/p95 and whether the
 * planted origin is in the top 30. The planted pairs are regenerated from the same generator and seed.
 * Usage: DATABASE_URL=… npx tsx bench/pg-text.ts --schema bench_pg_123 --n 20000 [--traces 60] [--seed 12]
 */
import { parseArgs } from 'node:util';
import { decodeAnalysis } from '../src/store/codec.js';
import { openStore } from '../src/store/index.js';
import { generateCorpus } from './corpus-gen.js';

const { values: args } = parseArgs({
  options: {
    schema: { type: 'string' },
    n: { type: 'string', default: '2000' },
    traces: { type: 'string', default: '60' },
    seed: { type: 'string', default: '12' },
  },
});
const BASE = process.env.DATABASE_URL;
if (!BASE || !args.schema) {
  console.log('usage: DATABASE_URL=… npx tsx bench/pg-text.ts --schema NAME --n N');
} else {
  const u = new URL(BASE);
  u.searchParams.set('schema', args.schema);
  const store = await openStore(u.href);
  const n = Math.min(Number(args.n), await store.count());
  const planted: Array<{ rewrite: string; origin: string }> = [];
  for await (const r of generateCorpus({ n, seed: Number(args.seed) }))
    if (r.origin) planted.push({ rewrite: r.id, origin: r.origin });
  const step = Math.max(1, Math.floor(planted.length / Number(args.traces)));
  const ms: number[] = [];
  let found = 0;
  for (const p of planted.filter((_, i) => i % step === 0).slice(0, Number(args.traces))) {
    const [r, o] = [await store.latestVersion(p.rewrite), await store.latestVersion(p.origin)];
    if (!r || !o) continue;
    const text = decodeAnalysis((await store.get(r.id))!.analysis).text;
    const t = performance.now();
    const hits = await store.textSearch(text, 31);
    ms.push(performance.now() - t);
    if (hits.some((h) => h.id === o.id)) found++;
  }
  const pct = (p: number) => Math.round([...ms].sort((a, b) => a - b)[Math.floor(p * (ms.length - 1))] * 10) / 10;
  console.log(
    JSON.stringify({
      articles: await store.count(),
      queries: ms.length,
      textSearchMs: { p50: pct(0.5), p95: pct(0.95) },
      originInTop30: Math.round((1000 * found) / Math.max(1, ms.length)) / 1000,
    }),
  );
  await store.close();
}
