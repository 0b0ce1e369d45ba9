import { afterEach, describe, expect, it, vi } from 'vitest';

/** Every call the code under test makes into node:fs / fs, by function name (counted only while `armed`). */
const calls: string[] = [];
let armed = false;

function spied<T extends Record<string, unknown>>(mod: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(mod)) {
    out[name] =
      typeof value === 'function' && /^[a-z]/.test(name)
        ? (...args: unknown[]) => {
            if (armed) calls.push(name);
            return (value as (...a: unknown[]) => unknown)(...args);
          }
        : value;
  }
  return out as T;
}

vi.mock('node:fs', async (importOriginal) => {
  const fs = spied(await importOriginal<Record<string, unknown>>());
  return { ...fs, default: fs };
});
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = spied(await importOriginal<Record<string, unknown>>());
  return { ...fs, default: fs };
});

const { loadVectors } = await import('../src/align/vectors.js');
const { loadLexicon } = await import('../src/align/words/wordnet.js');
const { compare } = await import('../src/compare.js');
const { readExample } = await import('./helpers.js');

describe('kernel I/O', () => {
  afterEach(() => {
    armed = false;
    calls.length = 0;
  });

  it('compare() with vectors and lexicon passed in touches no file system', () => {
    const vectors = loadVectors();
    const lexicon = loadLexicon();
    const wire = readExample('wire-rail-delays.txt').toString('utf8');
    const farm = readExample('farm-rail-delays.html').toString('utf8');
    armed = true;
    const r = compare(wire, { html: farm }, { vectors, lexicon });
    armed = false;
    expect(r.relation.verdict).toBe('rewrite');
    expect(r.findings.length).toBeGreaterThan(0);
    expect(calls).toEqual([]);
  });

  it('the spy sees reads made by src modules (so an empty list above means something)', async () => {
    const { readVectorCache } = await import('../src/align/vectors.js');
    const { defaultCachePath, userCachePath } = await import('../src/align/vectors-paths.js');
    const fs = await import('node:fs');
    const path = fs.existsSync(defaultCachePath()) ? defaultCachePath() : userCachePath();
    armed = true;
    readVectorCache(path);
    armed = false;
    expect(calls).toContain('readFileSync');
  });
});
