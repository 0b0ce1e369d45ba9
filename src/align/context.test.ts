import { describe, expect, it } from 'vitest';
import { contextEdges } from './context.js';
import { PairScores } from './pair-scores.js';

/** A similarity matrix (source rows × derived columns) from rows of numbers. */
const matrix = (rows: number[][]) => ({
  sim: PairScores.fromDense(rows.flat(), rows.length, rows[0].length),
  n: rows.length,
  m: rows[0].length,
});
const none = (k: number) => Array<boolean>(k).fill(false);

describe('contextEdges', () => {
  // Sources 0..4, derived 0..4; anchors 0-0, 2-2, 4-4 (in order); 1-1 and 3-3 score low but sit between anchors.
  const rows = [
    [0.9, 0.01, 0.02, 0.01, 0.01],
    [0.02, 0.05, 0.03, 0.02, 0.01],
    [0.01, 0.02, 0.8, 0.01, 0.02],
    [0.02, 0.01, 0.01, 0.06, 0.02],
    [0.01, 0.02, 0.01, 0.02, 0.7],
  ];
  const anchors: Array<[number, number]> = [
    [0, 0],
    [2, 2],
    [4, 4],
  ];

  it('links low-scoring sentences sandwiched between anchors, in order', () => {
    const { sim, n, m } = matrix(rows);
    expect(contextEdges(sim, anchors, none(n), none(m))).toEqual([
      [1, 1],
      [3, 3],
    ]);
  });

  it('links nothing with one anchor, and only clear pairs after the last anchor', () => {
    const { sim, n, m } = matrix(rows);
    expect(contextEdges(sim, [[0, 0]], none(n), none(m))).toEqual([]);
    // Derived 3 and 4 trail the last anchor, where invented conclusions sit: 3-3 (0.06) is under the full floor, 4-4 is not.
    expect(
      contextEdges(
        sim,
        [
          [0, 0],
          [2, 2],
        ],
        none(n),
        none(m),
      ),
    ).toEqual([[4, 4]]);
  });

  it('leaves a gap alone when the anchors around it cross (reordered text)', () => {
    const crossed = matrix([
      [0.01, 0.02, 0.9],
      [0.02, 0.05, 0.03],
      [0.8, 0.01, 0.02],
    ]);
    expect(
      contextEdges(
        crossed.sim,
        [
          [0, 2],
          [2, 0],
          [0, 2],
        ],
        none(3),
        none(3),
      ),
    ).toEqual([]);
  });
});
