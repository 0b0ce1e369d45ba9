import type { EntityType } from '../../types.js';
import { entityLexicons, NAME_PARTICLES, normaliseSurface } from './lexicons.js';

// Post-nominals: "Peter Hughes QC" is "peter hughes".
const NAME_SUFFIXES = new Set([
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'qc',
  'kc',
  'mp',
  'mep',
  'msp',
  'obe',
  'mbe',
  'cbe',
  'phd',
]);
const LEGAL_SUFFIXES = new Set(['inc', 'ltd', 'corp', 'plc', 'ag', 'gmbh', 'llc', 'co', 'sa', 'nv', 'se']);
// "Ministry of Defence" and "Defence Ministry" name the same body: key both as "defense ministry".
const OF_FORM = /^(ministry|department|office) (?:of|for) (?:the )?(.+)$/;

/**
 * Normalised key shared by variants of one entity, comparable across articles.
 * "Defence"/"Defense", "Germany's"/"Germany", "U.S."/"US"/"United States", "the X"/"X" share a key;
 * person keys drop titles: "Maj. Gen. Peter Lenz" → "peter lenz".
 */
export function entityKey(surface: string, type: EntityType): string {
  const lex = entityLexicons();
  const s = normaliseSurface(surface);
  if (type === 'person') return personKey(s);
  const known = lex.known.get(s);
  if (known) return known.key;
  if (type === 'place' || type === 'other') {
    const place = lex.demonyms.get(s);
    if (place) return place;
  }
  if (type === 'org') {
    const words = s.split(' ');
    if (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) return words.slice(0, -1).join(' ');
    const m = OF_FORM.exec(s);
    if (m) return `${m[2]} ${m[1]}`;
  }
  return s;
}

function personKey(s: string): string {
  const lex = entityLexicons();
  // "Taylor-Lloyd" and "Taylor Lloyd" are the same person written two ways.
  let words = s.replace(/-/g, ' ').split(' ').filter(Boolean);
  // Drop leading titles, longest match first: "maj gen peter lenz" → "peter lenz".
  for (let stripped = true; stripped && words.length > 1; ) {
    stripped = false;
    for (const t of lex.titles.get(words[0]) ?? []) {
      if (t.words.length < words.length && t.words.every((w, i) => words[i] === w)) {
        words = words.slice(t.words.length);
        stripped = true;
        break;
      }
    }
  }
  while (words.length > 1 && NAME_SUFFIXES.has(words[words.length - 1])) words = words.slice(0, -1);
  // Written both ways: "Mohamed Al Fayed"/"Mohamed Fayed", "Ursula von der Leyen"/"Von der Leyen", "Neal R. Sonnett"/"Neal Sonnett".
  return words
    .filter((w, i) => i === words.length - 1 || (!NAME_PARTICLES.has(w) && !(i > 0 && w.length === 1)))
    .join(' ');
}

/**
 * Whether two entity keys (from two articles) name the same entity: equal keys, or a surname against a full name
 * ("lenz" vs "maria lenz"), or a multi-word name against the same name with a place qualifier ("supreme court" vs
 * "us supreme court"). A multi-word key that is a known place/org or ends in a head word is not a person,
 * so "york" does not match "new york", nor "court" "supreme court".
 */
export function sameEntity(a: string, b: string): boolean {
  if (a === b) return true;
  // "afl-cio" and "afl cio": hyphens are spelling, not identity.
  if (a.includes('-') || b.includes('-')) {
    a = a.replace(/-/g, ' ');
    b = b.replace(/-/g, ' ');
    if (a === b) return true;
  }
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!short) return false;
  const lex = entityLexicons();
  // "us supreme court" vs "supreme court", "russian foreign ministry" vs "foreign ministry": a place qualifier added.
  if (long.endsWith(' ' + short)) {
    const qualifier = long.slice(0, long.length - short.length - 1);
    if ((lex.known.get(qualifier)?.type === 'place' || lex.demonyms.has(qualifier)) && short.includes(' ')) return true;
  }
  if (short.includes(' ')) return false;
  const words = long.split(' ');
  if (words.length < 2 || words[words.length - 1] !== short) return false;
  return !lex.known.has(long) && !lex.headCues.has(short);
}
