import type { ArticleReport, CompareResult, Finding, FindingSide } from '../types.js';
import { basisLine, clip, countsLine, excerpt, groupBySeverity, pct } from './format.js';
import { safeLine } from './sanitize.js';

export interface TerminalStyle {
  color: boolean;
}

const ANSI = {
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
  grey: '\x1b[90m',
  under: '\x1b[4m',
  reset: '\x1b[0m',
};
const SEVERITY_COLOR = { high: ANSI.red, medium: ANSI.yellow, low: ANSI.cyan, info: ANSI.grey } as const;

/** The compare report for a terminal: verdict and scores, then findings grouped by severity with both sentences quoted. */
export function compareToTerminal(
  r: CompareResult,
  style: TerminalStyle,
  labels: { source: string; derived: string },
): string {
  const c = (code: string, s: string) => (style.color ? code + s + ANSI.reset : s);
  const mark = (s: string) => (style.color ? ANSI.bold + ANSI.under + s + ANSI.reset : `«${s}»`);
  const lines: string[] = [];
  lines.push(c(ANSI.bold, 'Unspun compare'));
  lines.push(`  source:  ${describe(r.source, labels.source)}`);
  lines.push(`  derived: ${describe(r.derived, labels.derived)}`);
  lines.push('');
  const rel = r.relation;
  lines.push(
    `${c(ANSI.bold, 'Verdict:')} ${rel.verdict} (confidence ${rel.confidence.toFixed(2)}) · direction ${rel.direction} (${rel.directionConfidence.toFixed(2)})`,
  );
  if (rel.basis) lines.push(`${c(ANSI.bold, 'Why:')}     ${basisLine(rel)}`);
  lines.push(
    `${c(ANSI.bold, 'Scores:')}  fidelity ${pct(r.scores.fidelity)} · source coverage ${pct(r.scores.sourceCoverage)} · derived support ${pct(r.scores.derivedSupport)} · verbatim share ${pct(r.scores.verbatimShare)} · ${r.alignment.length} aligned links`,
  );
  lines.push('');
  if (r.findings.length === 0) lines.push('No findings.');
  for (const [severity, findings] of groupBySeverity(r.findings)) {
    lines.push(c(SEVERITY_COLOR[severity] + ANSI.bold, `${severity.toUpperCase()} (${findings.length})`));
    for (const f of findings) lines.push(...findingLines(r, f, c, mark));
    lines.push('');
  }
  lines.push(`Findings: ${countsLine(r.findings)}`);
  return lines.join('\n') + '\n';
}

function describe(a: ArticleReport, label: string): string {
  const bits = [a.title ? `"${safeLine(clip(a.title, 200))}"` : safeLine(label)];
  if (a.title && label) bits.push(`(${safeLine(label)})`);
  if (a.published) bits.push(safeLine(a.published));
  bits.push(`${a.sentences.length} sentences`);
  return bits.join(' · ');
}

function findingLines(
  r: CompareResult,
  f: Finding,
  c: (code: string, s: string) => string,
  mark: (s: string) => string,
): string[] {
  const out = [`  ${c(ANSI.bold, f.ruleId)}  ${safeLine(clip(f.message, 500))}`];
  if (f.expected !== undefined || f.actual !== undefined)
    out.push(
      c(
        ANSI.dim,
        `      expected: ${safeLine(clip(String(f.expected ?? '—'), 200))}   actual: ${safeLine(clip(String(f.actual ?? '—'), 200))}`,
      ),
    );
  out.push(sideLine('source ', r.source, f.source, mark));
  out.push(sideLine('derived', r.derived, f.derived, mark));
  return out;
}

function sideLine(label: string, doc: ArticleReport, side: FindingSide | null, mark: (s: string) => string): string {
  if (!side) return `      ${label} —`;
  const s = doc.sentences[side.sentence];
  const where = `[${side.start},${side.end})`;
  const text = s ? excerpt(side, s.text, s.start, mark, 220, safeLine) : safeLine(clip(side.text, 220));
  return `      ${label} ${where} “${text}”`;
}
