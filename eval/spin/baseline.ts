/**
 * The spin suite's baseline: a word diff (longest common subsequence) between source and derived, each changed
 * hunk labelled by the words it adds or removes — what an engineer would write in an afternoon. No Unspun NLP.
 * On clean copies it sees exactly the edit; amid paraphrase every reworded phrase is a hunk.
 */
import { words, type Word } from '../data.js';
import type { Found } from './score.js';

const SAY = new Set([
  'said',
  'says',
  'say',
  'claimed',
  'claims',
  'admitted',
  'admits',
  'conceded',
  'alleged',
  'stated',
  'added',
  'explained',
  'told',
  'according',
  'insisted',
  'argued',
]);
const HEDGE = new Set([
  'may',
  'might',
  'could',
  'reportedly',
  'allegedly',
  'possibly',
  'probably',
  'apparently',
  'expected',
  'likely',
  'perhaps',
  'suggests',
]);
const NEG = new Set(['not', "n't", 'never', 'no']);
const VAGUE = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'several', 'many', 'some']);

interface Hunk {
  s: Word[];
  d: Word[];
  sGap: [number, number];
  dGap: [number, number];
}

/** LCS word diff (O(n·m) table, texts are capped at a few thousand characters). */
function hunks(a: Word[], b: Word[], aEnd: number, bEnd: number): Hunk[] {
  const n = a.length,
    m = b.length;
  const t = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i * (m + 1) + j] =
        a[i].norm === b[j].norm
          ? t[(i + 1) * (m + 1) + j + 1] + 1
          : Math.max(t[(i + 1) * (m + 1) + j], t[i * (m + 1) + j + 1]);
    }
  }
  const out: Hunk[] = [];
  let i = 0,
    j = 0;
  let cur: { s: Word[]; d: Word[]; sFrom: number; dFrom: number } | null = null;
  const close = (sTo: number, dTo: number) => {
    if (cur && (cur.s.length || cur.d.length))
      out.push({ s: cur.s, d: cur.d, sGap: [cur.sFrom, sTo], dGap: [cur.dFrom, dTo] });
    cur = null;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i].norm === b[j].norm) {
      close(a[i].start, b[j].start);
      i++;
      j++;
      continue;
    }
    cur ??= { s: [], d: [], sFrom: i > 0 ? a[i - 1].end : 0, dFrom: j > 0 ? b[j - 1].end : 0 };
    if (j >= m || (i < n && t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1])) cur.s.push(a[i++]);
    else cur.d.push(b[j++]);
  }
  close(aEnd, bEnd);
  return out;
}

const span = (text: string, ws: Word[]) =>
  ws.length
    ? { start: ws[0].start, end: ws[ws.length - 1].end, text: text.slice(ws[0].start, ws[ws.length - 1].end) }
    : null;
const has = (ws: Word[], set: Set<string>) =>
  ws.some((w) => set.has(w.norm) || (w.norm.endsWith("n't") && set.has("n't")));
const digits = (ws: Word[]) => ws.filter((w) => /\d/.test(w.norm));

/** Findings of the diff baseline, in the same shape as Unspun's. */
export function diffFindings(source: string, derived: string): Found[] {
  const out: Found[] = [];
  const push = (ruleId: string, severity: string, s: Word[], d: Word[]) =>
    out.push({ ruleId, severity, source: span(source, s), derived: span(derived, d) });
  for (const h of hunks(words(source), words(derived), source.length, derived.length)) {
    const sn = digits(h.s),
      dn = digits(h.d);
    if (sn.length && dn.length) push('number-changed', 'high', sn, dn);
    else if (sn.length)
      push(
        'number-dropped',
        'low',
        sn,
        h.d.filter((w) => VAGUE.has(w.norm)),
      );
    else if (has(h.d, VAGUE) && h.d.length <= 3) push('number-changed', 'high', h.s, h.d);
    if (has(h.s, NEG) !== has(h.d, NEG)) push('negation-flip', 'high', h.s, h.d);
    if (has(h.s, SAY) && has(h.d, SAY))
      push(
        'reporting-verb-shift',
        'medium',
        h.s.filter((w) => SAY.has(w.norm)),
        h.d.filter((w) => SAY.has(w.norm)),
      );
    else if (has(h.s, SAY)) push('attribution-removed', 'medium', h.s, h.d);
    if (has(h.d, HEDGE) && !has(h.s, HEDGE))
      push(
        'hedge-added',
        'medium',
        h.s,
        h.d.filter((w) => HEDGE.has(w.norm)),
      );
    if (has(h.s, HEDGE) && !has(h.d, HEDGE))
      push(
        'hedge-removed',
        'medium',
        h.s.filter((w) => HEDGE.has(w.norm)),
        h.d,
      );
    if (/["“”]/.test(source.slice(...h.sGap)) && !/["“”]/.test(derived.slice(...h.dGap)))
      push('quote-removed', 'medium', h.s, h.d);
    const capsGone =
      h.s.some((w) => /^[A-Z]/.test(source.slice(w.start, w.end))) &&
      h.s.some((w) => w.norm === 'of' || w.norm === 'for');
    if (capsGone && h.d.length <= 2) push('speaker-description-changed', 'medium', h.s, h.d);
    if (h.d.length >= 6 && h.s.length <= 1) push('unsupported-content', 'medium', h.s, h.d);
    if (h.s.length >= 6 && h.d.length <= 1) push('claim-dropped', 'low', h.s, h.d);
  }
  return out;
}
