import { foldText } from '../fold.js';
import type { EntityType } from '../../types.js';
import { lexicon } from '../../lexicons.js';

export type TitleKind = 'honorific' | 'rank' | 'office';
export type CueType = 'org' | 'event' | 'place';

/**
 * Lower-case particles inside personal names ("Ursula von der Leyen", "Bashar al-Assad", "Erik ten Hag"): an entity
 * run continues across them, and entity keys drop them ("leyen" matches "von der leyen").
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'da',
  'di',
  'del',
  'della',
  'du',
  'des',
  'dos',
  'das',
  'le',
  'la',
  'al',
  'el',
  'bin',
  'ibn',
  'ter',
  'ten',
]);

interface AliasEntry {
  key: string;
  type: EntityType;
  aliases: string[];
}

/** The entity lexicons, compiled once into Sets and Maps (keys are lower-case, dots removed). */
export interface EntityLexicons {
  /** Title word sequences by their first word, longest first: "maj" → [["maj","gen"], ["maj"]]. */
  titles: Map<string, Array<{ words: string[]; kind: TitleKind }>>;
  roles: Set<string>;
  firstNames: Set<string>;
  nonNames: Set<string>;
  personCues: Set<string>;
  headCues: Map<string, CueType>;
  prefixCues: Map<string, CueType>;
  /** UK → US spelling, whole words. */
  spelling: Map<string, string>;
  /** Normalised surface → canonical key and type (aliases and the gazetteer). */
  known: Map<string, { key: string; type: EntityType }>;
  /** Normalised demonym → place key: "german" → "germany". */
  demonyms: Map<string, string>;
}

let compiled: EntityLexicons | null = null;

/** Lower-case, fold diacritics and drop dots: "U.S." → "us", "Württemberg" → "wurttemberg". */
export function fold(word: string): string {
  let hit = folded.get(word);
  if (hit === undefined) {
    if (folded.size > 50_000) folded.clear(); // bound the memo on huge corpora
    hit = foldText(word)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[.]/g, '')
      .replace(/[’`]/g, "'");
    folded.set(word, hit);
  }
  return hit;
}

// fold runs on every capitalised token several times over; memoised like normaliseSurface.
const folded = new Map<string, string>();

export function entityLexicons(): EntityLexicons {
  if (compiled) return compiled;
  const titles = new Map<string, Array<{ words: string[]; kind: TitleKind }>>();
  for (const { title, kind } of lexicon<{ title: string; kind: TitleKind }>('titles').entries) {
    const words = title.split(' ');
    const list = titles.get(words[0]) ?? [];
    list.push({ words, kind });
    titles.set(words[0], list);
  }
  for (const list of titles.values()) list.sort((a, b) => b.words.length - a.words.length);

  const headCues = new Map<string, CueType>();
  const prefixCues = new Map<string, CueType>();
  for (const { word, type, at } of lexicon<{ word: string; type: CueType; at: string }>('entity-cues').entries) {
    (at === 'prefix' ? prefixCues : headCues).set(word, type);
  }
  const spelling = new Map(lexicon<[string, string]>('spelling-variants').entries);
  const lower = (xs: string[]): Set<string> => new Set(xs.map(fold));

  compiled = {
    titles,
    roles: lower(lexicon<string>('entity-roles').entries),
    firstNames: lower(lexicon<string>('entity-first-names').entries),
    nonNames: lower(lexicon<string>('entity-non-names').entries),
    personCues: lower(lexicon<string>('entity-person-cues').entries),
    headCues,
    prefixCues,
    spelling,
    known: new Map(),
    demonyms: new Map(),
  };
  // The gazetteer and aliases are keyed through the same normalisation as the text (needs `spelling` set first).
  const known = compiled.known;
  for (const name of lexicon<string>('entity-places').entries)
    known.set(normaliseSurface(name), { key: normaliseSurface(name), type: 'place' });
  for (const { key, type, aliases } of lexicon<AliasEntry>('entity-aliases').entries) {
    const canonical = { key, type };
    known.set(normaliseSurface(key), canonical);
    for (const alias of aliases) known.set(normaliseSurface(alias), canonical);
  }
  for (const [demonym, place] of lexicon<[string, string]>('demonyms').entries) {
    compiled.demonyms.set(
      normaliseSurface(demonym),
      known.get(normaliseSurface(place))?.key ?? normaliseSurface(place),
    );
  }
  return compiled;
}

/**
 * The type-independent part of a key: folded words, UK spellings made US, leading "the" and a possessive dropped.
 * "the Ministry of Defence's" → "ministry of defense".
 */
export function normaliseSurface(surface: string): string {
  let hit = normalised.get(surface);
  if (hit === undefined) {
    if (normalised.size > 50_000) normalised.clear(); // bound the memo on huge corpora
    hit = normaliseUncached(surface);
    normalised.set(surface, hit);
  }
  return hit;
}

const normalised = new Map<string, string>();

function normaliseUncached(surface: string): string {
  const lex = compiled ?? entityLexicons();
  let s = fold(surface)
    .replace(/['’]s$|(?<=s)'$/u, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}'\- ]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  if (s.startsWith('the ')) s = s.slice(4);
  return s
    .split(' ')
    .map((w) => lex.spelling.get(w) ?? w)
    .join(' ');
}
