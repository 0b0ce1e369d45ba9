import type { Analysis, EntityMention } from '../../types.js';
import { creditsOf } from './credits.js';
import { sameEntity } from './items.js';
import { derivedCounterparts, inSentences, sameSlot, within, words, perContext } from './pairs.js';
import { isUnknownWord } from './support.js';
import type { CheckContext } from '../types.js';

export type EntityFate =
  | { kind: 'changed'; source: EntityMention; derived: EntityMention }
  | { kind: 'dropped'; source: EntityMention; derivedSentences: number[] };

/**
 * Compares the named entities of each carried-over source sentence with its derived counterparts.
 * An entity named anywhere in the rewrite is kept (a later "she" for "Maria Lenz" is no loss). A lost entity pairs
 * with the one new derived entity of the same type in the same slot (shared neighbouring words:
 * "The Federal Railway Authority ordered" → "The Transport Ministry ordered"): changed. With no new entity of its
 * type it is dropped; otherwise skipped. Each entity is reported once.
 * Left to other rules: organisations in a speaker's appositive (speaker-description-changed) and the source's own
 * outlet, e.g. a "(Reuters)" dateline (source-uncredited).
 */
export const entityFates = perContext((ctx: CheckContext): EntityFate[] => {
  const fates: EntityFate[] = [];
  const reported = new Set<string>();
  const credits = new Set(creditsOf(ctx.source).map((c) => c.toLowerCase()));
  const skip = (e: EntityMention) =>
    credits.has(e.text.toLowerCase()) || ctx.source.speakerDescriptions.some((d) => within(e, d.description));
  for (const sentence of ctx.source.sentences) {
    const derivedSentences = derivedCounterparts(ctx.alignment, sentence.id);
    if (!derivedSentences.length) continue;
    // "mr UNK said": a summariser's unknown-word token hides which name it meant; say nothing about this sentence's names.
    if (derivedSentences.some((d) => hasUnknownWord(ctx.derived, d))) continue;
    const lost = inSentences(ctx.source.entities, [sentence.id]).filter((e) => !skip(e) && !namedIn(ctx.derived, e));
    // A new name that is another spelling of a name in the source sentence ("North Lincolnshire" for "North Lincs").
    const named = (sentence.text.match(/\p{Lu}[\p{L}\p{N}]*/gu) ?? []).map((w) => w.toLowerCase());
    const fresh = inSentences(ctx.derived.entities, derivedSentences).filter(
      (d) => !namedIn(ctx.source, d) && !words(d.text).some((w) => named.some((n) => variantWords(w, n))),
    );
    for (const s of lost) {
      if (reported.has(s.key)) continue;
      reported.add(s.key);
      const sameType = fresh.filter((d) => d.type === s.type);
      const inSlot = sameType.filter(
        (d) => sameSlot(ctx.source, s, ctx.derived, d) && !sharesWord(s, d) && !variantNames(s, d),
      );
      const rivals = lost.filter((o) => o !== s && o.type === s.type && o.key !== s.key);
      if (inSlot.length === 1 && sameType.length === 1 && rivals.length === 0)
        fates.push({ kind: 'changed', source: s, derived: inSlot[0] });
      else if (sameType.length === 0) fates.push({ kind: 'dropped', source: s, derivedSentences });
    }
  }
  return fates;
});

function hasUnknownWord(doc: Analysis, id: number): boolean {
  const s = doc.sentences[id];
  return doc.tokens.slice(s.tokenStart, s.tokenEnd).some((t) => isUnknownWord(t.text));
}

/** Two names whose words pair up as variants ("Dispatches" / "Despatches", "X-ray" / "X-rays"). */
function variantNames(a: EntityMention, b: EntityMention): boolean {
  const wa = words(a.text);
  return words(b.text).some((w) => wa.some((v) => variantWords(w, v)));
}

/**
 * One name word written two ways: a shared beginning of four letters ("Lincs" / "Lincolnshire", "Bucks" /
 * "Buckinghamshire", a glued "ShowFrom" / "Show"), a plural, or a one-letter slip in a long word ("Dispatches" /
 * "Despatches", "Polotwotski" / "Polowotski"). Short words must match exactly: "Gambia" / "Zambia" are two places.
 */
export function variantWords(a: string, b: string): boolean {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (a === b) return true;
  if (a.length >= 4 && b.length >= 4 && a.slice(0, 4) === b.slice(0, 4)) return true;
  if (a + 's' === b || b + 's' === a) return true;
  return Math.min(a.length, b.length) >= 8 && withinOneEdit(a, b);
}

/** Levenshtein distance ≤ 1 (one insertion, deletion or substitution). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** "County Durham" / "Co Durham": a shared name word means a variant, not a replacement. */
function sharesWord(a: EntityMention, b: EntityMention): boolean {
  const mine = new Set(words(a.text).filter((w) => w.length >= 3));
  return words(b.text).some((w) => mine.has(w));
}

/**
 * Named in the other document: as an entity with the same key, as plain text when the other side's entity step
 * missed it, or for people by surname ("Anthony Chambers" / "Anthony Junior Chambers").
 */
function namedIn(doc: Analysis, e: EntityMention): boolean {
  if (doc.entities.some((o) => sameEntity(o.key, e.key) || isAcronymOf(o.text, e.text) || isAcronymOf(e.text, o.text)))
    return true;
  const text = wordText(doc);
  const own = words(e.text.replace(/['’]s$/, ''));
  if (own.length && text.includes(' ' + own.join(' ') + ' ')) return true;
  if (e.type !== 'person' || own.length < 2) return false;
  const surname = own[own.length - 1];
  return doc.entities.some((o) => o.type === 'person' && words(o.text).pop() === surname);
}

const wordTexts = new WeakMap<Analysis, string>();

/** The document's words joined by single spaces, padded, for whole-word phrase search (memoised per document). */
function wordText(doc: Analysis): string {
  let text = wordTexts.get(doc);
  if (text === undefined) wordTexts.set(doc, (text = ' ' + words(doc.text).join(' ') + ' '));
  return text;
}

const ACRONYM_SKIPS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to']);

/**
 * "DOJ" / "Department of Justice", "FBI" / "Federal Bureau of Investigation": a capitalised word of 2–6 letters that
 * spells the initials of the other name's words, with or without its function words. (Keys reorder words —
 * "justice department" — so this reads the texts.)
 */
function isAcronymOf(short: string, long: string): boolean {
  if (!/^[A-Z]{2,6}$/.test(short)) return false;
  const ws = words(long);
  if (ws.length < 2) return false;
  const initials = (list: string[]) => list.map((w) => w[0]).join('');
  const want = short.toLowerCase();
  return initials(ws) === want || initials(ws.filter((w) => !ACRONYM_SKIPS.has(w))) === want;
}
