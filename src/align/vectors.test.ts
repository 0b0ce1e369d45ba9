import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commonDirection, sifCommonDirection } from './sif.js';
import { buildVectorCache } from './vectors-build.js';
import { readVectorCache } from './vectors.js';
import { defaultCachePath } from './vectors-paths.js';

/** A tiny embeddings file in the wink layout: entries are [d floats, l2 norm, frequency index]. */
function tinyEmbeddings(dir: string): string {
  const words = ['the', 'said', '"', 'soldiers', 'troops', 'münchen', 'zeppelin'];
  const vectors: Record<string, number[]> = {};
  words.forEach((w, i) => {
    const v = [i + 0.5, -i, i % 2 ? 0.25 : -0.25];
    vectors[w] = [...v, Math.hypot(...v), i];
  });
  const path = join(dir, 'tiny.json');
  writeFileSync(
    path,
    JSON.stringify({ precision: 8, l2NormIndex: 3, wordIndex: 4, size: words.length, dimensions: 3, words, vectors }),
  );
  return path;
}

describe('vector cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspun-vectors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds from the wink JSON layout and reads back words, ranks and (quantised) vectors', () => {
    const out = join(dir, 'cache.bin');
    expect(buildVectorCache(tinyEmbeddings(dir), out, 6)).toEqual({ words: 6, dims: 3, path: out });
    const v = readVectorCache(out);
    expect(v.size).toBe(6);
    expect(v.indexOf('soldiers')).toBe(3);
    expect(v.indexOf('"')).toBe(2); // escaped JSON key
    expect(v.indexOf('münchen')).toBe(5); // non-ASCII key
    expect(v.indexOf('zeppelin')).toBe(-1); // beyond maxWords
    expect(v.indexOf('unknown')).toBe(-1);
    expect(v.rank(v.indexOf('troops'))).toBe(4);
    const target = new Float32Array(3);
    v.addTo(target, v.indexOf('troops'), 2);
    expect(target[0]).toBeCloseTo(9, 1);
    expect(target[1]).toBeCloseTo(-8, 1);
    expect(target[2]).toBeCloseTo(-0.5, 1);
    // The stored SIF common direction is the one a reader would compute from the quantised rows, float for float.
    expect(v.common).toEqual(sifCommonDirection({ ...v, common: undefined }));
    expect(commonDirection(v)).toBe(v.common);
  });

  it('rejects a file that is not a cache', () => {
    const bad = join(dir, 'bad.bin');
    writeFileSync(bad, 'not a vector cache at all');
    expect(() => readVectorCache(bad)).toThrow(/not an unspun vector cache/);
  });
});

const realCache = defaultCachePath();
if (!existsSync(realCache))
  console.warn(`SKIPPED real vector cache test: ${realCache} is absent (run the vectors build)`);

describe.skipIf(!existsSync(realCache))('real vector cache', () => {
  it('loads well under a second and places synonyms closer than unrelated words', () => {
    const t = performance.now();
    const v = readVectorCache(realCache);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(v.size).toBeGreaterThan(100_000);
    const vec = (w: string) => {
      const x = new Float32Array(v.dims);
      v.addTo(x, v.indexOf(w), 1);
      return x;
    };
    const cos = (a: Float32Array, b: Float32Array) =>
      a.reduce((s, x, k) => s + x * b[k], 0) / Math.hypot(...a) / Math.hypot(...b);
    expect(cos(vec('soldiers'), vec('troops'))).toBeGreaterThan(0.7);
    expect(cos(vec('soldiers'), vec('recipe'))).toBeLessThan(0.3);
    expect(v.rank(v.indexOf('the'))).toBe(0);
  });
});
