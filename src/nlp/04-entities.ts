import type { Analysis, EntityMention, Token } from '../types.js';
import { classifyRun, isCommonPlural, runWords, surfaceOf, type Candidate } from './entities/classify.js';
import { entityKey } from './entities/key.js';
import { entityLexicons, normaliseSurface } from './entities/lexicons.js';
import { findRuns } from './entities/runs.js';
import { isTitleCase, matchKnown, type KnownSurfaces } from './entities/title-case.js';

export { entityKey, sameEntity } from './entities/key.js';

/**
 * Step 04: named entities from POS, capitalisation, lexicons and cues (wink has no NER).
 * "Federal Railway Authority spokeswoman Maria Lenz said" → org "Federal Railway Authority", person "Maria Lenz";
 * a later "Ms Lenz" or "Lenz" gets the key "maria lenz".
 */
export function findEntities(doc: Analysis): EntityMention[] {
  const { text, tokens } = doc;
  const candidates: Candidate[] = [];
  const titled = [];
  for (const s of doc.sentences) {
    if (isTitleCase(tokens, s)) titled.push(s);
    else for (const run of findRuns(tokens, s, false)) candidates.push(...classifyRun(text, tokens, run));
  }

  const surnames = surnameIndex(text, tokens, candidates);
  const midCaps = new Set<string>();
  for (const c of candidates) if (!c.initial) for (const { w } of runWords(tokens, c.first, c.last)) midCaps.add(w);

  // A name typed by evidence in one place types its bare repeats: "Lenz said" makes the "Lenz" in "Lenz, a lawyer," a person.
  const typedElsewhere = new Map<string, Candidate['type']>();
  for (const c of candidates) if (c.type !== 'other') typedElsewhere.set(normaliseSurface(surfaceOf(text, tokens, c.first, c.last)), c.type);

  const mentions: EntityMention[] = [];
  for (const c of candidates) {
    const surface = surfaceOf(text, tokens, c.first, c.last);
    const single = c.first === c.last;
    const norm = normaliseSurface(surface);
    if (c.type === 'other' && typedElsewhere.has(norm)) {
      c.type = typedElsewhere.get(norm)!;
      c.evidence = 'cue';
    }
    const fullName = single ? surnames.get(norm) : undefined;
    if (fullName) {
      mentions.push(mention(tokens, c, surface, 'person', fullName));
      continue;
    }
    // A capitalised word opening a sentence is only a name with more evidence: "Officials said" is not one.
    if (c.initial && single && c.evidence !== 'lexicon' && c.evidence !== 'title' && !midCaps.has(norm)) {
      if (c.evidence === 'weak' || isCommonPlural(surface)) continue;
    }
    mentions.push(mention(tokens, c, surface, c.type, entityKey(surface, c.type)));
  }

  if (titled.length) {
    const known: KnownSurfaces = new Map();
    for (const m of mentions) known.set(normaliseSurface(m.text), { type: m.type, key: m.key });
    for (const [surname, key] of surnames) known.set(surname, { type: 'person', key });
    for (const s of titled) {
      for (const run of findRuns(tokens, s, true)) {
        for (const c of matchKnown(text, tokens, run, known)) {
          const surface = surfaceOf(text, tokens, c.first, c.last);
          mentions.push(mention(tokens, c, surface, c.type, c.key ?? entityKey(surface, c.type)));
        }
      }
    }
    mentions.sort((a, b) => a.start - b.start);
  }
  return mentions;
}

function mention(tokens: Token[], c: Candidate, surface: string, type: EntityMention['type'], key: string): EntityMention {
  return { start: tokens[c.first].start, end: tokens[c.last].end, text: surface, sentence: c.sentence, type, key };
}

/**
 * Surname → full-name key for persons named with two or more words in this document ("lenz" → "maria lenz").
 * Surnames shared by two different people are left out: "Lenz" alone is then ambiguous.
 */
function surnameIndex(text: string, tokens: Token[], candidates: Candidate[]): Map<string, string> {
  const lex = entityLexicons();
  const index = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const c of candidates) {
    if (c.type !== 'person' || c.first === c.last) continue;
    const key = entityKey(surfaceOf(text, tokens, c.first, c.last), 'person');
    const words = key.split(' ');
    if (words.length < 2) continue;
    const surname = words[words.length - 1];
    if (lex.known.has(surname)) continue;
    const seen = index.get(surname);
    if (seen && seen !== key) ambiguous.add(surname);
    else index.set(surname, key);
  }
  for (const s of ambiguous) index.delete(s);
  return index;
}
