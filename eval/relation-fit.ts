/**
 * Fitting and scoring of the relation verdict across sets (used by eval/tune-relation.ts, which writes
 * src/relation/fitted.ts, and by the relation-cross eval task, which reports fitted-on → scored-on).
 * Works on cached features (eval/relation-features.ts): the kernel's decision is re-applied here exactly as
 * judgeRelation applies it (decideRelation), so what is scored is what ships.
 */
import { decideBothWays, directionLean, type RelationParams } from '../src/relation/verdict.js';
import { CLASSES, fit, vectorOf } from '../src/relation/model.js';
import type { Verdict } from '../src/types.js';
import type { FeatureRow } from './relation-features.js';
import { classify } from './metrics.js';
import type { TableCuts } from '../src/relation/table.js';

export const VERDICT_CLASS: Record<Verdict, 'wholly' | 'partially' | 'non'> = {
  'verbatim-copy': 'wholly', rewrite: 'wholly', 'partial-reuse': 'partially', 'same-story': 'non', unrelated: 'non',
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

export interface Scorer { verdictClass(r: FeatureRow): 'wholly' | 'partially' | 'non'; lean(r: FeatureRow): number }

export function score(rows: FeatureRow[], s: Scorer): SetScore {
  const pred = rows.map((r) => s.verdictClass(r));
  const meter = rows.some((r) => r.gold === 'wholly' || r.gold === 'partially');
  const derived = rows.filter((r) => r.gold !== 'non');
  const dir = derived.reduce((n, r) => { const l = s.lean(r); return n + (l > 0 ? 1 : l === 0 ? 0.5 : 0); }, 0);
  return {
    n: rows.length,
    macroF1: meter ? classify(rows.map((r) => r.gold), pred, ['wholly', 'partially', 'non']).macroF1 : null,
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
  for (const low of grid) for (const high of grid) {
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

/** Weight of derived recall on machine-rewrite dev rows against METER's macro-F1 + accuracy (each weight 1). */
export const REWRITE_WEIGHT = Number(process.env.UNSPUN_REWRITE_WEIGHT ?? 1);

/** What fitting maximises: METER 3-way macro-F1 + derived-vs-non accuracy (+ derived recall on rewrite rows when present). */
function objective(all: FeatureRow[], meter: FeatureRow[], f: (r: FeatureRow) => string): number {
  let o = 0;
  if (meter.length) {
    const pred = meter.map(f);
    o += classify(meter.map((r) => r.gold), pred, ['wholly', 'partially', 'non']).macroF1;
    o += meter.filter((r, i) => (r.gold !== 'non') === (pred[i] !== 'non')).length / meter.length;
  }
  const rewrites = all.filter((r) => r.gold === 'derived');
  if (rewrites.length) o += (REWRITE_WEIGHT * rewrites.filter((r) => f(r) !== 'non').length) / rewrites.length;
  return o;
}

/**
 * Range searched per cut. A row must rest on evidence: the support rows need most of the derived body to have
 * source counterparts (≥ 0.5), so no fit can turn "keeps the order of two linked sentences" alone into reuse.
 */
const RANGE: Partial<Record<keyof TableCuts, [number, number]>> = {
  rewriteSupport: [0.5, 0.95], spinSupport: [0.5, 0.8], partialSupport: [0.5, 0.95], spinNovel: [0, 0.25], verbatim: [0.5, 0.95],
  // Two reports quoting one statement share ~0.1 of their words in quote-free runs ("told the court that"): not reuse.
  partialNarration: [0.15, 0.9],
  minOrder: [0.6, 1],
};
const inRange = (k: keyof TableCuts, v: number) => { const r = RANGE[k]; return !r || (v >= r[0] - 1e-9 && v <= r[1] + 1e-9); };

export const START: TableCuts = {
  verbatim: 0.6, rewriteSupport: 0.8, rewriteNarration: 0.4, rewriteContainment: 0.8, spinSupport: 0.8, spinNovel: 0.05,
  minContainment: 0.4, minOrder: 0.7, partialNarration: 0.2, partialSupport: 0.7, margin: 0,
};

/** Fits direction weight, table cuts, the borderline model and its margin on the dev rows. */
export function fitRelation(dev: FeatureRow[], log: (s: string) => void = () => {}, fixedCuts: TableCuts | null = null): RelationParams {
  const meterDev = dev.filter((r) => r.gold !== 'derived');
  // 1. Direction: Δcontainment + w·ΔspecificsShared, w on a grid.
  const derived = dev.filter((r) => r.gold !== 'non');
  let w = 0;
  let bestDir = -1;
  for (const cand of [0, 0.25, 0.5, 1, 1.5, 2, 3, 4]) {
    const acc = derived.filter((r) => directionLean(r.features, r.reversed, cand) > 0).length / derived.length;
    log(`direction weight ${cand}: ${acc.toFixed(3)}`);
    if (acc > bestDir + 1e-9) [w, bestDir] = [cand, acc];
  }
  // 2. Table cuts: coordinate ascent on a 0.05 grid (no model) from the hand-set start and 5 seeded random starts.
  const params = (c: TableCuts, model: RelationParams['model'] = null): RelationParams => ({ cuts: c, directionWeight: w, model });
  const obj = (p: RelationParams) => objective(dev, meterDev, (r) => unspunScorer(p).verdictClass(r));
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let cuts = { ...(fixedCuts ?? START), margin: 0 };
  let best = obj(params(cuts));
  for (let start = 0; start < (fixedCuts ? 0 : 6); start++) {
    const draw = (k: keyof TableCuts) => { const [lo, hi] = RANGE[k] ?? [0, 1]; return Math.round((lo + rand() * (hi - lo)) * 20) / 20; };
    let c: TableCuts = start === 0 ? { ...START } : (Object.fromEntries((Object.keys(START) as Array<keyof TableCuts>).map((k) => [k, k === 'margin' ? 0 : draw(k)])) as unknown as TableCuts);
    let b = obj(params(c));
    for (let pass = 0; pass < 4; pass++) {
      const before = b;
      for (const k of Object.keys(c) as Array<keyof TableCuts>) {
        if (k === 'margin') continue;
        for (let i = 0; i <= 20; i++) {
          if (!inRange(k, i / 20)) continue;
          const t = { ...c, [k]: i / 20 };
          const o = obj(params(t));
          if (o > b + 1e-9) [b, c] = [o, t];
        }
      }
      if (b === before) break;
    }
    log(`start ${start}: objective ${b.toFixed(3)} ${JSON.stringify(c)}`);
    if (b > best + 1e-9) [best, cuts] = [b, c];
  }
  // 3. The borderline model (METER classes, so only where METER rows are in the dev set) and how wide "borderline" is.
  let model: RelationParams['model'] = null;
  if (meterDev.length) {
    model = fit(meterDev.map((r) => vectorOf(r.features)), meterDev.map((r) => CLASSES.indexOf(r.gold as (typeof CLASSES)[number])), { l2: 0.003, balance: 1 });
    for (const margin of [0.01, 0.025, 0.05, 0.1]) {
      const o = obj(params({ ...cuts, margin }, model));
      log(`borderline margin ${margin}: objective ${o.toFixed(3)}`);
      // A wider borderline must earn its place: the table, not the model, should decide whatever it can.
      if (o > best + 0.005) [best, cuts] = [o, { ...cuts, margin }];
    }
  }
  // At margin 0 the model settles nothing: ship none rather than dead weights.
  return params(cuts, cuts.margin > 0 ? model : null);
}
