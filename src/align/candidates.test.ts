import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedNgrams } from '../../test/helpers.js';
import { candidatePairs } from './candidates.js';
import { sentenceFeatures } from './features.js';
import { plainAnalysis } from './plain-analysis.js';
import { loadVectors } from './vectors.js';

const vectors = loadVectors();
const DIR = join(import.meta.dirname, '../../test/fixtures/spun');
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map(
    (f) =>
      JSON.parse(readFileSync(join(DIR, f), 'utf8')) as {
        wire: string[];
        spin: string[];
        spinLinks: Array<[number, number]>;
      },
  );

const features = (text: string) => sentenceFeatures(plainAnalysis(text).tokens, vectors);

/** Other news sentences, all different: the haystack the rewordings hide in. */
function fillers(n: number): string[] {
  const who = ['The council', 'A court in Leeds', 'The health board', 'Police', 'The port authority', 'Shareholders'];
  const did = ['approved', 'rejected', 'delayed', 'reviewed', 'published', 'questioned'];
  const what = ['a plan for new housing', 'the budget for schools', 'a report on river pollution', 'the bus timetable'];
  const when = ['on Monday', 'last week', 'in March', 'after a long debate', 'without a vote'];
  const out: string[] = [];
  for (let k = 0; out.length < n; k++)
    out.push(
      `${who[k % who.length]} ${did[(k >> 1) % did.length]} ${what[(k >> 2) % what.length]} ${when[k % when.length]}, with ${k + 2} members present.`,
    );
  return out;
}

describe('candidatePairs', () => {
  // Every wire sentence of the spun fixtures among 1,500 others; the derived side is every spin sentence.
  const wire = fixtures.flatMap((f) => f.wire);
  const spin = fixtures.flatMap((f) => f.spin);
  const source = [...fillers(750), ...wire, ...fillers(1500 - wire.length).slice(750)];
  const links: Array<[number, number]> = [];
  let w = 750;
  let s = 0;
  for (const f of fixtures) {
    for (const [i, j] of f.spinLinks) links.push([w + i, s + j]);
    w += f.wire.length;
    s += f.spin.length;
  }
  const sf = source.map(features);
  const df = spin.map(features);
  const key = ([i, j]: [number, number]) => `${i}:${j}`;

  it('past the exhaustive budget, the index still proposes the rewordings that share no word trigram (vectors)', () => {
    const exhaustive = new Set(candidatePairs(sf, df, Number.POSITIVE_INFINITY).map(key));
    const indexed = new Set(candidatePairs(sf, df, 0).map(key));
    const reworded = links.filter(
      ([i, j]) => sharedNgrams(source[i], spin[j], 3).length === 0 && exhaustive.has(key([i, j])),
    );
    const found = reworded.filter((l) => indexed.has(key(l)));
    console.log(
      `[candidates] ${found.length}/${reworded.length} rewordings without shared trigrams proposed by the index`,
    );
    expect(reworded.length).toBeGreaterThan(10);
    expect(found.length).toBeGreaterThanOrEqual(0.95 * reworded.length);
  });

  it('under the budget, every pair is scored: each sentence keeps its best few', () => {
    const pairs = candidatePairs(sf.slice(0, 40), df.slice(0, 30));
    const rows = new Set(pairs.map(([i]) => i));
    const cols = new Set(pairs.map(([, j]) => j));
    expect(rows.size).toBe(40);
    expect(cols.size).toBe(30);
    expect(pairs).toEqual([...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });
});
