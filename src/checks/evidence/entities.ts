import type { Analysis, EntityMention } from '../../types.js';
import { creditsOf } from './credits.js';
import { sameEntity } from './items.js';
import { derivedCounterparts, inSentences, sameSlot, sentenceAt, within, words, perContext } from './pairs.js';
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
  const descriptions = descriptionsBySentence(ctx.source);
  const skip = (e: EntityMention) =>
    credits.has(e.text.toLowerCase()) || (descriptions.get(e.sentence) ?? []).some((d) => within(e, d));
  for (const sentence of ctx.source.sentences) {
    const derivedSentences = derivedCounterparts(ctx.alignment, sentence.id);
    if (!derivedSentences.length) continue;
    const lost = inSentences(ctx.source.entities, [sentence.id]).filter((e) => !skip(e) && !namedIn(ctx.derived, e));
    const fresh = inSentences(ctx.derived.entities, derivedSentences).filter((d) => !namedIn(ctx.source, d));
    for (const s of lost) {
      if (reported.has(s.key)) continue;
      reported.add(s.key);
      const sameType = fresh.filter((d) => d.type === s.type);
      const inSlot = sameType.filter((d) => sameSlot(ctx.source, s, ctx.derived, d) && !sharesWord(s, d));
      const rivals = lost.filter((o) => o !== s && o.type === s.type && o.key !== s.key);
      if (inSlot.length === 1 && sameType.length === 1 && rivals.length === 0)
        fates.push({ kind: 'changed', source: s, derived: inSlot[0] });
      else if (sameType.length === 0) fates.push({ kind: 'dropped', source: s, derivedSentences });
    }
  }
  return fates;
});

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
  if (entityKeys(doc).has(e.key) || doc.entities.some((o) => sameEntity(o.key, e.key))) return true;
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
