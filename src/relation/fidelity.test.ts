import { describe, expect, it } from 'vitest';
import { loadVectors } from '../align/vectors.js';
import { compare } from '../compare.js';

const vectors = loadVectors();

// A short made-up report, a faithful copy and a copy that adds invented claims.
const SOURCE =
  'The harbour board fined Northway Ferries 240 dollars on Monday. Ann Reid, a spokeswoman for the board, said the ramps had not been checked. The firm said it would review its safety rules.';
const ADDED = `${SOURCE} Critics have long accused the company of cutting corners on maintenance to boost profits. Several former crew members described a culture of fear aboard the vessels.`;

describe('scores.fidelity', () => {
  it('is 1 for an unchanged copy and lower when the rewrite adds unsupported sentences', () => {
    const same = compare(SOURCE, SOURCE, { vectors }).scores.fidelity;
    const added = compare(SOURCE, ADDED, { vectors }).scores.fidelity;
    expect(same).toBe(1);
    expect(added).toBeLessThan(0.8);
    expect(added).toBeGreaterThanOrEqual(0);
  });
});
