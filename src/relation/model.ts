import { FEATURE_NAMES, type RelationFeatures } from './features.js';

/** METER-style classes the model predicts; the verdict refines them (wholly → verbatim-copy | rewrite …). */
export const CLASSES = ['wholly', 'partially', 'non'] as const;
export type RelationClass = (typeof CLASSES)[number];

/** Multinomial logistic regression over standardised features. */
export interface RelationModel {
  mean: number[];
  std: number[];
  /** weights[class][feature], then bias[class]. */
  weights: number[][];
  bias: number[];
}

export function vectorOf(f: RelationFeatures): number[] {
  return FEATURE_NAMES.map((n) => f[n]);
}

/** Class probabilities in CLASSES order. */
export function predict(model: RelationModel, x: number[]): number[] {
  const z = model.weights.map(
    (w, c) => model.bias[c] + w.reduce((acc, wi, i) => acc + wi * ((x[i] - model.mean[i]) / model.std[i]), 0),
  );
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Fits the model by full-batch gradient descent with L2 and class weights that balance the classes. */
export function fit(
  xs: number[][],
  ys: number[],
  opts: { l2?: number; steps?: number; rate?: number; balance?: number } = {},
): RelationModel {
  const k = CLASSES.length;
  const d = xs[0].length;
  const mean = Array.from({ length: d }, (_, i) => xs.reduce((a, x) => a + x[i], 0) / xs.length);
  const std = Array.from(
    { length: d },
    (_, i) => Math.sqrt(xs.reduce((a, x) => a + (x[i] - mean[i]) ** 2, 0) / xs.length) || 1,
  );
  const counts = Array.from({ length: k }, (_, c) => ys.filter((y) => y === c).length);
  // balance 1: classes weigh equally (inverse frequency); 0: as sampled.
  const balance = opts.balance ?? 1;
  const classWeight = counts.map((n) => (n ? (xs.length / (k * n)) ** balance : 0));
  const model: RelationModel = {
    mean,
    std,
    weights: Array.from({ length: k }, () => new Array(d).fill(0)),
    bias: new Array(k).fill(0),
  };
  const l2 = opts.l2 ?? 0.01;
  const rate = opts.rate ?? 0.5;
  for (let step = 0; step < (opts.steps ?? 2000); step++) {
    const gw = model.weights.map((w) => w.map(() => 0));
    const gb = new Array(k).fill(0);
    xs.forEach((x, n) => {
      const p = predict(model, x);
      const cw = classWeight[ys[n]];
      for (let c = 0; c < k; c++) {
        const err = (p[c] - (ys[n] === c ? 1 : 0)) * cw;
        gb[c] += err;
        for (let i = 0; i < d; i++) gw[c][i] += err * ((x[i] - mean[i]) / std[i]);
      }
    });
    for (let c = 0; c < k; c++) {
      model.bias[c] -= (rate * gb[c]) / xs.length;
      for (let i = 0; i < d; i++) model.weights[c][i] -= rate * (gw[c][i] / xs.length + l2 * model.weights[c][i]);
    }
  }
  return model;
}
