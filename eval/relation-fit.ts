/**
 * Fitting and scoring of the relation verdict across sets (used by eval/tune-relation.ts, which writes
 * src/relation/fitted.ts, and by the relation-cross eval task, which reports fitted-on → scored-on).
 * Works on cached features (eval/relation-features.ts): the kernel's decision is re-applied here exactly as
 * judgeRelation applies it (decideRelation), so what is scored is what ships.
 */
import { decideBothWays, directionLean, type RelationParams } from '../src/relation/verdict.js';
import { decide, quantitiesOf, type TableCuts } from '../src/relation/table.js';
import type { Verdict } from '../src/types.js';
import type { FeatureRow } from './relation-features.js';
import { classify } from './metrics.js';

export const VERDICT_CLASS: Record<Verdict, 'wholly' | 'partially' | 'non'> = {
  'verbatim-copy': 'wholly',
  rewrite: 'wholly',
  'partial-reuse': 'partially',
  'same-story': 'non',
  unrelated: 'non',
};

export interface SetScore {
  n: number;
  /** METER only: 3-way macro-F1. */
  macroF1: number | null;
  /** Derived vs not accuracy (recall of derived where every pair is derived). */
  binary: number;
  /** Derived pairs: share whose lean points the right way (either order; a tie is half right). */
  direction: number;
}

export interface Scorer {
  verdictClass(r: FeatureRow): 'wholly' | 'partially' | 'non';
  lean(r: FeatureRow): number;
}

export function score(rows: FeatureRow[], s: Scorer): SetScore {
  const pred = rows.map((r) => s.verdictClass(r));
  const meter = rows.some((r) => r.gold === 'wholly' || r.gold === 'partially');
  const derived = rows.filter((r) => r.gold !== 'non');
  const dir = derived.reduce((n, r) => {
    const l = s.lean(r);
    return n + (l > 0 ? 1 : l === 0 ? 0.5 : 0);
  }, 0);
  return {
    n: rows.length,
    macroF1: meter
      ? classify(
          rows.map((r) => r.gold),
          pred,
          ['wholly', 'partially', 'non'],
        ).macroF1
      : null,
    binary: rows.filter((r, i) => (r.gold !== 'non') === (pred[i] !== 'non')).length / rows.length,
    direction: derived.length ? dir / derived.length : NaN,
  };
}

/** Unspun with given parameters, on cached features. */
export function unspunScorer(p: RelationParams): Scorer {
  return {
    verdictClass: (r) => VERDICT_CLASS[decideBothWays(r.features, r.reversed, p).verdict],
    lean: (r) => directionLean(r.features, r.reversed, p.directionWeight),
  };
}

/** Baseline: word containment of derived in source, 3 cuts tuned on the dev rows; direction: higher containment is derived. */
export function baselineScorer(dev: FeatureRow[]): Scorer & { cuts: { low: number; high: number; binary: number } } {
  const meterDev = dev.filter((r) => r.gold !== 'derived');
  const grid = Array.from({ length: 101 }, (_, i) => i / 100);
  const cls = (x: number, low: number, high: number) => (x >= high ? 'wholly' : x >= low ? 'partially' : 'non');
  let best = { low: 0, high: 1, f: -1 };
  for (const low of grid)
    for (const high of grid) {
      if (high < low) continue;
      const f = objective(dev, meterDev, (r) => cls(r.contDS, low, high));
      if (f > best.f) best = { low, high, f };
    }
  return {
    cuts: { low: best.low, high: best.high, binary: best.low },
    verdictClass: (r) => cls(r.contDS, best.low, best.high),
    lean: (r) => r.contDS - r.contSD,
  };
}

/** What the containment cuts maximise: METER 3-way macro-F1 + derived-vs-non accuracy (+ derived recall on rewrite rows when present). */
function objective(all: FeatureRow[], meter: FeatureRow[], f: (r: FeatureRow) => string): number {
  let o = 0;
  if (meter.length) {
    const pred = meter.map(f);
    o += classify(
      meter.map((r) => r.gold),
      pred,
      ['wholly', 'partially', 'non'],
    ).macroF1;
    o += meter.filter((r, i) => (r.gold !== 'non') === (pred[i] !== 'non')).length / meter.length;
  }
  const rewrites = all.filter((r) => r.gold === 'derived');
  if (rewrites.length) o += rewrites.filter((r) => f(r) !== 'non').length / rewrites.length;
  return o;
}

/**
 * Share of the dev set's independent reports (gold `non`) that the non-containment rows may turn into derived
 * verdicts. Precision first: a row that calls independent reporting a copy costs a user more than a missed copy,
 * and a looser row fitted on 1999 lost to the baseline on 2000 (eval/NOTES.md).
 */
export const MAX_ADDED_FALSE_DERIVED = 0.015;

/** Hand-set, not fitted: METER's wholly-derived copies sit above 0.6 of the body in ≥5-word runs. */
const VERBATIM = 0.6;

/** The grid searched for the rows beyond word containment (docs/verdicts.md); `OFF` disables a row. */
const OFF = 2;
const GRID = {
  retoldShared: [0.8, 0.9],
  retoldNovel: [0, 0.05, 0.1],
  retoldSupport: [0.5, 0.6, 0.7, 0.8, OFF],
  narration: [0.2, 0.25, 0.3, OFF],
  orderedSupport: [0.6, 0.7, 0.8, OFF],
  orderedOrder: [0.8, 0.9, 1],
  orderedLink: [0, 0.6],
  orderedNovel: [0.05, 0.1, 0.2, OFF],
};

/** The `spun` row, fitted after the others on what they leave (its own precision budget is what they left). */
const SPUN_GRID = {
  spunShared: [0.8, 0.85, 0.9, 0.95, 1, OFF],
  spunNovel: [0, 0.05, 0.1],
  spunOrder: [0, 0.5, 0.6, 0.7, 0.8],
};

/**
 * Fits direction weight and table cuts on the dev rows:
 * 1. direction weight on a grid (accuracy over the dev's derived pairs);
 * 2. the word-containment rows with the baseline's own procedure (so the table starts from the baseline);
 * 3. the other rows by grid search, keeping only settings that turn at most MAX_ADDED_FALSE_DERIVED of the dev's
 *    independent reports into derived verdicts, and among those the best METER macro-F1 + dev rewrite recall.
 */
export function fitRelation(dev: FeatureRow[], log: (s: string) => void = () => {}): RelationParams {
  const derived = dev.filter((r) => r.gold !== 'non');
  // One-standard-error rule (Breiman et al. 1984): the smallest weight whose dev accuracy is within one standard
  // error of the best. Weights that differ by a pair or two on the dev set differ by noise, and the smaller one
  // leans less on a signal the baseline does not have.
  const weights = [0, 0.25, 0.5, 1, 1.5, 2, 3];
  const accs = weights.map(
    (cand) => derived.filter((r) => directionLean(r.features, r.reversed, cand) > 0).length / derived.length,
  );
  const top = Math.max(...accs);
  const se = Math.sqrt((top * (1 - top)) / derived.length);
  const w = weights[accs.findIndex((a) => a >= top - se)];
  log(
    `direction weight by dev accuracy: ${weights.map((c, i) => `${c}: ${accs[i].toFixed(3)}`).join(', ')}; one-SE rule (${se.toFixed(3)}) picks ${w}`,
  );
  const meterDev = dev.filter((r) => r.gold !== 'derived');
  // The baseline's own cuts, fitted on the dev's METER rows alone (rewrite recall would pull them down).
  const base = baselineScorer(meterDev.length ? meterDev : dev).cuts;
  log(`word-containment cuts (baseline procedure): partial ${base.low}, copy ${base.high}`);
  const rewrites = dev.filter((r) => r.gold === 'derived');
  const non = dev.filter((r) => r.gold === 'non');
  const allowed = Math.floor(MAX_ADDED_FALSE_DERIVED * non.length + 1e-9);
  // The derived-side reading of each pair depends only on the direction weight: fix it once.
  const sides = new Map(dev.map((r) => [r, directionLean(r.features, r.reversed, w) < 0 ? r.reversed : r.features]));
  const cutsOff: TableCuts = {
    verbatim: VERBATIM,
    copyWords: base.high,
    partialWords: base.low,
    retoldShared: OFF,
    retoldNovel: 0,
    retoldSupport: OFF,
    narration: OFF,
    orderedSupport: OFF,
    orderedOrder: OFF,
    orderedLink: OFF,
    orderedNovel: 0,
    spunShared: OFF,
    spunNovel: 0,
    spunOrder: OFF,
  };
  const cls = (r: FeatureRow, c: TableCuts) => VERDICT_CLASS[decide(quantitiesOf(sides.get(r)!), c).verdict];
  const baseNon = new Set(non.filter((r) => cls(r, cutsOff) === 'non'));
  // METER macro-F1 + dev rewrite recall.
  const objectiveOf = (c: TableCuts) => {
    const pred = meterDev.map((r) => cls(r, c));
    const f1 = meterDev.length
      ? classify(
          meterDev.map((r) => r.gold),
          pred,
          ['wholly', 'partially', 'non'],
        ).macroF1
      : 0;
    const recall = rewrites.length ? rewrites.filter((r) => cls(r, c) !== 'non').length / rewrites.length : 0;
    return f1 + recall;
  };
  let best = { cuts: cutsOff, o: -1 };
  for (const retoldShared of GRID.retoldShared)
    for (const retoldNovel of GRID.retoldNovel)
      for (const retoldSupport of GRID.retoldSupport)
        for (const narration of GRID.narration)
          for (const orderedSupport of GRID.orderedSupport)
            for (const orderedOrder of GRID.orderedOrder)
              for (const orderedLink of GRID.orderedLink)
                for (const orderedNovel of GRID.orderedNovel) {
                  const c: TableCuts = {
                    ...cutsOff,
                    retoldShared,
                    retoldNovel,
                    retoldSupport,
                    narration,
                    orderedSupport,
                    orderedOrder,
                    orderedLink,
                    orderedNovel,
                  };
                  let added = 0;
                  for (const r of baseNon) if (cls(r, c) !== 'non' && ++added > allowed) break;
                  if (added > allowed) continue;
                  const o = objectiveOf(c);
                  if (o > best.o + 1e-9) best = { cuts: c, o };
                }
  log(
    `table cuts ${JSON.stringify(best.cuts)} (objective ${best.o.toFixed(3)}, ≤ ${allowed} of ${non.length} dev non added)`,
  );
  // 4. The spun row (issue #19: fabricated spin keeps the source's names and adds none): same constraint, counting
  // what the rows above already added, same objective; ties go to the stricter cuts (listed first per quantity: no).
  const addedBefore = [...baseNon].filter((r) => cls(r, best.cuts) !== 'non').length;
  let spun = { cuts: best.cuts, o: best.o };
  for (const spunShared of SPUN_GRID.spunShared)
    for (const spunNovel of SPUN_GRID.spunNovel)
      for (const spunOrder of SPUN_GRID.spunOrder) {
        const c: TableCuts = { ...best.cuts, spunShared, spunNovel, spunOrder };
        const added = [...baseNon].filter((r) => cls(r, c) !== 'non').length;
        if (added > allowed) continue;
        const o = objectiveOf(c);
        if (o > spun.o + 1e-9) spun = { cuts: c, o };
      }
  log(
    `spun row ${JSON.stringify({ spunShared: spun.cuts.spunShared, spunNovel: spun.cuts.spunNovel, spunOrder: spun.cuts.spunOrder })} (objective ${spun.o.toFixed(3)}; rows above added ${addedBefore})`,
  );
  return { cuts: spun.cuts, directionWeight: w };
}
