import type { ArticleReport, CompareResult, FindingSide } from '../types.js';
import { basisLine, clip, countsLine, excerpt, groupBySeverity } from './format.js';
import { VERDICTS_DOC, ruleLabel, summarize, verdictDetails } from './summary.js';
import { safeLine } from './sanitize.js';

/**
 * A report to paste into a ticket: the plain-language summary and the worst findings first, the verdict's
 * quantities folded in a `<details>`, then a table of findings per severity.
 */
export function compareToMarkdown(r: CompareResult, labels: { source: string; derived: string }): string {
  const mark = (s: string) => `**${s}**`;
  const sum = summarize(r);
  const out: string[] = [];
  out.push(`## Unspun compare: ${r.relation.verdict}`);
  out.push('');
  if (sum.orderWarning) {
    out.push(
      `> **Warning:** ${sum.orderWarning} Compare them the other way round (\`--orient auto\`) or confirm this order (\`--orient as-given\`).`,
    );
    out.push('');
  }
  out.push(`**In short:** ${sum.headline}`);
  out.push('');
  out.push(`| | source | derived |`);
  out.push(`|---|---|---|`);
  out.push(`| article | ${cell(r.source.title ?? labels.source)} | ${cell(r.derived.title ?? labels.derived)} |`);
  out.push(`| published | ${cell(r.source.published ?? '—')} | ${cell(r.derived.published ?? '—')} |`);
  out.push(`| sha256 | \`${r.source.sha256.slice(0, 16)}…\` | \`${r.derived.sha256.slice(0, 16)}…\` |`);
  out.push('');
  if (sum.worst.length) {
    out.push('### Look at these first');
    out.push('');
    sum.worst.forEach((f, i) => {
      out.push(`${i + 1}. **${f.severity}** ${cell(ruleLabel(f.ruleId))}: ${cell(f.message)}`);
      out.push(`   - source: ${side(r.source, f.source, mark, false)}`);
      out.push(`   - derived: ${side(r.derived, f.derived, mark, false)}`);
    });
    out.push('');
  }
  out.push('<details><summary>How the verdict was decided</summary>');
  out.push('');
  for (const [k, v] of verdictDetails(r)) out.push(`- ${k}: ${cell(v)}`);
  if (r.relation.basis) out.push(`- table: ${cell(basisLine(r.relation))}`);
  out.push(`- how verdicts are decided: [${VERDICTS_DOC}](${VERDICTS_DOC})`);
  out.push('');
  out.push('</details>');
  out.push('');
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

function side(doc: ArticleReport, s: FindingSide | null, mark: (s: string) => string, offsets = true): string {
  if (!s) return '—';
  const sentence = doc.sentences[s.sentence];
  const text = sentence ? excerpt(s, sentence.text, sentence.start, mark, 160, cell) : cell(clip(s.text, 160));
  return offsets ? `${text} <sub>[${s.start},${s.end})</sub>` : `“${text}”`;
}

/**
 * Article text inside a table cell: HTML escaped (Markdown renderers pass raw HTML through), Markdown's own
 * emphasis and pipes escaped, line breaks flattened, control characters shown escaped.
 */
export function cell(s: string): string {
  return safeLine(s.replace(/\r?\n/g, ' '))
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[|*_`[\]]/g, (c) => '\\' + c);
}
