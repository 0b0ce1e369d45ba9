import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../src/types.js';
import { baselineLabels, lcsMatch, parseAnnotated, unspunLabels } from './meter-passages.js';

const SGML = `<meterdocument filename="x" classification="wholly-derived">
<body>
<Verbatim PAsource="" >A man who stabbed his neighbour </Verbatim>
<Rewrite PAsource="" >got eight years </Rewrite>
<New PAsource="" >in a case that shocked the village.</New>
</body></meterdocument>`;

describe('parseAnnotated', () => {
  it('labels each word with the span holding it', () => {
    const gold = parseAnnotated(SGML);
    expect(gold.map((g) => g.norm).join(' ')).toBe(
      'a man who stabbed his neighbour got eight years in a case that shocked the village',
    );
    expect(gold.filter((g) => g.label === 'verbatim')).toHaveLength(6);
    expect(gold.filter((g) => g.label === 'rewrite').map((g) => g.norm)).toEqual(['got', 'eight', 'years']);
    expect(gold.at(-1)).toEqual({ norm: 'village', label: 'new' });
  });

  it('gives nothing for unclassified files', () => {
    expect(parseAnnotated('<body><unclassified>The trial continues.</unclassified></body>')).toEqual([]);
  });
});

describe('baselineLabels', () => {
  it('uses shared 3-word runs, then source vocabulary', () => {
    const source = 'A man who stabbed his neighbour was jailed for eight years at Bristol Crown Court.';
    const labels = baselineLabels(parseAnnotated(SGML), source);
    expect(labels.slice(0, 6)).toEqual(Array(6).fill('verbatim'));
    // "eight years" is in the source but not inside a shared 3-word run of the story: rewrite.
    expect(labels.slice(6, 9)).toEqual(['new', 'rewrite', 'rewrite']);
    expect(labels.at(-1)).toBe('new');
  });
});

describe('lcsMatch', () => {
  it('pairs equal words in order and leaves the rest unmatched', () => {
    expect(lcsMatch(['the', 'judge', 'said', 'no'], ['judge', 'clearly', 'said', 'no', 'today'])).toEqual([
      -1, 0, 2, 3,
    ]);
  });
});

describe('unspunLabels', () => {
  const source = 'The judge jailed Mark Evans for four years. He had denied the charge.';
  const derived = 'The judge jailed Mark Evans yesterday. Evans, 34, wept. Neighbours cheered.';
  const sent = (text: string, id: number, start: number, end: number) => ({
    id,
    kind: 'paragraph' as const,
    start,
    end,
    text: text.slice(start, end),
  });
  const result = {
    source: { text: source, sentences: [sent(source, 0, 0, 43), sent(source, 1, 44, source.length)] },
    derived: {
      text: derived,
      sentences: [sent(derived, 0, 0, 38), sent(derived, 1, 39, 55), sent(derived, 2, 56, derived.length)],
    },
    alignment: [
      { source: [0], derived: [0], kind: 'paraphrase', score: 0.8 },
      { source: [1], derived: [1], kind: 'partial', score: 0.4 },
    ],
  } as unknown as CompareResult;

  it('labels shared runs verbatim, other aligned words rewrite, unaligned words new', () => {
    expect(unspunLabels(result).map((w) => `${w.norm}:${w.label[0]}`)).toEqual([
      'the:v',
      'judge:v',
      'jailed:v',
      'mark:v',
      'evans:v',
      'yesterday:r',
      'evans:r',
      '34:r',
      'wept:r',
      'neighbours:n',
      'cheered:n',
    ]);
  });
});
