import type { QuoteAppearance, QuotesResult } from '../corpus/quotes/provenance.js';
import type { WordDiffOp } from '../corpus/quotes/word-diff.js';
import { clip, MUTATION_LABELS, orderWords, speakerWords } from './quotes-text.js';
import { cell } from './markdown.js';

/** `unspun quotes --format markdown`: one section per quote, a table of appearances per wording. */
export function quotesToMarkdown(r: QuotesResult): string {
  const out: string[] = [];
  if (!r.trails.length) out.push(`Article #${r.query.article} has no direct quotes of 3 words or more.`, '');
  for (const t of r.trails) {
    out.push(`## “${cell(clip(t.query, 120))}”`, '');
    out.push(
      `${t.counts.appearances} appearance(s): ${t.counts.quoted} quoted, ${t.counts.paraphrased} restated without quotation marks; ${orderWords(t)}.`,
      '',
    );
    for (const w of t.wordings) {
      out.push(
        `### ${w.form === 'quote' ? '“' + cell(clip(w.text, 200)) + '”' : 'Restated: ' + cell(clip(w.text, 200))}`,
        '',
      );
      if (w.diff) out.push(`Words against the earliest version: ${diffToMarkdown(w.diff)}`, '');
      out.push('| article | published | speaker as given | mutations |', '| --- | --- | --- | --- |');
      for (const a of w.appearances) out.push(row(a));
      out.push('');
    }
  }
  return out.join('\n') + '\n';
}

function row(a: QuoteAppearance): string {
  const m = a.article;
  const title = `#${m.id} ${cell(clip(m.title ?? '(untitled)', 80))}${m.outlet ? ` · ${cell(m.outlet)}` : ''}`;
  const mutations = a.mutations.map((x) => MUTATION_LABELS[x]).join('; ') || '—';
  return `| ${title} | ${cell(m.published?.slice(0, 10) ?? '—')} | ${cell(speakerWords(a))} | ${cell(mutations)} |`;
}

/** Kept words plain, changed ones as ~~was~~ **now**, added **bold**, removed ~~struck~~. */
export function diffToMarkdown(ops: WordDiffOp[]): string {
  return ops
    .map((o) =>
      o.op === 'same'
        ? cell(o.text!)
        : o.op === 'changed'
          ? `~~${cell(o.was!)}~~ **${cell(o.text!)}**`
          : o.op === 'added'
            ? `**${cell(o.text!)}**`
            : `~~${cell(o.was!)}~~`,
    )
    .join(' ');
}
