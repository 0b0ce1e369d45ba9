import type { EntityType, Sentence, Token } from '../../types.js';
import { runWords, surfaceOf, titleAt, type Candidate } from './classify.js';
import { entityLexicons, normaliseSurface } from './lexicons.js';
import type { Run } from './runs.js';

// Words a Title Case headline may leave lower-case ("Trains to Run Again in Bavaria").
const MINOR_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'and',
  'or',
  'but',
  'with',
  'by',
  'from',
  'as',
  'vs',
  'via',
  'into',
  'over',
]);
const LETTER = /^\p{L}/u;
const CAPITAL = /^\p{Lu}/u;

/**
 * Whether capitalisation in this sentence says nothing: a heading where most words are capitalised, or a line where
 * every content word is ("New Train Timetable Angers Commuters Across Bavaria").
 */
export function isTitleCase(tokens: Token[], s: Sentence): boolean {
  let content = 0;
  let capped = 0;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i];
    if (!LETTER.test(t.text) || MINOR_WORDS.has(t.text.toLowerCase())) continue;
    content++;
    if (CAPITAL.test(t.text)) capped++;
  }
  if (s.kind === 'heading') return content >= 2 && capped / content >= 0.8;
  return content >= 4 && capped === content;
}

/** What the body of the article (or the lexicons) already know a normalised surface to be. */
export type KnownSurfaces = Map<string, { type: EntityType; key: string }>;

/**
 * In a Title Case run only tag what is known elsewhere: lexicon places and aliases, names the body mentions,
 * a title before a given name. Longest match first, left to right.
 */
export function matchKnown(
  text: string,
  tokens: Token[],
  run: Run,
  body: KnownSurfaces,
): Array<Candidate & { key?: string }> {
  const lex = entityLexicons();
  const words = runWords(tokens, run.first, run.last);
  const out: Array<Candidate & { key?: string }> = [];
  for (let p = 0; p < words.length; ) {
    let matched = 0;
    for (let len = Math.min(6, words.length - p); len >= 1 && !matched; len--) {
      const first = words[p].i;
      const last = words[p + len - 1].i;
      const norm = normaliseSurface(surfaceOf(text, tokens, first, last));
      const hit =
        body.get(norm) ??
        lex.known.get(norm) ??
        (lex.demonyms.has(norm) ? { type: 'place' as const, key: lex.demonyms.get(norm)! } : undefined);
      if (hit) {
        out.push({ ...run, first, last, initial: false, type: hit.type, evidence: 'lexicon', key: hit.key });
        matched = len;
      } else if (len === 2 && lex.firstNames.has(words[p].w)) {
        out.push({ ...run, first, last, initial: false, type: 'person', evidence: 'lexicon' });
        matched = len;
      }
    }
    const title = matched ? null : titleAt(words, p);
    if (title) {
      // "Chancellor Scholz Visits Paris": a title followed by a given name or a surname the body knows.
      const name = words[p + title.length];
      const known = name && body.get(name.w);
      if (name && (lex.firstNames.has(name.w) || known?.type === 'person')) {
        const next = words[p + title.length + 1];
        const last = lex.firstNames.has(name.w) && next ? next.i : name.i;
        out.push({ ...run, first: name.i, last, initial: false, type: 'person', evidence: 'title', key: known?.key });
        matched = title.length + (last === name.i ? 1 : 2);
      }
    }
    p += matched || 1;
  }
  return out;
}
