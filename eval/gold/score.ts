/**
 * Scores findings against the gold changes of docs/gold.md. Pure: findings and pairs in, counts out.
 * A finding locates a change when one of its spans overlaps the change's span on the same side; it is
 * type-correct when its rule is listed for the change's type below.
 */
import type { GoldChange, GoldPair, GoldType, Range } from './gold.js';

/** The rules whose finding names a gold type correctly (a dropped figure is a claim the rewrite no longer makes…). */
export const RULES_FOR_TYPE: Record<GoldType, readonly string[]> = {
  'number-changed': ['number-changed'],
  exaggerated: ['number-changed', 'number-dropped'],
  minimised: ['number-changed', 'number-dropped'],
  'entity-changed': ['entity-changed', 'speaker-description-changed'],
  'polarity-flipped': ['negation-flip'],
  'certainty-raised': ['hedge-removed', 'reporting-verb-shift'],
  'certainty-lowered': ['hedge-added', 'reporting-verb-shift'],
  'attribution-removed': ['attribution-removed', 'quote-removed'],
  'attribution-changed': ['attribution-changed', 'reporting-verb-shift', 'speaker-description-changed'],
  'quote-altered': ['quote-altered'],
  'quote-fabricated': ['quote-fabricated'],
  'claim-added': ['unsupported-content', 'quote-fabricated'],
  'opinion-added': ['unsupported-content'],
  'claim-dropped': ['claim-dropped', 'number-dropped', 'entity-dropped', 'quote-removed'],
  'context-dropped': ['speaker-description-changed', 'entity-dropped', 'number-dropped', 'claim-dropped'],
};

/** A finding as scored: rule, severity, spans on each side (the Finding shape and the diff baseline's both fit). */
export interface ScoredFinding {
  ruleId: string;
  severity: string;
  source: { start: number; end: number } | null;
  derived: { start: number; end: number } | null;
}

const overlaps = (a: { start: number; end: number } | null, r: Range | null) =>
  !!a && !!r && a.start < r[1] && r[0] < a.end;

export function locates(f: ScoredFinding, c: GoldChange): boolean {
  return overlaps(f.derived, c.derived) || overlaps(f.source, c.source);
}

export function typeCorrect(f: ScoredFinding, c: GoldChange): boolean {
  return locates(f, c) && RULES_FOR_TYPE[c.type].includes(f.ruleId);
}

const RANK: Record<string, number> = { high: 3, medium: 2, low: 1, info: 0 };
export const atLeast = (f: ScoredFinding, sev: 'low' | 'medium' | 'high') => (RANK[f.severity] ?? 0) >= RANK[sev];

export interface GoldScore {
  pairs: number;
  changes: number;
  located: number;
  typed: number;
  /** MEDIUM+ findings locate the change (what a reader who skips LOW would see). */
  locatedMedium: number;
  high: number;
  highRight: number;
  medium: number;
  mediumRight: number;
  faithfulPairs: number;
  faithfulFalseAlarms: number;
  independentPairs: number;
  independentMediumPlus: number;
  byType: Map<string, { n: number; located: number; typed: number }>;
  /** Findings that match nothing, for reading by hand. */
  falseAlarms: Array<{ pair: string; finding: ScoredFinding }>;
}

export function emptyScore(): GoldScore {
  return {
    pairs: 0,
    changes: 0,
    located: 0,
    typed: 0,
    locatedMedium: 0,
    high: 0,
    highRight: 0,
    medium: 0,
    mediumRight: 0,
    faithfulPairs: 0,
    faithfulFalseAlarms: 0,
    independentPairs: 0,
    independentMediumPlus: 0,
    byType: new Map(),
    falseAlarms: [],
  };
}

/** Adds one pair's findings to the running score. */
export function scorePair(score: GoldScore, pair: GoldPair, findings: ScoredFinding[]): void {
  score.pairs++;
  const shown = findings.filter((f) => atLeast(f, 'low'));
  if (pair.kind !== 'independent') {
    for (const c of pair.changes) {
      const t = score.byType.get(c.type) ?? { n: 0, located: 0, typed: 0 };
      const located = shown.some((f) => locates(f, c));
      const typed = shown.some((f) => typeCorrect(f, c));
      score.changes++;
      t.n++;
      if (located) score.located++, t.located++;
      if (typed) score.typed++, t.typed++;
      if (shown.some((f) => atLeast(f, 'medium') && locates(f, c))) score.locatedMedium++;
      score.byType.set(c.type, t);
    }
  }
  for (const f of findings) {
    const right = pair.changes.some((c) => locates(f, c));
    if (f.severity === 'high') score.high++, right && score.highRight++;
    if (f.severity === 'medium') score.medium++, right && score.mediumRight++;
    if (atLeast(f, 'medium') && !right) {
      score.falseAlarms.push({ pair: pair.id, finding: f });
      if (pair.kind === 'faithful') score.faithfulFalseAlarms++;
    }
  }
  if (pair.kind === 'faithful') score.faithfulPairs++;
  if (pair.kind === 'independent') {
    score.independentPairs++;
    score.independentMediumPlus += findings.filter((f) => atLeast(f, 'medium')).length;
  }
}

export const ratio = (a: number, b: number): number | null => (b ? a / b : null);
