/**
 * `word-alignment` (issue #20): the word aligner (src/align/words) on ETPC (Kovatchev et al. 2018), whose atomic
 * relations name the tokens each change spans on both sentences of an MSRP pair. Gold partners of a sentence-1
 * token: in an `Identity` relation, the same word in its sentence-2 scope; in a lexical change (inflection,
 * spelling, derivation, same/opposite polarity substitution, converse, synthetic/analytic, modal, format), any token
 * of its sentence-2 scope; in a structural relation (order, subordination, diathesis, …) any token of its scope
 * counts as a possible partner (not wrong, not in recall). A token only in a one-sided relation (addition/deletion)
 * has no partner: aligning it is wrong.
 * Token-level: precision = aligned sentence-1 tokens whose partner is a gold one; recall per class = gold tokens of
 * that class aligned to a gold partner. Baseline: exact then lemma matching, one-to-one in text order (the
 * identity step alone, no context). Pairs: seeded sample of ETPC pairs; sentences located in the raw MSRP text.
 * Then the same aligner inside compare()'s linked groups of the gold set (./word-alignment-gold.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../../src/types.js';
import { fmt } from '../report.js';
import { sample } from '../spin/suite.js';
import type { EvalContext, EvalRow, EvalTask } from '../types.js';
import { loadKernel } from '../unspun.js';
import { readMsrpRows, unxml } from './findings-etpc.js';
import { identityBaseline } from './word-alignment-baseline.js';
import { goldWordRows } from './word-alignment-gold.js';

/** Pairs scored (seeded sample of the ETPC pairs). */
export const WORD_ALIGNMENT_PAIRS = 800;

const CHANGED = new Set([
  'Inflectional Changes',
  'Spelling changes',
  'Derivational Changes',
  'Same Polarity Substitution (habitual)',
  'Same Polarity Substitution (contextual)',
  'Same Polarity Substitution (named ent.)',
  'Opposite polarity substitution (habitual)',
  'Opposite polarity substitution (contextual)',
  'Converse substitution',
  'Synthetic/analytic substitution',
  'Modal Verb Changes',
  'Change of format',
]);

interface Rel {
  pair: number;
  type: string;
  s1: number[];
  s2: number[];
  t1: string[];
  t2: string[];
}

function readRels(xml: string): Rel[] {
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<relation>([\s\S]*?)<\/relation>/g)) {
    const tag = (t: string) => (new RegExp(`<${t}>([\\s\\S]*?)</${t}>`).exec(m[1])?.[1] ?? '').trim();
    const ids = (t: string) => (tag(t) ? tag(t).split(/,\s*/).map(Number) : []);
    const toks = (t: string) => unxml(tag(t)).split(/\s+/).filter(Boolean);
    out.push({
      pair: Number(tag('pair_id')),
      type: tag('type_name'),
      s1: ids('s1_scope'),
      s2: ids('s2_scope'),
      t1: toks('s1_text'),
      t2: toks('s2_text'),
    });
  }
  return out;
}

const PTB: Record<string, string> = { '``': '"', "''": '"', '-LRB-': '(', '-RRB-': ')' };

/** Character spans of ETPC token ids in the raw sentence (tokens found left to right; unfound ids left out). */
function placeTokens(raw: string, byId: Map<number, string>): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  let at = 0;
  for (const id of [...byId.keys()].sort((a, b) => a - b)) {
    const tok = PTB[byId.get(id) as string] ?? (byId.get(id) as string);
    const i = raw.indexOf(tok, at);
    if (i < 0 || i - at > 40) continue;
    out.set(id, [i, i + tok.length]);
    at = i + tok.length;
  }
  return out;
}

/** ETPC token ids of one sentence with their text, gathered from every relation's scope. */
function tokenTexts(rels: Rel[], side: 1 | 2): Map<number, string> {
  const out = new Map<number, string>();
  for (const r of rels) {
    const ids = side === 1 ? r.s1 : r.s2;
    const toks = side === 1 ? r.t1 : r.t2;
    if (ids.length === toks.length) for (let k = 0; k < ids.length; k++) out.set(ids[k], toks[k]);
  }
  return out;
}

/** Token pairs `[analysis token, analysis token]` → ETPC id pairs, by character overlap. */
function toIds(
  pairs: [number, number][],
  a: Analysis,
  b: Analysis,
  p1: Map<number, [number, number]>,
  p2: Map<number, [number, number]>,
): Map<number, Set<number>> {
  const hit = (tok: { start: number; end: number }, place: Map<number, [number, number]>) =>
    [...place].filter(([, [s, e]]) => s < tok.end && tok.start < e).map(([id]) => id);
  const out = new Map<number, Set<number>>();
  for (const [x, y] of pairs) {
    for (const i of hit(a.tokens[x], p1)) {
      const set = out.get(i) ?? new Set<number>();
      for (const j of hit(b.tokens[y], p2)) set.add(j);
      out.set(i, set);
    }
  }
  return out;
}

interface Tally {
  predicted: number;
  correct: number;
  gold: { identity: number; changed: number };
  found: { identity: number; changed: number };
}

const empty = (): Tally => ({
  predicted: 0,
  correct: 0,
  gold: { identity: 0, changed: 0 },
  found: { identity: 0, changed: 0 },
});

export const task: EvalTask = {
  name: 'word-alignment',
  description:
    "word alignment (src/align/words) on ETPC atomic-change spans and on the gold set's change spans vs exact + lemma matching",
  async run(ctx: EvalContext): Promise<EvalRow[]> {
    const { kernel, reason } = await loadKernel();
    const msrp = readMsrpRows(ctx.dataDir);
    const rels = ['etpc_textual_np_neg.xml', 'etpc_textual_np_pos.xml'].flatMap((f) =>
      readRels(readFileSync(join(ctx.dataDir, 'etpc', f), 'utf8')),
    );
    const byPair = new Map<number, Rel[]>();
    for (const r of rels) byPair.set(r.pair, [...(byPair.get(r.pair) ?? []), r]);
    const pairs = sample(
      [...byPair.keys()].filter((p) => msrp[p - 1]),
      WORD_ALIGNMENT_PAIRS,
      (p) => String(p),
      'word-alignment',
    );
    const ours = empty();
    const base = empty();
    let skipped = 0;
    pairs.forEach((p, n) => {
      ctx.progress('word-alignment', n, pairs.length);
      if (!kernel) return;
      const [, , , s1, s2] = msrp[p - 1];
      const rs = byPair.get(p) as Rel[];
      const a = kernel.analysis(s1);
      const b = kernel.analysis(s2);
      if (a.text !== s1 || b.text !== s2) {
        skipped++;
        return;
      }
      const p1 = placeTokens(s1, tokenTexts(rs, 1));
      const p2 = placeTokens(s2, tokenTexts(rs, 2));
      const text1 = (id: number) => (p1.has(id) ? s1.slice(...(p1.get(id) as [number, number])).toLowerCase() : '');
      const text2 = (id: number) => (p2.has(id) ? s2.slice(...(p2.get(id) as [number, number])).toLowerCase() : '');
      // Gold partners and the class of each sentence-1 word token.
      const gold = new Map<number, { cls: 'identity' | 'changed' | 'possible'; partners: Set<number> }>();
      const note = (id: number, cls: 'identity' | 'changed' | 'possible', partners: number[]) => {
        const g = gold.get(id) ?? { cls, partners: new Set<number>() };
        if (cls !== 'possible' && g.cls === 'possible') g.cls = cls;
        for (const j of partners) g.partners.add(j);
        gold.set(id, g);
      };
      for (const r of rs) {
        if (r.s1.length === 0 || r.s2.length === 0) continue;
        for (const i of r.s1) {
          if (!/[\p{L}\p{N}]/u.test(text1(i))) continue;
          if (r.type === 'Identity')
            note(
              i,
              'identity',
              r.s2.filter((j) => text2(j) === text1(i)),
            );
          else note(i, CHANGED.has(r.type) ? 'changed' : 'possible', r.s2);
        }
      }
      const score = (t: Tally, aligned: [number, number][]) => {
        const pred = toIds(aligned, a, b, p1, p2);
        for (const [i, js] of pred) {
          if (!/[\p{L}\p{N}]/u.test(text1(i)) || js.size === 0) continue;
          const g = gold.get(i);
          const ok = !!g && [...js].some((j) => g.partners.has(j));
          t.predicted++;
          if (ok) t.correct++;
        }
        for (const [i, g] of gold) {
          if (g.cls === 'possible' || g.partners.size === 0) continue;
          t.gold[g.cls]++;
          if ([...(pred.get(i) ?? [])].some((j) => g.partners.has(j))) t.found[g.cls]++;
        }
      };
      score(
        ours,
        kernel.words(s1, s2).map((w) => [w.source, w.derived]),
      );
      score(base, identityBaseline(a, b));
    });
    const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
    const measures = (t: Tally) => {
      const precision = t.predicted ? t.correct / t.predicted : 0;
      const rId = t.gold.identity ? t.found.identity / t.gold.identity : 0;
      const rCh = t.gold.changed ? t.found.changed / t.gold.changed : 0;
      const rAll = (t.found.identity + t.found.changed) / Math.max(1, t.gold.identity + t.gold.changed);
      return { precision, rId, rCh, rAll, f1: f1(precision, rAll), f1Id: f1(precision, rId), f1Ch: f1(precision, rCh) };
    };
    const o = measures(ours);
    const bl = measures(base);
    const scored = pairs.length - skipped;
    const noteOf = (extra: string) =>
      `${scored} ETPC pairs (seeded sample)${kernel ? '' : `; Unspun skipped: ${reason}`}; token-level; ${extra}; baseline: exact + lemma matching`;
    const row = (metric: string, v: number, b: number, extra: string): EvalRow => ({
      dataset: 'etpc',
      task: 'word-alignment',
      metric,
      value: kernel ? v : null,
      baseline: b,
      note: noteOf(extra),
    });
    const rows = [
      row(
        'word-alignment F1 (identity + changed spans)',
        o.f1,
        bl.f1,
        `n=${ours.gold.identity + ours.gold.changed} gold tokens`,
      ),
      row(
        'word-alignment precision',
        o.precision,
        bl.precision,
        `n=${ours.predicted} aligned tokens (baseline ${base.predicted})`,
      ),
      row('word-alignment recall: identity spans', o.rId, bl.rId, `n=${ours.gold.identity} tokens`),
      row('word-alignment recall: changed spans', o.rCh, bl.rCh, `n=${ours.gold.changed} tokens`),
      row('word-alignment F1: changed spans', o.f1Ch, bl.f1Ch, 'precision over all aligned tokens'),
    ];
    ctx.detail(
      [
        '### Word alignment on ETPC',
        '',
        `${scored} pairs (${skipped} skipped: analysis text differs from the MSRP sentence). Token-level over sentence-1 words.`,
        '',
        '| | precision | recall identity | recall changed | F1 |',
        '|---|---|---|---|---|',
        `| Unspun word aligner | ${fmt(kernel ? o.precision : null)} | ${fmt(kernel ? o.rId : null)} | ${fmt(kernel ? o.rCh : null)} | ${fmt(kernel ? o.f1 : null)} |`,
        `| exact + lemma | ${fmt(bl.precision)} | ${fmt(bl.rId)} | ${fmt(bl.rCh)} | ${fmt(bl.f1)} |`,
      ].join('\n'),
    );
    if (kernel) rows.push(...(await goldWordRows(ctx, kernel)));
    return rows;
  },
};
