import { lexicon } from '../../lexicons.js';
import { orgInTitle } from '../../nlp/entities/descriptions.js';
import { entityLexicons } from '../../nlp/entities/lexicons.js';
import type { Analysis, SpeakerDescription } from '../../types.js';
import { sameEntity } from '../evidence/items.js';
import { inSentences, ref, sentenceAt, within } from '../evidence/pairs.js';
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
    reads: 'alteration',
    description: 'The description introducing a person (role, organisation) is dropped or altered in the rewrite.',
    messages: {
      'description-dropped': 'The rewrite names {person} without the source\'s description "{expected}".',
      'org-dropped': 'The description of {person} lost the organisation: "{expected}" became "{actual}".',
      'org-changed': 'The description of {person} names another organisation: "{expected}" became "{actual}".',
      'role-changed': 'The role of {person} changed: "{expected}" became "{actual}".',
      'rank-lowered': 'The description of {person} lowers their rank or standing: "{expected}" became "{actual}".',
      'org-dropped-rank-lowered':
        'The description of {person} lost the organisation and lowers their rank: "{expected}" became "{actual}".',
    },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const sd of introductions(ctx.source)) {
      if (seen.has(sd.person)) continue; // the introduction counts, not later re-descriptions
      seen.add(sd.person);
      const expected = sd.description.text;
      const data = { person: sd.personName, expected };
      const source = ref(sentenceOfSpan(ctx.source, sd.description), sd.description);
      const dd = counterpart(ctx.source, sd, ctx.derived);
      if (dd) {
        const messageId = compareDescriptions(ctx.source, sd, ctx.derived, dd);
        if (!messageId) continue;
        const actual = dd.description.text;
        out.push({
          messageId,
          data: { ...data, actual },
          source,
          derived: ref(sentenceOfSpan(ctx.derived, dd.description), dd.description),
          expected,
          actual,
        });
        continue;
      }
      const mentions = ctx.derived.entities.filter((e) => e.type === 'person' && sameEntity(e.key, sd.person));
      const mention = mentions[0];
      if (!mention || mentions.some((m) => describedInline(ctx.source, sd, ctx.derived, m.sentence))) continue;
      out.push({
        messageId: 'description-dropped',
        data,
        source,
        derived: ref(mention.sentence, mention),
        expected,
        actual: mention.text,
        // A bare role ("Prosecutor", "student") named away is one referent under its name; an affiliation lost
        // ("a spokeswoman for the Federal Railway Authority") is context a reader needs.
        weaker: !sd.org,
      });
    }
    return out;
  },
};

/**
 * Each person's introduction: the descriptions in the first sentence that describes them, the one naming an
 * organisation first ("Detective Inspector David Michael, a founder member of the Black Police Association": the
 * appositive, not the rank before the name).
 */
function introductions(doc: Analysis): SpeakerDescription[] {
  const firstSentence = new Map<string, number>();
  for (const d of doc.speakerDescriptions)
    if (!firstSentence.has(d.person)) firstSentence.set(d.person, sentenceOfSpan(doc, d.description));
  const intro = doc.speakerDescriptions.filter(
    (d) => sentenceOfSpan(doc, d.description) === firstSentence.get(d.person),
  );
  return [...intro.filter((d) => d.org), ...intro.filter((d) => !d.org)];
}

/** The rewrite's description of the same person that shares most role words with `sd` (the first on a tie). */
function counterpart(src: Analysis, sd: SpeakerDescription, der: Analysis): SpeakerDescription | undefined {
  const mine = roleLemmas(src, sd);
  const theirs = der.speakerDescriptions.filter((d) => sameEntity(d.person, sd.person));
  const shared = (d: SpeakerDescription) => [...roleLemmas(der, d)].filter((l) => mine.has(l)).length;
  return theirs.reduce<SpeakerDescription | undefined>(
    (best, d) => (!best || shared(d) > shared(best) ? d : best),
    undefined,
  );
}

function compareDescriptions(
  src: Analysis,
  sd: SpeakerDescription,
  der: Analysis,
  dd: SpeakerDescription,
): string | null {
  const a = roleLemmas(src, sd);
  const b = roleLemmas(der, dd);
  const lowered = rankLowered(a, b);
  if (sd.org && !dd.org) return lowered ? 'org-dropped-rank-lowered' : 'org-dropped';
  if (sd.org && dd.org && !sameEntity(sd.org, dd.org)) return 'org-changed';
  if (lowered) return 'rank-lowered';
  if (a.size && b.size && ![...a].some((l) => b.has(l))) return 'role-changed';
  return null;
}

let roleWords: Map<string, 'generic' | 'status'> | null = null;

/**
 * "Deputy Director" → "a former port official": the rewrite's role words are generic (official, staff member) where
 * the source's were not, or it adds a status word (former) the source lacks. lexicons/checks-generic-roles.json.
 */
function rankLowered(source: Set<string>, derived: Set<string>): boolean {
  roleWords ??= new Map(
    lexicon<{ word: string; kind: 'generic' | 'status' }>('checks-generic-roles').entries.map((e) => [e.word, e.kind]),
  );
  const kind = (l: string) => roleWords!.get(l);
  const specific = (set: Set<string>) => [...set].filter((l) => !kind(l));
  const status = (set: Set<string>) => [...set].some((l) => kind(l) === 'status');
  if (status(derived) && !status(source)) return true;
  const derivedGeneric = [...derived].some((l) => kind(l) === 'generic');
  // The rewrite keeps no specific role word of the source, and says only "official" (or the like).
  return derivedGeneric && specific(source).some((l) => isRole(l)) && !specific(source).some((l) => derived.has(l));
}

/** A role or title word ("director", "adviser"), not a topic word ("port", "security"). */
function isRole(lemma: string): boolean {
  return (
    entityLexicons().roles.has(lemma) ||
    (entityLexicons()
      .titles.get(lemma)
      ?.some((t) => t.kind !== 'honorific') ??
      false)
  );
}

/**
 * Content lemmas of the description outside names and its organisation: "a senior spokeswoman for the X" → {senior,
 * spokeswoman}; "Deputy Director of the Port Authority" (one name to the entity step) → {deputy, director}.
 */
function roleLemmas(doc: Analysis, d: SpeakerDescription): Set<string> {
  const hit = roleCache.get(d);
  if (hit) return hit;
  const org = orgInTitle(doc, d.description);
  // Only the description's own sentences are searched: a document of many descriptions made this quadratic.
  const first = sentenceAt(doc, d.description.start);
  const last = sentenceAt(doc, Math.max(d.description.start, d.description.end - 1));
  const tokens = first && last ? doc.tokens.slice(first.tokenStart, last.tokenEnd) : doc.tokens;
  const entities =
    first && last
      ? inSentences(
          doc.entities,
          Array.from({ length: last.id - first.id + 1 }, (_, k) => first.id + k),
        )
      : doc.entities;
  // A title taken as one name keeps its role words; only its organisation part is a name.
  const names = entities.filter((e) => within(e, d.description) && !(org && within(org, e)));
  const outside = (t: { start: number; end: number }) => !(org && within(t, org)) && !names.some((e) => within(t, e));
  const lemmas = new Set(
    tokens
      .filter((t) => within(t, d.description) && !t.stop && /\p{L}/u.test(t.text) && outside(t))
      .map((t) => t.lemma),
  );
  roleCache.set(d, lemmas);
  return lemmas;
}

/** Role lemmas per description object (a description belongs to one Analysis). */
const roleCache = new WeakMap<SpeakerDescription, Set<string>>();

/** The rewrite still says who the person is in a sentence naming them: the organisation or a role word appears. */
function describedInline(src: Analysis, sd: SpeakerDescription, der: Analysis, sentence: number): boolean {
  const text = der.sentences[sentence].text.toLowerCase();
  if (sd.org && der.entities.some((e) => e.sentence === sentence && sameEntity(e.key, sd.org!))) return true;
  return [...roleLemmas(src, sd)].some((l) => text.includes(l));
}

function sentenceOfSpan(doc: Analysis, span: { start: number }): number {
  return sentenceAt(doc, span.start)?.id ?? 0;
}
