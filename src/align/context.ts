import type { PairScores } from './pair-scores.js';

/**
 * Document-level context for alignment. Spun copies mostly keep the source's order, so once enough sentences
 * link on their own (anchors), a derived sentence lying between two anchors most likely rewords one of the
 * source sentences lying between their counterparts, even when its own score is low: "Thousands of services ran
 * badly behind schedule" between the rewordings of wire sentences 0 and 2 is the spin of wire sentence 1.
 */

export const CONTEXT_THRESHOLDS = {
  /** Body anchors needed before order is trusted at all… */
  minAnchors: 2,
  /** …and before it may lower the floor to `sandwiched` (two anchors agree in order by chance too often). */
  trustedAnchors: 3,
  /** Share of derived body sentences that must be anchored: an independent report of the same event links a few facts, not its run. */
  minShare: 0.3,
  /** A gap pair links from this similarity (a bare pair needs ALIGN_THRESHOLDS.mutual)… */
  link: 0.1,
  /** …down to this when the gap holds one sentence on each side between two anchors (order all but decides it). */
  sandwiched: 0.03,
  /** …and must reach this share of the derived sentence's best score with any unlinked source, so a clearly better match outside the gap wins. */
  ofBest: 0.6,
  /**
   * Gaps with more source × derived pairs than this are left alone: order says little across so many sentences, and
   * each pair costs a soft word match (two 1 MB texts: 7 s). One side of a gap under the cap is at most 32
   * sentences, so all gaps together cost at most 32 × (n + m) pairs.
   */
  maxGapPairs: 1024,
} as const;

/**
 * Extra links inside the gaps between anchors: for each run of unlinked derived body sentences, the unlinked
 * source body sentences between the neighbouring anchors' counterparts are matched in order (a monotone dynamic
 * programme maximising Σ(similarity − link)). Gaps where the anchors cross (reordered text) get nothing.
 */
export function contextEdges(
  sim: PairScores,
  anchors: Array<[number, number]>,
  headingS: boolean[],
  headingD: boolean[],
  gapScore: (i: number, j: number) => number = (i, j) => sim.get(i, j),
): Array<[number, number]> {
  const T = CONTEXT_THRESHOLDS;
  const { n, m } = sim;
  const body = anchors.filter(([i, j]) => !headingS[i] && !headingD[j]);
  const derivedBody = headingD.filter((h) => !h).length;
  const anchoredD = new Set(body.map((e) => e[1]));
  if (body.length < T.minAnchors || anchoredD.size < T.minShare * derivedBody) return [];

  const linkedS = new Uint8Array(n);
  for (const [i] of anchors) linkedS[i] = 1;
  const firstSource = new Int32Array(m).fill(n);
  const lastSource = new Int32Array(m).fill(-1);
  for (const [i, j] of body) {
    firstSource[j] = Math.min(firstSource[j], i);
    lastSource[j] = Math.max(lastSource[j], i);
  }
  const bestOfDerived = new Float32Array(m);
  // Sources already linked are left out: "Thousands of services ran late" must not lose to the long lead an anchor already took.
  for (let i = 0; i < n; i++)
    if (!linkedS[i]) for (const [j, x] of sim.row(i)) bestOfDerived[j] = Math.max(bestOfDerived[j], x);

  const edges: Array<[number, number]> = [];
  let prevSource = -1;
  let run: number[] = [];
  const flush = (nextSource: number) => {
    if (run.length && prevSource < nextSource) {
      const window: number[] = [];
      for (let i = prevSource + 1; i < nextSource; i++) if (!headingS[i] && !linkedS[i]) window.push(i);
      if (window.length * run.length > T.maxGapPairs) {
        run = [];
        return;
      }
      // The order prior is strong only between two anchors; a leading or trailing run is where invented intros and conclusions sit.
      const bounded = prevSource >= 0 && nextSource < n && body.length >= T.trustedAnchors;
      const share = 1 / Math.max(window.length, run.length, 1);
      const floor = bounded ? T.link * (1 - share) + T.sandwiched * share : T.link;
      edges.push(...orderedMatch(gapScore, window, run, bestOfDerived, floor));
    }
    run = [];
  };
  for (let j = 0; j < m; j++) {
    if (headingD[j]) continue;
    if (!anchoredD.has(j)) {
      run.push(j);
      continue;
    }
    flush(firstSource[j]);
    prevSource = lastSource[j];
  }
  flush(n);
  return edges;
}

/**
 * Monotone one-to-one matching of `rows` (source ids) to `cols` (derived ids), maximising Σ(score − floor).
 * Gap pairs are scored by `gapScore` (align passes one that reads how much of the derived sentence the source
 * covers: spin compresses, "Thousands of services ran badly behind schedule" keeps little of its long source).
 */
function orderedMatch(
  score: (i: number, j: number) => number,
  rows: number[],
  cols: number[],
  bestOfDerived: Float32Array,
  floor: number,
): Array<[number, number]> {
  const T = CONTEXT_THRESHOLDS;
  const R = rows.length;
  const C = cols.length;
  if (R === 0) return [];
  const gain = (r: number, c: number) => {
    const x = score(rows[r], cols[c]);
    return x >= floor && x >= T.ofBest * bestOfDerived[cols[c]] ? x - floor + 1e-6 : -1;
  };
  // best[r][c]: best total using rows < r and cols < c.
  const best = new Float32Array((R + 1) * (C + 1));
  for (let r = 1; r <= R; r++) {
    for (let c = 1; c <= C; c++) {
      const g = gain(r - 1, c - 1);
      best[r * (C + 1) + c] = Math.max(
        best[(r - 1) * (C + 1) + c],
        best[r * (C + 1) + c - 1],
        g > 0 ? best[(r - 1) * (C + 1) + c - 1] + g : 0,
      );
    }
  }
  const out: Array<[number, number]> = [];
  for (let r = R, c = C; r > 0 && c > 0; ) {
    const here = best[r * (C + 1) + c];
    if (here === best[(r - 1) * (C + 1) + c]) r--;
    else if (here === best[r * (C + 1) + c - 1]) c--;
    else {
      out.push([rows[r - 1], cols[c - 1]]);
      r--;
      c--;
    }
  }
  return out.reverse();
}
