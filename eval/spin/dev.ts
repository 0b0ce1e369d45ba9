/**
 * The spin suite's development half: paraphrase bases drawn with another seed and disjoint from the reported pool
 * (suite.ts `loadBases`), so rules can be tuned here and measured there. Prints per-rule recall/precision amid
 * paraphrase and, with `--show <rule>`, the missed and false cases of one rule with both sentences.
 *
 *   npx tsx eval/spin/dev.ts [--per 150] [--quota 12] [--show hedge-added] [--n 8]
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readRewrites } from '../data.js';
import { loadKernel } from '../unspun.js';
import { type CaseResult, hits, recallByKind, scoreRules } from './score.js';
import { type Base, buildCases, canonical, sample } from './suite.js';
import { POOL, QUOTA } from '../tasks/findings-spin.js';
import { rules } from '../../src/checks/registry.js';

const { values } = parseArgs({
  options: {
    per: { type: 'string', default: '150' },
    quota: { type: 'string' },
    show: { type: 'string' },
    n: { type: 'string', default: '8' },
  },
});
const dataDir = resolve(process.env.UNSPUN_DATA ?? join(import.meta.dirname, '../../../shared/data'));

/** Paraphrase bases of both families outside the reported pool (the first POOL of seed "spin"). */
export function devBases(dir: string, per: number): Base[] {
  const out: Base[] = [];
  const fam = (
    family: 'llmfake' | 'mixset',
    file: string,
    keep: (p: { method?: string; operation?: string }) => boolean,
  ) => {
    const all = readRewrites(dir, file).filter(keep);
    const reported = new Set(sample(all, POOL, (x) => x.id).map((x) => x.id));
    const rest = all.filter((x) => !reported.has(x.id));
    for (const p of sample(rest, per, (x) => x.id, 'spin-dev'))
      out.push({ id: `${family}:${p.id}`, family, mode: 'paraphrase', source: p.source, base: p.derived });
  };
  fam('llmfake', 'llmfake-gpt35.jsonl', (p) => p.method === 'paraphrase_generation');
  fam('mixset', 'mixset-edits.jsonl', (p) => !!p.operation?.startsWith('polish_'));
  return out.flatMap((b) => canonical(b) ?? []);
}

const { kernel } = await loadKernel();
if (!kernel) throw new Error('no kernel');
const cases = buildCases(devBases(dataDir, Number(values.per)), Number(values.quota ?? QUOTA));
const full = new Map<string, ReturnType<typeof kernel.compare>>();
const results: CaseResult[] = cases.map((c, i) => {
  if (i % 50 === 0) process.stderr.write(`\r${i}/${cases.length}`);
  const r = kernel.compare(c.base.source, c.derived);
  full.set(c.id, r);
  return { c, found: r.findings };
});
process.stderr.write('\n');
const severity = new Map(rules.map((c) => [c.meta.id, c.meta.severity]));
const scores = scoreRules(results, (r) => severity.get(r) ?? 'low');
for (const s of [...scores.values()].sort((a, b) => a.rule.localeCompare(b.rule))) {
  const p = s.tp + s.fp ? (s.tp / (s.tp + s.fp)).toFixed(3) : '—';
  const r = s.gold ? (s.hit / s.gold).toFixed(3) : '—';
  console.log(
    `${s.rule.padEnd(28)} ${s.severity.padEnd(6)} recall ${r} (${s.hit}/${s.gold})  precision ${p} (${s.tp}/${s.tp + s.fp})`,
  );
}
for (const [k, v] of recallByKind(results)) console.log(`  ${k.padEnd(22)} ${(v.hit / v.n).toFixed(3)} of ${v.n}`);

const show = values.show;
if (show) {
  const n = Number(values.n);
  const sentenceAt = (text: string, at: number) => {
    const s = Math.max(text.lastIndexOf('. ', at) + 1, text.lastIndexOf('\n', at) + 1, 0);
    const e = text.indexOf('. ', at);
    return text.slice(s, e < 0 ? undefined : e + 1).trim();
  };
  const missed = results.filter((r) => r.c.gold?.rule === show && !r.found.some((f) => hits(f, r.c.gold!, true)));
  console.log(`\n## missed ${show}: ${missed.length}`);
  for (const r of missed.slice(0, n)) {
    const g = r.c.gold!;
    console.log(`\n- ${r.c.id}  item "${r.c.derived.slice(g.derived[0], g.derived[1])}"`);
    const a = kernel.analysis(r.c.derived);
    const sa = kernel.analysis(r.c.base.source);
    const d = a.sentences.find((x) => x.start <= g.derived[0] && g.derived[0] < x.end);
    console.log(`  derived: ${d?.text ?? sentenceAt(r.c.derived, g.derived[0])}`);
    for (const l of full.get(r.c.id)!.alignment.filter((l) => d && l.derived.includes(d.id))) {
      const pairs = l.words.map(
        (w) =>
          `${r.c.base.source.slice(...w.source)}~${r.c.derived.slice(...w.derived)}${w.relation === 'exact' ? '' : `(${w.relation})`}`,
      );
      console.log(`  linked ${l.kind} ${l.score.toFixed(2)}: ${l.source.map((i) => sa.sentences[i].text).join(' | ')}`);
      console.log(`    words: ${pairs.join(' ')}`);
    }
    for (const f of r.found.filter((f) => f.ruleId === show)) console.log(`  found elsewhere: ${f.derived?.text}`);
  }
  const controls = new Map(results.filter((r) => !r.c.gold).map((r) => [r.c.base.id, r.found]));
  console.log(`\n## false ${show}`);
  let k = 0;
  for (const r of results) {
    const bg = new Set(
      (controls.get(r.c.base.id) ?? []).map((f) => `${f.ruleId}|${f.derived?.text}|${f.source?.text}`),
    );
    for (const f of r.found) {
      if (
        f.ruleId !== show ||
        (r.c.gold && (bg.has(`${f.ruleId}|${f.derived?.text}|${f.source?.text}`) || hits(f, r.c.gold)))
      )
        continue;
      if (!r.c.gold && severity.get(f.ruleId) !== 'high') continue;
      if (k++ >= n) break;
      console.log(`\n- ${r.c.id}: ${f.ruleId}\n  derived: ${f.derived?.text}\n  source:  ${f.source?.text}`);
    }
  }
}
