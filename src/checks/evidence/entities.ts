import { foldText } from '../../nlp/fold.js';
import type { Analysis, EntityMention } from '../../types.js';
import { creditsOf } from './credits.js';
import { sameEntity } from './items.js';
import {
  derivedCounterparts,
  inSentences,
  sameSlot,
  sentenceAt,
  tokensOf,
  within,
  words,
  perContext,
} from './pairs.js';
import { isUnknownWord } from './support.js';
import type { CheckContext } from '../types.js';
import { sentenceWords } from './words.js';

export type EntityFate =
  | { kind: 'changed'; source: EntityMention; derived: EntityMention; byPosition?: boolean }
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
  const descriptions = descriptionsBySentence(ctx.source);
  const skip = (e: EntityMention) =>
    credits.has(e.text.toLowerCase()) || (descriptions.get(e.sentence) ?? []).some((d) => within(e, d));
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
      else {
        // The aligner's position decides whatever the types guessed ("Fox viewers" ~ "CNN viewers").
        const held = alignedPartner(ctx, s, sentence.id, derivedSentences, fresh);
        if (held) fates.push({ kind: 'changed', source: s, derived: held, byPosition: true });
        else if (sameType.length === 0) fates.push({ kind: 'dropped', source: s, derivedSentences });
      }
    }
  }
  return fates;
});

/** Relations by which the aligner put two different names in one place: a position, or a neighbour in the vectors. */
const POSITIONAL = new Set(['slot', 'vector', 'hypernym', 'synonym']);

/**
 * Amid paraphrase: the one new name of the lost name's type that the word aligner put in its place ("Fox said on
 * Friday" ~ "CNN reported on Friday": Fox~CNN by vectors beside aligned words; "the Ericsson deal" ~ "the Lucent deal"
 * by position). Never another spelling of it (shared or variant words).
 */
function alignedPartner(
  ctx: CheckContext,
  s: EntityMention,
  sourceSentence: number,
  derivedSentences: number[],
  candidates: EntityMention[],
): EntityMention | undefined {
  const hits = new Set<EntityMention>();
  for (const d of derivedSentences)
    for (const p of sentenceWords(ctx, sourceSentence, d)) {
      if (!POSITIONAL.has(p.relation) || !within(ctx.source.tokens[p.source], s)) continue;
      const t = ctx.derived.tokens[p.derived];
      for (const c of candidates) if (within(t, c) && !sharesWord(s, c) && !variantNames(s, c)) hits.add(c);
    }
  return hits.size === 1 ? [...hits][0] : undefined;
}

function hasUnknownWord(doc: Analysis, id: number): boolean {
  return tokensOf(doc, id).some((t) => isUnknownWord(t.text));
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
 * missed it (hyphens aside: "English" in "anti-English"; the last word singular or plural: "Home Secretaries" /
 * "home secretary"), by initials ("Financial Fair Play" / "FFP", both ways), or for people by surname
 * ("Anthony Chambers" / "Anthony Junior Chambers").
 */
function namedIn(doc: Analysis, e: EntityMention): boolean {
  // An equal key settles it without comparing every entity (thousands in a long text).
  if (
    entityKeys(doc).has(e.key) ||
    doc.entities.some((o) => sameEntity(o.key, e.key) || isAcronymOf(o.text, e.text) || isAcronymOf(e.text, o.text))
  )
    return true;
  const text = wordText(doc);
  const own = nameWords(e.text.replace(/['’]s$/, ''));
  // People's names have no plural and no initials here ("Williams" is not "William").
  const forms = e.type === 'person' ? [own] : numberForms(own);
  if (own.length && forms.some((f) => text.includes(' ' + f.join(' ') + ' '))) return true;
  if (e.type !== 'person' && initialsIn(doc, e)) return true;
  if (e.type !== 'person' || own.length < 2) return false;
  const surname = own[own.length - 1];
  return doc.entities.some((o) => o.type === 'person' && nameWords(o.text).pop() === surname);
}

/** Words of a name, hyphenated compounds split ("anti-English" → anti, english). */
const nameWords = (text: string): string[] => words(text.replace(/-/g, ' '));

/** The name as written, and with its last word made plural or singular ("secretaries" ↔ "secretary"). */
function numberForms(own: string[]): string[][] {
  const last = own[own.length - 1];
  const other = /ies$/.test(last)
    ? [last.replace(/ies$/, 'y')]
    : /y$/.test(last)
      ? [last.replace(/y$/, 'ies')]
      : /s$/.test(last)
        ? [last.replace(/e?s$/, ''), last.slice(0, -1)]
        : [last + 's', last + 'es'];
  return [own, ...other.filter((w) => w.length > 2).map((w) => [...own.slice(0, -1), w])];
}

/** Small words left out of initials: "Commission for Racial Equality" → CRE. */
const NOT_INITIALLED = new Set(['of', 'for', 'the', 'and', 'on', 'in', 'at', 'to', '&']);

/**
 * An organisation or multi-word name and its initials: the other side writes one for the other ("Financial Fair
 * Play" / "FFP", "TSG" / "Territorial Support Group"). Initials are 2–6 capitals written as a word of their own.
 */
function initialsIn(doc: Analysis, e: EntityMention): boolean {
  if (/^\p{Lu}{2,6}$/u.test(e.text)) return initialsOf(doc).has(e.text.toLowerCase());
  const letters = initialsOfName(e.text);
  return letters !== null && acronymsOf(doc).has(letters);
}

function initialsOfName(text: string): string | null {
  const ws = nameWords(text).filter((w) => !NOT_INITIALLED.has(w));
  return ws.length >= 2 && ws.length <= 6 ? ws.map((w) => w[0]).join('') : null;
}

const acronymCache = new WeakMap<Analysis, Set<string>>();
const initialsCache = new WeakMap<Analysis, Set<string>>();

/** The all-capital words of a document, lower-cased ("FFP" → "ffp"). */
function acronymsOf(doc: Analysis): Set<string> {
  let out = acronymCache.get(doc);
  if (!out) {
    out = new Set((foldText(doc.text).match(/\b\p{Lu}{2,6}\b/gu) ?? []).map((w) => w.toLowerCase()));
    acronymCache.set(doc, out);
  }
  return out;
}

/** The initials of every run of capitalised words (small words allowed inside) of a document and of its entities. */
function initialsOf(doc: Analysis): Set<string> {
  let out = initialsCache.get(doc);
  if (!out) {
    out = new Set<string>();
    const runs =
      foldText(doc.text).match(
        /\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|for|the|and|on|in|at|to|&)\s+)*\p{Lu}[\p{L}'’-]*)+/gu,
      ) ?? [];
    for (const run of [...runs, ...doc.entities.map((o) => o.text)]) {
      const letters = initialsOfName(run);
      if (letters) out.add(letters);
    }
    initialsCache.set(doc, out);
  }
  return out;
}

const wordTexts = new WeakMap<Analysis, string>();

/** The document's words joined by single spaces, padded, for whole-word phrase search (memoised per document). */
function wordText(doc: Analysis): string {
  let text = wordTexts.get(doc);
  if (text === undefined) wordTexts.set(doc, (text = ' ' + nameWords(doc.text).join(' ') + ' '));
  return text;
}

const keySets = new WeakMap<Analysis, Set<string>>();

/** The document's entity keys: an equal key settles namedIn without comparing every entity (memoised per document). */
function entityKeys(doc: Analysis): Set<string> {
  let keys = keySets.get(doc);
  if (!keys) keySets.set(doc, (keys = new Set(doc.entities.map((e) => e.key))));
  return keys;
}

/** Speaker-description spans by the sentences they lie in: an entity is tested against its own sentence's only. */
function descriptionsBySentence(doc: Analysis): Map<number, Array<{ start: number; end: number }>> {
  const out = new Map<number, Array<{ start: number; end: number }>>();
  for (const d of doc.speakerDescriptions) {
    const first = sentenceAt(doc, d.description.start)?.id;
    const last = sentenceAt(doc, Math.max(d.description.start, d.description.end - 1))?.id;
    if (first === undefined || last === undefined) continue;
    for (let id = first; id <= last; id++) out.set(id, [...(out.get(id) ?? []), d.description]);
  }
  return out;
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
