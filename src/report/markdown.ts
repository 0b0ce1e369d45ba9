import type { ArticleReport, CompareResult, FindingSide } from '../types.js';
import { basisLine, clip, countsLine, excerpt, groupBySeverity, pct } from './format.js';
import { safeLine } from './sanitize.js';

/** A report to paste into a ticket: verdict, scores, then a table of findings per severity. */
export function compareToMarkdown(r: CompareResult, labels: { source: string; derived: string }): string {
  const mark = (s: string) => `**${s}**`;
  const out: string[] = [];
  out.push(`## Unspun compare: ${r.relation.verdict}`);
  out.push('');
  out.push(`| | source | derived |`);
  out.push(`|---|---|---|`);
  out.push(`| article | ${cell(r.source.title ?? labels.source)} | ${cell(r.derived.title ?? labels.derived)} |`);
  out.push(`| published | ${cell(r.source.published ?? '—')} | ${cell(r.derived.published ?? '—')} |`);
  out.push(`| sha256 | \`${r.source.sha256.slice(0, 16)}…\` | \`${r.derived.sha256.slice(0, 16)}…\` |`);
  out.push('');
  out.push(
    `- **Verdict:** ${r.relation.verdict} (confidence ${r.relation.confidence.toFixed(2)}); direction ${r.relation.direction} (${r.relation.directionConfidence.toFixed(2)})`,
  );
  if (r.relation.basis) out.push(`- **Why:** ${basisLine(r.relation)}`);
  out.push(
    `- **Scores:** fidelity ${pct(r.scores.fidelity)}, source coverage ${pct(r.scores.sourceCoverage)}, derived support ${pct(r.scores.derivedSupport)}, verbatim share ${pct(r.scores.verbatimShare)}`,
  );
  out.push(`- **Findings:** ${countsLine(r.findings)}`);
  for (const [severity, findings] of groupBySeverity(r.findings)) {
    out.push('');
    out.push(`### ${severity} (${findings.length})`);
    out.push('');
    out.push('| rule | finding | source | derived |');
    out.push('|---|---|---|---|');
    for (const f of findings) {
      out.push(
        `| \`${f.ruleId}\` | ${cell(f.message)} | ${side(r.source, f.source, mark)} | ${side(r.derived, f.derived, mark)} |`,
      );
    }
  }
  return out.join('\n') + '\n';
}

function side(doc: ArticleReport, s: FindingSide | null, mark: (s: string) => string): string {
  if (!s) return '—';
  const sentence = doc.sentences[s.sentence];
  const text = sentence ? excerpt(s, sentence.text, sentence.start, mark, 160, cell) : cell(clip(s.text, 160));
  return `${text} <sub>[${s.start},${s.end})</sub>`;
}

/**
 * Article text inside a table cell: HTML escaped (Markdown renderers pass raw HTML through), Markdown's own
 * emphasis and pipes escaped, line breaks flattened, control characters shown escaped.
 */
function cell(s: string): string {
  return safeLine(s.replace(/\r?\n/g, ' '))
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[|*_`[\]]/g, (c) => '\\' + c);
}
