/**
 * Summary factuality: does compare(article, summary) flag the unfaithful summaries?
 * Unspun → label: "unfaithful" when some finding has severity high or medium and a non-null derived span.
 * Gold: FRANK test split, Factuality < 1 = unfaithful (error types EntE/OutE/CircE/RelE present when < 1);
 * SummaC subsets label 0; QAGS sentences with a majority of "no"; AggreFact CLIFF (test cut) error_type ≠ correct.
 * Baseline: share of summary words absent from the article, cut tuned for balanced accuracy on the FRANK
 * validation split and reused everywhere. Summaries in FRANK/SummaC are lower-cased and tokenised as published.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompareResult } from '../../src/types.js';
import { containment, readCsv, readJsonl } from '../data.js';
import { balancedAccuracy, bestThreshold, rocAuc } from '../metrics.js';
import { fmt } from '../report.js';
import type { EvalContext, EvalRow, EvalTask } from '../types.js';
import { loadKernel } from '../unspun.js';

/** One article/summary pair; `unfaithful` is the positive class; `errors` lists FRANK error types present. */
export interface FactualPair {
  article: string;
  summary: string;
  unfaithful: boolean;
  errors: string[];
}

const ERROR_TYPES = ['EntE', 'OutE', 'CircE', 'RelE'] as const;

interface FrankRow {
  split: string;
  article: string;
  summary: string;
  Factuality: number;
  [type: string]: unknown;
}

function frank(dataDir: string, split: 'test' | 'valid'): FactualPair[] {
  return readJsonl<FrankRow>(join(dataDir, 'frank/frank_with_text.jsonl'))
    .filter((r) => r.split === split)
    .map((r) => ({
      article: r.article,
      summary: r.summary,
      unfaithful: r.Factuality < 1,
      errors: ERROR_TYPES.filter((t) => (r[t] as number) < 1),
    }));
}

function summac(dataDir: string, name: string): FactualPair[] {
  const rows = JSON.parse(readFileSync(join(dataDir, `summac_benchmark_subset/${name}.json`), 'utf8')) as Record<
    string,
    { document: string; claim: string; label: number }
  >;
  return Object.values(rows).map((r) => ({
    article: r.document,
    summary: r.claim,
    unfaithful: r.label === 0,
    errors: [],
  }));
}

function qags(dataDir: string, name: string): FactualPair[] {
  type Q = { article: string; summary_sentences: Array<{ sentence: string; responses: Array<{ response: string }> }> };
  return readJsonl<Q>(join(dataDir, `qags/mturk_${name}.jsonl`)).flatMap((a) =>
    a.summary_sentences.map((s) => ({
      article: a.article,
      summary: s.sentence,
      errors: [],
      unfaithful: s.responses.filter((r) => r.response === 'no').length * 2 > s.responses.length,
    })),
  );
}

function cliff(dataDir: string): FactualPair[] {
  return readCsv(join(dataDir, 'aggrefact_error_types/CLIFF_error_types.csv'))
    .filter((r) => r.cut === 'test')
    .map((r) => ({ article: r.doc, summary: r.summ, unfaithful: r.error_type !== 'correct', errors: [] }));
}

/** The datasets, FRANK first (its rows feed the per-error-type recall). */
function datasets(dataDir: string): Array<{ name: string; pairs: FactualPair[] }> {
  return [
    { name: 'frank (test)', pairs: frank(dataDir, 'test') },
    ...['summeval', 'factcc', 'xsumfaith', 'polytope'].map((n) => ({ name: `summac ${n}`, pairs: summac(dataDir, n) })),
    { name: 'qags cnndm', pairs: qags(dataDir, 'cnndm') },
    { name: 'qags xsum', pairs: qags(dataDir, 'xsum') },
    { name: 'aggrefact cliff (test)', pairs: cliff(dataDir) },
  ];
}

/** Unspun's decision and a graded score (how many such findings) for ROC-AUC. */
export function flagged(r: CompareResult): { flag: boolean; score: number } {
  const n = r.findings.filter((f) => (f.severity === 'high' || f.severity === 'medium') && f.derived !== null).length;
  return { flag: n > 0, score: n };
}

const novelty = (p: FactualPair): number => 1 - containment(p.summary, p.article);

async function run(ctx: EvalContext): Promise<EvalRow[]> {
  const cut = bestThreshold(
    frank(ctx.dataDir, 'valid').map((p) => p.unfaithful),
    frank(ctx.dataDir, 'valid').map(novelty),
    balancedAccuracy,
  ).threshold;
  const sets = datasets(ctx.dataDir);
  const { kernel, reason } = await loadKernel();
  const total = sets.reduce((a, s) => a + s.pairs.length, 0);
  let done = 0;
  const rows: EvalRow[] = [];
  const lines = [
    `Baseline cut: unfaithful when ≥ ${fmt(cut)} of the summary's distinct words are not in the article (tuned on FRANK valid).`,
    '',
    '| dataset | n | unfaithful | Unspun flagged | compare() failures |',
    '|---|---|---|---|---|',
  ];

  for (const { name, pairs } of sets) {
    const gold = pairs.map((p) => p.unfaithful);
    const base = pairs.map(novelty);
    const baseFlag = base.map((s) => s >= cut);
    let ours: Array<{ flag: boolean; score: number }> | null = null;
    let failures = 0;
    if (kernel) {
      ours = pairs.map((p) => {
        ctx.progress('factual', done++, total);
        try {
          return flagged(kernel.compare(p.article, p.summary));
        } catch {
          failures++;
          return { flag: false, score: 0 };
        }
      });
    }
    const first = rows.length === 0; // shared notes are said once, on the first dataset's rows
    const skip = !kernel && first ? `; Unspun skipped: ${reason}` : '';
    const note = `n=${pairs.length}, ${gold.filter(Boolean).length} unfaithful; baseline: novel-word share ≥ ${fmt(cut)}${skip}`;
    rows.push(
      {
        dataset: name,
        task: 'factual',
        metric: 'balanced accuracy (unfaithful)',
        value: ours
          ? balancedAccuracy(
              gold,
              ours.map((o) => o.flag),
            )
          : null,
        baseline: balancedAccuracy(gold, baseFlag),
        note,
      },
      {
        dataset: name,
        task: 'factual',
        metric: 'ROC-AUC',
        value: ours
          ? rocAuc(
              gold,
              ours.map((o) => o.score),
            )
          : null,
        baseline: rocAuc(gold, base),
        ...(first
          ? { note: 'Unspun score: number of high/medium findings with a derived span; baseline: novel-word share' }
          : {}),
      },
    );
    lines.push(
      `| ${name} | ${pairs.length} | ${gold.filter(Boolean).length} | ${ours ? ours.filter((o) => o.flag).length : '—'} | ${kernel ? failures : '—'} |`,
    );

    if (name.startsWith('frank')) {
      for (const type of ERROR_TYPES) {
        const idx = pairs.map((p, i) => (p.errors.includes(type) ? i : -1)).filter((i) => i >= 0);
        const recall = (flags: boolean[]) => idx.filter((i) => flags[i]).length / idx.length;
        rows.push({
          dataset: name,
          task: 'factual',
          metric: `recall on ${type}`,
          value: ours ? recall(ours.map((o) => o.flag)) : null,
          baseline: recall(baseFlag),
          note: `n=${idx.length} summaries with ${type}`,
        });
      }
    }
  }
  ctx.detail(lines.join('\n'));
  return rows;
}

export const task: EvalTask = {
  name: 'factual',
  description:
    'Summary factuality (FRANK, SummaC subsets, QAGS, AggreFact CLIFF): do high/medium findings flag unfaithful summaries?',
  run,
};
