/**
 * Fidelity part of the `findings` task: does scores.fidelity separate fact-preserving machine rewrites (LLMFake
 * `paraphrase`, MixSet `polish_*`) from fact-altering ones (LLMFake `information_manipulation_*` and `open_ended`,
 * MixSet `complete`)? ROC-AUC of 1 − fidelity per set; baseline: novel-word share (1 − word containment of the
 * rewrite in its source). SheepDog `objective`/`neutral` reframings are faithful only: their mean fidelity is shown.
 * The fidelity weights were fitted on MixSet Llama-2 alone (src/relation/fidelity.ts); the other sets are held out.
 */
import { containment, readRewrites, type RewritePair } from '../data.js';
import { rocAuc } from '../metrics.js';
import { fmt } from '../report.js';
import { sample } from '../spin/suite.js';
import type { EvalContext, EvalRow } from '../types.js';
import type { Kernel } from '../unspun.js';

/** Pairs per class per set (seeded sample). */
export const PER_CLASS = 80;
const FIT_SET = 'mixset 2llama';

type Pair = RewritePair;
interface Item {
  set: string;
  altering: boolean;
  p: Pair;
}

function items(dataDir: string): Item[] {
  const out: Item[] = [];
  for (const p of readRewrites(dataDir, 'llmfake-gpt35.jsonl')) {
    const m = p.method ?? '';
    const altering = m.startsWith('information_manipulation') || m.startsWith('open_ended');
    if (altering || m.startsWith('paraphrase')) out.push({ set: `llmfake ${p.dataset}`, altering, p });
  }
  for (const p of readRewrites(dataDir, 'mixset-edits.jsonl')) {
    const o = p.operation ?? '';
    if (o === 'complete' || o.startsWith('polish_'))
      out.push({ set: `mixset ${p.model}`, altering: o === 'complete', p });
  }
  for (const p of readRewrites(dataDir, 'sheepdog-politifact-reframings.jsonl')) {
    if (p.style === 'objective' || p.style === 'neutral') out.push({ set: 'sheepdog', altering: false, p });
  }
  return out;
}

export async function runFidelity(
  ctx: EvalContext,
  kernel: Kernel | null,
  reason: string,
): Promise<{ rows: EvalRow[]; details: string[] }> {
  const groups = new Map<string, Item[]>();
  for (const it of items(ctx.dataDir)) {
    const k = `${it.set}|${it.altering}`;
    groups.set(k, [...(groups.get(k) ?? []), it]);
  }
  const chosen = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([k, g]) => sample(g, k.startsWith('sheepdog') ? PER_CLASS / 2 : PER_CLASS, (x) => x.p.id, 'fidelity'));
  type Scored = Item & { fidelity: number | null; support: number | null; high: number | null; novel: number };
  const scored: Scored[] = [];
  let failures = 0;
  chosen.forEach((it, i) => {
    ctx.progress('findings: fidelity', i, chosen.length);
    const novel = 1 - containment(it.p.derived, it.p.source);
    if (!kernel) {
      scored.push({ ...it, fidelity: null, support: null, high: null, novel });
      return;
    }
    try {
      const r = kernel.compare(it.p.source, it.p.derived);
      scored.push({
        ...it,
        fidelity: r.scores.fidelity,
        support: r.scores.derivedSupport,
        high: r.findings.filter((f) => f.severity === 'high').length,
        novel,
      });
    } catch {
      failures++; // a rewrite that is all model chatter has no article text: left out, counted
    }
  });

  const rows: EvalRow[] = [];
  const lines = [
    '### Fidelity on llm-rewrites',
    '',
    `Faithful: LLMFake \`paraphrase\`, MixSet \`polish_*\`, SheepDog \`objective\`/\`neutral\`; altering: LLMFake \`information_manipulation_*\`, \`open_ended\`, MixSet \`complete\`. ${PER_CLASS} pairs per class per set (seeded); weights fitted on **${FIT_SET}** only${failures ? `; ${failures} pairs without article text left out` : ''}.`,
    '',
    '| set | n faithful | n altering | AUC 1 − fidelity | novel-word share | 1 − derived support | HIGH-finding count | mean fidelity faithful | mean fidelity altering |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const sets = [...new Set(scored.map((s) => s.set))];
  for (const set of [...sets.filter((s) => s !== 'sheepdog'), 'all (held out)', 'sheepdog']) {
    const xs =
      set === 'all (held out)'
        ? scored.filter((s) => s.set !== FIT_SET && s.set !== 'sheepdog')
        : scored.filter((s) => s.set === set);
    const gold = xs.map((s) => s.altering);
    const auc = (f: (s: Scored) => number | null) =>
      kernel
        ? rocAuc(
            gold,
            xs.map((s) => f(s) ?? 0),
          )
        : null;
    const mean = (alt: boolean) => {
      const v = xs.filter((s) => s.altering === alt && s.fidelity !== null).map((s) => s.fidelity!);
      return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
    };
    const nF = gold.filter((g) => !g).length,
      nA = gold.length - nF;
    const both = nF > 0 && nA > 0;
    const fid = both ? auc((s) => (s.fidelity === null ? null : 1 - s.fidelity)) : null;
    const base = both
      ? rocAuc(
          gold,
          xs.map((s) => s.novel),
        )
      : null;
    lines.push(
      `| ${set}${set === FIT_SET ? ' (fit)' : ''} | ${nF} | ${nA} | ${fmt(fid)} | ${fmt(base)} | ${fmt(both ? auc((s) => (s.support === null ? null : 1 - s.support)) : null)} | ${fmt(both ? auc((s) => s.high) : null)} | ${fmt(mean(false))} | ${fmt(mean(true))} |`,
    );
    if (both)
      rows.push({
        dataset: `llm-rewrites: ${set}`,
        task: 'findings',
        metric: 'fidelity ROC-AUC (altering vs faithful)',
        value: fid,
        baseline: base,
        note: `${nF} faithful / ${nA} altering${set === FIT_SET ? '; weights fitted here' : '; held out'}; baseline: novel-word share; target ≥ 0.90${!kernel && rows.length === 0 ? `; Unspun skipped: ${reason}` : ''}`,
      });
  }
  return { rows, details: [lines.join('\n')] };
}
