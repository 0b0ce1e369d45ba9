/**
 * The README's headline numbers, generated from eval/results.json so they cannot go stale: `npm run eval` rewrites
 * the block between the markers and `eval/headline.test.ts` fails when the committed README disagrees.
 */
import { fmt, type StoredResults } from './report.js';

export const HEADLINE_START = '<!-- headline: generated from eval/results.json by eval/headline.ts -->';
export const HEADLINE_END = '<!-- /headline -->';

/** One number of the headline: the row it comes from (dataset, task, metric), as **value** (baseline). */
function pick(results: StoredResults, dataset: string, task: string, metric: string): string {
  const row = results.rows.find((r) => r.dataset === dataset && r.task === task && r.metric === metric);
  if (!row) throw new Error(`eval/results.json has no row ${dataset} / ${task} / ${metric}`);
  return `**${fmt(row.value)}** (${fmt(row.baseline)})`;
}

/** The headline paragraph, wrapped under 120 columns like the rest of the README. */
export function headlineText(results: StoredResults): string {
  const n = (dataset: string, task: string, metric: string) => pick(results, dataset, task, metric);
  const words = [
    'Headline numbers (held-out METER 2000 folders; tuned on 1999 only; baseline in brackets: word containment,',
    'FTS5 BM25 for retrieval, novel-word share for factuality): document relation 3-way macro-F1',
    `${n('meter-courts', 'meter-relation', 'macro-F1 (3-way)')}, derived-vs-independent accuracy`,
    `${n('meter-courts', 'meter-relation', 'accuracy (derived vs non)')}, direction`,
    `${n('meter-courts', 'meter-relation', 'direction accuracy')}; source retrieval with \`trace\` recall@1`,
    `${n('meter-courts', 'meter-retrieval', 'PA-only index: recall@1')}, origin ranked above sibling copies`,
    `${n('meter-courts', 'meter-retrieval', 'PA+newspapers index: top-1 is PA origin')}; sentence paraphrase ROC-AUC`,
    `${n('msrp (test)', 'paraphrase', 'ROC-AUC')} on MSRP, ${n('pan-10 (test)', 'paraphrase', 'ROC-AUC')} on PAN-10.`,
    'Factual-error detection on summaries: FRANK balanced accuracy',
    `${n('frank (test)', 'factual', 'balanced accuracy (unfaithful)')} — see the results page.`,
  ]
    .join(' ')
    .split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > 118) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** The README with its headline block regenerated; throws when the markers are missing. */
export function withHeadline(readme: string, results: StoredResults): string {
  const start = readme.indexOf(HEADLINE_START);
  const end = readme.indexOf(HEADLINE_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${HEADLINE_START} … ${HEADLINE_END} block`);
  return `${readme.slice(0, start + HEADLINE_START.length)}\n${headlineText(results)}\n${readme.slice(end)}`;
}
