import { describe, expect, it } from 'vitest';
import { sentenceFeatures } from './features.js';
import { plainAnalysis } from './plain-analysis.js';
import { pairEvidence, sentenceSimilarity } from './similarity.js';
import { directWordSimilarity, rescaleCosine, SOFT_FLOOR, softMatch } from './soft.js';
import { loadVectors } from './vectors.js';

const vectors = loadVectors();
const features = (text: string) => sentenceFeatures(plainAnalysis(text).tokens, vectors);
const wordSim = directWordSimilarity(vectors);
const exactOnly = () => 0;

describe('softMatch', () => {
  it('finds GloVe neighbours that share no lemma ("hold-ups" ~ "delays", "defective" ~ "faulty")', () => {
    const a = features('The delays were caused by faulty signal boxes.');
    const b = features('Defective signalling equipment was behind the hold-ups.');
    const soft = pairEvidence(a, b, wordSim).soft;
    const exact = softMatch(a.soft, b.soft, exactOnly).f1;
    expect(soft).toBeGreaterThan(exact + 0.15);
    expect(soft).toBeGreaterThan(
      pairEvidence(a, features('The museum will open a new wing for modern painting.'), wordSim).soft + 0.15,
    );
  });

  it('reads precision and recall separately: a compressed rewording is covered by its long source', () => {
    const long = features(
      'The regional authority said on Tuesday that 1,240 trains had been delayed by more than 30 minutes since the end of January.',
    );
    const short = features('The trains had been delayed.');
    const s = softMatch(long.soft, short.soft, exactOnly);
    expect(s.precision).toBeCloseTo(1, 5);
    expect(s.recall).toBeLessThan(0.5);
  });

  it('rescales cosines below the floor to 0 and 1 to 1', () => {
    expect(rescaleCosine(SOFT_FLOOR - 0.01)).toBe(0);
    expect(rescaleCosine(1)).toBe(1);
    expect(rescaleCosine((1 + SOFT_FLOOR) / 2)).toBeCloseTo(0.5, 5);
  });
});

describe('sentenceSimilarity', () => {
  it('stays a probability and ranks a spun rewording above another sentence of the story', () => {
    const wire =
      'She added that the authority had identified 17 faulty signal boxes near Wittenberge and expected to replace them by the end of 2026.';
    const spun =
      'Dozens of defective signal installations close to Wittenberge have been found, and every one of them will be swapped out soon.';
    const other = 'Nordbahn chief executive Petra Vogel rejected the criticism in a short statement.';
    const x = sentenceSimilarity(wire, spun, vectors);
    expect(x).toBeGreaterThan(0.3);
    expect(x).toBeLessThanOrEqual(1);
    expect(sentenceSimilarity(wire, other, vectors)).toBeLessThan(0.1);
  });
});
