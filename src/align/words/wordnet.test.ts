import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLexicon, compileWordnet } from './wordnet-build.js';
import { emptyLexicon, lexiconFromData, loadLexicon, readLexicon } from './wordnet.js';

describe('WordNet lexicon', () => {
  const lex = loadLexicon();

  it('relates lemmas: synonym, antonym (direct, by derivation), derivation, hypernym', () => {
    expect(lex.relate('delay', 'holdup')).toBe('synonym');
    expect(lex.relate('reject', 'accept')).toBe('antonym');
    expect(lex.relate('rise', 'fall')).toBe('antonym');
    expect(lex.relate('rejection', 'acceptance')).toBe('antonym');
    expect(lex.relate('excellent', 'bad')).not.toBe('antonym'); // similar-to clusters are too wide to follow
    expect(lex.relate('new', 'latest')).not.toBe('antonym');
    expect(lex.relate('decide', 'decision')).toBe('derivation');
    expect(lex.relate('car', 'vehicle')).toBe('hypernym');
    expect(lex.relate('vehicle', 'car')).toBe('hypernym');
  });

  it('knows nothing of unrelated or unknown words', () => {
    expect(lex.relate('bridge', 'tax')).toBeNull();
    expect(lex.relate('qwertyuiop', 'tax')).toBeNull();
    expect(lex.relate('tax', 'tax')).toBeNull();
    expect(emptyLexicon().relate('reject', 'accept')).toBeNull();
  });

  it('compiles the installed database into single-word lemmas', () => {
    const data = compileWordnet();
    expect(data.words.length).toBeGreaterThan(60_000);
    expect(data.words.some((w) => w.includes('_'))).toBe(false);
    expect(lexiconFromData(data).relate('win', 'lose')).toBe('antonym');
  });

  it('reads its binary file as written and rejects one cut short', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspun-wordnet-'));
    try {
      const { path } = buildLexicon(undefined, join(dir, 'lexicon.bin'));
      const read = readLexicon(path);
      expect(read.size).toBe(lex.size);
      for (const [a, b] of [
        ['delay', 'holdup'],
        ['rejection', 'acceptance'],
        ['decide', 'decision'],
        ['car', 'vehicle'],
        ['bridge', 'tax'],
      ])
        expect(read.relate(a, b)).toBe(lex.relate(a, b));
      const cut = join(dir, 'cut.bin');
      writeFileSync(cut, readFileSync(path).subarray(0, 4096));
      expect(() => readLexicon(cut)).toThrow(/truncated/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
