/**
 * `independent`: what Unspun says about texts that are NOT copies of each other (issue #19's cost side).
 * (1) METER courts non-derived stories (a paper's own report of a hearing; 1999 dev, 2000 test): MEDIUM+ findings
 *     per report and the share called derived. Checks run whatever the verdict, so this is what a user comparing two
 *     independent reports sees.
 * (2) Hard negatives, two different stories of one beat: METER PA copy of one court story against a newspaper story
 *     of another story of the same date folder; llm-rewrites: one source against the rewrite of another source of
 *     the same set and method. Share called derived (verbatim-copy, rewrite, partial-reuse or distorted): goal ≤ 1 %.
 * Baseline: word containment of the derived text in the source at the METER-1999 partial cut (the verdict table's
 * own `words` row), i.e. the share a containment rule would call derived.
 */
import { hash32 } from '../../src/hash.js';
import { FITTED } from '../../src/relation/fitted.js';
import { wordContainment } from '../../src/relation/word-containment.js';
import { isDerivedVerdict } from '../../src/types.js';
import { readRewrites } from '../data.js';
import { loadMeter } from '../meter.js';
import type { EvalContext, EvalRow, EvalTask } from '../types.js';
import { loadKernel } from '../unspun.js';

interface Pair {
  source: string;
  derived: string;
}

/** Hard negatives per set and split (seeded by hash, stable across runs). */
const HARD_PER_SPLIT = 150;

const pick = <T>(xs: T[], n: number, key: (t: T) => string) =>
  [...xs].sort((a, b) => hash32(key(a)) - hash32(key(b))).slice(0, n);

function meterHard(dataDir: string, split: 'tune' | 'test'): Pair[] {
  const m = loadMeter(dataDir);
  const out: Array<Pair & { key: string }> = [];
  const papers = m.paperTexts.filter((p) => p.date.endsWith('.99') === (split === 'tune'));
  for (const p of papers) {
    for (const [key, source] of m.sources) {
      const [date, story] = key.split('/');
      if (date === p.date && story !== p.story) out.push({ key: `${key}|${p.path}`, source, derived: p.text });
    }
  }
  return pick(out, HARD_PER_SPLIT, (x) => x.key);
}

function rewriteHard(dataDir: string, split: 'dev' | 'test'): Pair[] {
  const out: Array<Pair & { key: string }> = [];
  for (const file of ['llmfake-gpt35.jsonl', 'sheepdog-politifact-reframings.jsonl', 'mixset-edits.jsonl']) {
    const rows = readRewrites(dataDir, file) as unknown as Array<Record<string, string>>;
    const group = (r: Record<string, string>) =>
      `${r.dataset ?? ''}|${r.method ?? r.style ?? r.operation}|${r.category ?? ''}`;
    const bySource = new Map<string, Record<string, string>>();
    for (const r of rows) if (!bySource.has(r.source)) bySource.set(r.source, r);
    const firsts = [...bySource.values()].filter((r) => (hash32(`split:${r.source}`) % 2 === 0) === (split === 'dev'));
    const byGroup = new Map<string, Record<string, string>[]>();
    for (const r of firsts) byGroup.set(group(r), [...(byGroup.get(group(r)) ?? []), r]);
    for (const rs of byGroup.values()) {
      for (let i = 0; i + 1 < rs.length; i++)
        out.push({ key: `${rs[i].id}|${rs[i + 1].id}`, source: rs[i].source, derived: rs[i + 1].derived });
    }
  }
  return pick(out, HARD_PER_SPLIT, (x) => x.key);
}

async function run(ctx: EvalContext): Promise<EvalRow[]> {
  const { kernel } = await loadKernel();
  if (!kernel) return [];
  const rows: EvalRow[] = [];
  const m = loadMeter(ctx.dataDir);
  const partial = FITTED.cuts.partialWords;
  const baselineDerived = (p: Pair) => wordContainment(p.derived, p.source) >= partial;

  for (const split of ['tune', 'test'] as const) {
    const name = split === 'tune' ? 'dev' : 'test';
    const non = m.stories.filter((s) => s.label === 'non' && s.split === split);
    let medium = 0;
    let derived = 0;
    non.forEach((s, i) => {
      ctx.progress(`independent METER ${name}`, i, non.length);
      const r = kernel.compare(s.sourceText, s.derivedText);
      medium += r.findings.filter((f) => f.severity === 'high' || f.severity === 'medium').length;
      if (isDerivedVerdict(r.relation.verdict)) derived++;
    });
    const note = `METER ${split === 'tune' ? '1999' : '2000'} non-derived stories, n=${non.length}`;
    rows.push({
      dataset: `meter-courts-${name}`,
      task: 'independent',
      metric: 'MEDIUM+ findings per independent report',
      value: medium / non.length,
      baseline: null,
      note,
    });
    rows.push({
      dataset: `meter-courts-${name}`,
      task: 'independent',
      metric: 'independent reports called derived',
      value: derived / non.length,
      baseline:
        non.filter((s) => baselineDerived({ source: s.sourceText, derived: s.derivedText })).length / non.length,
      note: `${note}; baseline: word containment ≥ ${partial}`,
    });
  }

  for (const [set, split, pairs] of [
    ['meter-courts', 'dev', meterHard(ctx.dataDir, 'tune')],
    ['meter-courts', 'test', meterHard(ctx.dataDir, 'test')],
    ['llm-rewrites', 'dev', rewriteHard(ctx.dataDir, 'dev')],
    ['llm-rewrites', 'test', rewriteHard(ctx.dataDir, 'test')],
  ] as const) {
    let derived = 0;
    let skipped = 0;
    pairs.forEach((p, i) => {
      ctx.progress(`hard negatives ${set} ${split}`, i, pairs.length);
      try {
        if (isDerivedVerdict(kernel.compare(p.source, p.derived).relation.verdict)) derived++;
      } catch {
        skipped++; // a text with no article body (everything boilerplate): nothing to compare
      }
    });
    rows.push({
      dataset: `hard-negatives-${set}-${split}`,
      task: 'independent',
      metric: 'different stories called derived',
      value: derived / (pairs.length - skipped),
      baseline: pairs.filter(baselineDerived).length / pairs.length,
      note: `n=${pairs.length - skipped} pairs of different stories of one beat (${set === 'meter-courts' ? 'same date folder' : 'same set and method'}); goal ≤ 0.01; baseline: word containment ≥ ${partial}`,
    });
  }
  return rows;
}

export const task: EvalTask = {
  name: 'independent',
  description: 'Independent reports and different stories of one beat: findings shown and false derived verdicts',
  run,
};
