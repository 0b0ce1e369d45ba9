import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extract } from '../ingest/index.js';
import { analyze } from '../nlp/index.js';
import { decodeAnalysis, encodeAnalysis } from './codec.js';

const article = [
  'Rail strike halts commuter trains',
  'Commuter services across the region were cancelled on Monday after drivers walked out, the operator said.',
  '"We regret the disruption," said Anna Kowalczyk, a spokeswoman for Northline Rail. About 40,000 passengers were affected.',
  "The union's leader, Tom Haverford, claimed the company had not offered a fair deal. Talks are expected to resume on Thursday.",
].join('\n\n');

describe('analysis codec', () => {
  const a = analyze(extract(article));

  it('round-trips an analysis exactly, key order included', () => {
    expect(a.tokens.length).toBeGreaterThan(40);
    const back = decodeAnalysis(encodeAnalysis(a));
    expect(JSON.stringify(back)).toBe(JSON.stringify(a));
  });

  it('stores far fewer bytes than deflated JSON', () => {
    const plain = deflateRawSync(Buffer.from(JSON.stringify(a)), { level: 3 }).length;
    expect(encodeAnalysis(a).length).toBeLessThan(plain * 0.8);
  });

  it('still reads analyses stored as plain deflated JSON', () => {
    const legacy = deflateRawSync(Buffer.from(JSON.stringify(a)));
    expect(decodeAnalysis(legacy)).toEqual(a);
  });

  it('keeps a token that does not match the text as written', () => {
    const odd = structuredClone(a);
    odd.tokens[3].text = 'elsewhere';
    odd.tokens[5].lemma = '';
    expect(decodeAnalysis(encodeAnalysis(odd))).toEqual(odd);
  });
});
