/** Evaluation metrics. Pure functions over gold/predicted arrays; every ratio with an empty denominator is 0. */

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Classification {
  labels: string[];
  /** confusion[gold][predicted] counts, rows and columns in `labels` order. */
  confusion: number[][];
  perClass: Record<string, ClassScores>;
  macroF1: number;
  accuracy: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number): number => ratio(2 * p * r, p + r);

/** Per-class P/R/F1, macro-F1 (unweighted mean over `labels`), accuracy and the confusion matrix. */
export function classify(gold: string[], predicted: string[], labels: string[]): Classification {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const index = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  gold.forEach((g, i) => {
    const gi = index.get(g);
    const pi = index.get(predicted[i]);
    if (gi === undefined || pi === undefined)
      throw new Error(`label not in ${labels.join('|')}: ${gi === undefined ? g : predicted[i]}`);
    confusion[gi][pi]++;
  });
  const perClass: Record<string, ClassScores> = {};
  labels.forEach((label, i) => {
    const tp = confusion[i][i];
    const support = confusion[i].reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((a, row) => a + row[i], 0);
    const precision = ratio(tp, predictedCount);
    const recall = ratio(tp, support);
    perClass[label] = { precision, recall, f1: f1(precision, recall), support };
  });
  const macroF1 = ratio(
    labels.reduce((a, l) => a + perClass[l].f1, 0),
    labels.length,
  );
  const correct = labels.reduce((a, _, i) => a + confusion[i][i], 0);
  return { labels, confusion, perClass, macroF1, accuracy: ratio(correct, gold.length) };
}

/** Share of positions where predicted equals gold. */
export function accuracy<T>(gold: T[], predicted: T[]): number {
  return ratio(gold.filter((g, i) => g === predicted[i]).length, gold.length);
}

/** Mean of the recall on positives and the recall on negatives (true = positive). */
export function balancedAccuracy(gold: boolean[], predicted: boolean[]): number {
  let tp = 0,
    pos = 0,
    tn = 0,
    neg = 0;
  gold.forEach((g, i) => {
    if (g) {
      pos++;
      if (predicted[i]) tp++;
    } else {
      neg++;
      if (!predicted[i]) tn++;
    }
  });
  return (ratio(tp, pos) + ratio(tn, neg)) / 2;
}

/** ROC-AUC: the chance a random positive scores above a random negative, ties counting one half (Mann-Whitney U). */
export function rocAuc(gold: boolean[], scores: number[]): number {
  const order = scores.map((s, i) => ({ s, g: gold[i] })).sort((a, b) => a.s - b.s);
  let rankSumPos = 0,
    pos = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j].s === order[i].s) j++;
    const midRank = (i + 1 + j) / 2; // tied scores share their average 1-based rank
    for (let k = i; k < j; k++)
      if (order[k].g) {
        rankSumPos += midRank;
        pos++;
      }
    i = j;
  }
  const neg = order.length - pos;
  if (pos === 0 || neg === 0) return 0.5;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Candidate cut points: midway between consecutive distinct scores, plus both ends. */
export function thresholdCandidates(scores: number[]): number[] {
  const s = [...new Set(scores)].sort((a, b) => a - b);
  if (s.length === 0) return [0];
  const cuts = [s[0] - 1];
  for (let i = 1; i < s.length; i++) cuts.push((s[i - 1] + s[i]) / 2);
  cuts.push(s[s.length - 1] + 1);
  return cuts;
}

/**
 * The threshold t maximising `metric(gold, score >= t)`; ties keep the lowest t.
 * Defaults to plain accuracy ("best-threshold accuracy").
 */
export function bestThreshold(
  gold: boolean[],
  scores: number[],
  metric: (gold: boolean[], predicted: boolean[]) => number = accuracy,
): { threshold: number; value: number } {
  let best = { threshold: 0, value: -1 };
  for (const t of thresholdCandidates(scores)) {
    const value = metric(
      gold,
      scores.map((s) => s >= t),
    );
    if (value > best.value + 1e-12) best = { threshold: t, value };
  }
  return best;
}

/** Share of queries whose gold item (any of `relevant`) is among the first k ranked ids. */
export function recallAtK(ranked: string[][], relevant: Array<Set<string>>, k: number): number {
  return ratio(ranked.filter((r, i) => r.slice(0, k).some((id) => relevant[i].has(id))).length, ranked.length);
}

/** Mean reciprocal rank of the first relevant id (0 when none is ranked). */
export function meanReciprocalRank(ranked: string[][], relevant: Array<Set<string>>): number {
  const rr = ranked.map((r, i) => {
    const at = r.findIndex((id) => relevant[i].has(id));
    return at < 0 ? 0 : 1 / (at + 1);
  });
  return ratio(
    rr.reduce((a, b) => a + b, 0),
    rr.length,
  );
}

/**
 * Token-level P/R/F1 per label over aligned token label sequences (documents concatenated),
 * i.e. classify() on tokens; kept separate so callers read as what they measure.
 */
export function tokenScores(gold: string[], predicted: string[], labels: string[]): Classification {
  return classify(gold, predicted, labels);
}
