/**
 * The spin suite part of the `findings` task (see eval/spin/ and eval/README.md): per check precision and recall on
 * known edits of real articles, on clean copies and amid real machine paraphrase, against a word-diff baseline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffFindings } from '../spin/baseline.js';
import { type CaseResult, type Found, type RuleScore, hits, recallByKind, scoreRules } from '../spin/score.js';
import { buildCases, loadBases, type SpinCase } from '../spin/suite.js';
import { EDIT_KINDS, EXPECTED } from '../spin/edits.js';
import { fmt } from '../report.js';
import type { EvalContext, EvalRow } from '../types.js';
import type { Kernel } from '../unspun.js';

/** Bases looked at per family (in seeded order) and cases per edit kind per family: ~1,000 compares in all. */
export const POOL = 150;
export const QUOTA = 12;

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function toFound(r: { ruleId: string; severity: string; source: Found['source']; derived: Found['derived'] }): Found {
  return { ruleId: r.ruleId, severity: r.severity, source: r.source, derived: r.derived };
}

export interface SpinOutcome {
  rows: EvalRow[];
  details: string[];
}

export async function runSpin(
  ctx: EvalContext,
  kernel: Kernel | null,
  reason: string,
  severityOf: (rule: string) => string,
): Promise<SpinOutcome> {
  const cases = buildCases(loadBases(ctx.dataDir, POOL), QUOTA);
  const ours: CaseResult[] = [];
  const base: CaseResult[] = [];
  let failures = 0;
  cases.forEach((c, i) => {
    ctx.progress('findings: spin suite', i, cases.length);
    base.push({ c, found: diffFindings(c.base.source, c.derived) });
    if (!kernel) return;
    try {
      ours.push({ c, found: kernel.compare(c.base.source, c.derived).findings.map(toFound) });
    } catch {
      failures++;
      ours.push({ c, found: [] });
    }
  });

  const rows: EvalRow[] = [];
  const details: string[] = [];
  const edited = cases.filter((c) => c.gold);
  const nBases = cases.length - edited.length;
  details.push(
    `### Spin suite\n\n${edited.length} edited cases and ${nBases} controls from ${nBases} bases (${QUOTA} cases per edit kind per family at most, bases in seeded order from a pool of ${POOL} per family)` +
      `${failures ? `; ${failures} compare() failures` : ''}. Copy bases: METER PA, FRANK CNN, PolNeAR; paraphrase bases: LLMFake \`paraphrase\`, MixSet \`polish_*\`. ` +
      'Precision and recall as defined in eval/spin/score.ts: controls of copies make every finding false; controls of paraphrases make every HIGH finding false; ' +
      'findings an edited case shares with its control are background. Baseline: word diff, hunks labelled by the words they change (eval/spin/baseline.ts).',
  );

  const rules = [...new Set(EDIT_KINDS.map((k) => EXPECTED[k].rule))];
  const views = [
    ['spin suite', () => true],
    ['spin suite (paraphrase bases)', (c: SpinCase) => c.base.mode === 'paraphrase'],
    ['spin suite (copy bases)', (c: SpinCase) => c.base.mode === 'copy'],
  ] as const;
  for (const [label, filter] of views) {
    const o = scoreRules(
      ours.filter((r) => filter(r.c)),
      severityOf,
    );
    const b = scoreRules(
      base.filter((r) => filter(r.c)),
      severityOf,
    );
    const zero = (rule: string): RuleScore => ({
      rule,
      severity: severityOf(rule),
      tp: 0,
      fp: 0,
      gold: 0,
      hit: 0,
      controlOther: 0,
    });
    const table = [
      `**${label}** — per check (Unspun vs baseline)`,
      '',
      '| check | severity | gold edits | recall | baseline recall | findings scored | precision | baseline precision | MEDIUM/LOW per paraphrase control |',
      '|---|---|---|---|---|---|---|---|---|',
    ];
    const all = [...new Set([...rules, ...o.keys()])].sort(
      (x, y) => sevRank(severityOf(x)) - sevRank(severityOf(y)) || x.localeCompare(y),
    );
    const controlsHere = cases.filter((c) => !c.gold && c.base.mode === 'paraphrase' && filter(c)).length;
    for (const rule of all) {
      const s = o.get(rule) ?? zero(rule);
      const t = b.get(rule) ?? zero(rule);
      const target = s.severity === 'high' ? ' (target ≥ 0.95)' : s.severity === 'medium' ? ' (target ≥ 0.85)' : '';
      table.push(
        `| ${rule} | ${s.severity} | ${s.gold} | ${fmt(ratio(s.hit, s.gold))} | ${fmt(ratio(t.hit, t.gold))} | ${s.tp + s.fp} | ${fmt(ratio(s.tp, s.tp + s.fp))} | ${fmt(ratio(t.tp, t.tp + t.fp))} | ${controlsHere ? (s.controlOther / controlsHere).toFixed(2) : '—'} |`,
      );
      if (!rules.includes(rule) || label.endsWith('(copy bases)')) continue; // copies: the table and the pooled rows
      rows.push(
        {
          dataset: label,
          task: 'findings',
          metric: `${rule} precision`,
          value: kernel ? ratio(s.tp, s.tp + s.fp) : null,
          baseline: ratio(t.tp, t.tp + t.fp),
          note: `${s.severity}${target}; ${s.tp + s.fp} findings scored (baseline ${t.tp + t.fp}); baseline: word diff`,
        },
        {
          dataset: label,
          task: 'findings',
          metric: `${rule} recall`,
          value: kernel ? ratio(s.hit, s.gold) : null,
          baseline: ratio(t.hit, t.gold),
          note: `n=${s.gold} gold edits (target ≥ 0.80)${!kernel && rows.length === 0 ? `; Unspun skipped: ${reason}` : ''}`,
        },
      );
    }
    // Pooled by severity: the number a user meets (every HIGH finding, whichever rule raised it).
    for (const sev of ['high', 'medium'] as const) {
      const pool = (m: Map<string, RuleScore>) =>
        [...m.values()]
          .filter((x) => x.severity === sev)
          .reduce((a, x) => ({ tp: a.tp + x.tp, fp: a.fp + x.fp }), { tp: 0, fp: 0 });
      const po = pool(o),
        pb = pool(b);
      rows.push({
        dataset: label,
        task: 'findings',
        metric: `all ${sev.toUpperCase()} findings precision`,
        value: kernel ? ratio(po.tp, po.tp + po.fp) : null,
        baseline: ratio(pb.tp, pb.tp + pb.fp),
        note: `${po.tp + po.fp} findings scored (baseline ${pb.tp + pb.fp}); target ≥ ${sev === 'high' ? '0.95' : '0.85'}`,
      });
    }
    details.push(table.join('\n'));
  }

  const kinds = recallByKind(ours),
    bk = recallByKind(base);
  const byMode = (mode: string) => recallByKind(ours.filter((r) => r.c.base.mode === mode));
  const copy = byMode('copy'),
    para = byMode('paraphrase');
  const lines = [
    '**Recall per edit kind** (expected rule on the edited span)',
    '',
    '| edit | expected rule | n | recall | on copies | amid paraphrase | baseline |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const k of EDIT_KINDS) {
    const s = kinds.get(k) ?? { n: 0, hit: 0 };
    const r = (m: Map<string, { n: number; hit: number }>) => {
      const x = m.get(k);
      return x ? `${fmt(ratio(x.hit, x.n))} (${x.n})` : '—';
    };
    lines.push(
      `| ${k} | ${EXPECTED[k].rule} | ${s.n} | ${fmt(ratio(s.hit, s.n))} | ${r(copy)} | ${r(para)} | ${r(bk)} |`,
    );
  }
  details.push(lines.join('\n'));
  if (kernel) writeExamples(ours, severityOf);
  return { rows, details };
}

const sevRank = (s: string): number => ['high', 'medium', 'low', 'info'].indexOf(s);

/**
 * Worst false positives and misses, with context, for reading by hand. Written under tmp/ (git-ignored): it quotes
 * dataset text, which never enters the repository.
 */
function writeExamples(results: CaseResult[], severityOf: (rule: string) => string): void {
  const controls = new Map<string, Set<string>>();
  const key = (f: Found) => `${f.ruleId}|${f.derived?.text ?? ''}|${f.source?.text ?? ''}`;
  for (const r of results) if (!r.c.gold) controls.set(r.c.base.id, new Set(r.found.map(key)));
  const fps = new Map<string, string[]>();
  const misses = new Map<string, string[]>();
  const clip = (s: string) => s.replace(/\s+/g, ' ').slice(0, 220);
  for (const { c, found } of results) {
    for (const f of found) {
      const background = c.gold && controls.get(c.base.id)?.has(key(f));
      const bad = c.gold ? !background && !hits(f, c.gold) : c.base.mode === 'copy' || severityOf(f.ruleId) === 'high';
      if (!bad) continue;
      const l = fps.get(f.ruleId) ?? [];
      l.push(`- ${c.id}: derived «${clip(f.derived?.text ?? '')}» source «${clip(f.source?.text ?? '')}»`);
      fps.set(f.ruleId, l);
    }
    if (c.gold && !found.some((f) => hits(f, c.gold!, true))) {
      const g = c.gold;
      const l = misses.get(g.kind) ?? [];
      const near = found
        .filter((f) => f.derived && f.derived.start < g.derived[1] && g.derived[0] < f.derived.end)
        .map((f) => f.ruleId);
      l.push(
        `- ${c.id}: edited «${clip(c.derived.slice(Math.max(0, g.derived[0] - 60), g.derived[1] + 30))}» [${near.join(', ') || 'no finding there'}]`,
      );
      misses.set(g.kind, l);
    }
  }
  const out = ['# Spin suite: false findings and misses (generated; quotes dataset text, never commit)', ''];
  for (const [rule, l] of [...fps].sort()) out.push(`## false ${rule} (${l.length})`, '', ...l.slice(0, 25), '');
  for (const [kind, l] of [...misses].sort()) out.push(`## missed ${kind} (${l.length})`, '', ...l.slice(0, 25), '');
  const dir = join(process.cwd(), 'tmp');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'findings-examples.md'), out.join('\n'));
}
