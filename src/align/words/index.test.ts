import { describe, expect, it } from 'vitest';
import { loadVectors } from '../vectors.js';
import { extract } from '../../ingest/index.js';
import { analyze } from '../../nlp/index.js';
import { alignWords, emptyLexicon, loadLexicon } from './index.js';

const vectors = loadVectors();
const lexicon = loadLexicon();

/** `source~derived:relation` for every aligned pair, in source order. */
function aligned(a: string, b: string, withLexicon = true): string[] {
  const s = analyze(extract(a));
  const d = analyze(extract(b));
  const ids = (x: typeof s) => x.sentences.map((q) => q.id);
  return alignWords(s, d, ids(s), ids(d), { vectors, lexicon: withLexicon ? lexicon : emptyLexicon() }).map(
    (p) => `${s.tokens[p.source].text}~${d.tokens[p.derived].text}:${p.relation}`,
  );
}

describe('alignWords', () => {
  it('pins a word said otherwise by its aligned neighbours (slot), never beside a rival of its class', () => {
    const slot = aligned(
      'The health agency is motivating residents to discard leftover tins.',
      'The health agency is advising residents to discard leftover tins.',
    );
    expect(slot).toContain('motivating~advising:slot');
    // Two unaligned verbs between the same neighbours: no position says which is which.
    const rivals = aligned(
      'The health agency is motivating residents to discard leftover tins.',
      'The health agency is urging and begging residents to discard leftover tins.',
    );
    expect(rivals.filter((p) => p.endsWith(':slot'))).toEqual([]);
  });

  it('aligns identity first, then WordNet relations, then function words beside aligned pairs', () => {
    const pairs = aligned(
      'The ministry rejected the report on Tuesday.',
      'On Tuesday the ministry accepted the report.',
    );
    expect(pairs).toContain('ministry~ministry:exact');
    expect(pairs).toContain('rejected~accepted:antonym');
    expect(pairs).toContain('report~report:exact');
    expect(pairs).toContain('Tuesday~Tuesday:exact');
  });

  it('pairs figures by value and inflections by lemma', () => {
    const pairs = aligned('Some 12,000 soldiers were deployed.', 'About 12000 soldier deployments were reported.');
    expect(pairs).toContain('12,000~12000:exact');
    expect(pairs).toContain('soldiers~soldier:lemma');
  });

  it('uses the neighbours to choose between two copies of a word', () => {
    const pairs = aligned('Police said the mayor said nothing.', 'The mayor said nothing, police said.');
    expect(pairs).toContain('mayor~mayor:exact');
    const s = analyze(extract('Police said the mayor said nothing.'));
    const d = analyze(extract('The mayor said nothing, police said.'));
    const ids = (x: typeof s) => x.sentences.map((q) => q.id);
    const said = alignWords(s, d, ids(s), ids(d), { vectors, lexicon }).find((p) => p.source === 4);
    expect(d.tokens[said?.derived ?? -1].start).toBe(d.text.indexOf('said'));
  });

  it('finds synonyms and antonyms only with a lexicon', () => {
    const a = 'Prices rose in March.';
    const b = 'Prices fell in March.';
    expect(aligned(a, b)).toContain('rose~fell:antonym');
    expect(aligned(a, b, false).some((p) => p.startsWith('rose~fell:antonym'))).toBe(false);
  });

  it('leaves unrelated words unaligned', () => {
    const pairs = aligned('The bridge opened in May.', 'Farmers protested the tax.');
    expect(pairs.filter((p) => !p.includes(':exact'))).toEqual([]);
  });
});
