import type { Analysis, NumberMention } from '../types.js';
import { matchDate } from './numbers/dates.js';
import { matchQuantity } from './numbers/quantity.js';
import type { Scan } from './numbers/scan.js';

export {
  describeNumber,
  isRough,
  numbersConflict,
  QuantitySet,
  quantityRange,
  sameQuantity,
} from './numbers/compare.js';

const YEAR_PREFIX = /^(\d{4})-/;

/**
 * Step 03: numbers normalised to values with unit and qualifier, with exact spans.
 * "nearly 12,000 soldiers" → {value: 12000, unit: "soldier", qualifier: "approx"}; "$2bn" → {value: 2e9, unit: "usd"};
 * "late 2028" → {kind: "date", value: 2028, datePart: "late"}. Times, phone numbers and names ("Boeing 737") are skipped.
 * Relative dates ("early next year", "3 March") resolve against the year of `doc.published`; when it is unknown the
 * value is 0, unit "relative-year" and datePart keeps the relation: "early next-year", "march-3 this-year".
 */
export function findNumbers(doc: Analysis): NumberMention[] {
  const lower = doc.tokens.map((t) => t.text.toLowerCase());
  const publishedYear = yearOf(doc.published);
  const out: NumberMention[] = [];
  for (const s of doc.sentences) {
    const scan: Scan = {
      doc,
      tokens: doc.tokens,
      lower,
      sentence: s.id,
      sentenceStart: s.tokenStart,
      floor: s.tokenStart,
      end: s.tokenEnd,
      publishedYear,
    };
    for (let i = s.tokenStart; i < s.tokenEnd; ) {
      const m = matchDate(scan, i) ?? matchQuantity(scan, i);
      if (!m) {
        i++;
        continue;
      }
      if (m.mention) out.push(m.mention);
      i = Math.max(m.next, i + 1);
      scan.floor = i;
    }
  }
  return out;
}

function yearOf(published: string | null): number | null {
  if (!published) return null;
  const m = YEAR_PREFIX.exec(published);
  if (m) return Number(m[1]);
  const t = Date.parse(published);
  return Number.isNaN(t) ? null : new Date(t).getUTCFullYear();
}
