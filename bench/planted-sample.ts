import type { Vectors } from '../src/align/vectors.js';
import { retrieveCandidates } from '../src/corpus/retrieve.js';
import { trace } from '../src/corpus/trace.js';
import { decodeAnalysis } from '../src/store/codec.js';
import type { Store } from '../src/store/store.js';

/** What one pass over the planted rewrites measured (times in ms, one entry per traced rewrite). */
export interface PlantedTimes {
  traced: number;
  retrieveMs: number[];
  traceMs: number[];
  textMs: number[];
  /** Top trace candidate is the planted origin. */
  hits: number;
  /** Planted origin in the retrieval short list (30). */
  shortlisted: number;
  /** Planted origin in the full-text top 31. */
  textFound: number;
}

/** A spread of `count` planted (rewrite → origin) pairs, evenly over the corpus. */
export function spread<T>(planted: T[], count: number): T[] {
  const step = Math.max(1, Math.floor(planted.length / count));
  return planted.filter((_, i) => i % step === 0).slice(0, count);
}

/**
 * The scale benches' measuring loop (bench/scale.ts, bench/postgres.ts): for each planted rewrite stored, time
 * retrieval, optionally full-text search and trace, and count where the planted origin landed.
 */
export async function measurePlanted(
  store: Store,
  sample: Array<{ rewrite: string; origin: string }>,
  vectors: Vectors,
  opts: { trace: boolean; text: boolean },
): Promise<PlantedTimes> {
  const idOf = async (article: string) => (await store.latestVersion(article))?.id ?? null;
  const m: PlantedTimes = { traced: 0, retrieveMs: [], traceMs: [], textMs: [], hits: 0, shortlisted: 0, textFound: 0 };
  for (const p of sample) {
    const [rid, oid] = [await idOf(p.rewrite), await idOf(p.origin)];
    if (rid === null || oid === null) continue;
    const a = decodeAnalysis((await store.get(rid))!.analysis);
    let t = performance.now();
    const short = await retrieveCandidates(store, a, 30, { exclude: [rid], vectors });
    m.retrieveMs.push(performance.now() - t);
    if (short.some((c) => c.id === oid)) m.shortlisted++;
    if (opts.text) {
      t = performance.now();
      const text = await store.textSearch(a.text, 31);
      m.textMs.push(performance.now() - t);
      if (text.some((h) => h.id === oid)) m.textFound++;
    }
    if (opts.trace) {
      t = performance.now();
      const tr = await trace(store, rid, { top: 5, vectors });
      m.traceMs.push(performance.now() - t);
      if (tr.candidates[0]?.id === oid) m.hits++;
    }
    m.traced++;
  }
  return m;
}
