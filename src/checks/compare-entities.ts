import type { Analysis, EntityMention } from '../types.js';
import { sameEntity } from './items.js';
import { alignedGroups, inSentences, within } from './pairs.js';
import { creditsOf } from './credits.js';
import type { CheckContext } from './types.js';

export type EntityFate =
  | { kind: 'changed'; source: EntityMention; derived: EntityMention }
  | { kind: 'dropped'; source: EntityMention; derivedSentences: number[] };

/**
 * Compares the named entities of each aligned group. An entity named anywhere in the rewrite is kept
 * (a later "she" for "Maria Lenz" is no loss). A lost entity pairs with the one new derived entity of the
 * same type that the source never names ("Federal Railway Authority" → "Transport Ministry": changed);
 * with no candidate it is dropped; with several it is skipped.
 * Organisations inside a speaker's appositive are left to speaker-description-changed.
 */
export function entityFates(ctx: CheckContext): EntityFate[] {
  const fates: EntityFate[] = [];
  const inDescription = (e: EntityMention) => ctx.source.speakerDescriptions.some((d) => within(e, d.description));
  // The source's own outlet ("BERLIN (Reuters) -") is source-uncredited's to report.
  const credits = new Set(creditsOf(ctx.source).map((c) => c.toLowerCase()));
  const isCredit = (e: EntityMention) => credits.has(e.text.toLowerCase());
  for (const group of alignedGroups(ctx.alignment)) {
    const src = inSentences(ctx.source.entities, group.source).filter((e) => !inDescription(e) && !isCredit(e));
    const der = inSentences(ctx.derived.entities, group.derived);
    const lost = src.filter((s) => !namedIn(ctx.derived, s));
    const fresh = der.filter((d) => !namedIn(ctx.source, d));
    for (const s of lost) {
      const partners = fresh.filter((d) => d.type === s.type);
      const rivals = lost.filter((o) => o !== s && o.type === s.type && o.key !== s.key);
      if (partners.length === 1 && rivals.length === 0) fates.push({ kind: 'changed', source: s, derived: partners[0] });
      else if (partners.length === 0) fates.push({ kind: 'dropped', source: s, derivedSentences: group.derived });
    }
  }
  return dedupeByKey(fates);
}

/** Named in the other document, as an entity or, when the other side's entity step missed it, as plain text. */
function namedIn(doc: Analysis, e: EntityMention): boolean {
  if (doc.entities.some((o) => sameEntity(o.key, e.key))) return true;
  return doc.text.toLowerCase().includes(e.text.toLowerCase().replace(/['’]s$/, ''));
}

/** One finding per entity and pair, even when the source names it twice in the group. */
function dedupeByKey(fates: EntityFate[]): EntityFate[] {
  const seen = new Set<string>();
  return fates.filter((f) => {
    const key = f.kind + '|' + f.source.key + '|' + (f.kind === 'changed' ? f.derived.key : f.derivedSentences[0]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
