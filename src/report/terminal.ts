import type { ArticleReport, CompareResult, Finding, FindingSide } from '../types.js';
import { basisLine, clip, countsLine, excerpt, groupBySeverity, pct } from './format.js';
import { VERDICTS_DOC, ruleLabel, summarize, verdictDetails } from './summary.js';
import { safeLine } from './sanitize.js';

export interface TerminalStyle {
  color: boolean;
  /** Also the decision-table row and quantities behind the verdict, and every span's `[start,end)` offsets. */
  verbose?: boolean;
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

/**
 * The compare report for a terminal: what was compared, then the plain-language summary (the direction guard's
 * warning first when the inputs look swapped), the worst findings with both passages, then every finding grouped by
 * severity. The verdict's table row and quantities are `--verbose`.
 */
export function compareToTerminal(
  r: CompareResult,
  style: TerminalStyle,
  labels: { source: string; derived: string },
): string {
  const c = (code: string, s: string) => (style.color ? code + s + ANSI.reset : s);
  const mark = (s: string) => (style.color ? ANSI.bold + ANSI.under + s + ANSI.reset : `«${s}»`);
  const sum = summarize(r);
  const lines: string[] = [];
  lines.push(c(ANSI.bold, 'Unspun compare'));
  lines.push(`  source:  ${describe(r.source, labels.source)}`);
  lines.push(`  derived: ${describe(r.derived, labels.derived)}`);
  lines.push('');
  if (sum.orderWarning) {
    lines.push(c(ANSI.red + ANSI.bold, `Warning: ${sum.orderWarning}`));
    lines.push(
      '  Run again with --orient auto to compare them the other way round, or --orient as-given to keep this order.',
    );
    lines.push('');
  }
  lines.push(`${c(ANSI.bold, 'In short:')} ${sum.headline}`);
  lines.push(
    `Fidelity ${pct(r.scores.fidelity)} (100% = everything carried over, nothing altered). Findings: ${countsLine(r.findings)}.`,
  );
  lines.push('');
  if (sum.worst.length) {
    lines.push(c(ANSI.bold, 'Look at these first:'));
    sum.worst.forEach((f, i) => {
      lines.push(...findingLines(r, f, c, mark, false, `${i + 1}. ${f.severity.toUpperCase()}`));
    });
    lines.push('');
  }
  if (style.verbose) {
    lines.push(c(ANSI.bold, `How the verdict was decided (${VERDICTS_DOC}):`));
    for (const [k, v] of verdictDetails(r)) lines.push(`  ${k}: ${v}`);
    if (r.relation.basis) lines.push(c(ANSI.dim, `  ${basisLine(r.relation)}`));
    lines.push('');
  } else lines.push(c(ANSI.dim, `How the verdict was decided: --verbose, or ${VERDICTS_DOC}.`), '');
  lines.push(c(ANSI.bold, 'All findings'));
  if (r.findings.length === 0) lines.push('No findings.');
  for (const [severity, findings] of groupBySeverity(r.findings)) {
    lines.push(c(SEVERITY_COLOR[severity] + ANSI.bold, `${severity.toUpperCase()} (${findings.length})`));
    for (const f of findings) lines.push(...findingLines(r, f, c, mark, style.verbose ?? false));
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
  offsets: boolean,
  prefix?: string,
): string[] {
  const held = f.heldFrom ? c(ANSI.dim, ` (held: ${f.heldFrom} once the order is confirmed)`) : '';
  const head = prefix
    ? `  ${c(SEVERITY_COLOR[f.severity] + ANSI.bold, prefix)} ${ruleLabel(f.ruleId)}:`
    : `  ${c(ANSI.bold, f.ruleId)} `;
  const out = [`${head} ${safeLine(clip(f.message, 500))}${held}`];
  if (offsets && (f.expected !== undefined || f.actual !== undefined))
    out.push(
      c(
        ANSI.dim,
        `      expected: ${safeLine(clip(String(f.expected ?? '—'), 200))}   actual: ${safeLine(clip(String(f.actual ?? '—'), 200))}`,
      ),
    );
  out.push(sideLine('source ', r.source, f.source, mark, offsets));
  out.push(sideLine('derived', r.derived, f.derived, mark, offsets));
  return out;
}

function sideLine(
  label: string,
  doc: ArticleReport,
  side: FindingSide | null,
  mark: (s: string) => string,
  offsets: boolean,
): string {
  if (!side) return `      ${label} —`;
  const s = doc.sentences[side.sentence];
  const where = offsets ? ` [${side.start},${side.end})` : '';
  const text = s ? excerpt(side, s.text, s.start, mark, 220, safeLine) : safeLine(clip(side.text, 220));
  return `      ${label}${where} “${text}”`;
}
