/**
 * Offline rank choices on dumps from eval/trace-dump.ts: re-orders each query's dumped candidates under a few
 * candidate rank keys and prints, per dump, trace recall@1 (PA index: top hit is a PA file of the folder) or the
 * origin-above-sibling share (mixed index), beside BM25's.
 *
 *   npx tsx eval/trace-sweep.ts .cache/trace-dump/tune-pa.json .cache/trace-dump/tune-mixed.json
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ORIGIN_NUDGE, TRACE_BM25_WEIGHT } from '../src/corpus/trace.js';
import type { DumpedCandidate, DumpedQuery } from './trace-dump.js';

type Key = (c: DumpedCandidate) => number;
// `score` is the dumping code's rank score (the origin bonus is applied when sorting, not in it); variants add to it.
const KEYS: Record<string, Key> = {
  shipped: (c) => c.score + (c.role === 'origin' ? ORIGIN_NUDGE : 0),
  ...Object.fromEntries(
    [0, 0.25, 1, 2].map((g) => [
      `BM25 weight ${g}`,
      (c: DumpedCandidate) => c.score + (g - TRACE_BM25_WEIGHT) * c.bm25,
    ]),
  ),
  ...Object.fromEntries(
    [0.03, 0.05, 0.1, 0.15].map((b) => [
      `origin role + ${b}`,
      (c: DumpedCandidate) => c.score + (c.role === 'origin' ? b : 0),
    ]),
  ),
  ...Object.fromEntries(
    [0.1, 0.3].map((w) => [`+ ${w} · source covered`, (c: DumpedCandidate) => c.score + w * c.sourceCoverage]),
  ),
  '+ 0.3 · verbatim share': (c) => c.score + 0.3 * c.verbatimShare,
};

for (const file of process.argv.slice(2)) {
  const dump = JSON.parse(readFileSync(file, 'utf8')) as DumpedQuery[];
  const n = dump.length;
  const bm25 = dump.filter((q) => q.bm25Origin).length / n;
  console.log(`\n${basename(file)} (${n} queries): BM25 top-1 origin ${bm25.toFixed(3)}`);
  for (const [name, key] of Object.entries(KEYS)) {
    let origin = 0;
    let sibling = 0;
    for (const q of dump) {
      const top = [...q.candidates].sort((a, b) => key(b) - key(a))[0];
      if (top?.kind === 'origin') origin++;
      else if (top?.kind === 'sibling') sibling++;
    }
    console.log(`  ${name.padEnd(36)} origin ${(origin / n).toFixed(3)} · sibling ${(sibling / n).toFixed(3)}`);
  }
}
