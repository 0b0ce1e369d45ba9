import { lexicon } from '../lexicons.js';
import type { ArticleMeta } from '../store/store.js';
import type { PairLink } from './families.js';

/** When a text was written relative to the event it reports, read from its relative day words. */
export type RelativeDay = 'same-day' | 'next-day';

const WORDS = lexicon<[RelativeDay, string]>('relative-days').entries;
/** One pattern per day: any of its phrases as whole words, spaces matching any white space. */
const phrases = (day: RelativeDay) =>
  WORDS.filter(([d]) => d === day)
    .map(([, phrase]) => phrase.replace(/ /g, '\\s+'))
    .join('|');
const PATTERNS = (['same-day', 'next-day'] as const).map((day) => ({
  day,
  re: new RegExp(`\\b(?:${phrases(day)})\\b`, 'i'),
}));

/**
 * 'same-day' when the text says "today" (or "tonight", "this morning" …) and never "yesterday"/"last night";
 * 'next-day' for the reverse; null when it uses neither, or both (a story that looks back and ahead tells nothing).
 * A wire file filed the day of a hearing says "today"; the paper that copies it the next morning says "yesterday".
 */
export function relativeDay(text: string): RelativeDay | null {
  const found = PATTERNS.filter(({ re }) => re.test(text)).map(({ day }) => day);
  return found.length === 1 ? found[0] : null;
}

/**
 * The copy order of the links by when each text was written: a link whose two texts have no two different dates,
 * but one written the same day and one the next day, is turned so that the next-day text copied from the same-day
 * one. Dates, when both texts have them and they differ, already ordered the link (the kernel's direction reads
 * them first); content (the direction lean, the coverage gap) orders the rest as before. A copy re-dates what it
 * copied ("today" → "yesterday"), while content can point either way: a paper that rewrites a short wire take and
 * adds background holds more than the take, so the take looks like its copy.
 */
export function orderByRelativeDay(
  links: PairLink[],
  metas: Map<number, ArticleMeta>,
  days: Map<number, RelativeDay | null>,
): PairLink[] {
  return links.map((l) => {
    const [a, b] = [metas.get(l.from)?.published, metas.get(l.to)?.published];
    if (a && b && a !== b) return l;
    const [da, db] = [days.get(l.from), days.get(l.to)];
    if (!da || !db || da === db) return l;
    if (da === 'next-day') return { ...l, directed: true };
    return { ...l, from: l.to, to: l.from, fromCovered: l.toCovered, toCovered: l.fromCovered, directed: true };
  });
}
