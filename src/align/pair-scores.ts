/**
 * Similarity of the sentence pairs that were scored; every other pair scores 0. Sparse because two long texts have
 * n × m pairs (10,000 sentences each: 100 M, 400 MB as a dense Float32Array) but only a few candidates per sentence.
 * Scores are stored as float32, as the dense matrix did, so thresholds compare the same numbers.
 */
export class PairScores {
  private readonly rows: Array<Map<number, number>>;

  constructor(
    readonly n: number,
    readonly m: number,
  ) {
    this.rows = Array.from({ length: n }, () => new Map());
  }

  /** From a dense row-major matrix (tests, small cases); zeros are left out. */
  static fromDense(sim: ArrayLike<number>, n: number, m: number): PairScores {
    const out = new PairScores(n, m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (sim[i * m + j] !== 0) out.set(i, j, sim[i * m + j]);
    return out;
  }

  get(i: number, j: number): number {
    return this.rows[i].get(j) ?? 0;
  }

  /** Set pairs of a row in increasing `j`: row() then reads them in that order. */
  set(i: number, j: number, x: number): void {
    this.rows[i].set(j, Math.fround(x));
  }

  /** The scored pairs of source sentence `i`, as [j, score] in the order they were set. */
  row(i: number): Iterable<[number, number]> {
    return this.rows[i];
  }
}
