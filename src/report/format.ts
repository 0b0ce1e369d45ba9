import { type Finding, type FindingSide, type Relation, SEVERITIES, type Severity } from '../types.js';

export { SEVERITIES };

/** Findings bucketed by severity, most severe first. */
export function groupBySeverity(findings: Finding[]): Array<[Severity, Finding[]]> {
  return SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s)] as [Severity, Finding[]]).filter(
    ([, fs]) => fs.length > 0,
  );
}

export function countsLine(findings: Finding[]): string {
  return SEVERITIES.map((s) => `${findings.filter((f) => f.severity === s).length} ${s}`).join(', ');
}

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/**
 * The finding's sentence with the span marked, trimmed to about `width` characters around it.
 * `sentenceText` and `sentenceStart` locate the sentence in its document. `clean` escapes each piece of article
 * text before the mark is added (so the mark's own codes survive). A long span is clipped too: the excerpt is
 * never much longer than `width`, whatever the sentence (a 200 KB unpunctuated line is one sentence).
 */
export function excerpt(
  side: FindingSide,
  sentenceText: string,
  sentenceStart: number,
  mark: (s: string) => string,
  width = 220,
  clean: (s: string) => string = (s) => s,
): string {
  const a = Math.max(0, side.start - sentenceStart);
  const b = Math.min(sentenceText.length, side.end - sentenceStart);
  if (a >= b || b > sentenceText.length) return clean(clip(sentenceText, width));
  const before = sentenceText.slice(0, a);
  const after = sentenceText.slice(b);
  const span = sentenceText.slice(a, b);
  const room = Math.max(20, Math.floor((width - Math.min(b - a, width)) / 2));
  const left = before.length > room ? '…' + before.slice(before.length - room) : before;
  const right = after.length > room ? after.slice(0, room) + '…' : after;
  const middle = span.length > width ? span.slice(0, width / 2) + '…' + span.slice(span.length - width / 2) : span;
  return clean(left) + mark(clean(middle)) + clean(right);
}

export function clip(s: string, width: number): string {
  return s.length > width ? s.slice(0, width - 1) + '…' : s;
}

const DIRECTION_BY = {
  dates: 'publication dates',
  lean: 'content',
  'weak-lean': 'content, weakly',
  none: 'nothing',
} as const;

/** The quantities behind the verdict, one line (docs/verdicts.md names the rows); empty when the relation has no basis. */
export function basisLine(rel: Relation): string {
  const b = rel.basis;
  if (!b) return '';
  const q = b.quantities;
  return `table row ${b.rule}: words in source ${pct(q.words)}, support ${pct(q.support)} (link strength ${pct(q.linkStrength)}), narration ${pct(q.narration)}, verbatim ${pct(q.verbatim)}, names/figures from source ${pct(q.specificsShared)}, new specifics ${q.novelSpecifics.toFixed(2)}, sentence order ${pct(q.sentenceOrder)}, source covered ${pct(q.sourceCoverage)}; direction by ${DIRECTION_BY[b.directionBy]} (lean ${b.lean.toFixed(2)}) (docs/verdicts.md)`;
}
