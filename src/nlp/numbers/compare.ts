import type { NumberMention, NumberQualifier } from '../../types.js';
import { numberTables } from './tables.js';

// "hundreds of", "several thousand": only the order of magnitude is known.
// "nearly 300", "almost 300": an approximation from below.
const UNDER_RE = /\b(?:nearly|almost|just under|not quite|close to)\b/i;
const ROUGH_RE = /\b(?:dozens|scores|hundreds|thousands|millions|billions|several|a few)\b/i;
const BOUND: Record<NumberQualifier, 'point' | 'lower' | 'upper'> = {
  exact: 'point',
  approx: 'point',
  above: 'lower',
  'at-least': 'lower',
  below: 'upper',
  'at-most': 'upper',
};
const SYMBOL: Record<NumberQualifier, string> = {
  exact: '',
  approx: '≈',
  above: '>',
  below: '<',
  'at-least': '≥',
  'at-most': '≤',
};
// Periods of a year that cannot describe the same time: "early 2027" vs "late 2027".
const PERIODS = new Set([
  'early',
  'earlier',
  'mid',
  'late',
  'later',
  'end',
  'by-end',
  'h1',
  'h2',
  'q1',
  'q2',
  'q3',
  'q4',
]);
const LATE_PERIODS = new Set(['late', 'later', 'end', 'by-end', 'h2', 'q4']);

/** What a number measures: dates, ordinals, percent, a currency/measure dimension, or a plain count. */
function quantityClass(n: NumberMention): string {
  if (n.kind === 'date' || n.kind === 'year') return 'date';
  if (n.kind === 'ordinal') return 'ordinal';
  if (n.kind === 'percent') return 'percent';
  if (n.kind === 'money' || n.kind === 'measure') return numberTables().units.get(n.unit ?? '')?.dimension ?? 'count';
  return 'count';
}

/** Same kind of thing: counted nouns compare leniently ("soldiers" ~ "troops"); a bare number matches "$2bn". */
function comparable(a: NumberMention, b: NumberMention): boolean {
  const ca = quantityClass(a);
  const cb = quantityClass(b);
  if (ca === cb) return true;
  const bare = (n: NumberMention, c: string) => c === 'count' && n.unit === null;
  return (bare(a, ca) && cb !== 'date' && cb !== 'ordinal') || (bare(b, cb) && ca !== 'date' && ca !== 'ordinal');
}

/** Currencies, percent and percentage points must agree; counted nouns need not; measures convert ("5 km" ~ "3.1 miles"). */
function unitsDiffer(a: NumberMention, b: NumberMention): boolean {
  const strict = (n: NumberMention) => n.kind === 'money' || n.kind === 'measure' || n.kind === 'percent';
  return strict(a) && strict(b) && a.unit !== b.unit && !(factor(a) && factor(b));
}

/** The unit's size in its base unit when both sides are convertible measures, else 1. */
function factor(n: NumberMention): number | undefined {
  return n.kind === 'measure' ? numberTables().units.get(n.unit ?? '')?.factor : undefined;
}

/** Values in a common unit: measures in different units are converted, and then compared with rounding slack. */
function inBase(a: NumberMention, b: NumberMention): { scaleA: number; scaleB: number; slack: number } {
  if (a.unit === b.unit || !factor(a) || !factor(b)) return { scaleA: 1, scaleB: 1, slack: 0 };
  return { scaleA: factor(a)!, scaleB: factor(b)!, slack: 0.03 }; // "5 km (3.1 miles)" is rounded
}

const near = (x: number, y: number, tolerance: number) =>
  Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y));

/** True when both denote the same quantity in any wording: "nearly 300" ≈ "almost 300", "$2bn" ≈ "2 billion dollars". */
export function sameQuantity(a: NumberMention, b: NumberMention): boolean {
  if (!comparable(a, b) || unitsDiffer(a, b)) return false;
  if (quantityClass(a) === 'date')
    return a.value === b.value && a.unit === b.unit && (a.datePart ?? '') === (b.datePart ?? '');
  const { scaleA, scaleB, slack } = inBase(a, b);
  const tolerance = Math.max(slack, 1e-9);
  return (
    a.qualifier === b.qualifier &&
    near(a.value * scaleA, b.value * scaleB, tolerance) &&
    near((a.valueMax ?? a.value) * scaleA, (b.valueMax ?? b.value) * scaleB, tolerance)
  );
}

/**
 * Figures that answer "is any of you the same quantity as n?" (sameQuantity) without comparing n with each one:
 * a check asks it for every figure of both texts, which was quadratic (4,600 figures each side: 10 s).
 * Same quantity means the same value within 1e-9 (members sit in buckets of 2^-20 of log2|value|, a query looks in
 * its own and both neighbours) unless both are measures in convertible units ("5 km" ~ "3.1 miles"): those few are
 * scanned. Every candidate is confirmed by sameQuantity itself.
 */
export class QuantitySet {
  private readonly buckets = new Map<number, NumberMention[]>();
  private readonly convertible: NumberMention[] = [];

  constructor(items: Iterable<NumberMention> = []) {
    for (const n of items) this.add(n);
  }

  add(n: NumberMention): void {
    if (factor(n)) this.convertible.push(n);
    const key = bucketOf(n.value);
    const list = this.buckets.get(key);
    if (list) list.push(n);
    else this.buckets.set(key, [n]);
  }

  has(n: NumberMention): boolean {
    if (factor(n) && this.convertible.some((m) => sameQuantity(n, m))) return true;
    const key = bucketOf(n.value);
    for (const k of [key - 1, key, key + 1]) if (this.buckets.get(k)?.some((m) => sameQuantity(n, m))) return true;
    return false;
  }
}

const bucketOf = (value: number) => Math.floor(Math.log2(Math.abs(value)) * 2 ** 20);

/** True when the value clearly changed: 12,000 → 1,200, "nearly 300" → "more than 300", $2bn → €2bn, early → late 2027, 17 → "dozens". */
export function numbersConflict(a: NumberMention, b: NumberMention): boolean {
  if (!comparable(a, b)) return false;
  if (quantityClass(a) === 'date') return datesConflict(a, b);
  if (unitsDiffer(a, b)) return true;
  const rough = isRough(a) || isRough(b);
  if (!rough && BOUND[a.qualifier] !== BOUND[b.qualifier]) {
    // "more than £55,000" and "nearly £60,000" can both be true; "nearly 300" and "more than 300" cannot.
    const [aLo, aHi] = quantityRange(a);
    const [bLo, bHi] = quantityRange(b);
    return aHi < bLo || bHi < aLo;
  }
  const { scaleA, scaleB, slack } = inBase(a, b);
  // Bounds compare their stated values ("more than 300" → "more than 500" changed); a vague quantity compares its range.
  const stated = (n: NumberMention): [number, number] => (rough ? quantityRange(n) : [n.value, n.valueMax ?? n.value]);
  const [aLo, aHi] = stated(a).map((v) => v * scaleA);
  const [bLo, bHi] = stated(b).map((v) => v * scaleB);
  const tolerance = a.qualifier === 'exact' && b.qualifier === 'exact' ? Math.max(slack, 0.005) : 0.1;
  if (aLo === aHi && bLo === bHi) return !near(aLo, bLo, tolerance);
  // Ranges (a vague "dozens of" is one): conflict only when they cannot overlap.
  return aHi * (1 + tolerance) < bLo || bHi * (1 + tolerance) < aLo;
}

/** "dozens of", "several hundred", "thousands": a vague quantity whose only content is its range. */
export function isRough(n: NumberMention): boolean {
  return n.qualifier === 'approx' && ROUGH_RE.test(n.text);
}

const BARE_ORDER_RE = /^(?:thousands|millions|billions)\b/i;

/**
 * The values a figure allows, [low, high]. A vague quantity is a range: "dozens" is 24 up to 119 (two dozen to ten
 * dozen), "hundreds" 200–999, "millions" 2 million up to a billion, "tens of thousands" 20,000–99,999, "several hundred" 300–999; "about 300" is ±10%;
 * "more than 300" is open above; "12-15" is 12–15; an exact figure is a point.
 */
export function quantityRange(n: NumberMention): [number, number] {
  const v = n.value;
  if (n.valueMax !== undefined) return [v, n.valueMax];
  if (isRough(n)) {
    const several = /\bseveral\b/i.test(n.text);
    // A bare "thousands", "millions", "billions" runs up to the next named order: "millions of taxpayers" holds 28 million.
    const upTo = BARE_ORDER_RE.test(n.text.trim()) ? 1000 : 10;
    return [(several ? 3 : 2) * v, upTo * v - (Number.isInteger(v) ? 1 : 0)];
  }
  // Open bounds stay open: "more than 300" excludes 300, "nearly 300" stays under it.
  const open = Math.abs(v) * 1e-9;
  switch (n.qualifier) {
    case 'approx':
      return UNDER_RE.test(n.text) ? [0.9 * v, v - open] : [0.9 * v, 1.1 * v];
    case 'above':
      return [v + open, Number.POSITIVE_INFINITY];
    case 'at-least':
      return [v, Number.POSITIVE_INFINITY];
    case 'below':
      return [0, v - open];
    case 'at-most':
      return [0, v];
    default:
      return [v, v];
  }
}

function datesConflict(a: NumberMention, b: NumberMention): boolean {
  if (a.unit === null && b.unit === null && a.value !== b.value) return true;
  const pa = (a.datePart ?? '').split(' ');
  const pb = (b.datePart ?? '').split(' ');
  const month = (p: string[]) =>
    p.find((x) => /^[a-z]+(?:-\d+(?:\.\.\d+)?)?$/.test(x) && !PERIODS.has(x) && !x.endsWith('-year') && x !== 'decade');
  const ma = month(pa);
  const mb = month(pb);
  if (ma && mb && ma !== mb) return true;
  const period = (p: string[]) => p.find((x) => PERIODS.has(x));
  const xa = period(pa);
  const xb = period(pb);
  return xa !== undefined && xb !== undefined && xa !== xb && !(LATE_PERIODS.has(xa) && LATE_PERIODS.has(xb));
}

/** A short human form for reports: "nearly 300 (≈300)", "$2bn (2,000,000,000 USD)", "late 2028 (late 2028)". */
export function describeNumber(n: NumberMention): string {
  const fmt = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (n.kind === 'date' || n.kind === 'year') {
    const when = [n.datePart, n.value ? String(n.value) : ''].filter(Boolean).join(' ');
    return `${n.text} (${when || 'date'})`;
  }
  const value = fmt(n.value) + (n.valueMax !== undefined ? '–' + fmt(n.valueMax) : '');
  let body: string;
  if (n.kind === 'percent') body = value + (n.unit === '%' ? '%' : ' ' + n.unit);
  else if (n.kind === 'money') body = `${value} ${(n.unit ?? '').toUpperCase()}`;
  else if (n.kind === 'ordinal') body = `#${value}${n.unit ? ' ' + n.unit : ''}`;
  else body = value + (n.unit ? ' ' + n.unit : '');
  return `${n.text} (${SYMBOL[n.qualifier]}${body})`;
}
