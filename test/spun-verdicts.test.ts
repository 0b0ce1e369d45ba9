import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { ROOT, shingleJaccard } from './helpers.js';
import { loadVectors } from '../src/align/vectors.js';

const vectors = loadVectors();

/** The spun fixture sets (written for Unspun): wire story, AI-style spin, independent report of the same event. */
const dir = join(ROOT, 'test/fixtures/spun');
const sets = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map(
    (f) =>
      JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        topic: string;
        wire: string[];
        spin: string[];
        independent: string[];
      },
  );
const text = (entries: string[]) => entries.join('\n\n');

describe('verdicts on spun copies that share no n-grams with their source', () => {
  const results = sets.map((s) => ({
    topic: s.topic,
    jaccard: shingleJaccard(text(s.wire), text(s.spin)),
    spin: compare(text(s.wire), text(s.spin), { vectors }).relation,
    independent: compare(text(s.wire), text(s.independent), { vectors }).relation,
  }));
  const spunRight = results.filter((r) =>
    ['rewrite', 'partial-reuse', 'verbatim-copy'].includes(r.spin.verdict),
  ).length;
  const independentRight = results.filter((r) => ['same-story', 'unrelated'].includes(r.independent.verdict)).length;

  it('the spins really are spun (5-gram Jaccard ≤ 0.05)', () => {
    for (const r of results) expect(r.jaccard, r.topic).toBeLessThanOrEqual(0.05);
  });

  it(`calls most spins a rewrite (${spunRight}/${sets.length}) and most independent reports same-story (${independentRight}/${sets.length})`, () => {
    expect(sets.length).toBeGreaterThanOrEqual(6);
    expect(spunRight / sets.length).toBeGreaterThanOrEqual(4 / 6);
    expect(independentRight / sets.length).toBeGreaterThanOrEqual(5 / 6);
  });
});
