import { lexicon } from '../../lexicons.js';
import type { NumberKind, NumberQualifier } from '../../types.js';

export type NumberWordType =
  | 'unit'
  | 'tens'
  | 'scale'
  | 'scale-abbrev'
  | 'dozen'
  | 'approx-plural'
  | 'ordinal'
  | 'fraction'
  | 'month'
  | 'weekday'
  | 'time-marker'
  | 'label';

export interface NumberWord {
  word: string;
  value: number;
  type: NumberWordType;
  /** `m`, `b`, `k` multiply only after a currency: "£3.4m" is money, "100 m" is metres. */
  currencyOnly?: boolean;
  abbrev?: boolean;
}

export interface UnitEntry {
  unit: string;
  kind: NumberKind;
  dimension: string;
  before?: string[];
  after?: string[];
  glued?: string[];
  /** Size in the dimension's base unit (km → 1000 metres), for comparing "5 km" with "3.1 miles". */
  factor?: number;
}

export interface QualifierEntry {
  phrase: string;
  qualifier?: NumberQualifier;
  datePart?: string;
}

/** Multi-token phrases, indexed by their first and by their last token for forward and backward matching. */
export class PhraseTable<T> {
  private byFirst = new Map<string, Array<{ words: string[]; value: T }>>();
  private byLast = new Map<string, Array<{ words: string[]; value: T }>>();

  add(phrase: string, value: T): void {
    const words = phrase.split(' ');
    for (const [map, key] of [
      [this.byFirst, words[0]],
      [this.byLast, words[words.length - 1]],
    ] as const) {
      const list = map.get(key) ?? [];
      list.push({ words, value });
      list.sort((a, b) => b.words.length - a.words.length); // longest first: "just over" before "over"
      map.set(key, list);
    }
  }

  /** The longest phrase starting at token `i` (not reaching `end`), with the index after it. */
  matchForward(lower: string[], i: number, end: number): { value: T; next: number } | null {
    const list = i < end ? this.byFirst.get(lower[i]) : undefined;
    if (!list) return null;
    outer: for (const { words, value } of list) {
      if (i + words.length > end) continue;
      for (let k = 1; k < words.length; k++) if (lower[i + k] !== words[k]) continue outer;
      return { value, next: i + words.length };
    }
    return null;
  }

  /** The longest phrase ending just before token `i` (not reaching below `floor`), with its first index. */
  matchBackward(lower: string[], i: number, floor: number): { value: T; start: number } | null {
    const list = i - 1 >= floor ? this.byLast.get(lower[i - 1]) : undefined;
    if (!list) return null;
    outer: for (const { words, value } of list) {
      const start = i - words.length;
      if (start < floor) continue;
      for (let k = 0; k < words.length - 1; k++) if (lower[start + k] !== words[k]) continue outer;
      return { value, start };
    }
    return null;
  }
}

export interface NumberTables {
  words: Map<string, NumberWord>;
  months: Map<string, NumberWord>;
  currencyBefore: PhraseTable<UnitEntry>;
  unitsAfter: PhraseTable<UnitEntry>;
  glued: Map<string, UnitEntry>;
  qualifiers: PhraseTable<NumberQualifier>;
  dateParts: PhraseTable<string>;
  /** Unit → its lexicon entry (dimension, factor). */
  units: Map<string, UnitEntry>;
}

let tables: NumberTables | null = null;

/** Compiles the three number lexicons once into lookup tables (no per-token regex or list scans). */
export function numberTables(): NumberTables {
  if (tables) return tables;
  const words = new Map<string, NumberWord>();
  const months = new Map<string, NumberWord>();
  for (const w of lexicon<NumberWord>('number-words').entries) {
    if (w.type === 'month') {
      months.set(w.word, w);
      if (w.abbrev) months.set(w.word + '.', w);
    } else words.set(w.word, w);
  }
  const currencyBefore = new PhraseTable<UnitEntry>();
  const unitsAfter = new PhraseTable<UnitEntry>();
  const glued = new Map<string, UnitEntry>();
  const units = new Map<string, UnitEntry>();
  for (const u of lexicon<UnitEntry>('number-units').entries) {
    units.set(u.unit, u);
    for (const f of u.before ?? []) currencyBefore.add(f, u);
    for (const f of u.after ?? []) unitsAfter.add(f, u);
    for (const f of u.glued ?? []) glued.set(f, u);
  }
  const qualifiers = new PhraseTable<NumberQualifier>();
  const dateParts = new PhraseTable<string>();
  for (const q of lexicon<QualifierEntry>('number-qualifiers').entries) {
    if (q.qualifier) qualifiers.add(q.phrase, q.qualifier);
    if (q.datePart) dateParts.add(q.phrase, q.datePart);
  }
  tables = { words, months, currencyBefore, unitsAfter, glued, qualifiers, dateParts, units };
  return tables;
}
