/**
 * InSciOut part of the `findings` task (Sumner et al. 2014, as released by Wright & Augenstein 2021): a paper
 * abstract's conclusion (source) vs the press release's (derived), labelled `exaggerates` / `downplays` / `same`.
 * Unspun's call from compare(abstract, press release): a hedge-removed finding (the release drops a hedge: a
 * strengthening) → exaggerates; hedge-added (a softening) → downplays; both or neither → same.
 * Baselines: hedge-word counts (fewer hedge words in the release → exaggerates, more → downplays) and the majority
 * class. Both InSciOut files are used (no fitting here). Many exaggerations are correlational → causal ("is
 * associated with" → "saves lives"), which no hedge lexicon sees: the recall on them is the honest limit.
 */
import { join } from 'node:path';
import { readJsonl, words } from '../data.js';
import { classify } from '../metrics.js';
import { classificationTable, fmt } from '../report.js';
import type { EvalContext, EvalRow } from '../types.js';
import type { Kernel } from '../unspun.js';

interface Row {
  abstract_conclusion: string;
  press_release_conclusion: string;
  exaggeration_label: string;
}
const LABELS = ['exaggerates', 'downplays', 'same'];
const HEDGES = new Set([
  'may',
  'might',
  'could',
  'can',
  'possibly',
  'probably',
  'likely',
  'suggest',
  'suggests',
  'suggested',
  'associated',
  'association',
  'linked',
  'appear',
  'appears',
  'potential',
  'potentially',
  'perhaps',
]);

export function hedgeCount(text: string): number {
  return words(text).filter((w) => HEDGES.has(w.norm)).length;
}

export async function runInsciout(
  ctx: EvalContext,
  kernel: Kernel | null,
  reason: string,
): Promise<{ rows: EvalRow[]; details: string[] }> {
  const data = ['insciout_train.jsonl', 'insciout_test.jsonl'].flatMap((f) =>
    readJsonl<Row>(join(ctx.dataDir, 'insciout', f)),
  );
  const gold = data.map((r) => r.exaggeration_label);
  const base = data.map((r) => {
    const d = hedgeCount(r.press_release_conclusion) - hedgeCount(r.abstract_conclusion);
    return d < 0 ? 'exaggerates' : d > 0 ? 'downplays' : 'same';
  });
  let failures = 0;
  const ours = kernel
    ? data.map((r, i) => {
        ctx.progress('findings: insciout', i, data.length);
        try {
          const f = kernel.compare(r.abstract_conclusion, r.press_release_conclusion).findings;
          const removed = f.some((x) => x.ruleId === 'hedge-removed'),
            added = f.some((x) => x.ruleId === 'hedge-added');
          return removed && !added ? 'exaggerates' : added && !removed ? 'downplays' : 'same';
        } catch {
          failures++;
          return 'same';
        }
      })
    : null;
  const b = classify(gold, base, LABELS);
  const majority = classify(
    gold,
    gold.map(() => 'same'),
    LABELS,
  );
  const o = ours ? classify(gold, ours, LABELS) : null;
  const note = `n=${data.length} (train+test); baseline: hedge-word count difference (majority class "same": macro-F1 ${fmt(majority.macroF1)})`;
  const rows: EvalRow[] = [
    {
      dataset: 'insciout',
      task: 'findings',
      metric: 'macro-F1 exaggerates/downplays/same',
      value: o?.macroF1 ?? null,
      baseline: b.macroF1,
      note: note + (kernel ? '' : `; Unspun skipped: ${reason}`),
    },
    {
      dataset: 'insciout',
      task: 'findings',
      metric: 'exaggerates (hedge-removed) precision',
      value: o?.perClass.exaggerates.precision ?? null,
      baseline: b.perClass.exaggerates.precision,
      note: `n=${b.perClass.exaggerates.support} exaggerations`,
    },
    {
      dataset: 'insciout',
      task: 'findings',
      metric: 'exaggerates (hedge-removed) recall',
      value: o?.perClass.exaggerates.recall ?? null,
      baseline: b.perClass.exaggerates.recall,
    },
    {
      dataset: 'insciout',
      task: 'findings',
      metric: 'downplays (hedge-added) precision',
      value: o?.perClass.downplays.precision ?? null,
      baseline: b.perClass.downplays.precision,
      note: `n=${b.perClass.downplays.support} downplays`,
    },
    {
      dataset: 'insciout',
      task: 'findings',
      metric: 'downplays (hedge-added) recall',
      value: o?.perClass.downplays.recall ?? null,
      baseline: b.perClass.downplays.recall,
    },
  ];
  const details = [
    '### InSciOut hedge direction',
    '',
    `${note}${failures ? `; ${failures} compare() failures` : ''}.`,
    '',
  ];
  if (o) details.push(classificationTable('Unspun (hedge-removed → exaggerates, hedge-added → downplays)', o));
  details.push(classificationTable('Baseline (hedge-word counts)', b));
  return { rows, details: [details.join('\n')] };
}
