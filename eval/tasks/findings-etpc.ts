/**
 * ETPC part of the `findings` task (Kovatchev et al. 2018: MSRP sentence pairs with atomic change annotations and
 * their token spans). compare(sentence 1, sentence 2) per pair; a gold change is found when a finding of the
 * expected rule overlaps its span on either side:
 *   named-entity substitution, not sense-preserving → entity-changed, or number-changed when the span has a digit;
 *   negation switching, opposite polarity substitution → negation-flip;
 *   addition/deletion, not sense-preserving, text only in sentence 2 → unsupported-content.
 * False-positive rate of a rule = share of pairs with none of its gold changes where it fires anyway; shown also on
 * the sense-preserving named-entity substitutions of paraphrase pairs ("Mr So" / "So"), where HIGH rules must stay
 * silent. Baseline: the spin suite's word diff (eval/spin/baseline.ts). Pairs: seeded sample.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffFindings } from '../spin/baseline.js';
import type { Found } from '../spin/score.js';
import { sample } from '../spin/suite.js';
import { fmt } from '../report.js';
import type { EvalContext, EvalRow } from '../types.js';
import type { Kernel } from '../unspun.js';

/** Pairs compared (seeded sample of the 5,801 MSRP pairs ETPC annotates). */
export const ETPC_PAIRS = 1200;

export interface Relation {
  pair: number;
  type: string;
  sense: boolean;
  s1: string;
  s2: string;
}
type Sp = [number, number];
interface Gold {
  rule: string;
  type: string;
  s1: Sp | null;
  s2: Sp | null;
}

/** The relations of an ETPC XML file. */
export function readRelations(xml: string): Relation[] {
  const out: Relation[] = [];
  for (const m of xml.matchAll(/<relation>([\s\S]*?)<\/relation>/g)) {
    const tag = (t: string) => (new RegExp(`<${t}>([\\s\\S]*?)</${t}>`).exec(m[1])?.[1] ?? '').trim();
    out.push({
      pair: Number(tag('pair_id')),
      type: tag('type_name'),
      sense: tag('sense_preserving') !== 'no',
      s1: unxml(tag('s1_text')),
      s2: unxml(tag('s2_text')),
    });
  }
  return out;
}

/** The MSRP rows ETPC's pair ids index (train then test, header dropped), as tab-separated fields. */
export function readMsrpRows(dataDir: string): string[][] {
  return ['msr_paraphrase_train.txt', 'msr_paraphrase_test.txt'].flatMap((f) =>
    readFileSync(join(dataDir, 'msrp', f), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l.trim())
      .map((l) => l.split('\t')),
  );
}

/** ETPC's XML entities decoded (the word-alignment task reads the same file). */
export const unxml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Where PTB-tokenised `tokens` ("does n't", "$ 2.5") sit in the raw sentence, or null. */
export function locateTokens(raw: string, tokens: string): Sp | null {
  const toks = tokens
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => (t === '``' || t === "''" ? '"' : t === '-LRB-' ? '(' : t === '-RRB-' ? ')' : t));
  if (toks.length === 0) return null;
  const esc = toks.map((t) => (t === '"' ? '["“”\'`]{1,2}' : t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const m = new RegExp(esc.join('\\s*')).exec(raw);
  return m ? [m.index, m.index + m[0].length] : null;
}

function goldOf(r: Relation, s1: string, s2: string): Gold | null {
  const sp1 = r.s1 ? locateTokens(s1, r.s1) : null;
  const sp2 = r.s2 ? locateTokens(s2, r.s2) : null;
  if (!sp1 && !sp2) return null;
  if (r.type.startsWith('Same Polarity Substitution (named ent.)') && !r.sense) {
    return {
      rule: /\d/.test(r.s1 + r.s2) ? 'number-changed' : 'entity-changed',
      type: 'named-entity substitution',
      s1: sp1,
      s2: sp2,
    };
  }
  if (r.type.startsWith('Negation switching') || r.type.startsWith('Opposite polarity'))
    return {
      rule: 'negation-flip',
      type: r.type.startsWith('Negation') ? 'negation switching' : 'opposite polarity',
      s1: sp1,
      s2: sp2,
    };
  if (r.type === 'Addition/Deletion' && !r.sense && !r.s1 && sp2)
    return { rule: 'unsupported-content', type: 'addition', s1: null, s2: sp2 };
  return null;
}

const RULES = ['entity-changed', 'number-changed', 'negation-flip', 'unsupported-content'];
const overlaps = (a: { start: number; end: number } | null, b: Sp | null) =>
  !!a && !!b && a.start < b[1] && b[0] < a.end;

export async function runEtpc(
  ctx: EvalContext,
  kernel: Kernel | null,
  reason: string,
): Promise<{ rows: EvalRow[]; details: string[] }> {
  const dir = join(ctx.dataDir, 'etpc');
  const msrp = readMsrpRows(ctx.dataDir);
  const relations = ['etpc_textual_np_neg.xml', 'etpc_textual_np_pos.xml'].flatMap((f) =>
    readRelations(readFileSync(join(dir, f), 'utf8')),
  );
  const byPair = new Map<number, Relation[]>();
  for (const r of relations) byPair.set(r.pair, [...(byPair.get(r.pair) ?? []), r]);
  const pairs = sample(
    [...byPair.keys()].filter((p) => msrp[p - 1]),
    ETPC_PAIRS,
    (p) => String(p),
    'etpc',
  );

  type Tally = { n: number; hit: number };
  const recall = new Map<string, { ours: Tally; base: Tally }>();
  const fp = new Map<string, { n: number; ours: number; base: number }>();
  const fpSense = new Map<string, { n: number; ours: number; base: number }>();
  let senseN = 0,
    failures = 0;
  pairs.forEach((p, i) => {
    ctx.progress('findings: etpc', i, pairs.length);
    const [, , , s1, s2] = msrp[p - 1];
    const rels = byPair.get(p)!;
    const golds = rels.map((r) => goldOf(r, s1, s2)).filter((g): g is Gold => g !== null);
    let ours: Found[] | null = null;
    if (kernel) {
      try {
        ours = kernel.compare(s1, s2).findings;
      } catch {
        failures++;
        ours = [];
      }
    }
    const base = diffFindings(s1, s2);
    const hit = (fs: Found[], g: Gold) =>
      fs.some((f) => f.ruleId === g.rule && (overlaps(f.source, g.s1) || overlaps(f.derived, g.s2)));
    for (const g of golds) {
      const k = `${g.type} → ${g.rule}`;
      const t = recall.get(k) ?? { ours: { n: 0, hit: 0 }, base: { n: 0, hit: 0 } };
      t.ours.n++;
      t.base.n++;
      if (ours && hit(ours, g)) t.ours.hit++;
      if (hit(base, g)) t.base.hit++;
      recall.set(k, t);
    }
    const senseNe =
      rels.some((r) => r.type.startsWith('Same Polarity Substitution (named ent.)') && r.sense) && golds.length === 0;
    if (senseNe) senseN++;
    for (const rule of RULES) {
      if (golds.some((g) => g.rule === rule)) continue;
      const fires = (fs: Found[] | null) => !!fs && fs.some((f) => f.ruleId === rule);
      for (const [m, on] of [
        [fp, true],
        [fpSense, senseNe],
      ] as const) {
        if (!on) continue;
        const t = m.get(rule) ?? { n: 0, ours: 0, base: 0 };
        t.n++;
        if (fires(ours)) t.ours++;
        if (fires(base)) t.base++;
        m.set(rule, t);
      }
    }
  });

  const rows: EvalRow[] = [];
  const lines = [
    '### ETPC atomic changes',
    '',
    `${pairs.length} MSRP pairs (seeded sample), compare(sentence 1, sentence 2)${failures ? `; ${failures} compare() failures` : ''}. Recall: a finding of the expected rule overlapping the gold span on either side. Baseline: word diff.`,
    '',
    '| gold change → expected rule | n | recall | baseline recall |',
    '|---|---|---|---|',
  ];
  for (const [k, t] of [...recall].sort()) {
    const r = kernel ? t.ours.hit / t.ours.n : null,
      b = t.base.hit / t.base.n;
    lines.push(`| ${k} | ${t.ours.n} | ${fmt(r)} | ${fmt(b)} |`);
    rows.push({
      dataset: 'etpc',
      task: 'findings',
      metric: `recall: ${k}`,
      value: r,
      baseline: b,
      note: `n=${t.ours.n} gold changes; baseline: word diff${!kernel && rows.length === 0 ? `; Unspun skipped: ${reason}` : ''}`,
    });
  }
  lines.push(
    '',
    `| rule fires on pairs without its gold change | pairs | rate | baseline | on sense-preserving named-entity substitutions (n=${senseN}) | baseline |`,
    '|---|---|---|---|---|---|',
  );
  for (const rule of RULES) {
    const t = fp.get(rule) ?? { n: 0, ours: 0, base: 0 },
      s = fpSense.get(rule) ?? { n: 0, ours: 0, base: 0 };
    const rate = (x: number, n: number) => (n ? x / n : null);
    lines.push(
      `| ${rule} | ${t.n} | ${fmt(kernel ? rate(t.ours, t.n) : null)} | ${fmt(rate(t.base, t.n))} | ${fmt(kernel ? rate(s.ours, s.n) : null)} | ${fmt(rate(s.base, s.n))} |`,
    );
    rows.push({
      dataset: 'etpc',
      task: 'findings',
      metric: `${rule} false-positive rate (pairs without that change)`,
      value: kernel ? rate(t.ours, t.n) : null,
      baseline: rate(t.base, t.n),
      note: `n=${t.n} pairs; lower is better; baseline: word diff`,
    });
  }
  return { rows, details: [lines.join('\n')] };
}
