import type { EntityType, Token } from '../../types.js';
import { nlp, its } from '../wink.js';
import { entityLexicons, fold, normaliseSurface } from './lexicons.js';
import type { Run } from './runs.js';

/** How sure the type is: `lexicon`/`title`/`cue` come from evidence, `weak` only from capitalisation. */
export type Evidence = 'title' | 'lexicon' | 'cue' | 'weak';

/** A typed candidate over tokens `[first, last]`. */
export interface Candidate extends Run {
  type: EntityType;
  evidence: Evidence;
}

const COMPASS = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'north-east',
  'north-west',
  'south-east',
  'south-west',
  'greater',
  'inner',
  'outer',
  'upper',
  'lower',
]);
const PLACE_PREPOSITIONS = new Set(['in', 'from', 'near', 'across', 'outside', 'inside']);
const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;

/** The folded words of tokens `[first, last]`, skipping joiners ("." "-"); with their token indices. */
export function runWords(tokens: Token[], first: number, last: number): Array<{ i: number; w: string }> {
  const out: Array<{ i: number; w: string }> = [];
  for (let i = first; i <= last; i++) {
    const w = fold(tokens[i].text);
    if (w && w !== '-') out.push({ i, w });
  }
  return out;
}

/** The surface text of tokens `[first, last]` as written. */
export function surfaceOf(text: string, tokens: Token[], first: number, last: number): string {
  return text.slice(tokens[first].start, tokens[last].end);
}

/** Longest title starting at word index `p`: its length in words, or 0. */
export function titleAt(words: Array<{ w: string }>, p: number): { length: number; kind: string } | null {
  if (p >= words.length) return null;
  for (const t of entityLexicons().titles.get(words[p].w) ?? []) {
    if (p + t.words.length <= words.length && t.words.every((w, k) => words[p + k].w === w))
      return { length: t.words.length, kind: t.kind };
  }
  return null;
}

/**
 * Splits a run at a title and types the parts: "German Chancellor Olaf Scholz" → place "German", person "Olaf Scholz";
 * the words before a title are kept only when they name something by themselves ("Defence Minister X" keeps no "Defence").
 */
export function classifyRun(text: string, tokens: Token[], run: Run): Candidate[] {
  const lex = entityLexicons();
  const words = runWords(tokens, run.first, run.last);
  if (!words.length) return [];
  const norm = normaliseSurface(surfaceOf(text, tokens, run.first, run.last));
  if (lex.known.has(norm) || lex.demonyms.has(norm)) return [typeWhole(text, tokens, run)];
  for (let p = 0; p < words.length; p++) {
    const title = titleAt(words, p);
    if (!title) continue;
    if (p === 0 && title.length === words.length) return []; // "the Prime Minister" names no one by itself
    let rest = words.slice(p + title.length);
    // "Mr Justice Forbes": titles may stack.
    for (let more = titleAt(rest, 0); more && rest.length > more.length; more = titleAt(rest, 0))
      rest = rest.slice(more.length);
    if (!rest.length) continue;
    if (rest.some((x) => lex.headCues.has(x.w))) break; // "Justice Department", "General Motors"
    if (rest[0].w === 'of' || rest[0].w === 'for') {
      // "Minister of Defence Boris Pistorius": the name starts at the first given name.
      const k = rest.findIndex((x) => lex.firstNames.has(x.w));
      if (k < 0) break;
      rest = rest.slice(k);
    }
    const out: Candidate[] = [];
    if (p > 0) {
      const before = typeWhole(text, tokens, { ...run, last: words[p - 1].i });
      if (before.evidence !== 'weak' && before.type !== 'other') out.push(before);
    }
    out.push({
      ...run,
      first: rest[0].i,
      last: rest[rest.length - 1].i,
      initial: false,
      type: 'person',
      evidence: 'title',
    });
    return out;
  }
  // "Composer Keith Burstein", "Prosecuting Peter Hughes": a capitalised sentence opener before a given name is no part of it.
  if (run.initial && words.length > 2 && lex.firstNames.has(words[1].w) && !lex.firstNames.has(words[0].w)) {
    return [{ ...run, first: words[1].i, initial: false, type: 'person', evidence: 'lexicon' }];
  }
  // "Investigator Phil Yochum": a capitalised role word before a two-word name works like a title.
  if (
    words.length >= 3 &&
    lex.roles.has(words[0].w) &&
    !words.slice(1).some((x) => lex.headCues.has(x.w) || x.w === 'of' || x.w === 'for')
  ) {
    return [{ ...run, first: words[1].i, initial: false, type: 'person', evidence: 'title' }];
  }
  const whole = typeWhole(text, tokens, run);
  return whole.type === 'other' && whole.evidence !== 'weak' ? [] : [whole];
}

/** Types a run without splitting it. */
function typeWhole(text: string, tokens: Token[], run: Run): Candidate {
  const lex = entityLexicons();
  const words = runWords(tokens, run.first, run.last);
  // Plain fields, not a spread: typeWhole runs for most capitalised runs.
  const typed = (type: EntityType, evidence: Evidence): Candidate => ({
    first: run.first,
    last: run.last,
    sentence: run.sentence,
    initial: run.initial,
    type,
    evidence,
  });
  if (words.every((x) => lex.nonNames.has(x.w))) return typed('other', 'lexicon'); // dropped by the caller
  const norm = normaliseSurface(surfaceOf(text, tokens, run.first, run.last));
  const known = lex.known.get(norm);
  if (known) return typed(known.type, 'lexicon');
  if (lex.demonyms.has(norm)) return typed('place', 'lexicon');

  // Head word: the word before "of"/"for" ("Ministry of Defence") or the last word ("Federal Railway Authority").
  const ofAt = words.findIndex((x) => x.w === 'of' || x.w === 'for');
  const head = ofAt > 0 ? words[ofAt - 1].w : words[words.length - 1].w;
  const headType = lex.headCues.get(head);
  if (headType && words.length > 1) return typed(headType, 'cue');
  if (headType) return typed('other', 'lexicon'); // a bare "Ministry" or "Court" names nothing on its own
  const prefixType = lex.prefixCues.get(words[0].w);
  if (prefixType && words.length > 1) return typed(prefixType, 'cue');

  if (lex.firstNames.has(words[0].w) && (words.length > 1 || !run.initial)) return typed('person', 'lexicon');
  // "West London", "Northern Bavaria": a compass word before a known place.
  if (
    words.length > 1 &&
    COMPASS.has(words[0].w) &&
    lex.known.get(normaliseSurface(surfaceOf(text, tokens, words[1].i, run.last)))?.type === 'place'
  ) {
    return typed('place', 'lexicon');
  }
  if (words.length <= 3 && personContext(tokens, run)) return typed('person', 'cue');
  const prev = tokens[run.first - 1];
  if (
    words.length <= 2 &&
    prev &&
    prev.sentence === tokens[run.first].sentence &&
    PLACE_PREPOSITIONS.has(prev.text.toLowerCase())
  ) {
    return typed('place', 'weak'); // "heard from Kevan Okafor": a later "Okafor said" can still make it a person
  }
  if (words.length === 1 && ACRONYM.test(tokens[run.first].text)) return typed('org', 'cue');
  return typed('other', 'weak');
}

/**
 * Person cues around a run: a reporting verb right before or after ("said Lenz", "Lenz told"), "according to",
 * a role noun before ("spokeswoman Maria Lenz"), an age, "who" or a role appositive after ("Lenz, 54,", "Lenz, who", "Lenz, a lawyer").
 */
function personContext(tokens: Token[], run: Run): boolean {
  const lex = entityLexicons();
  const s = tokens[run.first].sentence;
  const at = (i: number): Token | undefined => (tokens[i] && tokens[i].sentence === s ? tokens[i] : undefined);
  const prev = at(run.first - 1);
  const next = at(run.last + 1);
  if (prev && (lex.personCues.has(prev.lemma) || lex.roles.has(prev.lemma)) && prev.pos !== 'PROPN') return true;
  if (prev?.lemma === 'to' && at(run.first - 2)?.lemma === 'accord') return true;
  if (next && lex.personCues.has(next.lemma) && next.pos === 'VERB') return true;
  if (next?.text === ',' && at(run.last + 2)?.pos === 'NUM' && /^\d{1,3}$/.test(at(run.last + 2)!.text)) {
    const after = at(run.last + 3);
    return !after || after.pos === 'PUNCT';
  }
  // "Nkemelu, who chairs the panel," — "who" is only said of people.
  if (next?.text === ',' && at(run.last + 2)?.text.toLowerCase() === 'who') return true;
  // "Ingrid Halvorsen, a former prosecutor …": an appositive naming a role within a few words.
  if (next?.text === ',' && at(run.last + 2)?.pos === 'DET') {
    for (let i = run.last + 3; i <= run.last + 5; i++) {
      const t = at(i);
      if (!t || t.pos === 'PUNCT') break;
      if (lex.roles.has(t.lemma)) return true;
    }
  }
  return false;
}

const pluralCache = new Map<string, boolean>();
/** "Officials" → true: wink lemmatises the lower-cased word to something else, so it is a common plural noun. */
export function isCommonPlural(word: string): boolean {
  const lower = word.toLowerCase();
  let hit = pluralCache.get(lower);
  if (hit === undefined) {
    const lemma =
      (
        nlp
          .readDoc(lower)
          .tokens()
          .out(its.lemma as never) as unknown as string[]
      )[0] ?? lower;
    hit = lemma !== lower;
    pluralCache.set(lower, hit);
  }
  return hit;
}
