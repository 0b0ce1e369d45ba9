/**
 * The gold-set half of `word-alignment`: the word pairs `compare()` reports (`alignment[].words`) inside each linked
 * sentence group of the gold set's altered and faithful pairs, scored against the token-level gold its change spans
 * support (eval/gold/word-tokens.ts, docs/gold.md "Word alignment"); baseline: exact + lemma matching over the same
 * groups. Independent reports are left out: their spans mark disagreements, not what was kept.
 */
import { goldTexts, pairProblems, rawTexts, readPairs } from '../gold/gold.js';
import { emptyTokenTally, groupGold, type TokenTally, tallyGroup, tokenMeasures } from '../gold/word-tokens.js';
import { fmt } from '../report.js';
import type { EvalContext, EvalRow } from '../types.js';
import type { Kernel } from '../unspun.js';
import { identityBaseline } from './word-alignment-baseline.js';

export async function goldWordRows(ctx: EvalContext, kernel: Kernel): Promise<EvalRow[]> {
  const pairs = readPairs().filter((p) => p.kind !== 'independent');
  const tallies = { dev: [emptyTokenTally(), emptyTokenTally()], test: [emptyTokenTally(), emptyTokenTally()] };
  const counts = { dev: { pairs: 0, groups: 0 }, test: { pairs: 0, groups: 0 } };
  pairs.forEach((pair, n) => {
    ctx.progress('word-alignment (gold)', n, pairs.length);
    const problems = pairProblems(pair, goldTexts(ctx.dataDir, pair.ref));
    if (problems.length) throw new Error(`gold set out of date: ${problems[0]}`);
    const raw = rawTexts(ctx.dataDir, pair.ref);
    const a = kernel.analysis(raw.source);
    const b = kernel.analysis(raw.derived);
    const result = kernel.compare(raw.source, raw.derived);
    const tokenAt = (x: typeof a) => new Map(x.tokens.map((t, i) => [t.start, i]));
    const [atA, atB] = [tokenAt(a), tokenAt(b)];
    const [ours, base] = tallies[pair.split];
    counts[pair.split].pairs++;
    for (const link of result.alignment) {
      if (!link.source.length || !link.derived.length) continue;
      counts[pair.split].groups++;
      const gold = groupGold(pair, a, b, link.source, link.derived);
      const aligned = link.words.map((w): [number, number] => [
        atA.get(w.source[0]) as number,
        atB.get(w.derived[0]) as number,
      ]);
      tallyGroup(ours, gold, aligned);
      tallyGroup(base, gold, identityBaseline(a, b, link.source, link.derived));
    }
  });
  ctx.progress('word-alignment (gold)', pairs.length, pairs.length);

  const rows: EvalRow[] = [];
  const table: string[] = [];
  for (const split of ['dev', 'test'] as const) {
    const [ours, base] = tallies[split];
    const [o, bl] = [tokenMeasures(ours), tokenMeasures(base)];
    const c = counts[split];
    const note = (extra: string) =>
      `${split} half: ${c.pairs} altered/faithful pairs, ${c.groups} linked groups; source content words; ${extra}; baseline: exact + lemma matching`;
    const row = (metric: string, v: number, b: number, extra: string) =>
      rows.push({ dataset: `gold-${split}`, task: 'word-alignment', metric, value: v, baseline: b, note: note(extra) });
    row('word-alignment F1 (gold spans)', o.f1, bl.f1, `n=${o.goldN} gold words`);
    row(
      'word-alignment precision',
      o.precision,
      bl.precision,
      `n=${ours.predicted} aligned (baseline ${base.predicted})`,
    );
    row('word-alignment recall: kept words', o.kept, bl.kept, `n=${ours.gold.kept}`);
    row('word-alignment recall: changed words paired in their span', o.changed, bl.changed, `n=${ours.gold.changed}`);
    row(
      'word-alignment: dropped words aligned (lower is better)',
      o.droppedAligned,
      bl.droppedAligned,
      `n=${ours.gold.dropped}`,
    );
    table.push(line(`${split} · Unspun word aligner`, o, ours), line(`${split} · exact + lemma`, bl, base));
  }
  // Which kinds of change the aligner pairs (what a check over aligned words can see), both halves together.
  const byType = new Map<string, { n: number; ours: number; base: number }>();
  for (const split of ['dev', 'test'] as const) {
    const [ours, base] = tallies[split];
    for (const [type, x] of ours.changedByType) {
      const y = byType.get(type) ?? { n: 0, ours: 0, base: 0 };
      y.n += x.n;
      y.ours += x.paired;
      y.base += base.changedByType.get(type)?.paired ?? 0;
      byType.set(type, y);
    }
  }
  ctx.detail(
    [
      '### Word alignment on the gold set',
      '',
      'Source content words of each linked group of the altered and faithful gold pairs, classed by the change spans (docs/gold.md, "Word alignment"): kept (outside every span), same (in a span, the same word in its derived span), changed (in a span, no same word there), dropped (no derived side in the group).',
      '',
      '| | precision | recall kept | recall same | recall changed | dropped aligned | F1 |',
      '|---|---|---|---|---|---|---|',
      ...table,
      '',
      '`changed` words paired inside their derived span, by gold type (dev + test): Unspun (exact + lemma).',
      '',
      '| gold type | changed words | paired |',
      '|---|---|---|',
      ...[...byType]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([type, y]) => `| ${type} | ${y.n} | ${fmt(y.ours / y.n)} (${fmt(y.base / y.n)}) |`),
    ].join('\n'),
  );
  return rows;
}

function line(name: string, m: ReturnType<typeof tokenMeasures>, t: TokenTally): string {
  return `| ${name} | ${fmt(m.precision)} | ${fmt(m.kept)} (n=${t.gold.kept}) | ${fmt(m.same)} (n=${t.gold.same}) | ${fmt(m.changed)} (n=${t.gold.changed}) | ${fmt(m.droppedAligned)} (n=${t.gold.dropped}) | ${fmt(m.f1)} |`;
}
