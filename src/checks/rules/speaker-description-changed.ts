import type { Analysis, SpeakerDescription } from '../../types.js';
import { sameEntity } from '../evidence/items.js';
import { ref, within } from '../evidence/pairs.js';
import type { Check, FindingDraft } from '../types.js';

/**
 * The appositive introducing a person lost or altered its organisation or role:
 * "Maria Lenz, a spokeswoman for the Federal Railway Authority" → "Maria Lenz" or "Maria Lenz, a rail official".
 * People the rewrite never names are left to entity-dropped and claim-dropped.
 */
export const speakerDescriptionChanged: Check = {
  meta: {
    id: 'speaker-description-changed',
    severity: 'medium',
    description: 'The description introducing a person (role, organisation) is dropped or altered in the rewrite.',
    messages: {
      'description-dropped': 'The rewrite names {person} without the source\'s description "{expected}".',
      'org-dropped': 'The description of {person} lost the organisation: "{expected}" became "{actual}".',
      'org-changed': 'The description of {person} names another organisation: "{expected}" became "{actual}".',
      'role-changed': 'The role of {person} changed: "{expected}" became "{actual}".',
    },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const sd of ctx.source.speakerDescriptions) {
      if (seen.has(sd.person)) continue; // the introduction counts, not later re-descriptions
      seen.add(sd.person);
      const expected = sd.description.text;
      const data = { person: sd.personName, expected };
      const source = ref(sentenceOfSpan(ctx.source, sd.description), sd.description);
      const dd = ctx.derived.speakerDescriptions.find((d) => sameEntity(d.person, sd.person));
      if (dd) {
        const messageId = compareDescriptions(ctx.source, sd, ctx.derived, dd);
        if (!messageId) continue;
        const actual = dd.description.text;
        out.push({ messageId, data: { ...data, actual }, source, derived: ref(sentenceOfSpan(ctx.derived, dd.description), dd.description), expected, actual });
        continue;
      }
      const mentions = ctx.derived.entities.filter((e) => e.type === 'person' && sameEntity(e.key, sd.person));
      const mention = mentions[0];
      if (!mention || mentions.some((m) => describedInline(ctx.source, sd, ctx.derived, m.sentence))) continue;
      out.push({ messageId: 'description-dropped', data, source, derived: ref(mention.sentence, mention), expected, actual: mention.text });
    }
    return out;
  },
};

function compareDescriptions(src: Analysis, sd: SpeakerDescription, der: Analysis, dd: SpeakerDescription): string | null {
  if (sd.org && !dd.org) return 'org-dropped';
  if (sd.org && dd.org && !sameEntity(sd.org, dd.org)) return 'org-changed';
  const a = roleLemmas(src, sd);
  const b = roleLemmas(der, dd);
  if (a.size && b.size && ![...a].some((l) => b.has(l))) return 'role-changed';
  return null;
}

/** Content lemmas of the description outside any named entity: "a senior spokeswoman for the X" → {senior, spokeswoman}. */
function roleLemmas(doc: Analysis, d: SpeakerDescription): Set<string> {
  const names = doc.entities.filter((e) => within(e, d.description));
  return new Set(
    doc.tokens
      .filter((t) => within(t, d.description) && !t.stop && /\p{L}/u.test(t.text) && !names.some((e) => within(t, e)))
      .map((t) => t.lemma),
  );
}

/** The rewrite still says who the person is in a sentence naming them: the organisation or a role word appears. */
function describedInline(src: Analysis, sd: SpeakerDescription, der: Analysis, sentence: number): boolean {
  const text = der.sentences[sentence].text.toLowerCase();
  if (sd.org && der.entities.some((e) => e.sentence === sentence && sameEntity(e.key, sd.org!))) return true;
  return [...roleLemmas(src, sd)].some((l) => text.includes(l));
}

function sentenceOfSpan(doc: Analysis, span: { start: number }): number {
  return doc.sentences.find((s) => s.start <= span.start && span.start < s.end)?.id ?? 0;
}
