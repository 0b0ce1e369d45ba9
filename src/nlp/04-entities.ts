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

  retypeFromElsewhere(text, tokens, candidates);
  dropSentenceOpeners(text, tokens, candidates);
  const shortNames = nameIndex(text, tokens, candidates);
  const midCaps = new Set<string>();
  for (const c of candidates) if (!c.initial) for (const { w } of runWords(tokens, c.first, c.last)) midCaps.add(w);

  const mentions: EntityMention[] = [];
  for (const c of candidates) {
    const surface = surfaceOf(text, tokens, c.first, c.last);
    const single = c.first === c.last;
    const norm = normaliseSurface(surface);
    const fullName = shortNames.get(c.type === 'person' ? entityKey(surface, 'person') : single ? norm : '');
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
    for (const [short, key] of shortNames) known.set(short, { type: 'person', key });
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

function mention(
  tokens: Token[],
  c: Candidate,
  surface: string,
  type: EntityMention['type'],
  key: string,
): EntityMention {
  return { start: tokens[c.first].start, end: tokens[c.last].end, text: surface, sentence: c.sentence, type, key };
}

/**
 * A name typed by evidence in one place types its untyped repeats: "Lenz said" makes the "Lenz" in "Lenz, a lawyer,"
 * a person, and "Kevan Roberts" a person once "Roberts said" is seen.
 */
function retypeFromElsewhere(text: string, tokens: Token[], candidates: Candidate[]): void {
  const typed = new Map<string, Candidate['type']>();
  for (const c of candidates)
    if (c.type !== 'other' && c.evidence !== 'weak')
      typed.set(normaliseSurface(surfaceOf(text, tokens, c.first, c.last)), c.type);
  for (const c of candidates) {
    if (c.type !== 'other' && c.evidence !== 'weak') continue;
    const words = runWords(tokens, c.first, c.last);
    const whole = typed.get(normaliseSurface(surfaceOf(text, tokens, c.first, c.last)));
    const tail =
      words.length > 1 && words.length <= 3
        ? typed.get(normaliseSurface(tokens[words[words.length - 1].i].text))
        : undefined;
    if (whole) c.type = whole;
    else if (tail === 'person') c.type = 'person';
    else continue;
    c.evidence = 'cue';
  }
}

/** "Depraved Roberts said": a capitalised sentence opener before a name the document knows is no part of the name. */
function dropSentenceOpeners(text: string, tokens: Token[], candidates: Candidate[]): void {
  const lex = entityLexicons();
  const names = new Set<string>();
  for (const c of candidates) {
    if (c.type !== 'person' || c.initial) continue;
    const key = entityKey(surfaceOf(text, tokens, c.first, c.last), 'person');
    names.add(key).add(key.split(' ').at(-1)!);
  }
  for (const c of candidates) {
    if (!c.initial || c.type === 'place' || c.type === 'org' || c.type === 'event') continue;
    const words = runWords(tokens, c.first, c.last);
    if (words.length < 2 || lex.firstNames.has(words[0].w)) continue;
    if (!names.has(entityKey(surfaceOf(text, tokens, words[1].i, c.last), 'person'))) continue;
    c.first = words[1].i;
    c.initial = false;
    c.type = 'person';
  }
}

/**
 * Short forms → full-name key for persons named with two or more words in this document:
 * surname ("lenz" → "maria lenz"), a shorter tail ("taylor lloyd" → "lisa taylor lloyd") and given name
 * ("matthew" → "matthew young"; a surname reading wins: "Thomas" is Richard Thomas before Thomas Marshall).
 * A short form shared by two different people is left out: it is ambiguous.
 */
function nameIndex(text: string, tokens: Token[], candidates: Candidate[]): Map<string, string> {
  const lex = entityLexicons();
  const keys = new Set<string>();
  for (const c of candidates) {
    if (c.type === 'person' && c.first !== c.last)
      keys.add(entityKey(surfaceOf(text, tokens, c.first, c.last), 'person'));
  }
  const surnames = new ShortForms();
  const given = new ShortForms();
  // Longest names first, so "taylor lloyd" itself maps to "lisa taylor lloyd".
  for (const key of [...keys].sort((a, b) => b.length - a.length)) {
    const words = key.split(' ');
    if (words.length < 2) continue;
    const full = surnames.get(key) ?? key;
    const surname = words[words.length - 1];
    if (!lex.known.has(surname)) surnames.add(surname, full);
    for (let k = 1; k < words.length - 1; k++) surnames.add(words.slice(k).join(' '), full);
    if (lex.firstNames.has(words[0])) given.add(words[0], full);
  }
  return new Map([...given.resolved(), ...surnames.resolved()]);
}

/** Short form → full key, forgetting forms that point at two different people. */
class ShortForms {
  private readonly index = new Map<string, string>();
  private readonly ambiguous = new Set<string>();
  add(short: string, key: string): void {
    const seen = this.index.get(short);
    if (seen && seen !== key) this.ambiguous.add(short);
    else this.index.set(short, key);
  }
  get(short: string): string | undefined {
    return this.ambiguous.has(short) ? undefined : this.index.get(short);
  }
  resolved(): Array<[string, string]> {
    return [...this.index].filter(([short]) => !this.ambiguous.has(short));
  }
}
