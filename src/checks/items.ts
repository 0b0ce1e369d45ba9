import type { NumberMention } from '../types.js';
import * as numbersStep from '../nlp/03-numbers.js';
import * as entitiesStep from '../nlp/04-entities.js';

/**
 * Item comparisons the checks need, taken from the nlp steps when they export them.
 * Why the namespace lookup: steps 03/04 land in parallel with the checks; a named import of a
 * not-yet-exported function would break module linking, a namespace property is just `undefined`.
 */
interface NumberHelpers {
  sameQuantity(a: NumberMention, b: NumberMention): boolean;
  numbersConflict(a: NumberMention, b: NumberMention): boolean;
  describeNumber(n: NumberMention): string;
}
interface EntityHelpers {
  sameEntity(a: string, b: string): boolean;
}

const num = numbersStep as unknown as Partial<NumberHelpers>;
const ent = entitiesStep as unknown as Partial<EntityHelpers>;

/** Same quantity in other words: "nearly 300" ≈ "almost 300", "1.5 million" ≈ "1,500,000". */
export const sameQuantity: NumberHelpers['sameQuantity'] = (a, b) => (num.sameQuantity ?? fallbackSameQuantity)(a, b);

/** A value that clearly changed: 12,000 → 1,200, or "nearly 300" → "more than 300". */
export const numbersConflict: NumberHelpers['numbersConflict'] = (a, b) => (num.numbersConflict ?? fallbackConflict)(a, b);

/** Entity keys that name the same thing ("lenz" vs "maria lenz"). */
export const sameEntity: EntityHelpers['sameEntity'] = (a, b) => (ent.sameEntity ?? fallbackSameEntity)(a, b);

function fallbackSameQuantity(a: NumberMention, b: NumberMention): boolean {
  const approx = (q: string) => (q === 'approx' ? 'exact' : q);
  return a.kind === b.kind && a.value === b.value && (a.valueMax ?? a.value) === (b.valueMax ?? b.value) && approx(a.qualifier) === approx(b.qualifier);
}

function fallbackConflict(a: NumberMention, b: NumberMention): boolean {
  return a.kind === b.kind && !fallbackSameQuantity(a, b);
}

function fallbackSameEntity(a: string, b: string): boolean {
  if (a === b) return true;
  const last = (k: string) => k.split(' ').pop() ?? k;
  return (a.includes(' ') !== b.includes(' ')) && last(a) === last(b);
}
