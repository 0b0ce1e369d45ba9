import type { NumberKind, NumberMention, NumberQualifier } from '../../types.js';
import { startsDatePhrase } from './dates.js';
import { NUMBER_RE, readNumeral, TIME_OR_PHONE_RE, type Numeral } from './numeral.js';
import { isCapitalised, spanOf, type Match, type Scan } from './scan.js';
import { numberTables, type UnitEntry } from './tables.js';

// A 4-digit number after these is a year even before a plural noun: "the 2024 elections", "in 2024 protests".
const YEAR_CONTEXT = new Set([
  'the',
  'in',
  'its',
  'their',
  'his',
  'her',
  'our',
  'this',
  'that',
  'since',
  'until',
  'during',
  'before',
  'after',
  'by',
  "'s",
  '’s',
]);
const NATIONALITY_RE = /^\p{Lu}\p{Ll}+$/u; // "Ukrainian", not "F-16" or "NATO"
const OLD_YEAR_RE = /^1[0-7]\d\d$/;
const LETTER_RE = /^[a-z]/;
const RANGE_JOINERS = new Set(['-', '–', '—', 'to']);
const PLURAL_LEMMAS = new Set(['people', 'police', 'personnel', 'staff', 'cattle', 'livestock']);

/**
 * A quantity anchored at token `i`: [qualifier] [currency] numeral [range] [unit | counted noun].
 * Returns a match without mention for numbers that are not quantities (times, phone numbers, "Boeing 737").
 * Example: "more than $2bn" → {value: 2e9, unit: "usd", qualifier: "above"}.
 */
export function matchQuantity(scan: Scan, i: number): Match | null {
  const { lower, tokens } = scan;
  const t = numberTables();
  const l = lower[i];
  const c = l.charCodeAt(0);
  const digit = c >= 48 && c <= 57;
  if (!digit && !t.words.has(l) && l !== 'a' && l !== 'an' && l !== 'half' && l !== 'several' && l[0] !== '+')
    return null;
  if (TIME_OR_PHONE_RE.test(l)) return { mention: null, next: skipDigits(scan, i + 1) };

  const cur = t.currencyBefore.matchBackward(lower, i, scan.floor);
  const n = readNumeral(scan, i, cur !== null);
  if (!n || (n.ordinal && n.words && startsDatePhrase(scan, i))) return null;
  let start = cur ? cur.start : i;
  let j = n.next;
  if (j < scan.end && t.words.get(lower[j])?.type === 'time-marker') return { mention: null, next: j + 1 }; // "5 p.m."
  if (digit && j < scan.end && NUMBER_RE.test(lower[j]) && !n.words)
    return { mention: null, next: skipDigits(scan, j) }; // "20 7946 0958"

  // Ranges: "between 5 and 10", "200 to 300", "$2-3bn" (one token, handled by readNumeral).
  let valueMax = n.valueMax;
  if (start - 1 >= scan.floor && lower[start - 1] === 'between' && lower[j] === 'and') {
    const hi = readRangeEnd(scan, j + 1, cur !== null, n);
    if (hi) {
      valueMax = hi.value;
      j = hi.next;
      start--;
    }
  } else if (j < scan.end && RANGE_JOINERS.has(lower[j]) && !isChange(scan, start)) {
    const hi = readRangeEnd(scan, j + 1, cur !== null, n);
    if (hi) {
      valueMax = hi.value;
      j = hi.next;
    }
  }

  const q = t.qualifiers.matchBackward(lower, start, scan.floor);
  if (q) start = q.start;
  if (!q && !cur && isNamePart(scan, start)) return { mention: null, next: j };

  // Unit after the number: "155 mm", "12 per cent", "2 billion dollars", "a 155-mm shell", "a 45-year-old".
  let unit: UnitEntry | undefined = n.glued;
  // "4chan", "3D": digits glued to a word that is no unit are a name.
  const gluedWord = digit && j < scan.end && tokens[j].start === tokens[j - 1].end && LETTER_RE.test(lower[j]);
  if (!unit && gluedWord && t.glued.has(lower[j])) {
    unit = n.glued = t.glued.get(lower[j]); // wink splits "100m" into "100" "m"
    j++;
  } else if (!unit) {
    const hyphen = lower[j] === '-' && isAttached(scan, j) ? 1 : 0; // "155-mm", not "in 2002 - namely"
    const u = t.unitsAfter.matchForward(lower, j + hyphen, scan.end);
    if (u && !(cur && u.value.kind === 'money')) {
      unit = u.value;
      j = u.next;
      if (unit.unit === 'year' && hyphen && lower[j] === '-' && lower[j + 1] === 'old') j += 2;
    } else if (gluedWord) return { mention: null, next: j + 1 };
    else if (hyphen && !n.words && isWord(scan, j + 1)) {
      // "a 27-member bloc", "a 1,200-strong force": the hyphenated word is what is counted.
      if (lower[j + 1] !== 'strong')
        return build(scan, n, start, j + 1, cur?.value, undefined, tokens[j + 1].lemma, q?.value, valueMax);
      j += 2;
    } else if (hyphen && n.words) return { mention: null, next: j }; // "one-off", "two-thirds"
  }
  let noun = unit || cur ? null : countedNoun(scan, j);
  if (unit?.unit === 'm' && n.glued && !cur) {
    // "2.5m people" is millions, "a 100m sprint" is metres.
    const after = countedNoun(scan, j);
    if (after && isPlural(scan, after.last)) {
      n.value *= 1e6;
      n.scale = 1e6;
      unit = undefined;
      noun = after;
    }
  }

  if (n.words && !n.ordinal && n.value === 1 && n.scale === 1 && !unit && !noun) return null; // "one of them", "no one"
  if (n.ordinal && (lower[j] === 'of' || (n.words && n.value === 1 && !noun))) return null; // "a third of", "at first"

  const yearContext = start - 1 >= scan.floor && YEAR_CONTEXT.has(lower[start - 1]);
  const yearLike = n.yearLike || (yearContext && OLD_YEAR_RE.test(lower[i]) && n.next === i + 1); // "in 1576"
  if (yearLike && !cur && !q && !unit && (valueMax === undefined || valueMax <= 2100)) {
    const plural = noun && isPlural(scan, noun.last);
    if (!plural || yearContext)
      return build(scan, n, start, j - 1, undefined, undefined, null, undefined, valueMax, 'year');
  }
  return build(
    scan,
    n,
    start,
    noun ? noun.last : j - 1,
    cur?.value,
    unit,
    noun ? tokens[noun.last].lemma : null,
    q?.value,
    valueMax,
  );
}

function build(
  scan: Scan,
  n: Numeral,
  first: number,
  last: number,
  currency: UnitEntry | undefined,
  unit: UnitEntry | undefined,
  noun: string | null,
  qualifier: NumberQualifier | undefined,
  valueMax: number | undefined,
  forceKind?: NumberKind,
): Match {
  const u = currency ?? unit;
  const kind: NumberKind = forceKind ?? (n.ordinal ? 'ordinal' : u ? u.kind : 'cardinal');
  const mention: NumberMention = {
    ...spanOf(scan, first, last),
    sentence: scan.sentence,
    kind,
    value: n.value,
    ...(valueMax !== undefined ? { valueMax } : {}),
    unit: forceKind === 'year' ? null : u ? u.unit : noun,
    qualifier: qualifier ?? (n.approx ? 'approx' : 'exact'),
  };
  return { mention, next: last + 1 };
}

/** The upper end of a range; "5 to 10 million" shares the multiplier: the low end becomes 5 million. */
function readRangeEnd(scan: Scan, k: number, currency: boolean, lo: Numeral): Numeral | null {
  const t = numberTables();
  const cur = t.currencyBefore.matchForward(scan.lower, k, scan.end); // "$2 to $3 billion"
  const hi = readNumeral(scan, cur ? cur.next : k, currency || cur !== null);
  if (!hi || hi.ordinal || hi.approx || hi.glued) return null;
  if (hi.scale > 1 && lo.scale === 1 && lo.value * hi.scale <= hi.value) {
    lo.value *= hi.scale;
    lo.yearLike = false;
  }
  return hi.value > lo.value ? hi : null;
}

/** "rose from 200 to 300" is a change between two numbers, not a range. */
function isChange(scan: Scan, start: number): boolean {
  return start - 2 >= scan.floor && scan.lower[start - 1] === 'from' && scan.tokens[start - 2].pos === 'VERB';
}

/** "Boeing 737", "Route 66", "No. 10", "Su-35": the number is part of a name. */
function isNamePart(scan: Scan, start: number): boolean {
  const p = start - 1;
  const first = scan.sentenceStart;
  if (p < first) return false;
  const { words, months } = numberTables();
  const type = words.get(scan.lower[p])?.type;
  if (type === 'label') return true;
  if (scan.lower[p] === '-' && p - 1 >= first && isCapitalised(scan.tokens[p - 1])) return true;
  const prev = scan.tokens[p];
  return prev.pos === 'PROPN' && isCapitalised(prev) && type !== 'weekday' && !months.has(scan.lower[p]);
}

/** The counted noun after a number, skipping up to two adjectives: "12,000 Ukrainian soldiers" → soldiers. */
function countedNoun(scan: Scan, j: number): { last: number } | null {
  const { tokens } = scan;
  let k = j;
  // Nationalities come tagged PROPN: "1,200 young Ukrainian soldiers".
  while (
    k < scan.end &&
    k - j < 2 &&
    (tokens[k].pos === 'ADJ' || (tokens[k].pos === 'PROPN' && NATIONALITY_RE.test(tokens[k].text)))
  )
    k++;
  if (k >= scan.end || tokens[k].pos !== 'NOUN') return null;
  let last = k;
  while (last + 1 < scan.end && last - k < 2 && tokens[last + 1].pos === 'NOUN') last++;
  return { last };
}

/** A hyphen written without spaces on either side. */
function isAttached(scan: Scan, k: number): boolean {
  const { tokens } = scan;
  return k + 1 < scan.end && tokens[k].start === tokens[k - 1].end && tokens[k + 1].start === tokens[k].end;
}

function isPlural(scan: Scan, k: number): boolean {
  return scan.tokens[k].lemma !== scan.lower[k] || PLURAL_LEMMAS.has(scan.tokens[k].lemma);
}

function isWord(scan: Scan, k: number): boolean {
  return k < scan.end && /^[a-z]+$/.test(scan.lower[k]);
}

function skipDigits(scan: Scan, k: number): number {
  while (k < scan.end && /^[+\d]/.test(scan.lower[k])) k++;
  return k;
}
