/**
 * PolNeAR part of the `findings` task: attribution extraction by step 06 (src/nlp/06-attributions.ts, via analyze())
 * against PolNeAR's gold Source / Cue / Content spans (test split). Every attribution check stands on it.
 * An extracted attribution matches a gold one when their cues overlap (or are equal, for "exact"); source+cue also
 * needs the speaker mention to overlap the gold Source (exact: equal after trimming punctuation and spaces), and
 * cue+content the content spans. Precision over extracted attributions, recall over gold ones, F1.
 * "Speech cues": gold attributions whose cue holds a verb of saying (PolNeAR also annotates beliefs, "you don't
 * like it", which step 06 does not try to find). Baseline: a said-verb regex — cue = the verb, source = the
 * capitalised name or pronoun just before (or after) it, content = the rest of the sentence.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../../src/types.js';
import { fmt } from '../report.js';
import type { EvalContext, EvalRow } from '../types.js';
import type { Kernel } from '../unspun.js';

type Sp = [number, number];
export interface Attr {
  source: Sp | null;
  cue: Sp;
  content: Sp | null;
}

/** Gold attributions of one brat .ann file (offsets into the raw text file). */
export function readAnn(ann: string): Attr[] {
  const spans = new Map<string, Sp>();
  const out: Attr[] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t\w+ (\d+) (\d+)/.exec(line);
    if (t) spans.set(t[1], [Number(t[2]), Number(t[3])]);
  }
  for (const line of ann.split('\n')) {
    if (!line.startsWith('E')) continue;
    const role = (name: string) => {
      const m = new RegExp(`${name}:(T\\d+)`).exec(line);
      return m ? (spans.get(m[1]) ?? null) : null;
    };
    const cue = role('Cue');
    if (cue) out.push({ source: role('Source'), cue, content: role('Content') });
  }
  return out;
}

const SAY =
  /\b(said|say|says|saying|told|tell|tells|according|added|adds|claimed|claims|argued|argues|asked|announced|stated|wrote|writes|noted|insisted|explained|warned|suggested|reported|declared|responded|replied|acknowledged|admitted|denied|confirmed)\b/i;

/** Said-verb regex baseline over the raw text. */
export function regexAttributions(text: string): Attr[] {
  const out: Attr[] = [];
  for (const m of text.matchAll(/[^.!?\n]+[.!?]?/g)) {
    const s = m.index,
      sent = m[0];
    for (const v of sent.matchAll(
      /\b(said|says|told|according to|added|claimed|argued|wrote|asked|announced|stated)\b/g,
    )) {
      const cue: Sp = [s + v.index, s + v.index + v[0].length];
      const before = /((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*|\b(?:he|she|they|we|I|it))\s+(?:\w+ly\s+)?$/.exec(
        sent.slice(0, v.index),
      );
      const after = /^\s+((?:[A-Z][\w.'’-]*\s?){1,4})/.exec(sent.slice(v.index + v[0].length));
      const source: Sp | null = before
        ? [s + before.index, s + before.index + before[1].length]
        : after
          ? [cue[1] + 1, cue[1] + 1 + after[1].trimEnd().length]
          : null;
      const rest = sent.slice(v.index + v[0].length).replace(/^\s*(that\s+)?/, '');
      const content: Sp | null =
        rest.trim().length > 3 && !after
          ? [s + sent.length - rest.length, s + sent.length]
          : v.index > 3
            ? [s, s + v.index]
            : null;
      out.push({ source, cue, content });
    }
  }
  return out;
}

/** Offset map from the extracted text back to the raw file (extraction trims and normalises a few characters). */
export function offsetMap(raw: string, ext: string): (i: number) => number {
  const map = new Int32Array(ext.length + 1);
  let r = 0;
  for (let e = 0; e < ext.length; e++) {
    while (r < raw.length && raw[r] !== ext[e] && /\s/.test(raw[r]) && !/\s/.test(ext[e])) r++;
    map[e] = Math.min(r, raw.length);
    if (r < raw.length && !(/\s/.test(ext[e]) && !/\s/.test(raw[r]))) r++;
  }
  map[ext.length] = r;
  return (i) => map[Math.max(0, Math.min(i, ext.length))];
}

/** Step 06's attributions, in raw-file offsets. */
export function unspunAttributions(a: Analysis, raw: string): Attr[] {
  const at = offsetMap(raw, a.text);
  const sp = (x: { start: number; end: number } | null | undefined): Sp | null => (x ? [at(x.start), at(x.end)] : null);
  return a.attributions.map((x) => ({ source: sp(x.speaker?.mention), cue: sp(x.verb)!, content: sp(x.content) }));
}

const overlap = (a: Sp | null, b: Sp | null) => !!a && !!b && a[0] < b[1] && b[0] < a[1];
function trim(text: string, s: Sp): string {
  return text.slice(s[0], s[1]).replace(/^[\s"“”'‘’,.:;—–-]+|[\s"“”'‘’,.:;—–-]+$/g, '');
}
const same = (text: string) => (a: Sp | null, b: Sp | null) => !!a && !!b && trim(text, a) === trim(text, b);

type Match = (a: Sp | null, b: Sp | null) => boolean;
interface Counts {
  pred: number;
  gold: number;
  tpPred: number;
  tpGold: number;
}

function count(
  text: string,
  gold: Attr[],
  pred: Attr[],
  parts: Array<'source' | 'content'>,
  eq: Match,
  c: Counts,
): void {
  const ok = (g: Attr, p: Attr) => eq(p.cue, g.cue) && parts.every((k) => eq(p[k], g[k]));
  c.pred += pred.length;
  c.gold += gold.length;
  c.tpPred += pred.filter((p) => gold.some((g) => ok(g, p))).length;
  c.tpGold += gold.filter((g) => pred.some((p) => ok(g, p))).length;
  void text;
}

const f1 = (c: Counts): number => {
  const p = c.pred ? c.tpPred / c.pred : 0,
    r = c.gold ? c.tpGold / c.gold : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
};

/**
 * PolNeAR's test split: its article files in order and the annotation file of each. Annotations are named
 * TEXT_<annotator>.ann; a few articles were annotated twice: the first annotator is used.
 */
export function polnearTest(dataDir: string): {
  dir: string;
  files: string[];
  annOf: (f: string) => string | undefined;
} {
  const dir = join(dataDir, 'polnear/test');
  const files = readdirSync(join(dir, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const anns = readdirSync(join(dir, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort();
  return { dir, files, annOf: (f) => anns.find((a) => a.startsWith(f.replace(/\.txt$/, '_'))) };
}

export async function runPolnear(
  ctx: EvalContext,
  kernel: Kernel | null,
  reason: string,
): Promise<{ rows: EvalRow[]; details: string[] }> {
  const { dir, files, annOf } = polnearTest(ctx.dataDir);
  const settings = [
    { name: 'cue', parts: [] as Array<'source' | 'content'> },
    { name: 'source+cue', parts: ['source'] as Array<'source' | 'content'> },
    { name: 'cue+content', parts: ['content'] as Array<'source' | 'content'> },
    { name: 'source+cue+content', parts: ['source', 'content'] as Array<'source' | 'content'> },
  ];
  const fresh = (): Counts => ({ pred: 0, gold: 0, tpPred: 0, tpGold: 0 });
  type Key = string;
  const ours = new Map<Key, Counts>(),
    base = new Map<Key, Counts>();
  const get = (m: Map<Key, Counts>, k: Key) => {
    let c = m.get(k);
    if (!c) m.set(k, (c = fresh()));
    return c;
  };
  let failures = 0,
    nGold = 0,
    nSpeech = 0;
  files.forEach((f, i) => {
    ctx.progress('findings: polnear', i, files.length);
    const raw = readFileSync(join(dir, 'text', f), 'utf8');
    const ann = annOf(f);
    if (!ann) return;
    const gold = readAnn(readFileSync(join(dir, 'attributions', ann), 'utf8'));
    const speech = gold.filter((g) => SAY.test(raw.slice(...g.cue)));
    nGold += gold.length;
    nSpeech += speech.length;
    let pred: Attr[] | null = null;
    if (kernel) {
      try {
        pred = unspunAttributions(kernel.analysis(raw), raw);
      } catch {
        failures++;
        pred = [];
      }
    }
    const rx = regexAttributions(raw);
    for (const [subset, g] of [
      ['all', gold],
      ['speech', speech],
    ] as const) {
      for (const s of settings) {
        for (const [mode, eq] of [
          ['overlap', overlap],
          ['exact', same(raw)],
        ] as const) {
          const k = `${subset}|${s.name}|${mode}`;
          // On the speech subset, extracted attributions whose cue is not a verb of saying are not counted.
          const keep = (p: Attr[]) => (subset === 'speech' ? p.filter((x) => SAY.test(raw.slice(...x.cue))) : p);
          if (pred) count(raw, g, keep(pred), s.parts, eq, get(ours, k));
          count(raw, g, keep(rx), s.parts, eq, get(base, k));
        }
      }
    }
  });
  const rows: EvalRow[] = [];
  const lines = [
    '### PolNeAR attribution spans (step 06)',
    '',
    `Test split: ${files.length} articles, ${nGold} gold attributions (${nSpeech} with a verb of saying as cue)${failures ? `; ${failures} analyse failures` : ''}. ` +
      'P over extracted, R over gold; "overlap" = spans intersect, "exact" = equal after trimming quotes, punctuation and spaces. Baseline: said-verb regex.',
    '',
    '| gold | parts | match | Unspun P | Unspun R | Unspun F1 | baseline F1 |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const subset of ['all', 'speech']) {
    for (const s of settings) {
      for (const mode of ['overlap', 'exact']) {
        const k = `${subset}|${s.name}|${mode}`;
        const o = ours.get(k),
          b = base.get(k)!;
        const p = o && o.pred ? o.tpPred / o.pred : null,
          r = o && o.gold ? o.tpGold / o.gold : null;
        lines.push(
          `| ${subset} | ${s.name} | ${mode} | ${fmt(kernel ? p : null)} | ${fmt(kernel ? r : null)} | ${fmt(kernel && o ? f1(o) : null)} | ${fmt(f1(b))} |`,
        );
        if (s.name === 'source+cue' || (s.name === 'cue+content' && subset === 'speech')) {
          rows.push({
            dataset: `polnear (test)${subset === 'speech' ? ', speech cues' : ''}`,
            task: 'findings',
            metric: `attribution ${s.name} ${mode} F1`,
            value: kernel && o ? f1(o) : null,
            baseline: f1(b),
            note: `n=${subset === 'all' ? nGold : nSpeech} gold attributions${s.name === 'source+cue' && mode === 'overlap' ? '; target ≥ 0.80' : ''}; baseline: said-verb regex${!kernel && rows.length === 0 ? `; Unspun skipped: ${reason}` : ''}`,
          });
        }
      }
    }
  }
  return { rows, details: [lines.join('\n')] };
}
