import { ruleById } from '../checks/registry.js';
import {
  type CompareResult,
  type Finding,
  SEVERITIES,
  type Severity,
  type Verdict,
  type VerdictQuantities,
  isDerivedVerdict,
} from '../types.js';
import { pct } from './format.js';

/**
 * The presentation model every report shares (terminal, Markdown, HTML, the web pages): the plain-language summary
 * first, the decision-table row and quantities behind it with human labels, the direction guard's warning.
 * Written from the verdict and the findings generically (counts by rule and severity), never from fixed numbers.
 */
export interface Summary {
  /** One sentence: "This is a rewrite of the source that drops 5 figures, … and adds 3 claims the source does not make." */
  headline: string;
  /** The verdict in words ("a rewrite of the source"). */
  verdictWords: string;
  /** When the inputs look swapped: what to do about it (null otherwise). */
  orderWarning: string | null;
  /** The findings a reader should look at first (most severe, never info), at most `WORST`. */
  worst: Finding[];
  /** Findings by severity, most severe first (all severities, zeros included). */
  counts: Array<[Severity, number]>;
}

/** How many findings the summary quotes in full. */
export const WORST = 5;

/** The verdict in words: one table (a verdict missing here reads as its name; a test keeps the table complete). */
export const VERDICT_WORDS: Partial<Record<Verdict, string>> = {
  'verbatim-copy': 'a verbatim copy of the source',
  rewrite: 'a rewrite of the source',
  'partial-reuse': 'a text that reuses part of the source',
  'same-story': 'an independent report of the same story as the source',
  unrelated: 'unrelated to the source',
};

export function verdictWords(v: Verdict): string {
  return VERDICT_WORDS[v] ?? `classed "${v}" against the source`;
}

const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/** What each rule's findings say the rewrite did, for k findings (a rule missing here reads as its description). */
export const RULE_WORDS: Record<string, (k: number) => string> = {
  'number-changed': (k) => `changes ${n(k, 'figure')}`,
  'entity-changed': (k) => `changes ${n(k, 'name')}`,
  'quote-altered': (k) => `alters the wording of ${n(k, 'quote')}`,
  'quote-fabricated': (k) => `has ${n(k, 'quote')} the source never has`,
  'attribution-changed': (k) => `credits ${n(k, 'claim')} to someone else`,
  'negation-flip': (k) => `turns ${n(k, 'statement')} into ${k === 1 ? 'its' : 'their'} opposite`,
  'attribution-removed': (k) => `states ${n(k, 'attributed claim')} as plain fact`,
  'reporting-verb-shift': (k) => `changes how ${n(k, 'speaker is', 'speakers are')} reported ("said" → "admits")`,
  'hedge-added': (k) => `adds doubt to ${n(k, 'statement')}`,
  'hedge-removed': (k) => `drops the hedging from ${n(k, 'statement')}`,
  'speaker-description-changed': (k) => `describes ${n(k, 'speaker')} differently`,
  'quote-removed': (k) => `turns ${n(k, 'quote')} into paraphrase or drops ${k === 1 ? 'it' : 'them'}`,
  'unsupported-content': (k) => `adds ${n(k, 'claim')} the source does not make`,
  'source-uncredited': () => 'does not credit the source',
  'number-dropped': (k) => `drops ${n(k, 'figure')}`,
  'entity-dropped': (k) => `leaves out ${n(k, 'name')}`,
  'claim-dropped': (k) => `leaves out ${n(k, 'source sentence')}`,
  boilerplate: (k) => `carries ${n(k, 'piece')} of page furniture`,
};

/** A rule in a few words, for labels and filters: "figure dropped" for number-dropped. */
export function ruleLabel(ruleId: string): string {
  return ruleId.replace(/-/g, ' ');
}

function ruleWords(ruleId: string, k: number): string {
  const words = RULE_WORDS[ruleId];
  if (words) return words(k);
  const d = ruleById.get(ruleId)?.meta.description;
  return `has ${n(k, `${ruleLabel(ruleId)} finding`)}${d ? ` (${d.replace(/\.$/, '').toLowerCase()})` : ''}`;
}

/** At most this many clauses in the headline; the rest are counted. */
const CLAUSES = 4;

export function summarize(r: CompareResult): Summary {
  const shown = r.findings.filter((f) => f.severity !== 'info');
  // Rules by weight (a high finding counts as 9 low ones, a medium as 3), so six dropped figures still make the
  // sentence next to three added claims; ties go to the more severe rule.
  const byRule = new Map<string, Finding[]>();
  for (const f of shown) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const rank = (fs: Finding[]) => Math.min(...fs.map((f) => SEVERITIES.indexOf(f.severity)));
  const weight = (fs: Finding[]) => fs.reduce((w, f) => w + 3 ** (2 - SEVERITIES.indexOf(f.severity)), 0);
  const groups = [...byRule.entries()].sort(([, a], [, b]) => weight(b) - weight(a) || rank(a) - rank(b));
  const clauses = groups.slice(0, CLAUSES).map(([id, fs]) => ruleWords(id, fs.length));
  const rest = groups.slice(CLAUSES).reduce((k, [, fs]) => k + fs.length, 0);
  if (rest) clauses.push(`makes ${n(rest, 'other change')}`);
  const what = verdictWords(r.relation.verdict);
  const list = clauses.length > 1 ? `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}` : clauses[0];
  const derived = isDerivedVerdict(r.relation.verdict);
  const headline = !list
    ? `This is ${what}${derived ? '; Unspun found nothing changed, dropped or added' : ''}.`
    : derived
      ? `This is ${what} that ${list}.`
      : `This is ${what}; where the two overlap, it ${list}.`;
  return {
    headline: headline.charAt(0).toUpperCase() + headline.slice(1),
    verdictWords: what,
    orderWarning: orderWarning(r),
    worst: worstFindings(shown),
    counts: SEVERITIES.map((s) => [s, r.findings.filter((f) => f.severity === s).length]),
  };
}

/** The most severe finding of each rule first (so the few quoted show different problems), then the next ones. */
function worstFindings(shown: Finding[]): Finding[] {
  const seen = new Set<string>();
  const first = shown.filter((f) => !seen.has(f.ruleId) && seen.add(f.ruleId));
  const firstSet = new Set(first);
  return [...first, ...shown.filter((f) => !firstSet.has(f))]
    .slice(0, WORST)
    .sort((a, b) => shown.indexOf(a) - shown.indexOf(b));
}

/** The direction guard in words (null when the order looks right or was confirmed). */
function orderWarning(r: CompareResult): string | null {
  const o = r.order;
  if (!o?.likelyReversed || o.confirmed) return null;
  const held = o.held
    ? ` ${n(o.held, 'finding')} that accuse the rewrite of inventing are held at medium until the order is confirmed.`
    : '';
  return `The inputs look swapped: the text given as the source reads like the copy (${pct(o.confidence)} sure from ${r.relation.basis?.directionBy === 'dates' ? 'the publication dates' : 'the content'}).${held}`;
}

/** The decision-table rows (docs/verdicts.md) in words. */
export const TABLE_ROW_WORDS: Record<string, string> = {
  verbatim: 'most of it is copied word for word',
  copy: 'almost all of its words come from the source',
  retold: "it retells the source's names and figures and brings none of its own",
  words: 'most of its words come from the source',
  narration: "it shares the reporter's own sentences, not only the quotes",
  ordered: "most of it has a counterpart in the source, in the source's order",
  spun: "it is spun from the source's names and figures: it keeps them, adds none of its own, and tells the story in the source's order, though much of what it says has no counterpart",
  'shared-specifics': 'it shares names and figures but tells the story its own way',
  none: 'it shares too little with the source',
};

/** The quantities behind a verdict with human labels, in the order docs/verdicts.md lists them. */
export const QUANTITY_LABELS: Record<keyof VerdictQuantities, string> = {
  words: 'words of the rewrite found in the source',
  support: 'rewrite text with a counterpart in the source',
  linkStrength: 'how close those counterparts are',
  narration: "reporter's own wording shared (outside quotes)",
  verbatim: 'copied word for word (5+ word runs)',
  specificsShared: 'names and figures taken from the source',
  novelSpecifics: 'new names and figures per sentence',
  sentenceOrder: "sentences kept in the source's order",
  sourceCoverage: 'source text carried over',
  specifics: 'names and figures in the rewrite (a count)',
};

const DIRECTION_WORDS = {
  'as-given': 'the derived text was made from the source',
  reversed: 'the source looks made from the derived text (the inputs look swapped)',
  unclear: 'which text came first is unclear',
} as const;

/** The page a report links for "how verdicts are decided" (served by `unspun serve` at /docs/verdicts.md). */
export const VERDICTS_DOC = 'docs/verdicts.md';

/** The verdict's evidence in words, one click or `--verbose` away: [label, value] rows. */
export function verdictDetails(r: CompareResult): Array<[string, string]> {
  const rel = r.relation;
  const rows: Array<[string, string]> = [];
  if (rel.basis) rows.push(['why this verdict', TABLE_ROW_WORDS[rel.basis.rule] ?? `table row "${rel.basis.rule}"`]);
  rows.push(['how sure', pct(rel.confidence)]);
  rows.push(['direction', `${DIRECTION_WORDS[rel.direction]} (${pct(rel.directionConfidence)} sure)`]);
  if (rel.basis) {
    const q = rel.basis.quantities;
    for (const key of Object.keys(QUANTITY_LABELS) as Array<keyof VerdictQuantities>)
      rows.push([
        QUANTITY_LABELS[key],
        key === 'specifics' ? String(q[key]) : key === 'novelSpecifics' ? q[key].toFixed(2) : pct(q[key]),
      ]);
  }
  rows.push(['fidelity (1 = all carried over, nothing altered)', pct(r.scores.fidelity)]);
  rows.push(['source covered', pct(r.scores.sourceCoverage)]);
  rows.push(['rewrite supported by the source', pct(r.scores.derivedSupport)]);
  rows.push(['verbatim share', pct(r.scores.verbatimShare)]);
  return rows;
}
