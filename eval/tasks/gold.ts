/**
 * `gold`: Unspun's findings against the hand-read gold set of real rewrites (docs/gold.md, eval/gold/). Dev half
 * (checks are tuned on it) and test half (reported), each against the spin suite's word diff as the baseline.
 * Writes every MEDIUM+ finding that matches no gold change to .cache/gold-false-alarms.json, to be read by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldTexts, pairProblems, rawTexts, readPairs } from '../gold/gold.js';
import { emptyScore, type GoldScore, ratio, scorePair } from '../gold/score.js';
import { fmt } from '../report.js';
import { diffFindings } from '../spin/baseline.js';
import type { EvalContext, EvalRow, EvalTask } from '../types.js';
import { loadKernel } from '../unspun.js';

async function run(ctx: EvalContext): Promise<EvalRow[]> {
  const pairs = readPairs();
  if (!pairs.length) return [];
  const { kernel } = await loadKernel();
  if (!kernel) return [];
  const scores = { dev: [emptyScore(), emptyScore()], test: [emptyScore(), emptyScore()] };
  const dump: unknown[] = [];
  pairs.forEach((pair, i) => {
    ctx.progress('gold', i, pairs.length);
    const texts = goldTexts(ctx.dataDir, pair.ref);
    const problems = pairProblems(pair, texts);
    if (problems.length) throw new Error(`gold set out of date: ${problems[0]}`);
    const raw = rawTexts(ctx.dataDir, pair.ref);
    const result = kernel.compare(raw.source, raw.derived);
    const [u, b] = scores[pair.split];
    scorePair(u, pair, result.findings);
    scorePair(b, pair, diffFindings(texts.source, texts.derived));
    dump.push({
      id: pair.id,
      kind: pair.kind,
      verdict: result.relation.verdict,
      rule: result.relation.basis?.rule,
      findings: result.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        source: f.source && [f.source.start, f.source.end],
        derived: f.derived && [f.derived.start, f.derived.end],
      })),
    });
  });
  ctx.progress('gold', pairs.length, pairs.length);
  mkdirSync(join(process.cwd(), '.cache'), { recursive: true });
  writeFileSync(join(process.cwd(), '.cache', 'gold-findings.json'), JSON.stringify(dump, null, 1));

  const rows: EvalRow[] = [];
  for (const split of ['dev', 'test'] as const) {
    const [u, b] = scores[split];
    const note = `${split} half: ${u.pairs} pairs, ${u.changes} changes, ${u.faithfulPairs} faithful, ${u.independentPairs} independent`;
    const row = (metric: string, f: (s: GoldScore) => number | null) =>
      rows.push({ dataset: `gold-${split}`, task: 'gold', metric, value: f(u), baseline: f(b), note });
    row('located recall', (s) => ratio(s.located, s.changes));
    row('type-correct recall', (s) => ratio(s.typed, s.changes));
    row('located recall (MEDIUM+)', (s) => ratio(s.locatedMedium, s.changes));
    row('HIGH precision', (s) => ratio(s.highRight, s.high));
    row('MEDIUM precision', (s) => ratio(s.mediumRight, s.medium));
    row('MEDIUM+ false alarms per faithful pair', (s) => ratio(s.faithfulFalseAlarms, s.faithfulPairs));
    row('MEDIUM+ findings per independent report', (s) => ratio(s.independentMediumPlus, s.independentPairs));
    const types = [...u.byType].sort(([a], [b]) => a.localeCompare(b));
    ctx.detail(
      [
        `**gold ${split}** — per gold type: changes, located (baseline), type-correct (baseline)`,
        '',
        '| type | n | located | type-correct |',
        '|---|---|---|---|',
        ...types.map(([t, x]) => {
          const bx = b.byType.get(t) ?? { n: 0, located: 0, typed: 0 };
          return `| ${t} | ${x.n} | ${fmt(x.located / x.n)} (${fmt(bx.located / x.n)}) | ${fmt(x.typed / x.n)} (${fmt(bx.typed / x.n)}) |`;
        }),
        '',
        `HIGH findings ${u.high} (baseline ${b.high}), MEDIUM ${u.medium} (${b.medium}).`,
      ].join('\n'),
    );
  }
  return rows;
}

export const task: EvalTask = {
  name: 'gold',
  description:
    'Findings against the hand-read gold set of real rewrites (docs/gold.md): recall, precision, false alarms',
  run,
};
