import type { NumberMention } from '../../types.js';
import { NUMBER_RE, ORDINAL_RE } from './numeral.js';
import { isCapitalised, spanOf, type Match, type Scan } from './scan.js';
import { numberTables, type NumberWord } from './tables.js';

const YEAR_RE = /^(?:1[89]\d\d|20\d\d|2100)$/;
const DECADE_RE = /^(1[89]\d0|20\d0)s$/;
const DAY_RANGE_RE = /^(\d{1,2})[-–](\d{1,2})$/;
const DAY_JOINERS = new Set(['to', '-', '–']);
const PERIOD_TOKEN_RE = /^(mid|early|late)-(.+)$/; // "mid-2027", "mid-March"
const RELATIVE_YEAR = new Map([
  ['next', 1],
  ['this', 0],
  ['last', -1],
]);
// A bare month name is a date only after one of these: "in March", not "the March on Washington".
const MONTH_CONTEXT = new Set([
  'in',
  'since',
  'until',
  'till',
  'by',
  'from',
  'through',
  'during',
  'last',
  'next',
  'this',
  'of',
  'before',
  'after',
  'early',
  'late',
  'mid',
  'on',
]);

const MONTH_NAMES = [
  '',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * A date anchored at token `i`: "March 3, 2025", "3 March", "late 2028", "mid-2027", "by the end of 2026",
 * "early next year", "the 1990s". Value is the year; relative years resolve against `doc.published`, and when
 * that is unknown the value is 0 with unit "relative-year" and the relation kept in datePart ("early next-year").
 */
export function matchDate(scan: Scan, i: number): Match | null {
  const l = scan.lower[i];
  const c = l.charCodeAt(0);
  if (c >= 48 && c <= 57) return matchDayFirst(scan, i) ?? matchYear(scan, i) ?? matchDecade(scan, i);
  const { months } = numberTables();
  const month = months.get(l);
  if (month && (isCapitalised(scan.tokens[i]) || lowerCaseDate(scan, i, i + 1)))
    return matchMonth(scan, i, i, month, null, null);
  if (RELATIVE_YEAR.has(l) && i + 1 < scan.end && scan.lower[i + 1] === 'year') return matchRelative(scan, i);
  const m = PERIOD_TOKEN_RE.exec(l);
  if (m) {
    if (YEAR_RE.test(m[2])) return finish(scan, i, i, Number(m[2]), [m[1]], false);
    const inner = months.get(m[2]);
    if (inner) return matchMonth(scan, i, i + 1, inner, null, m[1]);
  }
  return null;
}

/** True when a period phrase starts at `i` and a date follows: "second half of 2026" is a date, not an ordinal. */
export function startsDatePhrase(scan: Scan, i: number): boolean {
  const part = numberTables().dateParts.matchForward(scan.lower, i, scan.end);
  if (!part || part.next >= scan.end) return false;
  const l = scan.lower[part.next];
  return (
    YEAR_RE.test(l) || numberTables().months.has(l) || (RELATIVE_YEAR.has(l) && scan.lower[part.next + 1] === 'year')
  );
}

/**
 * A month name in lower case (tokenised, lower-cased summaries: "between february 2004 and september 2013") is a date
 * when spelt out in full and followed by a year, or by a day number when `yearOnly` is false ("march 21").
 */
function lowerCaseDate(scan: Scan, m: number, next: number, yearOnly = false): boolean {
  if (!MONTH_NAMES.includes(scan.lower[m]) || next >= scan.end) return false;
  const l = scan.lower[next];
  // "may 3" could be the modal before a count ("they may 3 times …"): a day only after the other months.
  return YEAR_RE.test(l) || (!yearOnly && scan.lower[m] !== 'may' && /^(?:[1-9]|[12]\d|3[01])$/.test(l));
}

/** "late 2028", "by the end of 2026", "Q1 2025": a year needs a period phrase to be a date (else it is a plain year). */
function matchYear(scan: Scan, i: number): Match | null {
  if (!YEAR_RE.test(scan.lower[i])) return null;
  const part = numberTables().dateParts.matchBackward(scan.lower, i, scan.floor);
  if (!part) return null;
  const next = scan.tokens[i + 1];
  if (i + 1 < scan.end && next.pos === 'NOUN' && next.lemma !== scan.lower[i + 1]) return null; // "before 2000 people"
  return finish(scan, part.start, i, Number(scan.lower[i]), [part.value], false);
}

function matchDecade(scan: Scan, i: number): Match | null {
  const m = DECADE_RE.exec(scan.lower[i]);
  if (!m) return null;
  const mention: NumberMention = {
    ...spanOf(scan, i, i),
    sentence: scan.sentence,
    kind: 'year',
    value: Number(m[1]),
    unit: null,
    qualifier: 'approx',
    datePart: 'decade',
  };
  return { mention, next: i + 1 };
}

/** "3 March", "3rd of March", "the 3rd of March 2025". */
function matchDayFirst(scan: Scan, i: number): Match | null {
  const day = readDay(scan, i);
  if (day === null) return null;
  const { months } = numberTables();
  let k = day.next;
  if (scan.lower[k] === 'of' && ORDINAL_RE.test(scan.lower[i])) k++;
  const month = k < scan.end ? months.get(scan.lower[k]) : undefined;
  if (!month || !(isCapitalised(scan.tokens[k]) || lowerCaseDate(scan, k, k + 1, true))) return null;
  return matchMonth(scan, i, k, month, day, null);
}

/** Month at token `m` (the date starts at `first`), then optional day and year: "March 3, 2025", "March 2025". */
function matchMonth(
  scan: Scan,
  first: number,
  m: number,
  month: NumberWord,
  day: Day | null,
  period: string | null,
): Match | null {
  const { lower } = scan;
  // "Mar", "Jan" without a period or a number are too ambiguous ("Jan" the name).
  let last = m;
  let k = m + 1;
  if (day === null) {
    day = readDay(scan, k);
    if (day) {
      last = day.next - 1;
      k = day.next;
    }
  }
  let year: number | null = null;
  const y = lower[k] === ',' && k + 1 < scan.end ? k + 1 : k;
  let relative: string | null = null;
  if (y < scan.end && YEAR_RE.test(lower[y])) {
    year = Number(lower[y]);
    last = y;
  } else if (RELATIVE_YEAR.has(lower[k]) && k + 1 < scan.end && lower[k + 1] === 'year') {
    relative = lower[k];
    last = k + 1;
  } // "February last year"
  const part = numberTables().dateParts.matchBackward(lower, first, scan.floor);
  const start = part ? part.start : first;
  if (day === null && year === null && !part && !period) {
    if (month.abbrev && !lower[m].endsWith('.')) return null;
    if (!(first - 1 >= scan.floor && MONTH_CONTEXT.has(lower[first - 1]))) return null;
  }
  const name = MONTH_NAMES[month.value] + (day ? '-' + day.day + (day.dayMax ? '..' + day.dayMax : '') : '');
  const parts = [part?.value, period ?? undefined, name].filter((p): p is string => p !== undefined);
  if (year !== null) return finish(scan, start, last, year, parts, false);
  const offset = relative ? RELATIVE_YEAR.get(relative)! : 0;
  const resolved = scan.publishedYear === null ? null : scan.publishedYear + offset;
  return finish(scan, start, last, resolved, parts, `${relative ?? 'this'}-year`);
}

/** "next year", "early next year", "by the end of this year", "later this year". */
function matchRelative(scan: Scan, i: number): Match {
  const offset = RELATIVE_YEAR.get(scan.lower[i])!;
  const part = numberTables().dateParts.matchBackward(scan.lower, i, scan.floor);
  const year = scan.publishedYear === null ? null : scan.publishedYear + offset;
  return finish(scan, part ? part.start : i, i + 1, year, part ? [part.value] : [], `${scan.lower[i]}-year`);
}

function finish(
  scan: Scan,
  first: number,
  last: number,
  year: number | null,
  parts: string[],
  relative: string | false,
): Match {
  const resolved = year !== null;
  const datePart = [...parts, ...(!resolved && relative ? [relative] : [])].join(' ');
  const mention: NumberMention = {
    ...spanOf(scan, first, last),
    sentence: scan.sentence,
    kind: 'date',
    value: year ?? 0,
    unit: resolved ? null : 'relative-year',
    qualifier: 'exact',
    ...(datePart ? { datePart } : {}),
  };
  return { mention, next: last + 1 };
}

interface Day {
  day: number;
  dayMax?: number;
  next: number;
}

/** A day of the month or a span of days: "3", "3rd", "24-25", "24 to 26". */
function readDay(scan: Scan, k: number): Day | null {
  if (k >= scan.end) return null;
  const l = scan.lower[k];
  const m = DAY_RANGE_RE.exec(l);
  if (m) {
    const [a, b] = [dayNumber(m[1]), dayNumber(m[2])];
    return a !== null && b !== null && a < b ? { day: a, dayMax: b, next: k + 1 } : null;
  }
  const day = dayNumber(l);
  if (day === null) return null;
  if (k + 2 < scan.end && DAY_JOINERS.has(scan.lower[k + 1])) {
    const max = dayNumber(scan.lower[k + 2]);
    if (max !== null && max > day) return { day, dayMax: max, next: k + 3 };
  }
  return { day, next: k + 1 };
}

function dayNumber(l: string): number | null {
  const m = ORDINAL_RE.exec(l);
  const v = m ? Number(m[1]) : NUMBER_RE.test(l) && !l.includes('.') && !l.includes(',') ? Number(l) : NaN;
  return v >= 1 && v <= 31 ? v : null;
}
