import type { Scan } from './scan.js';
import { numberTables, type UnitEntry } from './tables.js';

/** A number as written, before units and qualifiers: "1.5 million", "twenty-five", "3rd", "hundreds of". */
export interface Numeral {
  value: number;
  next: number;
  /** Product of the multipliers applied ("1.5 million" → 1e6), so a range can share it: "5 to 10 million". */
  scale: number;
  ordinal: boolean;
  /** "hundreds of", "several thousand": the value is only a lower bound of the order of magnitude. */
  approx: boolean;
  /** Spelled out ("thirty thousand") rather than digits. */
  words: boolean;
  /** A bare 4-digit integer 1800-2100 ("2024", not "2,024" or "2024.5"). */
  yearLike: boolean;
  /** Second value of a one-token range ("200-300"). */
  valueMax?: number;
  /** Unit stuck to the digits ("155mm", "12%"). */
  glued?: UnitEntry;
}

const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
export const NUMBER_RE = new RegExp(`^${DIGITS}$`);
const RANGE_RE = new RegExp(`^(${DIGITS})[-–—](${DIGITS})$`);
const GLUED_RE = new RegExp(`^(${DIGITS})([a-z%°²/]+)$`, 'i');
export const ORDINAL_RE = /^(\d+)(?:st|nd|rd|th)$/i;
const YEAR_RE = /^(?:1[89]\d\d|20\d\d|2100)$/;
// "10:30", "5pm", "5.30pm"; phone numbers "555-123-4567", "+44".
export const TIME_OR_PHONE_RE =
  /^\d{1,2}(?:[:.]\d{2})*(?:am|pm|a\.m\.?|p\.m\.?)$|^\d{1,2}:\d{2}(?::\d{2})?$|^\+\d|^\d+(?:[-–.]\d+){2,}$/i;

const toNumber = (s: string): number => Number(s.replace(/,/g, ''));

/** Reads the numeral starting at token `i`; `currency` allows "m"/"bn"-style multipliers that need one ("£3.4m"). */
export function readNumeral(scan: Scan, i: number, currency: boolean): Numeral | null {
  if (i >= scan.end) return null;
  const l = scan.lower[i];
  const c = l.charCodeAt(0);
  const n = c >= 48 && c <= 57 ? readDigits(l, i, currency) : readWords(scan, i);
  if (!n || n.ordinal || n.glued) return n;
  return applyScales(scan, n, currency);
}

function base(value: number, next: number): Numeral {
  return { value, next, scale: 1, ordinal: false, approx: false, words: false, yearLike: false };
}

function readDigits(l: string, i: number, currency: boolean): Numeral | null {
  if (NUMBER_RE.test(l)) return { ...base(toNumber(l), i + 1), yearLike: YEAR_RE.test(l) };
  let m = RANGE_RE.exec(l);
  if (m) {
    const lo = toNumber(m[1]);
    const hi = toNumber(m[2]);
    // "1-0 win": a score, not a range.
    return lo < hi ? { ...base(lo, i + 1), valueMax: hi, yearLike: YEAR_RE.test(m[1]) && YEAR_RE.test(m[2]) } : null;
  }
  if ((m = ORDINAL_RE.exec(l))) return { ...base(Number(m[1]), i + 1), ordinal: true };
  if ((m = GLUED_RE.exec(l))) {
    const t = numberTables();
    const w = t.words.get(m[2]);
    if (w && (w.type === 'scale' || w.type === 'scale-abbrev') && (!w.currencyOnly || currency))
      return { ...base(toNumber(m[1]) * w.value, i + 1), scale: w.value };
    const unit = t.glued.get(m[2]);
    if (unit) return { ...base(toNumber(m[1]), i + 1), glued: unit };
  }
  return null;
}

function readWords(scan: Scan, i: number): Numeral | null {
  const { lower } = scan;
  const { words } = numberTables();
  const l = lower[i];
  const w = words.get(l);
  const at = (k: number) => (k < scan.end ? words.get(lower[k]) : undefined);
  const isScale = (k: number) => {
    const x = at(k);
    return x !== undefined && (x.type === 'scale' || x.type === 'dozen');
  };

  // "a dozen", "a million", "half a million", "several hundred", "a few thousand".
  if ((l === 'a' || l === 'an') && isScale(i + 1))
    return { ...base(at(i + 1)!.value, i + 2), words: true, scale: at(i + 1)!.value };
  if (l === 'half' && lower[i + 1] === 'a' && isScale(i + 2))
    return { ...base(at(i + 2)!.value / 2, i + 3), words: true, scale: at(i + 2)!.value };
  if (l === 'several' && isScale(i + 1))
    return { ...base(at(i + 1)!.value, i + 2), words: true, approx: true, scale: at(i + 1)!.value };
  if (l === 'a' && lower[i + 1] === 'few' && isScale(i + 2))
    return { ...base(at(i + 2)!.value, i + 3), words: true, approx: true, scale: at(i + 2)!.value };
  if (!w) return null;
  if (w.type === 'ordinal') return { ...base(w.value, i + 1), ordinal: true, words: true };
  if (w.type === 'approx-plural') return readApproxPlural(scan, i, w.value);
  if (w.type !== 'unit' && w.type !== 'tens') return null;

  // "two hundred and fifty thousand", "twenty-five".
  let total = 0;
  let current = 0;
  let j = i;
  let prev: 'num' | 'tens' | 'scale' | 'and' | null = null;
  while (j < scan.end) {
    const x = at(j);
    if (x && (x.type === 'unit' || x.type === 'tens')) {
      if (prev === 'num' || (prev === 'tens' && !(x.type === 'unit' && x.value < 10))) break;
      current += x.value;
      prev = x.type === 'tens' ? 'tens' : 'num';
      j++;
    } else if (lower[j] === '-' && prev === 'tens' && at(j + 1)?.type === 'unit' && at(j + 1)!.value < 10) {
      j++;
    } else if (x && x.type === 'scale') {
      if (x.value === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * x.value;
        current = 0;
      }
      prev = 'scale';
      j++;
    } else if (x && x.type === 'dozen') {
      current = (current || 1) * 12;
      prev = 'scale';
      j++;
    } else if (lower[j] === 'and' && prev === 'scale' && (at(j + 1)?.type === 'unit' || at(j + 1)?.type === 'tens')) {
      prev = 'and';
      j++;
    } else break;
  }
  return { ...base(total + current, j), words: true };
}

/** "hundreds of", "tens of thousands of", "thousands": approximate, valued at the lower bound. */
function readApproxPlural(scan: Scan, i: number, value: number): Numeral | null {
  const { lower } = scan;
  const { words } = numberTables();
  let j = i + 1;
  const inner = lower[j] === 'of' ? words.get(lower[j + 1]) : undefined;
  if (inner?.type === 'approx-plural' && inner.value > value) {
    value *= inner.value; // "tens of thousands", "hundreds of millions"
    j += 2;
  } else if (lower[i] === 'tens' || (lower[i] === 'scores' && lower[j] !== 'of')) return null; // "tens" alone, "scores" (results)
  if (j < scan.end && lower[j] === 'of') j++;
  return { ...base(value, j), approx: true, words: true, scale: value };
}

/** "1.5 million", "2 bn", "3 hundred thousand". */
function applyScales(scan: Scan, n: Numeral, currency: boolean): Numeral {
  const { words } = numberTables();
  let j = n.next;
  if (n.approx) return n;
  while (j < scan.end) {
    const w = words.get(scan.lower[j]);
    if (!w || !(w.type === 'scale' || (w.type === 'scale-abbrev' && (!w.currencyOnly || currency)))) break;
    n.value *= w.value;
    if (n.valueMax !== undefined) n.valueMax *= w.value;
    n.scale *= w.value;
    n.yearLike = false;
    j++;
  }
  n.next = j;
  return n;
}
